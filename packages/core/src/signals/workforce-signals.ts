import { defineSignals } from './signal-definition.js'

/**
 * Signals about people already hired: equipment shipments, devices, sign-ins and payroll (the laptop farm and account
 * takeover). The definitions live here, in the one registry; `@hirewall/workforce` raises them over an employee's
 * records. Evidence names the records (shipment, device, sign-in events, payroll change) that show it.
 */
export const workforceSignals = defineSignals([
  {
    code: 'shipment.address.not-home',
    category: 'shipment',
    stage: 'onboarding',
    severity: 'low',
    description:
      "Equipment was shipped to an address other than the employee's home on file (and not to a company office).",
  },
  {
    code: 'shipment.address.forwarder',
    category: 'shipment',
    stage: 'onboarding',
    severity: 'high',
    description:
      'Equipment was shipped to a freight forwarder, reshipper or commercial mailbox on the maintained forwarding-address list.',
  },
  {
    code: 'shipment.address.shared',
    category: 'shipment',
    stage: 'onboarding',
    severity: 'high',
    description:
      'Equipment of several employees was shipped to one address that is not the home on file of each of them (not a household).',
  },
  {
    code: 'device.check-in.far-from-home',
    category: 'device',
    stage: 'onboarding',
    severity: 'high',
    description:
      "The employee's device first checked in to device management from an IP address in another country than the home on file.",
  },
  {
    code: 'device.remote-access',
    category: 'device',
    stage: 'after-hire',
    severity: 'medium',
    description:
      "Remote-access or remote-management software of the catalogue (AnyDesk, TeamViewer, Chrome Remote Desktop, RustDesk, Splashtop, RMM agents...) runs or is installed on the employee's device and is not allowed by the organisation.",
  },
  {
    code: 'device.ip-kvm',
    category: 'device',
    stage: 'after-hire',
    severity: 'high',
    description:
      "IP-KVM hardware (PiKVM, TinyPilot, JetKVM, NanoKVM and similar, by USB vendor and product id or name) is attached to the employee's device: someone else can drive it from afar.",
  },
  {
    code: 'device.mouse-jiggler',
    category: 'device',
    stage: 'after-hire',
    severity: 'medium',
    description: "A mouse jiggler (USB hardware or software) on the employee's device keeps it looking active.",
  },
  {
    code: 'device.vpn-client',
    category: 'device',
    stage: 'after-hire',
    severity: 'medium',
    description:
      "A consumer VPN client of the catalogue (Astrill and others) is installed or has a network interface on the employee's device.",
  },
  {
    code: 'farm.shared-egress',
    category: 'laptop-farm',
    stage: 'after-hire',
    severity: 'high',
    description:
      "The employee's devices or sign-ins habitually come from the same residential IP address as other employees' whose homes on file differ, in one window: a laptop farm (the cluster names them all).",
  },
  {
    code: 'sign-in.egress.vpn',
    category: 'sign-in',
    stage: 'after-hire',
    severity: 'medium',
    description:
      'Sign-ins come through a consumer VPN service: medium when it is the habit (a third of sign-ins or more), low when occasional.',
  },
  {
    code: 'sign-in.egress.hosting',
    category: 'sign-in',
    stage: 'after-hire',
    severity: 'medium',
    description:
      'Sign-ins come from a hosting or data-centre network (a rented remote desktop), not a home or mobile line: medium when it is the habit, low when occasional.',
  },
  {
    code: 'sign-in.egress.proxy',
    category: 'sign-in',
    stage: 'after-hire',
    severity: 'medium',
    description:
      'Sign-ins come through a proxy (listed, or flagged by the identity provider): medium when it is the habit, low when occasional.',
  },
  {
    code: 'sign-in.egress.tor-exit',
    category: 'sign-in',
    stage: 'after-hire',
    severity: 'high',
    description: 'Sign-ins come from a Tor exit node.',
  },
  {
    code: 'sign-in.country.mismatch',
    category: 'sign-in',
    stage: 'after-hire',
    severity: 'medium',
    description:
      'A third or more of the sign-ins from undisguised addresses come from another country than the home on file.',
  },
  {
    code: 'sign-in.country.embargoed',
    category: 'sign-in',
    stage: 'after-hire',
    severity: 'high',
    description:
      'A sign-in came from an IP address in a comprehensively sanctioned country (North Korea, Iran, Cuba, Syria).',
  },
  {
    code: 'sign-in.impossible-travel',
    category: 'sign-in',
    stage: 'after-hire',
    severity: 'high',
    description:
      'Two successful sign-ins of one account are so far apart for the time between them that no flight could do it (shared or stolen credentials).',
  },
  {
    code: 'sign-in.around-the-clock',
    category: 'sign-in',
    stage: 'after-hire',
    severity: 'medium',
    description:
      'The account is active in nearly every hour of the day on several days: people working in shifts behind one identity.',
  },
  {
    code: 'sign-in.rhythm.utc8-9',
    category: 'sign-in',
    stage: 'after-hire',
    severity: 'medium',
    description:
      'The hours of activity fit a working day at UTC+8/+9 (China, Korea) clearly better than one in the time zone of the home on file.',
  },
  {
    code: 'payroll.holder.mismatch',
    category: 'payroll',
    stage: 'after-hire',
    severity: 'high',
    description: 'The salary goes to a bank account held in another name than the employee.',
  },
  {
    code: 'payroll.account.shared',
    category: 'payroll',
    stage: 'after-hire',
    severity: 'high',
    description: 'One bank account (compared by its hash) receives the pay of several employees.',
  },
  {
    code: 'payroll.changes.frequent',
    category: 'payroll',
    stage: 'after-hire',
    severity: 'medium',
    description: 'The bank details were changed three times or more within 90 days.',
  },
  {
    code: 'payroll.payout.crypto',
    category: 'payroll',
    stage: 'after-hire',
    severity: 'high',
    description: 'The employee asked to be paid in cryptocurrency or to a crypto exchange.',
  },
  {
    code: 'payroll.payout.layered',
    category: 'payroll',
    stage: 'after-hire',
    severity: 'medium',
    description:
      'The pay goes through a payout or money-transfer service (an account at a payment institution rather than a bank), a layer between employer and holder.',
  },
])

export type WorkforceSignalCode = (typeof workforceSignals)[number]['code']
