/** Address space as [first octet, second octet from, second octet to, third octet from, third octet to]. */
export type NetworkRange = readonly [number, number, number, number, number]

/** Commercial VPN exits (M247, Datacamp and other ranges on public VPN lists): privacy users and fraud rings alike. */
export const vpnRanges: readonly NetworkRange[] = [
  [146, 70, 70, 64, 127],
  [146, 70, 70, 128, 191],
  [37, 120, 120, 144, 159],
  [5, 157, 157, 192, 223],
  [38, 132, 132, 96, 127],
  [82, 102, 102, 16, 31],
  [104, 207, 207, 32, 63],
]

/** Hosting providers (DigitalOcean) that operators rent remote desktops in. */
export const hostingRanges: readonly NetworkRange[] = [
  [159, 65, 65, 0, 255],
  [167, 99, 99, 0, 255],
  [138, 197, 197, 0, 255],
]

/** Campus networks: one NAT address for many students. */
export const campusNetworks: Readonly<Record<string, readonly [number, number]>> = {
  US: [128, 32],
  CA: [142, 150],
  GB: [130, 88],
  DE: [129, 187],
  IN: [14, 139],
  FR: [129, 175],
}

export const desktopUserAgents: readonly string[] = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/134.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36 Edg/138.0.0.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3 Safari/605.1.15',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:136.0) Gecko/20100101 Firefox/136.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:139.0) Gecko/20100101 Firefox/139.0',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0.0.0 Safari/537.36',
  'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:137.0) Gecko/20100101 Firefox/137.0',
]

export const mobileUserAgents: readonly string[] = [
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/132.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/135.0.0.0 Mobile Safari/537.36',
]

/** Carriers a line-type lookup reports, per kind of line. */
export const mobileCarriers: Readonly<Record<string, readonly string[]>> = {
  US: ['Verizon Wireless', 'T-Mobile USA, Inc.', 'AT&T Wireless', 'Cricket Wireless'],
  CA: ['Rogers Communications', 'Bell Mobility', 'TELUS Mobility'],
  GB: ['EE Limited', 'Vodafone UK', 'O2 (UK)', 'Three UK'],
  DE: ['Telekom Deutschland', 'Vodafone GmbH', 'Telefónica Germany'],
  IN: ['Reliance Jio', 'Bharti Airtel', 'Vodafone Idea'],
}
export const voipCarriers: readonly string[] = [
  'Bandwidth.com - CLEC',
  'Google (Grand Central) BWI - Bandwidth.com - SVR',
  'Twilio - SMS/MMS-SVR',
  'TextNow - Neutral Tandem - SVR',
  'Onvoy Spectrum, LLC',
]

/** Accept-Language headers of browsers set up in Korea or China: a tell when the applicant claims a US home. */
export const eastAsianLanguages: readonly string[] = [
  'ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7',
  'zh-CN,zh;q=0.9,en;q=0.8',
  'en-US,en;q=0.9,ko;q=0.8',
  'en-US,en;q=0.9,zh-CN;q=0.8,zh;q=0.7',
]

/** Formats a random address inside a range. */
export function addressInRange(range: NetworkRange, third: number, fourth: number): string {
  return `${range[0]}.${range[1]}.${range[3] + (third % (range[4] - range[3] + 1))}.${fourth}`
}
