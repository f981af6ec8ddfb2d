/**
 * The published copy of a project's vision: what the app writes to the Jira project property
 * `valuerank-vision` after every change, so readers without Forge storage (the `valuerank` CLI, anything
 * with Browse Projects and a token) can read the current board and the most recent notes. ADR 5.
 *
 * Jira limits a property value to {@link PROJECT_PROPERTY_MAX_BYTES} bytes of JSON, and a board plus all
 * notes can be far larger. {@link buildPublishedVision} therefore always answers a copy that fits, and says
 * what it left out instead of dropping it silently:
 *
 * - the board is kept whole when it fits (almost always: it fits unless its texts are long and non-ASCII);
 *   otherwise every text is cut to the longest common length that fits, ending in "…", and the cut fields
 *   are named in `truncatedFields` (e.g. `needs`, `goals[2].target`);
 * - notes are newest first (as {@link sortNotes} orders them); as many of the most recent ones as fit are
 *   kept whole; the next one is kept with its text cut (`textTruncated: true`) when its title and tags
 *   fit; `notesTotal` counts every note and `notesIncluded` those in the copy, so a reader can say
 *   "showing 12 of 40 notes".
 */
import { z } from 'zod';
import { GOAL_STATUSES, NOTE_TYPES, type VisionBoard, type VisionNote } from './schema';
import { sortNotes } from './notes';

/** The project property the copy lives in. */
export const PUBLISHED_VISION_PROPERTY = 'valuerank-vision';
/** The copy's format; bumped on any change a reader must know about. */
export const PUBLISHED_VISION_SCHEMA = 1;
/** Jira's limit on a project property value: 32,768 bytes of JSON (so also at most that many characters). */
export const PROJECT_PROPERTY_MAX_BYTES = 32_768;

const ELLIPSIS = '…';

const PublishedGoalSchema = z.object({
  id: z.string(),
  name: z.string(),
  target: z.string(),
  status: z.enum(GOAL_STATUSES),
  weight: z.number(),
});

const PublishedNoteSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string().optional(),
  type: z.enum(NOTE_TYPES),
  title: z.string(),
  text: z.string(),
  /** The text was cut to fit; the whole note is in the app. */
  textTruncated: z.boolean().optional(),
  tags: z.array(z.string()),
  issueKeys: z.array(z.string()),
  /** The author's account id (ADR 9: readers ask Jira for the name; copies before it hold the name). */
  author: z.string(),
});
export type PublishedNote = z.infer<typeof PublishedNoteSchema>;

/** How a reader checks a copy it reads from Jira (lenient about fields a later format may add). */
export const PublishedVisionSchema = z
  .object({
    schemaVersion: z.literal(PUBLISHED_VISION_SCHEMA),
    projectKey: z.string(),
    /** The board's version; 0 when no board was saved yet (notes only). */
    version: z.number().int().min(0),
    savedAt: z.string().nullable(),
    /** Account id of who saved this version (a display name in copies published before ADR 9). */
    savedBy: z.string().nullable(),
    publishedAt: z.string(),
    /** Account id of whose change caused this copy (a display name in copies published before ADR 9). */
    publishedBy: z.string(),
    board: z.object({
      visionStatement: z.string(),
      targetGroup: z.string(),
      needs: z.string(),
      product: z.string(),
      goals: z.array(PublishedGoalSchema),
    }),
    /** Board fields cut to fit, e.g. `needs`, `goals[2].target`; empty when the board is whole. */
    truncatedFields: z.array(z.string()),
    notesTotal: z.number().int().min(0),
    notesIncluded: z.number().int().min(0),
    /** The most recent notes, newest first. */
    notes: z.array(PublishedNoteSchema),
  })
  .refine((v) => v.notesIncluded === v.notes.length && v.notesIncluded <= v.notesTotal, {
    message: 'notesIncluded must count the notes and be at most notesTotal',
    path: ['notesIncluded'],
  });
export type PublishedVision = z.infer<typeof PublishedVisionSchema>;

/** A note as the store keeps it: the core note plus its last edit. */
export type NoteToPublish = VisionNote & { updatedAt?: string };

export interface PublishInput {
  projectKey: string;
  /** The current version of the board; undefined before the first save. */
  current: { version: number; savedAt: string; savedBy: string; board: VisionBoard } | undefined;
  /** Every note of the project, in any order. */
  notes: readonly NoteToPublish[];
  /** Account id of whose change is being published. */
  publishedBy: string;
  now: Date;
  /** Default {@link PROJECT_PROPERTY_MAX_BYTES}. */
  maxBytes?: number;
}

/** The UTF-8 size of a value's JSON: what Jira counts. */
export const jsonBytes = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value)).length;

/** At most `max` code points (never half a surrogate pair), with "…" when anything was cut. */
function cut(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : points.slice(0, max).join('') + ELLIPSIS;
}

const codePoints = (text: string): number => Array.from(text).length;

/** The board with every text cut to `max` code points, and which fields that cut. */
function capBoard(board: VisionBoard, max: number): { board: PublishedVision['board']; cutFields: string[] } {
  const cutFields: string[] = [];
  const capped = (value: string, where: string): string => {
    const out = cut(value, max);
    if (out !== value) cutFields.push(where);
    return out;
  };
  return {
    board: {
      visionStatement: capped(board.visionStatement, 'visionStatement'),
      targetGroup: capped(board.targetGroup, 'targetGroup'),
      needs: capped(board.needs, 'needs'),
      product: capped(board.product, 'product'),
      goals: board.goals.map((g, i) => ({
        id: g.id,
        name: capped(g.name, `goals[${i}].name`),
        target: capped(g.target, `goals[${i}].target`),
        status: g.status,
        weight: g.weight,
      })),
    },
    cutFields,
  };
}

/** The largest n in 0..hi with fits(n), given fits is monotone (true up to some n); -1 when none. */
function largest(hi: number, fits: (n: number) => boolean): number {
  if (fits(hi)) return hi;
  let lo = -1;
  let high = hi;
  while (high - lo > 1) {
    const mid = Math.floor((lo + high) / 2);
    if (fits(mid)) lo = mid;
    else high = mid;
  }
  return lo;
}

function publishedNote(note: NoteToPublish): PublishedNote {
  return {
    id: note.id,
    createdAt: note.createdAt,
    ...(note.updatedAt ? { updatedAt: note.updatedAt } : {}),
    type: note.type,
    title: note.title,
    text: note.text,
    tags: [...note.tags],
    issueKeys: [...note.issueKeys],
    author: note.author,
  };
}

/**
 * The copy to publish: always at most `maxBytes` of JSON. Throws RangeError only when not even an empty
 * board with its goal ids fits (impossible at Jira's limit: that skeleton is under 4 KB).
 */
export function buildPublishedVision(input: PublishInput): PublishedVision {
  const maxBytes = input.maxBytes ?? PROJECT_PROPERTY_MAX_BYTES;
  const board = input.current?.board ?? {
    visionStatement: '',
    targetGroup: '',
    needs: '',
    product: '',
    goals: [],
  };
  const sorted = sortNotes(input.notes) as NoteToPublish[];
  const total = sorted.length;
  const envelope = (b: PublishedVision['board'], truncatedFields: string[]): PublishedVision => ({
    schemaVersion: PUBLISHED_VISION_SCHEMA,
    projectKey: input.projectKey,
    version: input.current?.version ?? 0,
    savedAt: input.current?.savedAt ?? null,
    savedBy: input.current?.savedBy ?? null,
    publishedAt: input.now.toISOString(),
    publishedBy: input.publishedBy,
    board: b,
    truncatedFields,
    notesTotal: total,
    // Counted as `total` while measuring: the final count has at most as many digits.
    notesIncluded: total,
    notes: [],
  });

  // The board: whole if it fits, else every text cut to the longest common length that fits.
  const longest = Math.max(
    0,
    ...[board.visionStatement, board.targetGroup, board.needs, board.product].map(codePoints),
    ...board.goals.flatMap((g) => [codePoints(g.name), codePoints(g.target)]),
  );
  const withCap = (max: number) => {
    const { board: b, cutFields } = capBoard(board, max);
    return envelope(b, cutFields);
  };
  const cap = largest(longest, (max) => jsonBytes(withCap(max)) <= maxBytes);
  if (cap < 0)
    throw new RangeError(`Not even an empty vision board of ${input.projectKey} fits in ${maxBytes} bytes`);
  const copy = withCap(cap);

  // The notes: the most recent ones whole while they fit, then the next one with its text cut if that fits.
  let used = jsonBytes(copy);
  for (const note of sorted) {
    const whole = publishedNote(note);
    const cost = jsonBytes(whole) + (copy.notes.length > 0 ? 1 : 0);
    if (used + cost <= maxBytes) {
      copy.notes.push(whole);
      used += cost;
      continue;
    }
    const comma = copy.notes.length > 0 ? 1 : 0;
    const shortened = (max: number): PublishedNote => ({
      ...whole,
      text: cut(whole.text, max),
      textTruncated: true,
    });
    const room = largest(
      codePoints(whole.text),
      (max) => used + comma + jsonBytes(shortened(max)) <= maxBytes,
    );
    if (room >= 0) copy.notes.push(shortened(room));
    break;
  }
  copy.notesIncluded = copy.notes.length;
  return copy;
}

/** Checks a copy read back from Jira; the zod errors say where it is wrong. */
export const parsePublishedVision = (value: unknown) => PublishedVisionSchema.safeParse(value);
