/** The rank planner: the fewest Jira rank calls that turn the current backlog order into the target. */
export type { RankCall, RankPlan } from './apply';
export { applyPlan, applyRankCall, sameOrder } from './apply';
export type { PlanOptions } from './plan';
export { JIRA_MAX_ISSUES_PER_RANK_CALL, planRank } from './plan';
export { longestIncreasing, outOfPlace } from './out-of-place';
