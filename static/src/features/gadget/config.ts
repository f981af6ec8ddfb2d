/** The gadget's saved configuration (`view.submit` in the edit view; `extension.gadgetConfiguration`). */
import type { Payload } from '../../bridge';

export const PANELS = ['top', 'readiness', 'quadrants', 'order', 'agenda', 'trend', 'goals'] as const;
export type Panel = (typeof PANELS)[number];

export const PANEL_LABEL: Readonly<Record<Panel, string>> = {
  top: 'Top by value',
  readiness: 'Readiness',
  quadrants: 'Value vs effort',
  order: 'Order health',
  agenda: 'Refinement agenda',
  trend: 'Trend',
  goals: 'Goal coverage',
};

export type ModelKind = 'project' | 'wsjf' | 'rice' | 'ice';

export interface GadgetConfig {
  boardId: number | undefined;
  model: ModelKind;
  topN: number;
  panels: Panel[];
  /** Minutes; 0 = never. */
  refreshMinutes: number;
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

/** Reads a stored configuration defensively: anything unexpected falls back to the default. */
export function readConfig(raw: Record<string, unknown> | undefined): GadgetConfig {
  const r = raw ?? {};
  const board = Number(r.boardId);
  const topN = Number(r.topN);
  const refresh = Number(r.refreshMinutes);
  const model = (['project', 'wsjf', 'rice', 'ice'] as const).find((m) => m === r.model) ?? 'project';
  const panels = Array.isArray(r.panels) ? r.panels.filter(isPanel) : DEFAULT_CONFIG.panels;
  return {
    boardId: Number.isInteger(board) && board > 0 ? board : undefined,
    model,
    topN: Number.isInteger(topN) && topN >= 1 && topN <= 50 ? topN : DEFAULT_CONFIG.topN,
    panels,
    refreshMinutes: [0, 5, 15, 60].includes(refresh) ? refresh : 0,
  };
}

/** The `gadget.health` payload for a configuration with a board. */
export function healthPayload(c: GadgetConfig & { boardId: number }): Payload<'gadget.health'> {
  return {
    boardId: c.boardId,
    topN: c.topN,
    panels: c.panels,
    ...(c.model === 'project' ? {} : { model: { kind: c.model } }),
  };
}
