/**
 * Backlog health for the dashboard gadget: the top by value, readiness, the value/effort matrix, how well
 * the order follows value, the refinement agenda and the daily trend. Pure; items come in current rank order.
 */
import { notReadyJql } from './jql';
import type { NotReadyJql } from './jql';
import { orderHealth } from './order-health';
import type { OrderHealth } from './order-health';
import { valueEffortQuadrants } from './quadrants';
import type { QuadrantReport } from './quadrants';
import { readiness, refinementAgenda } from './readiness';
import type { AgendaEntry, Readiness } from './readiness';
import { waitingForPo } from './questions';
import type { WaitingForPo } from './questions';
import { scoringCoverage } from './scoring';
import type { ScoringCoverage } from './scoring';
import { snapshotOf } from './trend';
import type { Snapshot } from './trend';
import type { HealthItem } from './types';
import { valueOrder } from './types';
import { topByValue } from './value';
import type { TopEntry } from './value';

export * from './types';
export * from './value';
export * from './readiness';
export * from './jql';
export * from './quadrants';
export * from './order-health';
export * from './trend';
export * from './questions';
export * from './scoring';

export interface HealthOptions {
  now: Date | string;
  projectKey: string;
  /** Size of the "top by value" list and of the readiness top (default 20). */
  topN?: number;
  /** Size of the refinement agenda (default 10). */
  agendaSize?: number;
}

export interface BacklogHealth {
  top: TopEntry[];
  readiness: Readiness;
  notReadyJql: NotReadyJql;
  quadrants: QuadrantReport;
  order: OrderHealth;
  agenda: AgendaEntry[];
  /** Open questions for the PO. */
  questions: WaitingForPo;
  /** How much of the backlog the model scores, and why not. */
  scoring: ScoringCoverage;
  snapshot: Snapshot;
}

/** Everything the gadget shows, in one pass over the module. */
export function backlogHealth(items: readonly HealthItem[], options: HealthOptions): BacklogHealth {
  const topN = options.topN ?? 20;
  const sorted = valueOrder(items);
  const ready = readiness(items, topN, sorted);
  const order = orderHealth(items, sorted);
  return {
    top: topByValue(items, topN, sorted),
    readiness: ready,
    notReadyJql: notReadyJql(ready.all.notReadyKeys, options.projectKey),
    quadrants: valueEffortQuadrants(items),
    order,
    agenda: refinementAgenda(items, options.agendaSize ?? 10, sorted),
    questions: waitingForPo(items, { now: options.now, topN }, sorted),
    scoring: scoringCoverage(items),
    snapshot: snapshotOf(items, options.now, order.spearman),
  };
}
