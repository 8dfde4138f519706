import { compileRiskModel, parseRiskModelFile, type RiskModel } from '@hirewall/model'
import type { ModelRepository } from '@hirewall/store'

/**
 * The risk model this process scores with: the store's active version, read again for every screening batch (one
 * indexed read inside the batch's locked transaction) so a promotion or rollback made by any process applies to the
 * next batch everywhere. Compiled models are kept by version, so a rollback switches back at once.
 */
export class ActiveRiskModel {
  private readonly compiled = new Map<string, RiskModel>()
  private current: RiskModel | undefined

  constructor(private readonly onError?: (error: unknown) => void) {}

  /** The model of the last refresh; undefined while the rules alone decide. */
  get model(): RiskModel | undefined {
    return this.current
  }

  /**
   * Reads the active version and loads its file when it is new to this process. A file that no longer passes the
   * checks (hand-edited, a feature this version does not compute) is reported and the rules decide alone.
   */
  async refresh(models: ModelRepository): Promise<RiskModel | undefined> {
    const version = await models.activeVersion()
    if (version === undefined) {
      this.current = undefined
      return undefined
    }
    const known = this.compiled.get(version)
    if (known !== undefined) {
      this.current = known
      return known
    }
    const stored = await models.find(version)
    const parsed = stored === undefined ? undefined : parseRiskModelFile(stored.file)
    if (parsed?.status !== 'valid') {
      this.onError?.(
        new Error(
          parsed === undefined
            ? `the active model ${version} is not stored`
            : `the active model ${version} cannot be used: ${parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
        ),
      )
      this.current = undefined
      return undefined
    }
    const model = compileRiskModel(parsed.file)
    this.compiled.set(version, model)
    this.current = model
    return model
  }
}
