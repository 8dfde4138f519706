import { describe, expect, it } from 'vitest'
import { describeSelection, downloadFileName, emptyExportForm, exportRequestOf, tlpLabel } from './sharing-api'

describe('the sharing page data helpers', () => {
  it('sends only the fields the admin filled in, trimmed', () => {
    expect(exportRequestOf(emptyExportForm)).toEqual({ format: 'stix', tlp: 'amber', hashed: false })
    expect(
      exportRequestOf({
        ...emptyExportForm,
        format: 'misp',
        tlp: 'amber+strict',
        isHashed: true,
        decidedFrom: '2026-11-01',
        clusterId: '  cluster:ring-1 ',
        attributedTo: ' ',
      }),
    ).toEqual({
      format: 'misp',
      tlp: 'amber+strict',
      hashed: true,
      decidedFrom: '2026-11-01',
      clusterId: 'cluster:ring-1',
    })
  })

  it('describes a selection in words, and an empty one as every confirmed fraud', () => {
    expect(describeSelection({ confidence: 90 })).toBe('every confirmed fraud')
    expect(
      describeSelection({
        decidedFrom: '2026-11-01',
        decidedBefore: '2026-12-01',
        clusterId: 'cluster:a',
        confidence: 90,
      }),
    ).toBe('decided from 2026-11-01, decided before 2026-12-01, cluster cluster:a')
  })

  it('labels TLP levels and names downloads by format', () => {
    expect(tlpLabel('amber+strict')).toBe('TLP:AMBER+STRICT')
    expect(downloadFileName({ id: 'e1', format: 'stix' })).toBe('hirewall-export-e1.stix.json')
    expect(downloadFileName({ id: 'e2', format: 'misp' })).toBe('hirewall-export-e2.misp.json')
  })
})
