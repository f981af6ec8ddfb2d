/**
 * Jira's rank-call semantics, for tests, benchmarks and the local site: `PUT /rest/agile/1.0/issue/rank`
 * takes issues in order and places them, in that order, immediately before (`rankBeforeIssue`) or after
 * (`rankAfterIssue`) one anchor issue. The anchor may not be one of the issues being ranked.
 */

export interface RankCall {
  /** The issues to place, in the order they should end up. */
  issues: string[];
  /** Place them immediately before this issue (`rankBeforeIssue`)… */
  before?: string;
  /** …or immediately after this one (`rankAfterIssue`). Exactly one of the two is set. */
  after?: string;
}

export interface RankPlan {
  /** The rank calls, to be made in this order. */
  calls: RankCall[];
  /** How many distinct issues the calls move. */
  moved: number;
  /** How many issues no call moves. */
  stayers: number;
}

/** The order after one rank call. Throws RangeError on a call Jira would reject. */
export function applyRankCall(order: readonly string[], call: RankCall): string[] {
  const anchor = call.before ?? call.after;
  if (anchor === undefined || (call.before !== undefined && call.after !== undefined))
    throw new RangeError('a rank call needs exactly one anchor: before or after');
  if (call.issues.length === 0) throw new RangeError('a rank call needs at least one issue');
  const present = new Set(order);
  const moving = new Set<string>();
  for (const key of call.issues) {
    if (!present.has(key)) throw new RangeError(`rank call issue ${key} is not in the order`);
    if (moving.has(key)) throw new RangeError(`rank call lists issue ${key} twice`);
    moving.add(key);
  }
  if (!present.has(anchor)) throw new RangeError(`rank call anchor ${anchor} is not in the order`);
  if (moving.has(anchor)) throw new RangeError(`rank call anchor ${anchor} is also one of its issues`);
  const rest = order.filter((key) => !moving.has(key));
  const at = rest.indexOf(anchor) + (call.before !== undefined ? 0 : 1);
  return [...rest.slice(0, at), ...call.issues, ...rest.slice(at)];
}

/** The order after every call of a plan, in turn. */
export function applyPlan(order: readonly string[], plan: Pick<RankPlan, 'calls'>): string[] {
  let result = [...order];
  for (const call of plan.calls) result = applyRankCall(result, call);
  return result;
}

/** True when two orders hold the same issues in the same positions (the one comparison of orders). */
export function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}
