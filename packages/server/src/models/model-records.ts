import type { RiskModelFile } from '@hirewall/model'
import type { NewStoredModel, Store } from '@hirewall/store'

/** The headline of a model's held-out evaluation, kept as a column so a list needs no model files. */
export function evaluationSummaryOf(file: RiskModelFile): Readonly<Record<string, unknown>> {
  const { evaluation } = file
  return {
    applications: evaluation.applications,
    fraud: evaluation.fraud,
    prAuc: { rules: evaluation.rules.prAuc, model: evaluation.model.prAuc, both: evaluation.combined.prAuc },
    recallAtOnePercentFpr: {
      rules: evaluation.rules.recallAtOnePercentFpr,
      model: evaluation.model.recallAtOnePercentFpr,
      both: evaluation.combined.recallAtOnePercentFpr,
    },
    expectedCalibrationError: evaluation.calibration.expectedCalibrationError,
    fairness: evaluation.fairness.model.status,
    treeCount: file.training.treeCount,
  }
}

/** A checked model file as the store keeps it. */
export function toNewStoredModel(file: RiskModelFile, storedBy: string): NewStoredModel {
  return {
    version: file.version,
    createdAt: new Date(file.createdAt),
    labelSource: file.labels.source,
    labelsDescription: file.labels.description,
    evaluationSummary: evaluationSummaryOf(file),
    storedBy,
    file,
  }
}

/** Stores a model file (a version already stored is left as it is) and writes `model.stored` to the audit log. */
export async function storeModelFile(store: Store, file: RiskModelFile, actor: string): Promise<'created' | 'exists'> {
  return store.transaction(async (repositories) => {
    const saved = await repositories.models.save(toNewStoredModel(file, actor))
    if (saved === 'created') {
      await repositories.audit.append({
        actor,
        action: 'model.stored',
        target: `model:${file.version}`,
        details: { labels: file.labels.source, treeCount: file.training.treeCount },
      })
    }
    return saved
  })
}
