/** What a new session can be: the inputs and scales to choose from, and the people who may be invited. */
import { SCALE_LABEL, SCALES, type Scale } from '../../core/sessions';
import type { Person } from '../questions/api';
import type { SessionOptionsView } from './api';
import type { SessionsDeps } from './deps';
import { estimable } from './inputs';
import { requireBrowse } from './permissions';

/** The inputs a new session estimates when the model has them. */
const VALUE_INPUTS = ['businessValue', 'timeCriticality', 'riskReduction'];

/** The options of a new session: the inputs, the scales, and whether the caller may start one. */
export async function sessionOptions(deps: SessionsDeps, projectKey: string): Promise<SessionOptionsView> {
  const rights = await requireBrowse(deps.jira, projectKey);
  const { inputs, notes } = await estimable(deps, projectKey);
  const options = [...inputs.values()].map((m) => m.option);
  const values = options.filter((o) => VALUE_INPUTS.includes(o.name)).map((o) => o.name);
  return {
    projectKey,
    canStart: rights.po,
    inputs: options,
    defaultInputs: values.length > 0 ? values : options.slice(0, 1).map((o) => o.name),
    scales: (Object.keys(SCALES) as Scale[]).map((scale) => ({
      scale,
      label: SCALE_LABEL[scale],
      values: [...SCALES[scale]],
    })),
    notes,
  };
}

/** People who can browse the project whose name starts with `query`, as the caller may see them. */
export async function findUsers(
  deps: SessionsDeps,
  input: { projectKey: string; query: string },
): Promise<{ users: Person[] }> {
  await requireBrowse(deps.jira, input.projectKey);
  const found = await deps.jira.usersWhoCanBrowse({
    projectKey: input.projectKey,
    query: input.query,
    maxResults: 20,
  });
  return {
    users: found
      .filter((u) => u.accountType === undefined || u.accountType === 'atlassian')
      .filter((u) => u.active !== false)
      .map((u) => ({ accountId: u.accountId, displayName: u.displayName ?? u.accountId })),
  };
}
