/**
 * Turns the hand-written backlog declarations (./model) into seed projects and Jira-shaped issues.
 * Everything a declaration leaves open (estimates, value inputs, dates, assignees, ...) is filled in
 * from a generator seeded with the item's ref, so builds are deterministic and stable under edits.
 */
import type { SeedInput } from '../site/seed-schema';
import { adf, type AdfDoc } from './adf';
import type {
  EpicDef,
  EpicFile,
  IssueTypeName,
  ItemDef,
  LinkDef,
  Moscow,
  Person,
  PriorityName,
  SprintSlot,
  StatusName,
} from './model';
import { GOALS_PROPERTY, goalsValue } from '../../src/features/goals';
import { demoGoals } from './goals';
import { createRng, hashString, type Rng } from './prng';
import {
  DEMO_NOW,
  FIELD,
  MOSCOW_OPTIONS,
  TEAM_OPTIONS,
  issueType,
  jiraTime,
  linkType,
  priority,
  status,
  userRef,
} from './site';

type SeedProjectInput = SeedInput['projects'][number];
type SeedIssueInput = SeedInput['issues'][number];
type SeedSprintInput = NonNullable<SeedInput['sprints']>[number];
type Permission = SeedProjectInput['permissions'][string][number];
type History = NonNullable<SeedIssueInput['changelog']>['histories'][number];

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** What the builder fills in for a project's issues. */
export type Flavour = 'scrum' | 'kanban' | 'plain';

export interface VersionSpec {
  id: string;
  name: string;
  released: boolean;
  releaseDate?: string;
}

export interface ProjectSpec {
  id: string;
  key: string;
  name: string;
  style: 'classic' | 'next-gen';
  lead: Person;
  permissions: Record<string, Permission[]>;
  components: Array<{ id: string; name: string }>;
  versions: VersionSpec[];
  flavour: Flavour;
  files: EpicFile[];
  links?: LinkDef[];
  /** Sprints by slot, for scrum projects. */
  sprints?: Partial<Record<'closed' | 'active' | 'future', SeedSprintInput>>;
  /** How many issues get a generated changelog. */
  changelogCount?: number;
}

interface Resolved {
  def: ItemDef;
  project: ProjectSpec;
  rng: Rng;
  parent: string | null;
  status: StatusName;
  sprint: SprintSlot | null;
  prio: PriorityName;
  sp: number | null;
  bv: number | null;
  /** The business value the backlog's current (gut-feeling) order was made with, before ./build filled gaps. */
  gutBv: number | null;
  /** Vision goal ids the item serves (`valuerank-goals`). */
  goals: string[];
  tc: number | null;
  rr: number | null;
  reach: number | null;
  impact: number | null;
  conf: number | null;
  moscow: Moscow | null;
  labels: string[];
  comps: string[];
  fix: string | null;
  due: string | null;
  assignee: Person | null;
  reporter: Person;
  team: string | null;
  created: number;
  updated: number;
  resolved: number | null;
  score: number;
  id: string;
  key: string;
  histories: History[];
}

const FIB = [1, 2, 3, 5, 8, 13, 20] as const;
const IMPACT = [0.25, 0.5, 1, 2, 3] as const;
const PRIO_LEVEL: Record<PriorityName, number> = {
  Highest: 0.9,
  High: 0.72,
  Medium: 0.5,
  Low: 0.3,
  Lowest: 0.15,
};
const MOSCOW_SHIFT: Record<Moscow, number> = { Must: 0.15, Should: 0.05, Could: -0.1, "Won't": -0.3 };
const MOSCOW_VALUE: Record<Moscow, string> = {
  Must: 'Must have',
  Should: 'Should have',
  Could: 'Could have',
  "Won't": "Won't have",
};
/** Typical reach (users per quarter) of a component's features. */
const REACH_BASE: Record<string, number> = {
  Search: 32000,
  Booking: 14000,
  Payments: 9000,
  'Guide Portal': 700,
  'Mobile App': 16000,
  Notifications: 21000,
  Platform: 26000,
};

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function scaleAt<T>(scale: readonly T[], position: number): T {
  return scale[clamp(Math.round(position), 0, scale.length - 1)] as T;
}

function twoSignificant(n: number): number {
  if (n < 100) return Math.max(10, Math.round(n));
  const magnitude = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / magnitude) * magnitude;
}

/** A working-hours time on a weekday within [fromDay, toDay]. */
function workTime(rng: Rng, from: number, to: number): number {
  let day = Math.floor((from + rng.next() * Math.max(0, to - from)) / DAY) * DAY;
  const weekday = new Date(day).getUTCDay();
  if (weekday === 6) day += 2 * DAY;
  if (weekday === 0) day += DAY;
  const seconds = rng.int(8 * 3600, 17 * 3600 + 3599);
  return Math.min(day + seconds * 1000, DEMO_NOW - HOUR);
}

function pickPriority(rng: Rng, type: IssueTypeName): PriorityName {
  if (type === 'Bug') {
    return rng.weighted<PriorityName>([
      ['Highest', 10],
      ['High', 30],
      ['Medium', 40],
      ['Low', 15],
      ['Lowest', 5],
    ]);
  }
  return rng.weighted<PriorityName>([
    ['Highest', 4],
    ['High', 18],
    ['Medium', 55],
    ['Low', 17],
    ['Lowest', 6],
  ]);
}

function pickPoints(rng: Rng): number {
  return rng.weighted<number>([
    [1, 8],
    [2, 14],
    [3, 20],
    [5, 22],
    [8, 16],
    [13, 8],
    [20, 1],
    [21, 1],
  ]);
}

/** Fills in one declaration. Ids, keys, dates of change and scores are set later. */
function resolve(
  def: ItemDef,
  epicDef: EpicDef | null,
  project: ProjectSpec,
  epicCreated: number | null,
): Resolved {
  const rng = createRng(`item:${project.key}:${def.ref}`);
  const scrum = project.flavour === 'scrum';
  const type = def.type;
  const sprint = def.sprint ?? null;
  const state: StatusName = def.status ?? 'To Do';
  const done = state === 'Done';
  const prio = def.prio ?? pickPriority(rng, type);

  // Latent value: how much the PO believes the item matters. It drives the generated value inputs.
  let level = PRIO_LEVEL[prio] + rng.normal(0, 0.15);
  if (def.moscow) level += MOSCOW_SHIFT[def.moscow];
  level = clamp(level, 0, 1);

  const workItem = type === 'Story' || type === 'Bug';
  const pick = <T>(explicit: T | null | undefined, generate: () => T | null): T | null =>
    explicit !== undefined ? explicit : generate();

  const committed = done || sprint !== null;
  const sp = pick(def.sp, () => {
    if (!scrum || type === 'Epic') return null;
    const p = committed ? 1 : workItem ? 0.85 : 0.55;
    return rng.chance(p) ? pickPoints(rng) : null;
  });

  const wsjfShare = !scrum ? 0 : type === 'Epic' ? 0.6 : workItem ? 0.72 : 0.45;
  const riceShare = !scrum ? 0 : type === 'Epic' ? 0 : workItem ? 0.55 : 0.25;
  const hasWsjf = rng.chance(wsjfShare);
  const hasRice = rng.chance(riceShare);
  const bv = pick(def.bv, () => (hasWsjf ? scaleAt(FIB, level * 6 + rng.normal(0, 0.7)) : null));
  const due =
    def.due ??
    (scrum && !done && rng.chance(0.04)
      ? isoDay(workTime(rng, dayMs('2026-12-01'), dayMs('2027-06-30')))
      : null);
  const tc = pick(def.tc, () => {
    if (!hasWsjf || !rng.chance(0.88)) return null;
    const urgency = level * 3.5 + (due ? 2 : 0) + (type === 'Bug' ? 1 : 0) + rng.normal(0, 1);
    return scaleAt(FIB, urgency);
  });
  const techDebt = (def.labels ?? []).some((l) => l === 'tech-debt' || l === 'security');
  const rr = pick(def.rr, () => {
    if (!hasWsjf || !rng.chance(0.8)) return null;
    return scaleAt(FIB.slice(0, 6), (techDebt ? 3.5 : 1.5) + rng.normal(0, 1.1));
  });
  const component = def.comp?.[0] ?? epicDef?.component ?? 'Platform';
  const reach = pick(def.reach, () =>
    hasRice ? twoSignificant((REACH_BASE[component] ?? 5000) * (0.05 + rng.next() * 1.15)) : null,
  );
  const impact = pick(def.impact, () =>
    hasRice && rng.chance(0.95) ? scaleAt(IMPACT, level * 4 + rng.normal(0, 0.8)) : null,
  );
  const conf = pick(def.conf, () =>
    hasRice && rng.chance(0.88)
      ? rng.weighted<number>([
          [100, 25],
          [80, 50],
          [50, 25],
        ])
      : null,
  );
  const moscow = pick(def.moscow, () => {
    if (!scrum || type === 'Epic' || !rng.chance(0.5)) return null;
    const m = level + rng.normal(0, 0.08);
    return m > 0.68 ? 'Must' : m > 0.48 ? 'Should' : m > 0.28 ? 'Could' : "Won't";
  });

  const labels = [...new Set([...(epicDef?.childLabels ?? []), ...(def.labels ?? [])])];
  const comps = def.comp ?? (epicDef && type !== 'Epic' ? [epicDef.component] : []);

  // Dates: creation first, then the last update (and resolution for done items).
  let created: number;
  if (def.created) created = dayMs(def.created) + rng.int(8 * 3600, 17 * 3600) * 1000;
  else if (type === 'Epic') created = workTime(rng, dayMs('2026-03-02'), dayMs('2026-03-27'));
  else if (done && sprint === 'active') created = workTime(rng, dayMs('2026-06-01'), dayMs('2026-11-02'));
  else if (done && sprint === 'closed') created = workTime(rng, dayMs('2026-05-01'), dayMs('2026-10-22'));
  else if (done) created = workTime(rng, dayMs('2026-03-04'), dayMs('2026-09-10'));
  else if (sprint === 'active' || sprint === 'carried')
    created = workTime(rng, dayMs('2026-04-15'), dayMs('2026-11-04'));
  else if (sprint === 'future') created = workTime(rng, dayMs('2026-06-15'), dayMs('2026-11-12'));
  else if (!scrum) created = workTime(rng, dayMs('2026-06-01'), dayMs('2026-11-16'));
  else created = workTime(rng, dayMs('2026-03-09'), dayMs('2026-11-13'));
  if (epicCreated !== null && created <= epicCreated) created = epicCreated + rng.int(2, 30) * HOUR;

  let resolved: number | null = null;
  let updated: number;
  if (done) {
    if (sprint === 'active') resolved = workTime(rng, dayMs('2026-11-10'), dayMs('2026-11-18'));
    else if (sprint === 'closed') resolved = workTime(rng, dayMs('2026-10-27'), dayMs('2026-11-06'));
    else resolved = workTime(rng, created + 4 * DAY, Math.min(created + 60 * DAY, dayMs('2026-10-20')));
    resolved = Math.max(resolved, created + 3 * HOUR);
    updated = Math.min(resolved + rng.int(0, 26 * 3600) * 1000, DEMO_NOW - 60_000);
  } else if (state !== 'To Do' || sprint === 'active' || sprint === 'carried') {
    updated = workTime(rng, Math.max(created, dayMs('2026-11-09')), DEMO_NOW);
  } else {
    const span = Math.min(150 * DAY, DEMO_NOW - created);
    updated = created + Math.floor(rng.next() ** 2 * span);
  }
  updated = Math.max(updated, created + 60_000);

  let fix: string | null;
  if (def.fix !== undefined) fix = def.fix;
  else if (!scrum || type === 'Epic') fix = epicDef?.release && type === 'Epic' ? epicDef.release : null;
  else if (done) fix = (resolved ?? 0) <= dayMs('2026-10-15') ? '2026.4' : '2027.1';
  else if (sprint) fix = rng.chance(0.9) ? '2027.1' : null;
  else {
    const release = epicDef?.release ?? null;
    fix = rng.weighted<string | null>([
      [release, 40],
      [release === '2027.1' ? '2027.2' : release === '2027.2' ? '2027.3' : null, 15],
      [null, 45],
    ]);
  }

  let assignee: Person | null;
  if (def.assignee !== undefined) assignee = def.assignee;
  else if (done || state !== 'To Do') assignee = rng.chance(0.8) ? 'dev' : 'po';
  else if (sprint === 'active' || sprint === 'carried') assignee = rng.chance(0.6) ? 'dev' : null;
  else assignee = rng.chance(0.08) ? 'dev' : null;

  const reporter: Person =
    def.reporter ??
    (type === 'Bug'
      ? rng.chance(0.5)
        ? 'dev'
        : 'po'
      : type === 'Task'
        ? rng.chance(0.6)
          ? 'dev'
          : 'po'
        : rng.chance(0.85)
          ? 'po'
          : 'dev');
  const team = def.team ?? (epicDef?.defaultTeam && rng.chance(0.6) ? epicDef.defaultTeam : null);

  const parent = def.epic !== undefined ? def.epic : type === 'Epic' ? null : (epicDef?.ref ?? null);

  // The demo tells one story: every scrum item carries what WSJF needs, filled from a generator of its own (so
  // the draws above, and with them keys, dates and the current order, stay as they were); only items with a
  // stated reason (`unscored`) keep their gaps and lack what they say (an estimate unless they say otherwise).
  const gutBv = bv;
  let inputs = { bv, tc, rr, sp };
  if (scrum) {
    const fill = createRng(`fill:${project.key}:${def.ref}`);
    inputs = {
      bv: bv ?? scaleAt(FIB, level * 6 + fill.normal(0, 0.7)),
      tc: tc ?? scaleAt(FIB, level * 3.5 + (due ? 2 : 0) + (type === 'Bug' ? 1 : 0) + fill.normal(0, 1)),
      rr: rr ?? scaleAt(FIB.slice(0, 6), (techDebt ? 3.5 : 1.5) + fill.normal(0, 1.1)),
      sp: sp ?? (type === 'Epic' ? fill.pick([13, 20]) : pickPoints(fill)),
    };
    if (def.unscored !== undefined) for (const input of def.lacks ?? ['sp']) inputs[input] = null;
  }
  return {
    def,
    project,
    rng,
    parent,
    status: state,
    sprint,
    prio,
    ...inputs,
    gutBv,
    goals: def.goals ?? demoGoals(def, epicDef, moscow, prio),
    reach,
    impact,
    conf,
    moscow,
    labels,
    comps,
    fix,
    due,
    assignee,
    reporter,
    team,
    created,
    updated,
    resolved,
    score: 0,
    id: '',
    key: '',
    histories: [],
  };
}

const PRIO_SCORE: Record<PriorityName, number> = { Highest: 5, High: 4, Medium: 3, Low: 2, Lowest: 1 };
const MOSCOW_SCORE: Record<Moscow, number> = { Must: 3, Should: 1.5, Could: 0.5, "Won't": -3 };
const RELEASE_SCORE: Record<string, number> = { '2027.1': 2, '2027.2': 1, '2027.3': 0 };
const NUDGE = { top: 12, high: 3, low: -3, bottom: -12 } as const;

/**
 * The Product Owner's gut feeling: priority, MoSCoW, business value and release, plus noise. It ignores
 * effort and time criticality, so the order is plausible but leaves room for a value-based ranking.
 */
function gutScore(r: Resolved): number {
  let score = PRIO_SCORE[r.prio] + (r.moscow ? MOSCOW_SCORE[r.moscow] : 0) + (r.gutBv ?? 0) / 8;
  score += r.fix ? (RELEASE_SCORE[r.fix] ?? 0) : -0.5;
  if (r.def.type === 'Bug') score += 0.5;
  score += r.rng.normal(0, 1.2);
  if (r.def.rank) score += NUDGE[r.def.rank];
  return score;
}

function rankGroup(r: Resolved): number {
  if (r.status === 'Done') return 0;
  if (r.sprint === 'active' || r.sprint === 'carried') return 1;
  if (r.sprint === 'future') return 2;
  if (r.def.type === 'Epic') return 4;
  return 3;
}

/** Orders a project's issues: done, active sprint, future sprint, backlog by gut score, epics. */
function rankOrder(items: Resolved[]): Resolved[] {
  for (const r of items) r.score = gutScore(r);
  return [...items].sort(
    (a, b) => rankGroup(a) - rankGroup(b) || b.score - a.score || a.def.ref.localeCompare(b.def.ref),
  );
}

function numberText(n: number | null): string | null {
  return n === null ? null : String(n);
}

/** Generates a changelog (value or estimate changed by Amara or Jonas) on `count` issues of a project. */
function addChangelogs(items: Resolved[], count: number): void {
  const candidates = items
    .filter((r) => r.def.type !== 'Epic' && (r.bv !== null || r.sp !== null))
    .sort(
      (a, b) =>
        hashString(`chg:${a.def.ref}`) - hashString(`chg:${b.def.ref}`) || a.def.ref.localeCompare(b.def.ref),
    )
    .slice(0, count);
  for (const r of candidates) {
    const rng = createRng(`changelog:${r.def.ref}`);
    const changes: Array<{ field: 'bv' | 'sp'; final: number }> = [];
    if (r.bv !== null) changes.push({ field: 'bv', final: r.bv });
    if (r.sp !== null && (changes.length === 0 || rng.chance(0.45)))
      changes.push({ field: 'sp', final: r.sp });
    const entries: Array<{ at: number; by: Person; field: 'bv' | 'sp'; from: number | null; to: number }> =
      [];
    for (const change of changes) {
      const steps = rng.chance(0.3) ? 2 : 1;
      const scale: readonly number[] = change.field === 'bv' ? FIB : [1, 2, 3, 5, 8, 13];
      const values: Array<number | null> = [change.final];
      for (let s = 0; s < steps; s++) {
        const previous = values[0] as number;
        const options = scale.filter((v) => v !== previous);
        values.unshift(s === steps - 1 && rng.chance(0.3) ? null : rng.pick(options));
      }
      const span = Math.max(r.updated - r.created, 2 * HOUR);
      const times = values
        .slice(1)
        .map(() =>
          Math.max(
            workTime(rng, r.created + HOUR, r.created + span),
            r.created + HOUR + rng.int(0, 3600) * 1000,
          ),
        )
        .sort((a, b) => a - b);
      for (let s = 0; s < steps; s++) {
        entries.push({
          at: times[s] as number,
          by: change.field === 'bv' ? (rng.chance(0.85) ? 'po' : 'dev') : rng.chance(0.8) ? 'dev' : 'po',
          field: change.field,
          from: values[s] ?? null,
          to: values[s + 1] as number,
        });
      }
    }
    entries.sort((a, b) => a.at - b.at);
    r.histories = entries.map((e) => ({
      id: '',
      author: userRef(e.by) as { accountId: string },
      created: jiraTime(e.at),
      items: [
        {
          field: e.field === 'bv' ? 'Business Value' : 'Story Points',
          fieldtype: 'custom',
          fieldId: e.field === 'bv' ? FIELD.businessValue : FIELD.storyPoints,
          from: null,
          fromString: numberText(e.from),
          to: null,
          toString: String(e.to),
        },
      ],
    }));
    const last = entries[entries.length - 1];
    if (last && last.at > r.updated) r.updated = last.at;
  }
}

export interface BuiltProjects {
  projects: SeedProjectInput[];
  issues: SeedIssueInput[];
}

/** A lexorank-like rank string; fixed width so string order = rank order. */
export function rankString(position: number): string {
  return `0|i${(4096 + position * 16).toString(36).padStart(5, '0')}:`;
}

function brief(r: Resolved): Record<string, unknown> {
  return {
    id: r.id,
    key: r.key,
    fields: {
      summary: r.def.summary,
      status: status(r.status),
      priority: priority(r.prio),
      issuetype: issueTypeFor(r),
    },
  };
}

function issueTypeFor(r: Resolved): Record<string, unknown> {
  const t = issueType(r.def.type);
  if (r.project.style === 'next-gen') {
    // Team-managed projects own their issue types.
    return {
      ...t,
      id: String(Number(t.id) + 100),
      scope: { type: 'PROJECT', project: { id: r.project.id } },
    };
  }
  return t;
}

function adfOrNull(markup: string | undefined, seed: string): AdfDoc | null {
  return markup === undefined || markup.trim() === '' ? null : adf(markup, seed);
}

/** The description, with the stated reason last when the item is deliberately not scored yet. */
function describe(r: Resolved, seed: string): AdfDoc | null {
  const doc = adfOrNull(r.def.d, seed);
  if (r.def.unscored === undefined) return doc;
  const reason = adf(`**Not scored yet.** ${r.def.unscored}`, `${seed}:unscored`);
  return { ...reason, content: [...(doc?.content ?? []), ...reason.content] };
}

/** Builds the projects and their issues (rank order within each project; projects in the given order). */
export function buildProjects(specs: ProjectSpec[]): BuiltProjects {
  const all: Resolved[] = [];
  const perProject = new Map<string, Resolved[]>();
  const byRef = new Map<string, Resolved>();
  for (const spec of specs) {
    const items: Resolved[] = [];
    const epics = new Map<string, { def: EpicDef; resolved: Resolved }>();
    for (const file of spec.files) {
      if (!file.epic) continue;
      const resolved = resolve(file.epic, file.epic, spec, null);
      epics.set(file.epic.ref, { def: file.epic, resolved });
      items.push(resolved);
    }
    for (const file of spec.files) {
      for (const def of file.items) {
        const parentRef = def.epic !== undefined ? def.epic : (file.epic?.ref ?? null);
        const parent = parentRef ? epics.get(parentRef) : undefined;
        if (parentRef && !parent) throw new Error(`${def.ref}: unknown epic ${parentRef}`);
        items.push(resolve(def, parent?.def ?? null, spec, parent?.resolved.created ?? null));
      }
    }
    for (const r of items) {
      if (byRef.has(r.def.ref)) throw new Error(`duplicate ref ${r.def.ref}`);
      byRef.set(r.def.ref, r);
    }
    addChangelogs(items, spec.changelogCount ?? 0);
    perProject.set(spec.key, items);
    all.push(...items);
  }

  // Creation order gives ids (global) and keys (per project), as in Jira.
  const creationOrder = [...all].sort((a, b) => a.created - b.created || a.def.ref.localeCompare(b.def.ref));
  const counters = new Map<string, number>();
  creationOrder.forEach((r, index) => {
    const n = (counters.get(r.project.key) ?? 0) + 1;
    counters.set(r.project.key, n);
    r.id = String(10001 + index);
    r.key = `${r.project.key}-${n}`;
  });
  const histories = all.flatMap((r) => r.histories).sort((a, b) => a.created.localeCompare(b.created));
  histories.forEach((h, index) => (h.id = String(100001 + index)));

  // Links appear on both issues, as Jira returns them.
  const links = new Map<string, Array<Record<string, unknown>>>();
  let linkId = 20001;
  for (const spec of specs) {
    for (const link of spec.links ?? []) {
      const from = byRef.get(link.from);
      const to = byRef.get(link.to);
      if (!from || !to) throw new Error(`link ${link.from} -> ${link.to}: unknown issue`);
      const id = String(linkId++);
      const push = (ref: string, entry: Record<string, unknown>): void => {
        links.set(ref, [...(links.get(ref) ?? []), entry]);
      };
      push(link.from, { id, type: linkType(link.type), outwardIssue: brief(to) });
      push(link.to, { id, type: linkType(link.type), inwardIssue: brief(from) });
    }
  }

  const projects: SeedProjectInput[] = [];
  const issues: SeedIssueInput[] = [];
  let position = 0;
  for (const spec of specs) {
    projects.push({
      id: spec.id,
      key: spec.key,
      name: spec.name,
      style: spec.style,
      lead: userRef(spec.lead).accountId as string,
      permissions: Object.fromEntries(Object.entries(spec.permissions).map(([k, v]) => [k, [...v]])),
      components: spec.components.map((c) => ({ ...c })),
      versions: spec.versions.map((v) => ({ ...v })),
    });
    const ordered = rankOrder(perProject.get(spec.key) ?? []);
    for (const r of ordered) {
      issues.push(toIssue(r, spec, byRef, links.get(r.def.ref) ?? [], rankString(position++)));
    }
  }
  return { projects, issues };
}

function sprintValue(r: Resolved, spec: ProjectSpec): Array<Record<string, unknown>> | null {
  if (!r.sprint || !spec.sprints) return null;
  const slots: Array<'closed' | 'active' | 'future'> =
    r.sprint === 'carried' ? ['closed', 'active'] : [r.sprint as 'closed' | 'active' | 'future'];
  const value = slots.flatMap((slot) => {
    const s = spec.sprints?.[slot];
    if (!s) return [];
    const entry: Record<string, unknown> = { id: s.id, name: s.name, state: s.state, boardId: s.boardId };
    if (s.goal) entry.goal = s.goal;
    if (s.startDate) entry.startDate = s.startDate;
    if (s.endDate) entry.endDate = s.endDate;
    if (s.state === 'closed' && s.endDate) entry.completeDate = s.endDate;
    return [entry];
  });
  return value.length > 0 ? value : null;
}

function toIssue(
  r: Resolved,
  spec: ProjectSpec,
  byRef: Map<string, Resolved>,
  issuelinks: Array<Record<string, unknown>>,
  rank: string,
): SeedIssueInput {
  const seed = `${spec.key}:${r.def.ref}`;
  const fields: Record<string, unknown> = {
    summary: r.def.summary,
    issuetype: issueTypeFor(r),
    status: status(r.status),
    project: {
      id: spec.id,
      key: spec.key,
      name: spec.name,
      projectTypeKey: 'software',
      simplified: spec.style === 'next-gen',
    },
    priority: priority(r.prio),
    description: describe(r, seed),
    labels: [...r.labels],
    components: r.comps.map((name) => {
      const c = spec.components.find((x) => x.name === name);
      if (!c) throw new Error(`${r.def.ref}: unknown component ${name}`);
      return { id: c.id, name: c.name };
    }),
    fixVersions: r.fix
      ? [spec.versions.find((v) => v.name === r.fix)].map((v) => {
          if (!v) throw new Error(`${r.def.ref}: unknown version ${r.fix}`);
          return {
            id: v.id,
            name: v.name,
            archived: false,
            released: v.released,
            ...(v.releaseDate ? { releaseDate: v.releaseDate } : {}),
          };
        })
      : [],
    duedate: r.due,
    created: jiraTime(r.created),
    updated: jiraTime(r.updated),
    statuscategorychangedate: jiraTime(r.resolved ?? (r.status === 'To Do' ? r.created : r.updated)),
    resolution:
      r.status === 'Done'
        ? { id: '10000', name: 'Done', description: 'Work has been completed on this issue.' }
        : null,
    resolutiondate: r.resolved === null ? null : jiraTime(r.resolved),
    reporter: userRef(r.reporter),
    assignee: r.assignee ? userRef(r.assignee) : null,
    issuelinks,
    subtasks: [],
    [FIELD.rank]: rank,
  };
  if (r.parent) {
    const parent = byRef.get(r.parent);
    if (!parent) throw new Error(`${r.def.ref}: unknown parent ${r.parent}`);
    fields.parent = brief(parent);
  }
  if (spec.flavour === 'scrum') {
    fields[FIELD.storyPoints] = r.sp;
    fields[FIELD.sprint] = sprintValue(r, spec);
    fields[FIELD.businessValue] = r.bv;
    fields[FIELD.timeCriticality] = r.tc;
    fields[FIELD.riskReduction] = r.rr;
    fields[FIELD.reach] = r.reach;
    fields[FIELD.impact] = r.impact;
    fields[FIELD.confidence] = r.conf;
    const moscow = r.moscow
      ? MOSCOW_OPTIONS.find((o) => o.value === MOSCOW_VALUE[r.moscow as Moscow])
      : undefined;
    fields[FIELD.moscow] = moscow ? { ...moscow } : null;
    fields[FIELD.acceptanceCriteria] = adfOrNull(r.def.ac, `${seed}:ac`);
    const team = r.team ? TEAM_OPTIONS.find((o) => o.value === r.team) : undefined;
    if (r.team && !team) throw new Error(`${r.def.ref}: unknown team ${r.team}`);
    fields[FIELD.team] = team ? { ...team } : null;
  }
  const issue: SeedIssueInput = { id: r.id, key: r.key, fields: fields as SeedIssueInput['fields'] };
  if (r.goals.length > 0) issue.properties = { [GOALS_PROPERTY]: goalsValue(r.goals) };
  if (r.histories.length > 0) issue.changelog = { histories: r.histories.map((h) => structuredClone(h)) };
  return issue;
}
