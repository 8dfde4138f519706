import { describe, expect, it } from 'vitest'
import { findForwarding, parseForwardingAddresses } from './forwarding-addresses.js'
import { findPayoutInstitution, parsePayoutInstitutions } from './payout-institutions.js'
import { parseRemoteAccessCatalogue } from './remote-access-catalogue.js'
import { loadShippedLists } from './shipped-lists.js'

describe('shipped lists', () => {
  it('load without a skipped row, versioned, every entry with a note', () => {
    const lists = loadShippedLists()
    expect(lists.catalogue.source).toMatchObject({ name: 'hirewall remote-access catalogue', version: '2026-11-24' })
    expect(lists.catalogue.entries.length).toBeGreaterThan(50)
    for (const entry of lists.catalogue.entries) expect(entry.note).not.toBe('')
    expect(new Set(lists.catalogue.entries.map((entry) => entry.kind))).toEqual(
      new Set(['remote-access', 'rmm', 'ip-kvm', 'mouse-jiggler', 'vpn-client']),
    )
    for (const name of [
      'AnyDesk',
      'TeamViewer',
      'Chrome Remote Desktop',
      'RustDesk',
      'Splashtop',
      'PiKVM',
      'TinyPilot',
    ])
      expect(lists.catalogue.entries.some((entry) => entry.name === name)).toBe(true)
    expect(lists.forwarding.entries.length).toBeGreaterThan(10)
    expect(lists.payoutInstitutions.entries.length).toBeGreaterThan(10)
  })
})

describe('user-edited lists', () => {
  it('skip a bad row with its line and column and load the rest', () => {
    const parsed = parseRemoteAccessCatalogue(
      '# version: 7\nkind,name,match,pattern,note\nip-kvm,Home-made KVM,usb-id,0x16C0:0x27DB,seen in our fleet\nip-kvm,Bad,usb-id,pikvm,typo\nteleporter,X,program,x,\n',
      'our catalogue',
    )
    expect(parsed).toEqual({
      status: 'ok',
      source: { name: 'our catalogue', version: '7', entries: 1 },
      entries: [
        {
          kind: 'ip-kvm',
          name: 'Home-made KVM',
          match: 'usb-id',
          pattern: '16c0:27db',
          note: 'seen in our fleet',
          line: 3,
        },
      ],
      skipped: [
        { line: 4, column: 'pattern', message: 'must be vendor:product in hex such as 1d6b:0104, not "pikvm"' },
        {
          line: 5,
          column: 'kind',
          message: 'must be one of remote-access, rmm, ip-kvm, mouse-jiggler, vpn-client, not "teleporter"',
        },
      ],
    })
  })

  it('refuse a file without the header columns or without entries', () => {
    expect(parseForwardingAddresses('address,kind\n1 Main St,forwarder\n', 'ours')).toEqual({
      status: 'invalid',
      issues: [
        {
          line: 1,
          message: 'the header must name the columns pattern, kind, name, note; missing: pattern, name, note',
        },
      ],
    })
    expect(parsePayoutInstitutions('pattern,kind,name,note\n', 'ours')).toMatchObject({
      status: 'invalid',
      issues: [{ message: 'has no entries' }],
    })
  })

  it('skip a row of a word-pattern list with an unknown kind or a pattern without words, naming the column', () => {
    const text = 'pattern,kind,name,note\nPayoneer,payout-service,,\nAcme,bank,,\n"  ,. ",crypto,,\n'
    expect(parsePayoutInstitutions(text, 'ours')).toMatchObject({
      status: 'ok',
      entries: [{ pattern: 'Payoneer', words: ['payoneer'], kind: 'payout-service', name: 'Payoneer', line: 2 }],
      skipped: [
        { line: 3, column: 'kind', message: 'must be one of payout-service, crypto, not "bank"' },
        { line: 4, column: 'pattern', message: 'is required: the name to look for' },
      ],
    })
    expect(parseForwardingAddresses('pattern,kind,name,note\n1 Main St,hotel,,\n', 'ours')).toMatchObject({
      status: 'invalid',
    })
  })

  it('match a full farm address the way addresses are compared', () => {
    const parsed = parseForwardingAddresses(
      'pattern,kind,name,note\n"9 Farm Road, Dover, DE 19901",forwarder,Known farm,case 2026-17\n',
      'ours',
    )
    if (parsed.status !== 'ok') throw new Error('expected ok')
    const list = { source: parsed.source, entries: parsed.entries }
    expect(findForwarding(list, '9 farm rd dover de 19901')?.name).toBe('Known farm')
    expect(findForwarding(list, '19 farm rd dover de 19901')).toBeUndefined()
  })

  it('match institution names by whole words', () => {
    const { payoutInstitutions } = loadShippedLists()
    expect(findPayoutInstitution(payoutInstitutions, 'WISE PAYMENTS LIMITED')?.name).toBe('Wise')
    expect(findPayoutInstitution(payoutInstitutions, 'Otherwise Savings Bank')).toBeUndefined()
  })
})
