import { describe, expect, it } from 'vitest'
import { profileFromLink } from './profile-link.js'

describe('profileFromLink', () => {
  it.each([
    ['https://www.linkedin.com/in/jane-smith-42/', undefined, { network: 'LinkedIn', username: 'jane-smith-42' }],
    ['uk.linkedin.com/in/j%C3%B6rg', undefined, { network: 'LinkedIn', username: 'jörg' }],
    ['https://linkedin.com/company/acme', undefined, { network: 'LinkedIn' }],
    ['github.com/janesmith', undefined, { network: 'GitHub', username: 'janesmith' }],
    ['https://x.com/jane', undefined, { network: 'Twitter', username: 'jane' }],
    ['https://notlinkedin.com/in/jane', undefined, { network: 'Website' }],
    ['https://jane.dev', 'Portfolio', { network: 'Portfolio' }],
    ['not a url at all', undefined, { network: 'Website' }],
  ])('%s (%s)', (url, label, expected) => {
    expect(profileFromLink(url, label)).toEqual({ ...expected, url })
  })
})
