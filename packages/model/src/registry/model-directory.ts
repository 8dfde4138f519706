import { link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { z } from 'zod'
import { parseRiskModelFile, type ModelFileIssue } from '../risk-model/parse-risk-model-file.js'
import type { RiskModelFile } from '../risk-model/risk-model-file.js'

export type ModelDirectoryInputs = {
  /** `--models-dir` as given on the command line. */
  readonly flag?: string | undefined
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly homeDirectory?: string
}

/**
 * Where models live: `--models-dir`, else `$HIREWALL_MODELS_DIR`, else `$HIREWALL_HOME/models`, else
 * `~/.hirewall/models`. Empty values count as unset. The result is an absolute path.
 */
export function resolveModelDirectory(inputs: ModelDirectoryInputs = {}): string {
  const env = inputs.env ?? process.env
  const given = (value: string | undefined): string | undefined => (value && value.trim() !== '' ? value : undefined)
  const flag = given(inputs.flag)
  if (flag) return resolve(flag)
  const modelsDir = given(env.HIREWALL_MODELS_DIR)
  if (modelsDir) return resolve(modelsDir)
  const home = given(env.HIREWALL_HOME)
  if (home) return resolve(home, 'models')
  return join(inputs.homeDirectory ?? homedir(), '.hirewall', 'models')
}

export const activationActions = ['promote', 'rollback'] as const
export type ActivationAction = (typeof activationActions)[number]

/** `active.json`: the active version, the promotions a rollback can return to, and every change. */
export type ActiveModelRecord = {
  readonly version: string
  /** Promoted versions, oldest first; the last is active. A rollback removes the last. */
  readonly stack: readonly string[]
  readonly log: readonly {
    readonly action: ActivationAction
    readonly version: string
    readonly at: string
    readonly note?: string
  }[]
}

const activeSchema = z.object({
  version: z.string(),
  stack: z.array(z.string()).min(1),
  log: z.array(
    z.object({ action: z.enum(activationActions), version: z.string(), at: z.string(), note: z.string().optional() }),
  ),
})

export type ModelLoad =
  | { readonly status: 'loaded'; readonly file: RiskModelFile }
  | { readonly status: 'missing'; readonly message: string }
  | { readonly status: 'invalid'; readonly issues: readonly ModelFileIssue[] }

export type ModelListing = {
  readonly version: string
  readonly createdAt: string
  readonly labelSource: string
  readonly heldOutPrAuc: number | null
  readonly isActive: boolean
}

const versionPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/
const activeFile = 'active.json'

/**
 * The models directory: one `<version>.json` per trained model (never overwritten) and `active.json` naming the
 * active one. Writes go to a temporary file renamed into place, so a reader never sees half a file.
 */
export class ModelDirectory {
  constructor(readonly path: string) {}

  fileOf(version: string): string {
    if (!versionPattern.test(version) || version === 'active') throw new Error(`not a model version: ${version}`)
    return join(this.path, `${version}.json`)
  }

  /** Saves a new model; an existing file of the same version is left as it is (same version, same content). */
  async save(file: RiskModelFile): Promise<string> {
    const target = this.fileOf(file.version)
    await mkdir(this.path, { recursive: true })
    const temporary = `${target}.${process.pid}.${Date.now()}.tmp`
    try {
      await writeFile(temporary, `${JSON.stringify(file)}\n`)
      // link() refuses an existing target: a whole new file appears, or nothing changes.
      await link(temporary, target)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    } finally {
      await rm(temporary, { force: true })
    }
    return target
  }

  /** Reads and checks one model file; `active` reads the active one. */
  async load(version: string): Promise<ModelLoad> {
    let wanted = version
    if (version === 'active') {
      const active = await this.active()
      if (!active)
        return { status: 'missing', message: `no model is active in ${this.path} (run "hirewall model promote")` }
      wanted = active.version
    }
    if (!versionPattern.test(wanted)) return { status: 'missing', message: `"${wanted}" is not a model version` }
    let text: string
    try {
      text = await readFile(this.fileOf(wanted), 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return { status: 'missing', message: `no model ${wanted} in ${this.path} (run "hirewall model list")` }
      throw error
    }
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      return { status: 'invalid', issues: [{ path: '', message: `${this.fileOf(wanted)} is not valid JSON` }] }
    }
    const parsed = parseRiskModelFile(value)
    return parsed.status === 'valid' ? { status: 'loaded', file: parsed.file } : parsed
  }

  async active(): Promise<ActiveModelRecord | undefined> {
    let text: string
    try {
      text = await readFile(join(this.path, activeFile), 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw error
    }
    const parsed = activeSchema.safeParse(JSON.parse(text))
    if (!parsed.success)
      throw new Error(`${join(this.path, activeFile)} is damaged: ${parsed.error.issues[0]?.message}`)
    const { version, stack, log } = parsed.data
    return {
      version,
      stack,
      log: log.map(({ note, ...entry }) => (note === undefined ? entry : { ...entry, note })),
    }
  }

  /** Every model file's version with its headline facts, oldest first. */
  async list(): Promise<ModelListing[]> {
    let names: string[]
    try {
      names = await readdir(this.path)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
    const activeVersion = (await this.active())?.version
    const listings: ModelListing[] = []
    for (const name of names.sort()) {
      if (!name.endsWith('.json') || name === activeFile) continue
      const version = name.slice(0, -'.json'.length)
      const loaded = await this.load(version)
      if (loaded.status !== 'loaded') continue
      listings.push({
        version,
        createdAt: loaded.file.createdAt,
        labelSource: loaded.file.labels.source,
        heldOutPrAuc: loaded.file.evaluation.model.prAuc,
        isActive: version === activeVersion,
      })
    }
    return listings.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.version.localeCompare(b.version))
  }

  /** Makes a saved model the active one. */
  async promote(version: string, at: string, note?: string): Promise<ActiveModelRecord> {
    const current = await this.active()
    const record: ActiveModelRecord = {
      version,
      stack: [...(current?.stack ?? []), version],
      log: [...(current?.log ?? []), { action: 'promote', version, at, ...(note ? { note } : {}) }],
    }
    await this.writeActive(record)
    return record
  }

  /** Returns to the model active before the last promotion; undefined when there is none to return to. */
  async rollback(at: string): Promise<ActiveModelRecord | undefined> {
    const current = await this.active()
    if (!current || current.stack.length < 2) return undefined
    const stack = current.stack.slice(0, -1)
    const version = stack[stack.length - 1] as string
    const record: ActiveModelRecord = {
      version,
      stack,
      log: [...current.log, { action: 'rollback', version, at, note: `from ${current.version}` }],
    }
    await this.writeActive(record)
    return record
  }

  private async writeActive(record: ActiveModelRecord): Promise<void> {
    await mkdir(this.path, { recursive: true })
    const target = join(this.path, activeFile)
    const temporary = `${target}.${process.pid}.${Date.now()}.tmp`
    try {
      await writeFile(temporary, `${JSON.stringify(record, null, 2)}\n`)
      await rename(temporary, target)
    } finally {
      await rm(temporary, { force: true })
    }
  }
}
