/**
 * The product vision, as stored: Roman Pichler's Product Vision Board (vision statement, target group,
 * needs, product, business goals) and dated vision notes.
 *
 * Limits. Every text field has a maximum length, counted in UTF-16 code units (JavaScript `length`), after
 * trimming. A value over its limit is REFUSED with a message naming the field and the limit; nothing is
 * ever truncated. The limits keep one stored value far below Forge's 240 KiB per value even in the worst
 * case, where each code unit costs 6 bytes of JSON (a lone surrogate serialises as `\udXXX`):
 * see {@link worstCaseBoardBytes} and {@link worstCaseNoteBytes} (about 99 KiB and 66 KiB; plain ASCII text
 * is a sixth of that). Control characters other than tab, line feed and carriage return are refused.
 *
 * Normalisation (never loses content the user meant): text is trimmed; tags are trimmed, put in Unicode
 * NFC, lower-cased and de-duplicated, empty tags dropped, at most {@link VISION_LIMITS.tags} remain (more
 * is refused); issue keys are trimmed, upper-cased and de-duplicated.
 */
import { z } from 'zod';

export const VISION_LIMITS = {
  visionStatement: 1000,
  targetGroup: 2000,
  needs: 2000,
  product: 2000,
  /** Business goals per board. */
  goals: 15,
  /** Goal and note ids. */
  id: 64,
  goalName: 150,
  goalTarget: 400,
  /** Goal weights are integers in 0..weightMax. */
  weightMax: 10,
  noteTitle: 200,
  noteText: 10_000,
  /** Distinct tags per note, after normalisation. */
  tags: 10,
  tag: 40,
  /** Linked issue keys per note. */
  issueKeys: 50,
  issueKey: 50,
  /** Atlassian account ids. */
  accountId: 128,
  /** Raw list entries accepted before normalisation (guards against huge inputs). */
  rawList: 200,
} as const;

/** Forge's limit on one stored value. */
export const FORGE_VALUE_LIMIT_BYTES = 240 * 1024;

export const BOARD_TEXT_FIELDS = ['visionStatement', 'targetGroup', 'needs', 'product'] as const;
export type BoardTextField = (typeof BOARD_TEXT_FIELDS)[number];

export const BOARD_FIELD_LABELS: Record<BoardTextField, string> = {
  visionStatement: 'Vision',
  targetGroup: 'Target group',
  needs: 'Needs',
  product: 'Product',
};

export const GOAL_STATUSES = ['active', 'achieved', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const NOTE_TYPES = ['decision', 'insight', 'stakeholder-feedback', 'pivot'] as const;
export type NoteType = (typeof NOTE_TYPES)[number];

export const NOTE_TYPE_LABELS: Record<NoteType, string> = {
  decision: 'Decision',
  insight: 'Insight',
  'stakeholder-feedback': 'Stakeholder feedback',
  pivot: 'Pivot',
};

/** Goal and note ids: a letter or digit, then letters, digits, `_` or `-`. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
/** Atlassian account ids, e.g. `5b10ac8d82e05b22cc7d4ef5` or `557058:f58131cb-b67d-…`. */
export const ACCOUNT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9:_-]*$/;
/** Jira issue keys, e.g. `TRAIL-42`. */
export const ISSUE_KEY_PATTERN = /^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

const tooLong =
  (limit: number) =>
  (issue: { input?: unknown }): string => {
    const got = typeof issue.input === 'string' ? `${issue.input.length} characters` : 'too long';
    return `is too long: ${got}, the limit is ${limit}`;
  };

/** A trimmed text of at most `max` characters (at least `min`), without control characters. */
function text(max: number, min = 0) {
  const base = z
    .string({ error: 'must be text' })
    .trim()
    .max(max, { error: tooLong(max) })
    .refine((s) => !CONTROL.test(s), { error: 'contains a control character' });
  return min > 0 ? base.refine((s) => s.length >= min, { error: 'must not be empty' }) : base;
}

const identifier = (what: string, max: number, pattern: RegExp) =>
  z
    .string({ error: `must be ${what}` })
    .trim()
    .min(1, { error: 'must not be empty', abort: true })
    .max(max, { error: tooLong(max), abort: true })
    .regex(pattern, { error: `is not a valid ${what}` });

export const IdSchema = identifier('id (letters, digits, "_" or "-")', VISION_LIMITS.id, ID_PATTERN);
export const AccountIdSchema = identifier('account id', VISION_LIMITS.accountId, ACCOUNT_ID_PATTERN);
export const IssueKeySchema = z
  .string({ error: 'must be an issue key' })
  .trim()
  .toUpperCase()
  .max(VISION_LIMITS.issueKey, { error: tooLong(VISION_LIMITS.issueKey), abort: true })
  .regex(ISSUE_KEY_PATTERN, { error: 'is not a valid issue key (like ABC-123)' });
/** An instant with a time zone: `2025-03-14T09:30:00Z` or `…+01:00`. */
export const InstantSchema = z.iso.datetime({ offset: true, error: 'must be an ISO date-time' });

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** Normalises one tag: trimmed, NFC, lower-case. */
export const normalizeTag = (tag: string): string => tag.trim().normalize('NFC').toLowerCase();

/** Tags: trimmed, NFC, lower-cased, de-duplicated (first occurrence kept), empty ones dropped; ≤ 10 remain. */
export const TagsSchema = z
  .array(text(VISION_LIMITS.tag), { error: 'must be a list of tags' })
  .max(VISION_LIMITS.rawList, { error: `has too many entries: the limit is ${VISION_LIMITS.rawList}` })
  .transform((tags) => unique(tags.map(normalizeTag).filter((t) => t !== '')))
  .pipe(
    z
      .array(z.string().max(VISION_LIMITS.tag, { error: tooLong(VISION_LIMITS.tag) }))
      .max(VISION_LIMITS.tags, {
        error: (issue) =>
          `has too many tags: ${Array.isArray(issue.input) ? issue.input.length : 'more than the limit'}, the limit is ${VISION_LIMITS.tags}`,
      }),
  );

export const IssueKeysSchema = z
  .array(IssueKeySchema, { error: 'must be a list of issue keys' })
  .max(VISION_LIMITS.rawList, { error: `has too many entries: the limit is ${VISION_LIMITS.rawList}` })
  .transform(unique)
  .pipe(
    z.array(z.string()).max(VISION_LIMITS.issueKeys, {
      error: `has too many linked issues: the limit is ${VISION_LIMITS.issueKeys}`,
    }),
  );

export const GoalSchema = z.object({
  id: IdSchema,
  name: text(VISION_LIMITS.goalName, 1),
  /** The measurable target, e.g. "30% of checkouts on mobile by Q4"; may be empty while drafting. */
  target: text(VISION_LIMITS.goalTarget).default(''),
  status: z.enum(GOAL_STATUSES, { error: `must be one of ${GOAL_STATUSES.join(', ')}` }).default('active'),
  /** How much the goal matters, 0..10, set by the Product Owner. */
  weight: z
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(0, { error: `must be between 0 and ${VISION_LIMITS.weightMax}` })
    .max(VISION_LIMITS.weightMax, { error: `must be between 0 and ${VISION_LIMITS.weightMax}` }),
});
export type Goal = z.output<typeof GoalSchema>;
export type GoalInput = z.input<typeof GoalSchema>;

export const VisionBoardSchema = z.object({
  visionStatement: text(VISION_LIMITS.visionStatement).default(''),
  targetGroup: text(VISION_LIMITS.targetGroup).default(''),
  needs: text(VISION_LIMITS.needs).default(''),
  product: text(VISION_LIMITS.product).default(''),
  goals: z
    .array(GoalSchema, { error: 'must be a list of goals' })
    .max(VISION_LIMITS.goals, { error: `has too many goals: the limit is ${VISION_LIMITS.goals}` })
    .default([])
    .superRefine((goals, ctx) => {
      const seen = new Set<string>();
      goals.forEach((goal, i) => {
        if (seen.has(goal.id))
          ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `repeats the goal id "${goal.id}"` });
        seen.add(goal.id);
      });
    }),
});
export type VisionBoard = z.output<typeof VisionBoardSchema>;
export type VisionBoardInput = z.input<typeof VisionBoardSchema>;

export const VisionNoteSchema = z.object({
  id: IdSchema,
  /** The author's Atlassian account id. */
  author: AccountIdSchema,
  createdAt: InstantSchema,
  type: z.enum(NOTE_TYPES, { error: `must be one of ${NOTE_TYPES.join(', ')}` }),
  title: text(VISION_LIMITS.noteTitle, 1),
  text: text(VISION_LIMITS.noteText).default(''),
  tags: TagsSchema.default([]),
  issueKeys: IssueKeysSchema.default([]),
});
export type VisionNote = z.output<typeof VisionNoteSchema>;
export type VisionNoteInput = z.input<typeof VisionNoteSchema>;

export const VisionVersionSchema = z.object({
  version: z.number().int().min(1),
  savedAt: InstantSchema,
  savedBy: AccountIdSchema,
  board: VisionBoardSchema,
  /** Set when this version restores an older one. */
  restoredFrom: z.number().int().min(1).optional(),
});

/** The empty board: what a project has before anyone writes its vision. */
export const emptyBoard = (): VisionBoard => ({
  visionStatement: '',
  targetGroup: '',
  needs: '',
  product: '',
  goals: [],
});

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** `goals[2].name` from `['goals', 2, 'name']`. */
export function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** One sentence per problem, each naming the field: `goals[2].name is too long: 151 characters, …`. */
export function describeIssues(error: z.ZodError, root = ''): string[] {
  return error.issues.map((issue) => {
    const where = pathText(root ? [root, ...issue.path] : issue.path);
    return where ? `${where} ${issue.message}` : issue.message;
  });
}

function parseWith<S extends z.ZodType>(schema: S, input: unknown, root: string): Parsed<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, errors: describeIssues(result.error, root) };
}

export const parseBoard = (input: unknown): Parsed<VisionBoard> => parseWith(VisionBoardSchema, input, '');
export const parseNote = (input: unknown): Parsed<VisionNote> => parseWith(VisionNoteSchema, input, '');

/** Worst-case JSON bytes per code unit: a lone surrogate or control character serialises as `\uXXXX`. */
const WORST_BYTES_PER_UNIT = 6;
/** Generous allowance for a JSON object's punctuation and property names, per object. */
const OBJECT_OVERHEAD = 200;

/** An upper bound on the JSON size of one stored vision version (board, version, author, time). */
export function worstCaseBoardBytes(): number {
  const L = VISION_LIMITS;
  const goal = (L.id + L.goalName + L.goalTarget) * WORST_BYTES_PER_UNIT + OBJECT_OVERHEAD;
  const fields = (L.visionStatement + L.targetGroup + L.needs + L.product) * WORST_BYTES_PER_UNIT;
  return fields + L.goals * goal + L.accountId + 64 + 2 * OBJECT_OVERHEAD;
}

/** An upper bound on the JSON size of one stored vision note. */
export function worstCaseNoteBytes(): number {
  const L = VISION_LIMITS;
  const texts = (L.id + L.noteTitle + L.noteText + L.tags * (L.tag + 3)) * WORST_BYTES_PER_UNIT;
  return texts + L.accountId + 64 + L.issueKeys * (L.issueKey + 3) + OBJECT_OVERHEAD;
}
