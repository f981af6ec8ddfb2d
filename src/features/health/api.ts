/**
 * The health gadget's resolver keys, payloads and answers; spread into api.ts's table like vision-api.ts.
 */
import { z } from 'zod';
import type {
  AgendaEntry,
  OrderHealth,
  Quadrant,
  ReadinessCounts,
  ScoringCoverage,
  Snapshot,
  WaitingForPo,
} from '../../core/health';
import { ModelConfigSchema, type ModelConfig } from '../../core/scoring';
import type { CoverageReport } from '../../core/vision';
import type { ViewStatus } from '../../jobs/view-status';
import { GADGET_PANELS, MAX_TOP_N, type GadgetPanel } from './panels';

export { GADGET_PANELS, MAX_TOP_N, type GadgetPanel } from './panels';

export const gadgetPayloads = {
  /** Everything the dashboard gadget shows for one board, computed as the viewer (briefly cached). */
  'gadget.health': z
    .object({
      boardId: z.number().int().positive(),
      model: ModelConfigSchema.optional(),
      topN: z
        .number()
        .int()
        .min(1, 'The top list shows at least 1 item.')
        .max(MAX_TOP_N, `The top list shows at most ${MAX_TOP_N} items.`)
        .default(10),
      panels: z
        .array(z.enum(GADGET_PANELS))
        .max(GADGET_PANELS.length)
        .default([...GADGET_PANELS]),
    })
    .strict(),
  /** The boards the viewer can see, for the gadget's edit view. */
  'gadget.boards': z.object({}).strict(),
} as const;

export interface GadgetTopEntry {
  rank: number;
  position: number;
  tied: boolean;
  currentRank: number;
  key: string;
  summary: string;
  score: number;
  ready: boolean | undefined;
}

export interface GadgetHealth {
  board: { id: number; name: string; projectKey: string };
  model: ModelConfig;
  computedAt: string;
  /** True when the answer came from the short cache (the viewer's access was checked anyway). */
  cached: boolean;
  topN: number;
  panels: GadgetPanel[];
  /**
   * How current the answer is: fresh, or the last snapshot (its age) while a job computes the next one
   * (docs/adr/0011-view-snapshots.md).
   */
  status?: ViewStatus;
  /** Nothing computed yet for this board: only `status` says anything; ask again shortly. */
  pending?: true;
  top?: GadgetTopEntry[];
  readiness?: {
    top: Omit<ReadinessCounts, 'notReadyKeys' | 'uncheckedKeys'> & { requested: number };
    all: Omit<ReadinessCounts, 'notReadyKeys' | 'uncheckedKeys'>;
    /** Issue search for the backlog's not-ready items: `/issues/?jql=` + encoded JQL. */
    notReadyUrl: string;
    notReadyJql: string;
  };
  quadrants?: {
    counts: Record<Quadrant, number>;
    medians: { effort: number; value: number } | null;
    /** At most 500 points (highest value first), in current rank order. */
    points: Array<{ key: string; x: number; y: number; quadrant: Quadrant }>;
    plotted: number;
    missing: number;
  };
  order?: OrderHealth;
  agenda?: AgendaEntry[];
  /**
   * "Waiting for the PO": open questions, the oldest's age, how many on the top; `elsewhere`: the open
   * questions on the project's issues outside this backlog (in sprints, on other boards).
   */
  questions?: WaitingForPo & { elsewhere?: { open: number; issues: number } };
  /**
   * How many backlog issues the model scores, and the most common reason it does not (always sent, so
   * every panel can say why it is empty); absent in answers stored before it was added.
   */
  scoring?: ScoringCoverage;
  trend?: Snapshot[];
  /**
   * How the backlog's value spreads over the vision's active goals, and the highest-value items that serve
   * none (at most 10); null when the project has no vision.
   */
  goals?: GadgetGoals | null;
}

export interface GadgetGoals {
  coverage: CoverageReport;
  unaligned: Array<{ key: string; summary: string; score: number | null }>;
}

export interface GadgetBoards {
  boards: Array<{ id: number; name: string; type: string; projectKey: string; projectName: string }>;
}

export interface GadgetAnswers {
  'gadget.health': GadgetHealth;
  'gadget.boards': GadgetBoards;
}
