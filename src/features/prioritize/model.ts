/** Checking a scoring model before it is used or stored, with messages a Product Owner can act on. */
import {
  checkModel,
  compileFormula,
  compileModel,
  knownInputs,
  type FieldMapping,
  type ModelConfig,
} from '../../core/scoring';
import { AppError } from '../../shared/errors';

import { modelLabel } from '../../core/scoring';

export { modelLabel };

/**
 * Refuses a model that cannot score at all under the mapping: a custom formula that does not compile is an
 * `invalid-payload` naming the column, e.g. `The formula has an error at column 17: Unexpected ")"`.
 */
export function assertModelCompiles(model: ModelConfig, mapping: FieldMapping): void {
  const formulaModel = model.kind === 'moscow' ? model.tiebreak : model;
  const path = model.kind === 'moscow' ? 'model.tiebreak.formula' : 'model.formula';
  if (formulaModel.kind === 'custom') {
    const compiled = compileFormula(formulaModel.formula, knownInputs(mapping));
    if (!compiled.ok) {
      const { column, message } = compiled.error;
      const where = message.includes(`column ${column}`) ? '' : ` at column ${column}`;
      throw new AppError('invalid-payload', `The formula has an error${where}: ${message}`, [
        `${path}: column ${column}: ${message}`,
      ]);
    }
  }
  const compiled = compileModel(model, mapping);
  if (!compiled.ok) throw new AppError('invalid-payload', compiled.error, [`model: ${compiled.error}`]);
}

/** Refuses a model that compiles but would leave every issue unscored under the mapping. */
export function assertModelUsable(model: ModelConfig, mapping: FieldMapping): void {
  assertModelCompiles(model, mapping);
  const problems = checkModel(model, mapping);
  if (problems.length > 0)
    throw new AppError(
      'invalid-payload',
      `${modelLabel(model)} cannot score issues with this project's field mapping: ${problems.join('; ')}.`,
      problems.map((p) => `model: ${p}`),
    );
}

const SIMPLE_KINDS = ['wsjf', 'rice', 'ice', 'value-effort', 'cd3'] as const;

/**
 * A model from its command-line name: `wsjf`, `rice`, `ice`, `value-effort`, `cd3`, `moscow` (then WSJF),
 * `moscow:<kind>`, or `custom:<formula>`. Undefined for an unknown name.
 */
export function parseModelName(text: string): ModelConfig | undefined {
  const name = text.trim();
  if (name.toLowerCase().startsWith('custom:')) {
    const formula = name.slice('custom:'.length).trim();
    return formula ? { kind: 'custom', formula } : undefined;
  }
  const lower = name.toLowerCase();
  if ((SIMPLE_KINDS as readonly string[]).includes(lower))
    return { kind: lower as (typeof SIMPLE_KINDS)[number] };
  if (lower === 'moscow') return { kind: 'moscow', tiebreak: { kind: 'wsjf' } };
  if (lower.startsWith('moscow:')) {
    const tiebreak = parseModelName(name.slice('moscow:'.length));
    return tiebreak && tiebreak.kind !== 'moscow' ? { kind: 'moscow', tiebreak } : undefined;
  }
  return undefined;
}
