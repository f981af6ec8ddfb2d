/**
 * Which vision goal each demo item serves (the `valuerank-goals` issue property in the seed), so goal
 * coverage tells the story of dev/demo/vision.ts: the epics serve the goal of their theme, and so do the items
 * the product owner marked Must or Should have, or high priority, in those epics. About a third of the TRAIL backlog is tagged.
 */
import type { EpicDef, ItemDef, Moscow, PriorityName } from './model';
import type { DemoGoalId } from './vision';

/** The goal each epic's theme serves; the accessibility and performance epic serves none directly. */
export const EPIC_GOALS: Readonly<Record<string, DemoGoalId>> = {
  'epic-search': 'conversion',
  'epic-booking': 'conversion',
  'epic-payments': 'guides',
  'epic-guides': 'guides',
  'epic-availability': 'guides',
  'epic-reviews': 'trust',
  'epic-support': 'trust',
  'epic-mobile': 'mobile',
  'epic-notifications': 'mobile',
};

/** The goals of one item: its epic's goal, for the epic itself and for its Must, Should and high-priority items. */
export function demoGoals(
  def: ItemDef,
  epic: EpicDef | null,
  moscow: Moscow | null,
  prio: PriorityName,
): string[] {
  if (!epic) return [];
  const goal = EPIC_GOALS[epic.ref];
  if (!goal) return [];
  const wanted = moscow === 'Must' || moscow === 'Should' || prio === 'Highest' || prio === 'High';
  return def.type === 'Epic' || wanted ? [goal] : [];
}
