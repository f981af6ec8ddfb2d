/**
 * Inline editing of a score input (`prioritize.setInput`): the value is checked against what the project's
 * model accepts (an out-of-range value is refused with the reason, never clamped), the caller's Edit Issues
 * permission is checked as them, and the input's mapped Jira field is written as them, issue by issue, each
 * old value kept so the change can be undone. Jira's `updated` moves, so the board's analysis is computed
 * again and the score follows.
 */
import {
  customInputLabel,
  INPUT_LABELS,
  NUMBER_INPUTS,
  type FieldMapping,
  type ModelConfig,
  type NumberSource,
} from '../../core/scoring';
import { optionLookup, readNumeric } from '../../core/scoring/read';
import { JiraForbiddenError, JiraNotFoundError, JiraValidationError } from '../../jira/errors';
import type { JiraField } from '../../jira/schemas';
import { AppError } from '../../shared/errors';
import { bumpGeneration } from '../../store/views';
import { settingsInForce, type ServiceDeps } from './analyze';
import { resolveBoard } from './board';
import { modelLabel } from './model';
import { findScoreField } from './writeback';
import type { InputChangeResult, SetInputAnswer } from './workspace-api';

/** The largest value an input takes (Jira number fields hold far more; no score input needs it). */
export const MAX_INPUT_VALUE = 1_000_000;

export interface Bounds {
  /** Lowest value allowed; `above` makes it exclusive (the model divides by the input). */
  min: number;
  above: boolean;
  max: number;
  /** Why the bound is there, in words ("WSJF divides by it"). */
  why?: string;
  whyMax?: string;
}

const DIVIDES: Readonly<Record<string, string>> = {
  wsjf: 'job size',
  rice: 'effort',
  'value-effort': 'effort',
  cd3: 'duration',
};

/** The model whose arithmetic the input feeds (MoSCoW: its tie-break). */
function arithmeticOf(model: ModelConfig): ModelConfig {
  return model.kind === 'moscow' ? (model.tiebreak ?? { kind: 'wsjf' }) : model;
}

/**
 * What a field-backed input may be set to under the project's model and mapping: never negative, at most
 * {@link MAX_INPUT_VALUE}; more than 0 when the model divides by it (the effort input, under whichever name
 * the model reads it); confidence within the scale the model reads it on.
 */
export function inputBounds(input: string, model: ModelConfig, mapping: FieldMapping): Bounds {
  const m = arithmeticOf(model);
  const label = modelLabel(m);
  const bounds: Bounds = { min: 0, above: false, max: MAX_INPUT_VALUE };
  const effortBase = mapping.effort ? 'effort' : 'storyPoints';
  const divisor = DIVIDES[m.kind];
  if (input === effortBase && divisor) {
    bounds.above = true;
    bounds.why = `${label} divides by the ${divisor}, which is read from this input`;
  }
  if (input === 'confidence' && m.kind === 'rice') {
    bounds.max = m.confidenceUnit === 'fraction' ? 1 : 100;
    bounds.whyMax =
      m.confidenceUnit === 'fraction'
        ? 'RICE reads confidence as a fraction (0–1)'
        : 'RICE reads confidence as a percentage (0–100)';
  }
  if (input === 'confidence' && m.kind === 'ice') {
    bounds.max = m.confidenceUnit === 'percent' ? 100 : 10;
    bounds.whyMax =
      m.confidenceUnit === 'percent'
        ? 'ICE reads confidence as a percentage (0–100)'
        : 'ICE scores confidence from 1 to 10';
  }
  return bounds;
}

/** Why `value` is refused for the input, in one sentence; undefined when it is allowed. */
export function refusal(label: string, value: number | null, bounds: Bounds): string | undefined {
  if (value === null) return undefined;
  if (!Number.isFinite(value)) return `${label} must be a number.`;
  if (bounds.above && value <= bounds.min)
    return `${label} cannot be ${value}: it must be more than ${bounds.min}, because ${bounds.why ?? 'the model divides by it'}.`;
  if (value < bounds.min) return `${label} cannot be ${value}: it must be ${bounds.min} or more.`;
  if (value > bounds.max)
    return `${label} cannot be ${value}: it must be at most ${bounds.max}${bounds.whyMax ? `, because ${bounds.whyMax}` : ''}.`;
  return undefined;
}

/** The field a field-backed input reads; undefined for derived inputs (job size, ease from effort, …). */
export function writableSource(
  input: string,
  mapping: FieldMapping,
): { source: NumberSource; label: string } | undefined {
  if ((NUMBER_INPUTS as readonly string[]).includes(input)) {
    const source = mapping[input as (typeof NUMBER_INPUTS)[number]];
    return source ? { source, label: INPUT_LABELS[input as (typeof NUMBER_INPUTS)[number]] } : undefined;
  }
  const custom = mapping.custom?.find((c) => c.name === input);
  return custom ? { source: custom, label: customInputLabel(custom) } : undefined;
}

/** The value to send for a field of this type: a number, a select option by its text, or numeric text. */
function jiraValue(
  value: number | null,
  field: JiraField,
  source: NumberSource,
  label: string,
): { ok: true; value: unknown } | { ok: false; error: string } {
  if (value === null) return { ok: true, value: null };
  const type = field.schema?.type;
  if (type === 'number') return { ok: true, value };
  if (type === 'string') return { ok: true, value: String(value) };
  if (type === 'option') {
    const options = Object.entries(source.options ?? {});
    const match = options.find(([, n]) => n === value);
    if (match) return { ok: true, value: { value: match[0] } };
    const allowed = options.map(([text, n]) => `${n} (${text})`).join(', ');
    return {
      ok: false,
      error: allowed
        ? `${label} is the select field ${field.name}: choose one of ${allowed}.`
        : `${label} is the select field ${field.name}, and the field mapping gives its options no numbers; map them first.`,
    };
  }
  return {
    ok: false,
    error: `${label} is read from ${field.name} (${field.id}), a ${type ?? 'field'} ValueRank cannot write.`,
  };
}

function why(error: unknown): string {
  if (error instanceof JiraValidationError)
    return error.jiraMessages ? `Jira refused the value: ${error.jiraMessages}` : 'Jira refused the value.';
  if (error instanceof JiraForbiddenError) return 'Jira does not let you edit this issue.';
  if (error instanceof JiraNotFoundError) return 'The issue does not exist, or you cannot see it.';
  return error instanceof Error ? error.message : String(error);
}

export interface SetInputInput {
  boardId: number;
  projectKey?: string | undefined;
  input: string;
  changes: ReadonlyArray<{ key: string; value: number | null }>;
}

/** `prioritize.setInput`: checks, then writes the input's field on each issue as the user. */
export async function setInput(deps: ServiceDeps, p: SetInputInput): Promise<SetInputAnswer> {
  const { jira } = deps;
  // The site's fields: the field to write, and the proposed mapping when none is stored (read once).
  const [board, fields] = await Promise.all([resolveBoard(jira, p.boardId, p.projectKey), jira.fields()]);
  const { mapping, model } = await settingsInForce(deps, board, { fields });
  const writable = writableSource(p.input, mapping);
  const label = writable?.label ?? INPUT_LABELS[p.input as keyof typeof INPUT_LABELS] ?? p.input;
  if (!writable)
    throw new AppError(
      'invalid-payload',
      `${label} has no Jira field of its own in ${board.projectKey}'s field mapping (it is derived, or not mapped), so it cannot be edited here. Nothing was changed.`,
    );
  const bounds = inputBounds(p.input, model, mapping);
  const refused = p.changes
    .map((c) => ({ key: c.key, reason: refusal(label, c.value, bounds) }))
    .filter((r): r is { key: string; reason: string } => r.reason !== undefined);
  if (refused.length > 0)
    throw new AppError(
      'invalid-payload',
      `${refused[0]?.reason} Nothing was changed.`,
      refused.map((r) => `${r.key}: ${r.reason}`),
    );
  const outside = p.changes.filter((c) => !c.key.startsWith(`${board.projectKey}-`));
  if (outside.length > 0)
    throw new AppError(
      'invalid-payload',
      `${outside.map((c) => c.key).join(', ')} ${outside.length === 1 ? 'is' : 'are'} not an issue of ${board.projectKey}. Nothing was changed.`,
    );
  const held = await jira.myPermissions({ projectKey: board.projectKey }, ['EDIT_ISSUES']);
  if (held.EDIT_ISSUES !== true)
    throw new AppError(
      'forbidden',
      `You need the Edit Issues permission in ${board.projectKey} to change ${label}. Nothing was changed.`,
    );

  const field = fields.find((f) => f.id === writable.source.fieldId);
  if (!field || field === findScoreField(fields))
    throw new AppError(
      'conflict',
      `${label} is mapped to ${writable.source.fieldId}, which ${field ? "is ValueRank's own score field" : 'this site does not have'}. Fix the field mapping first. Nothing was changed.`,
    );
  const values = p.changes.map((c) => ({ ...c, sent: jiraValue(c.value, field, writable.source, label) }));
  const bad = values.find((v) => !v.sent.ok);
  if (bad && !bad.sent.ok) throw new AppError('invalid-payload', `${bad.sent.error} Nothing was changed.`);

  // The old values, read as the user: what undo writes back.
  const found = await jira.search({
    jql: `key in (${p.changes.map((c) => c.key).join(',')})`,
    fields: [field.id],
    pageSize: Math.min(100, p.changes.length),
  });
  const options = optionLookup(writable.source.options);
  const before = new Map(
    found.map((issue) => {
      const read = readNumeric(issue.fields[field.id], options);
      return [issue.key, read.state === 'ok' ? read.value : null] as const;
    }),
  );

  const results: InputChangeResult[] = [];
  for (const v of values) {
    const from = before.get(v.key);
    if (from === undefined) {
      results.push({
        key: v.key,
        ok: false,
        from: null,
        to: v.value,
        error: 'The issue does not exist, or you cannot see it.',
      });
      continue;
    }
    try {
      if (v.sent.ok) await jira.editIssue(v.key, { [field.id]: v.sent.value });
      results.push({ key: v.key, ok: true, from, to: v.value });
    } catch (error) {
      results.push({ key: v.key, ok: false, from, to: v.value, error: why(error) });
    }
  }
  const changed = results.filter((r) => r.ok).length;
  if (changed > 0) await bumpGeneration(board.projectKey).catch(() => undefined);
  return {
    input: p.input,
    label,
    field: { id: field.id, name: field.name },
    results,
    changed,
    failed: results.length - changed,
  };
}
