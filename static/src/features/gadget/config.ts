/** The gadget's saved configuration (`view.submit` in the edit view; `extension.gadgetConfiguration`). */
import type { Payload } from '../../bridge';
import type { ModelConfig } from '../../../../src/core/scoring';

import { GADGET_PANELS, MAX_TOP_N, type GadgetPanel } from '../../../../src/features/health/panels';

export const PANELS = GADGET_PANELS;
export type Panel = GadgetPanel;

export const PANEL_LABEL: Readonly<Record<Panel, string>> = {
  top: 'Top by value',
  readiness: 'Readiness',
  questions: 'Waiting for the PO',
  quadrants: 'Value vs effort',
  order: 'Order health',
  agenda: 'Refinement agenda',
  trend: 'Trend',
  goals: 'Goal coverage',
};

/** The most items the top list shows (the resolver refuses more). */
export { MAX_TOP_N };

/** The project's model (the default), or a model of the gadget's own. */
export type GadgetModel = 'project' | ModelConfig;

export interface GadgetConfig {
  boardId: number | undefined;
  model: GadgetModel;
  topN: number;
  panels: Panel[];
  /** Minutes; 0 = never. */
  refreshMinutes: number;
  /** A saved setting this version cannot use, in a sentence (e.g. a top list of 500); the view says so. */
  problem?: string | undefined;
}

export const DEFAULT_CONFIG: GadgetConfig = {
  boardId: undefined,
  model: 'project',
  topN: 10,
  panels: [...PANELS],
  refreshMinutes: 0,
};

const isPanel = (v: unknown): v is Panel =>
  typeof v === 'string' && (PANELS as readonly string[]).includes(v);

const KINDS = ['wsjf', 'rice', 'ice', 'value-effort', 'cd3', 'custom', 'moscow'] as const;

/** A stored model: the kinds' names (older gadgets saved 'wsjf', …) or a model object; else the project's. */
export function readModel(raw: unknown): GadgetModel {
  if (typeof raw === 'string')
    return (KINDS as readonly string[]).includes(raw) && raw !== 'custom' && raw !== 'moscow'
      ? ({ kind: raw } as ModelConfig)
      : 'project';
  if (
    raw &&
    typeof raw === 'object' &&
    (KINDS as readonly string[]).includes((raw as { kind?: string }).kind ?? '')
  )
    return raw as ModelConfig; // the resolver checks it in full (ModelConfigSchema) and says what is wrong
  return 'project';
}

/** Reads a stored configuration defensively: anything unexpected falls back to the default, and is named. */
export function readConfig(raw: Record<string, unknown> | undefined): GadgetConfig {
  const r = raw ?? {};
  const board = Number(r.boardId);
  const topN = Number(r.topN);
  const refresh = Number(r.refreshMinutes);
  const panels = Array.isArray(r.panels) ? r.panels.filter(isPanel) : DEFAULT_CONFIG.panels;
  const topOk = Number.isInteger(topN) && topN >= 1 && topN <= MAX_TOP_N;
  const problem =
    r.topN !== undefined && !topOk
      ? `This gadget was set to list ${String(r.topN)} items; it lists 1 to ${MAX_TOP_N}, so it shows the top ${DEFAULT_CONFIG.topN}. Edit the gadget to choose.`
      : undefined;
  return {
    boardId: Number.isInteger(board) && board > 0 ? board : undefined,
    model: readModel(r.model),
    topN: topOk ? topN : DEFAULT_CONFIG.topN,
    panels,
    refreshMinutes: [0, 5, 15, 60].includes(refresh) ? refresh : 0,
    ...(problem ? { problem } : {}),
  };
}

/** The problem with a top-list size as typed, if any: whole numbers 1 to 50 only, never silently clamped. */
export function topNProblem(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return 'Enter how many items the top list shows (1 to 50).';
  const n = Number(t);
  if (!Number.isInteger(n)) return `“${t}” is not a whole number of items.`;
  if (n < 1) return 'The top list shows at least 1 item.';
  if (n > MAX_TOP_N)
    return `The top list shows at most ${MAX_TOP_N} items; ${n} is more. Enter 1 to ${MAX_TOP_N}.`;
  return undefined;
}

/** The `gadget.health` payload for a configuration with a board. */
export function healthPayload(c: GadgetConfig & { boardId: number }): Payload<'gadget.health'> {
  return {
    boardId: c.boardId,
    topN: c.topN,
    panels: c.panels,
    ...(c.model === 'project' ? {} : { model: c.model }),
  };
}
