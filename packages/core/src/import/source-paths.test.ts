import { describe, expect, it } from 'vitest'
import { SourcePaths } from './source-paths.js'

describe('SourcePaths.translate', () => {
  const paths = new SourcePaths()
    .set('submittedAt', 'payload.application.applied_at')
    .set('cv.education[0]', 'candidate.educations[2]')
    .set('cv.education[0].startDate', 'candidate.educations[2].start_date')
    .set('cv.work[1]', 'work_json[1]')
    .set('cv', '')

  it.each([
    ['submittedAt', 'payload.application.applied_at'],
    ['cv.education[0].startDate', 'candidate.educations[2].start_date'],
    ['cv.education[0].countryCode', 'candidate.educations[2].countryCode'],
    ['cv.work[1].endDate', 'work_json[1].endDate'],
    ['cv.basics.location.countryCode', 'basics.location.countryCode'],
    ['cv.work[10].endDate', 'work[10].endDate'],
    ['cv', '(record)'],
    ['contacts.phones[0].value', 'contacts.phones[0].value'],
  ])('%s -> %s', (canonical, source) => {
    expect(paths.translate(canonical)).toBe(source)
  })
})
