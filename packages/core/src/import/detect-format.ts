import { isJsonObject, objectAt, type JsonObject } from './json-value.js'

/** The JSON shapes HireWall imports. */
export const jsonFormats = ['canonical', 'json-resume', 'greenhouse', 'lever', 'ashby'] as const
export type JsonFormat = (typeof jsonFormats)[number]

const ashbyKeys = ['primaryEmailAddress', 'primaryPhoneNumber', 'socialLinks', 'applicationIds', 'primaryLocation']
const greenhouseCandidateKeys = ['first_name', 'last_name', 'email_addresses', 'phone_numbers']
const resumeKeys = ['basics', 'work', 'education']

/**
 * Which importer a parsed JSON value needs, from its shape alone; undefined when it is none of them. A canonical
 * record is anything with `schemaVersion` (validation then says what is wrong with it).
 */
export function detectFormat(value: unknown): JsonFormat | undefined {
  if (!isJsonObject(value)) return undefined
  if ('schemaVersion' in value) return 'canonical'
  if (isGreenhouse(value)) return 'greenhouse'
  if (isLever(value)) return 'lever'
  if (isAshby(value)) return 'ashby'
  if (resumeKeys.some((key) => key in value)) return 'json-resume'
  return undefined
}

function isGreenhouse(value: JsonObject): boolean {
  // Webhook envelope; Harvest candidate with applications; Harvest application carrying its candidate.
  if (typeof value['action'] === 'string' && isJsonObject(value['payload'])) return true
  if (Array.isArray(value['applications']) && greenhouseCandidateKeys.some((key) => key in value)) return true
  const candidate = objectAt(value, 'candidate')
  return candidate !== undefined && ('applied_at' in value || greenhouseCandidateKeys.some((key) => key in candidate))
}

function isLever(value: JsonObject): boolean {
  const opportunity = objectAt(value, 'opportunity') ?? value
  return (
    typeof opportunity['contact'] === 'string' &&
    ('emails' in opportunity || 'origin' in opportunity || 'phones' in opportunity)
  )
}

function isAshby(value: JsonObject): boolean {
  const candidate = 'results' in value ? objectAt(value, 'results') : value
  return candidate !== undefined && ashbyKeys.some((key) => key in candidate)
}
