/**
 * What a session can estimate: the numeric inputs of the project's model that have a Jira field in its
 * mapping (not ValueRank's own score field), each with its label and field; and their values as the
 * session's issues hold them in Jira.
 */
import {
  inputLabel,
  NUMBER_INPUTS,
  readNumeric,
  requiredInputs,
  type FieldMapping,
  type NumberSource,
} from '../../core/scoring';
import { keyInClause } from '../../core/health';
import { optionLookup } from '../../core/scoring/read';
import type { Session } from '../../core/sessions';
import type { JiraClient } from '../../jira/client';
import type { JiraField, JiraIssue } from '../../jira/schemas';
import { settingsInForce } from '../prioritize/analyze';
import { findScoreField } from '../prioritize/writeback';
import type { InputOption } from './api';
import type { SessionsDeps } from './deps';

/** Model input names that are other names for a field-backed input. */
const ALIASES: Readonly<Record<string, string>> = { jobSize: 'effort', duration: 'effort' };

export interface Mapped {
  option: InputOption;
  source: NumberSource;
}

/** The project's stored mapping, else the proposed one (from `fields` when the caller has read them). */
export async function projectMapping(
  deps: SessionsDeps,
  projectKey: string,
  fields?: readonly JiraField[],
): Promise<FieldMapping> {
  return (await settingsInForce(deps, { projectKey }, { fields })).mapping;
}

/** The field an input reads; effort falls back to story points, as the scoring does. */
function sourceOf(mapping: FieldMapping, input: string): NumberSource | undefined {
  if (input === 'effort') return mapping.effort ?? mapping.storyPoints;
  if ((NUMBER_INPUTS as readonly string[]).includes(input))
    return mapping[input as (typeof NUMBER_INPUTS)[number]];
  return mapping.custom?.find((c) => c.name === input);
}

export const labelOf = (mapping: FieldMapping, input: string): string => inputLabel(mapping, input);

/**
 * The model's numeric inputs that have a Jira field: what a session can estimate; with the site's fields
 * as it read them (once), for a caller that needs them too.
 */
export async function estimable(
  deps: SessionsDeps,
  projectKey: string,
): Promise<{ inputs: Map<string, Mapped>; notes: string[]; fields: JiraField[] }> {
  const fields = await deps.jira.fields();
  const { mapping, model } = await settingsInForce(deps, { projectKey }, { fields });
  const byId = new Map(fields.map((f) => [f.id, f] as const));
  const own = findScoreField(fields);
  const names = [...new Set(requiredInputs(model, mapping).map((n) => ALIASES[n] ?? n))];
  const inputs = new Map<string, Mapped>();
  const notes: string[] = [];
  for (const name of names) {
    const source = sourceOf(mapping, name);
    const isNumber = (NUMBER_INPUTS as readonly string[]).includes(name) || source !== undefined;
    if (!isNumber) continue;
    const field = source ? byId.get(source.fieldId) : undefined;
    if (!source || !field || field.id === own?.id) {
      notes.push(
        `${labelOf(mapping, name)} has no Jira field in the project's mapping, so it cannot be estimated.`,
      );
      continue;
    }
    inputs.set(name, {
      source,
      option: { name, label: labelOf(mapping, name), fieldId: field.id, fieldName: field.name },
    });
  }
  return { inputs, notes, fields };
}

/** The fields of these inputs, each once (an input without one adds none). */
export const fieldIdsOf = (names: readonly string[], inputs: ReadonlyMap<string, Mapped>): string[] => [
  ...new Set(names.flatMap((n) => inputs.get(n)?.option.fieldId ?? [])),
];

/** The number an issue holds in an input's field: null when it is empty or cannot be read as one. */
export function valueIn(issue: JiraIssue, m: Mapped): number | null {
  const read = readNumeric(issue.fields[m.option.fieldId], optionLookup(m.source.options));
  return read.state === 'ok' ? read.value : null;
}

/** The session's issues, by key, with these fields, as `jira` shows them. */
export const readSessionIssues = (jira: JiraClient, session: Session, fields: string[]) =>
  jira.search({ jql: `${keyInClause(session.issues)} ORDER BY key`, fields, pageSize: 100 });
