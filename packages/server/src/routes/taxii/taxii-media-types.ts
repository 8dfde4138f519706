/** The media type of every TAXII 2.1 response (TAXII 2.1 §1.6.8.1). */
export const taxiiMediaType = 'application/taxii+json;version=2.1'

/** The media type of the STIX objects a collection holds. */
export const stixMediaType = 'application/stix+json;version=2.1'

/**
 * True when an `Accept` header allows a TAXII 2.1 response: `application/taxii+json` with `version=2.1` or without a
 * version (the latest, TAXII 2.1 §1.6.8.1), or a wildcard (`*\/*`, `application/*`), with a quality above 0. No header
 * means anything is acceptable (RFC 9110 §12.5.1).
 */
export function acceptsTaxii(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true
  return accept.split(',').some((range) => {
    const [type = '', ...parameters] = range.split(';').map((part) => part.trim().toLowerCase())
    const values = new Map(
      parameters.map((parameter) => {
        const [name = '', value = ''] = parameter.split('=', 2)
        return [name.trim(), value.trim().replace(/^"|"$/g, '')] as const
      }),
    )
    const quality = values.get('q')
    if (quality !== undefined && !(Number(quality) > 0)) return false
    if (type === '*/*' || type === 'application/*') return true
    if (type !== 'application/taxii+json') return false
    const version = values.get('version')
    return version === undefined || version === '2.1'
  })
}
