/**
 * How the hand-written demo backlog is declared. Each backlog item names a stable `ref` (a slug used for
 * parents and links), its type and summary, an optional description in the notation of ./adf, and only
 * the fields that matter for it; ./build fills the rest deterministically.
 */

export type IssueTypeName = 'Epic' | 'Story' | 'Bug' | 'Task';
export type StatusName = 'To Do' | 'In Progress' | 'In Review' | 'Done';
export type PriorityName = 'Highest' | 'High' | 'Medium' | 'Low' | 'Lowest';
export type Moscow = 'Must' | 'Should' | 'Could' | "Won't";
/** Which TRAIL sprint an item is in: the closed one, the active one, both (carried over), or the future one. */
export type SprintSlot = 'closed' | 'active' | 'carried' | 'future';
/** A manual nudge of the current (imperfect) backlog order. */
export type RankNudge = 'top' | 'high' | 'low' | 'bottom';
/** Users by role: po = Amara Okafor, dev = Jonas Lindqvist, viewer = Mei Tanaka. */
export type Person = 'po' | 'dev' | 'viewer';

export interface ItemOptions {
  /** Description in ./adf notation; omit for an issue without description. */
  d?: string;
  /** Acceptance criteria in the "Acceptance Criteria" custom field (customfield_10037), ./adf notation. */
  ac?: string;
  /** Story points; `null` = deliberately unestimated; omitted = filled in for most stories and bugs. */
  sp?: number | null;
  /** Business value (customfield_10030); `null` = deliberately empty; omitted = filled in for many. */
  bv?: number | null;
  /** Time criticality (customfield_10031). */
  tc?: number | null;
  /** Risk reduction / opportunity enablement (customfield_10032). */
  rr?: number | null;
  /** Reach, users per quarter (customfield_10033). */
  reach?: number | null;
  /** Impact 0.25 / 0.5 / 1 / 2 / 3 (customfield_10034). */
  impact?: number | null;
  /** Confidence in percent (customfield_10035). */
  conf?: number | null;
  moscow?: Moscow | null;
  prio?: PriorityName;
  labels?: string[];
  /** Component names; omitted = the epic's component. */
  comp?: string[];
  /** Fix version name or null; omitted = derived from the epic and rank. */
  fix?: string | null;
  /** Due date YYYY-MM-DD. */
  due?: string;
  status?: StatusName;
  sprint?: SprintSlot;
  assignee?: Person | null;
  reporter?: Person;
  /** Parent epic ref; `null` = no epic even inside an epic's file. */
  epic?: string | null;
  /** Team select value. */
  team?: string;
  rank?: RankNudge;
  /** Creation day YYYY-MM-DD (a time is added); omitted = drawn from a seeded generator. */
  created?: string;
  /**
   * Why the item is deliberately not scored yet ("Needs an estimate: …"). The builder empties what it `lacks`
   * and writes this sentence into the description; every other item of a scrum project gets all the inputs
   * WSJF needs (business value, time criticality, risk reduction, story points).
   */
  unscored?: string;
  /**
   * The value inputs an `unscored` item lacks (default: story points). Emptied after generation, so unlike an
   * explicit `null` it draws nothing less from the item's generator: keys and dates stay as they were.
   */
  lacks?: Array<'bv' | 'tc' | 'rr' | 'sp'>;
  /** Vision goal ids the item serves (the `valuerank-goals` property); omitted = ./goals decides. */
  goals?: string[];
}

export interface ItemDef extends ItemOptions {
  ref: string;
  type: IssueTypeName;
  summary: string;
}

export interface EpicDef extends ItemDef {
  type: 'Epic';
  /** Default component of the epic's children. */
  component: string;
  /** Default team of the epic's children. */
  defaultTeam?: string;
  /** Default fix version of the epic's children. */
  release?: string;
  /** Labels every child gets in addition to its own. */
  childLabels?: string[];
}

export interface EpicFile {
  epic: EpicDef | null;
  items: ItemDef[];
}

export const story = (ref: string, summary: string, options: ItemOptions = {}): ItemDef => ({
  ref,
  type: 'Story',
  summary,
  ...options,
});
export const bug = (ref: string, summary: string, options: ItemOptions = {}): ItemDef => ({
  ref,
  type: 'Bug',
  summary,
  ...options,
});
export const task = (ref: string, summary: string, options: ItemOptions = {}): ItemDef => ({
  ref,
  type: 'Task',
  summary,
  ...options,
});
export const epic = (
  ref: string,
  summary: string,
  component: string,
  options: ItemOptions & { defaultTeam?: string; release?: string; childLabels?: string[] } = {},
): EpicDef => ({ ref, type: 'Epic', summary, component, ...options });

/** An issue link, e.g. Blocks: `from` blocks `to`. */
export interface LinkDef {
  type: 'Blocks' | 'Relates' | 'Duplicate';
  /** The outward side: blocks / relates to / duplicates. */
  from: string;
  /** The inward side: is blocked by / relates to / is duplicated by. */
  to: string;
}
