/**
 * A commit's decisions, checked in full before anything is written: each issue and input is the session's,
 * each issue is still shown to the PO, each input still has its field and each field can take the number.
 * The plan says what to write on each issue, and what to write back should the commit be undone.
 */
import type { NumberSource } from '../../core/scoring';
import type { Session } from '../../core/sessions';
import type { JiraField, JiraIssue } from '../../jira/schemas';
import { AppError } from '../../shared/errors';
import type { SessionsDeps } from './deps';
import { estimable, fieldIdsOf, readSessionIssues, valueIn, type Mapped } from './inputs';

/** One decision of the PO's: the values to write (null leaves a field as it is), and a note. */
export interface DecisionInput {
  issueKey: string;
  values: Record<string, number | null>;
  note?: string | undefined;
}

/** What to write on one issue, and what puts it back. */
export interface Planned {
  issueKey: string;
  fields: Record<string, unknown>;
  restore: Record<string, unknown>;
  changes: Array<{ input: string; fieldId: string; from: number | null; to: number }>;
}

/** The value to send for a number in a field of this type; a sentence when it cannot be written there. */
function fieldValue(
  field: JiraField | undefined,
  source: NumberSource,
  value: number,
): { ok: true; value: unknown } | { ok: false; why: string } {
  const type = field?.schema?.type;
  if (!field) return { ok: false, why: `its field ${source.fieldId} is not on this site` };
  if (type === 'number') return { ok: true, value };
  if (type === 'string') return { ok: true, value: String(value) };
  if (type === 'option') {
    const table = Object.entries(source.options ?? {});
    const text = table.length > 0 ? table.find(([, n]) => n === value)?.[0] : String(value);
    if (text === undefined)
      return { ok: false, why: `${field.name} has no option worth ${value} in the mapping` };
    return { ok: true, value: { value: text } };
  }
  return { ok: false, why: `${field.name} is a ${type ?? 'field'} field, not a number ValueRank can write` };
}

/** A field's value as Jira gave it, in the shape an edit takes back (an option by its value). */
function restorable(raw: unknown): unknown {
  if (raw === undefined) return null;
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const o = raw as { value?: unknown; id?: unknown };
    if (typeof o.value === 'string') return { value: o.value };
    if (typeof o.id === 'string') return { id: o.id };
  }
  return raw;
}

/** Refuses decisions that do not fit the session (an issue or input not its own, an issue decided twice). */
function checkFit(session: Session, decisions: readonly DecisionInput[]): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [i, d] of decisions.entries()) {
    if (!session.issues.includes(d.issueKey))
      problems.push(`decisions.${i}.issueKey: ${d.issueKey} is not in this session`);
    if (seen.has(d.issueKey)) problems.push(`decisions.${i}.issueKey: ${d.issueKey} is decided twice`);
    seen.add(d.issueKey);
    for (const name of Object.keys(d.values))
      if (!session.inputs.includes(name))
        problems.push(`decisions.${i}.values.${name}: not estimated in this session`);
  }
  if (problems.length > 0)
    throw new AppError(
      'invalid-payload',
      'Some decisions do not fit this session. Nothing was changed.',
      problems,
    );
}

/**
 * Checks the decisions and plans the writes (a value already in its field is not written again); with the
 * session's issues as Jira shows them now (the inputs' fields and the summary) and the inputs, which the
 * records and the committed view read too.
 */
export async function planCommit(
  deps: SessionsDeps,
  session: Session,
  decisions: readonly DecisionInput[],
): Promise<{ plan: Planned[]; issues: Map<string, JiraIssue>; inputs: Map<string, Mapped> }> {
  checkFit(session, decisions);

  const { inputs, fields } = await estimable(deps, session.projectKey);
  const byId = new Map(fields.map((f) => [f.id, f] as const));
  // With their summaries too, which the committed session's view shows (a commit does not change them).
  const current = await readSessionIssues(deps.jira, session, [
    ...new Set([...fieldIdsOf(session.inputs, inputs), 'summary']),
  ]);
  const issues = new Map(current.map((i) => [i.key, i] as const));

  const problems: string[] = [];
  const plan: Planned[] = [];
  for (const d of decisions) {
    const issue = issues.get(d.issueKey);
    if (!issue) {
      problems.push(`${d.issueKey}: Jira does not show it to you any more`);
      continue;
    }
    const planned: Planned = { issueKey: d.issueKey, fields: {}, restore: {}, changes: [] };
    for (const [name, value] of Object.entries(d.values)) {
      if (value === null) continue;
      const m = inputs.get(name);
      if (!m) {
        problems.push(`${d.issueKey}: ${name} has no Jira field in the project's mapping any more`);
        continue;
      }
      const field = byId.get(m.option.fieldId);
      const converted = fieldValue(field, m.source, value);
      if (!converted.ok) {
        problems.push(`${d.issueKey}: ${m.option.label} cannot be set to ${value}: ${converted.why}`);
        continue;
      }
      const from = valueIn(issue, m);
      if (from === value) continue;
      planned.fields[m.option.fieldId] = converted.value;
      planned.restore[m.option.fieldId] = restorable(issue.fields[m.option.fieldId]);
      planned.changes.push({ input: name, fieldId: m.option.fieldId, from, to: value });
    }
    plan.push(planned);
  }
  if (problems.length > 0)
    throw new AppError('invalid-payload', 'Some decisions cannot be written. Nothing was changed.', problems);
  return { plan, issues, inputs };
}
