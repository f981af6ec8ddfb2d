/**
 * The demo dashboard (`GET /dashboard`): two instances of the "Backlog health" gadget side by side, each
 * with its own stored configuration, the way a Jira dashboard holds several configured gadgets.
 * `npm start` seeds the two configurations (like `view.submit` in the edit view would store them); the
 * page shows whatever is stored for the two instances, so editing one there changes the dashboard.
 */
import { GADGET_PANELS } from '../../src/features/health/api';
import type { Harness } from './index';

export const DASHBOARD_MODULE = 'valuerank-health-gadget';

export interface DashboardGadget {
  /** The gadget instance id (`gadget=<id>` of the shell). */
  gadgetId: string;
  /** The configuration the gadget's edit view would save (static/src/features/gadget/config.ts). */
  config: {
    boardId: number;
    model: 'project' | 'wsjf' | 'rice' | 'ice';
    topN: number;
    panels: string[];
    refreshMinutes: number;
  };
}

export const DEMO_DASHBOARD: readonly DashboardGadget[] = [
  {
    gadgetId: '101',
    config: { boardId: 1, model: 'wsjf', topN: 10, panels: [...GADGET_PANELS], refreshMinutes: 0 },
  },
  {
    gadgetId: '102',
    config: { boardId: 2, model: 'rice', topN: 5, panels: ['readiness', 'order'], refreshMinutes: 0 },
  },
];

/** The key the shell stores a gadget instance's configuration under (`/_local/gadget-config/<localId>`). */
export const gadgetLocalId = (moduleKey: string, gadgetId: string): string =>
  `${moduleKey}:gadget-${gadgetId}`;

/** Stores the demo gadgets' configurations, unless an instance already has one. */
export function seedDemoDashboard(harness: Pick<Harness, 'gadgetConfigs'>): void {
  for (const g of DEMO_DASHBOARD) {
    const localId = gadgetLocalId(DASHBOARD_MODULE, g.gadgetId);
    if (!harness.gadgetConfigs.has(localId)) harness.gadgetConfigs.set(localId, { ...g.config });
  }
}
