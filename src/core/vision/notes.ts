/**
 * Vision notes: filtering, newest-first order and keyset paging.
 *
 * Filter semantics: every given criterion must hold (AND). `types`: the note has one of them. `tags`: the
 * note carries every one of them (compared normalised: trimmed, lower-case). `text`: each whitespace-
 * separated word of the query occurs, case-insensitively, in the title, the text or a tag. `issueKey`: the
 * note links that issue (any case). `author`: the author's account id. `from`/`to`: inclusive bounds on
 * `createdAt`, each an ISO instant or a `YYYY-MM-DD` day (UTC: `from` at its first, `to` at its last
 * millisecond). An empty list or empty text does not filter.
 *
 * Order: newest first by `createdAt` (as an instant, whatever its offset), then by id, so the order is total.
 * Paging: a cursor names the last note of a page (its instant and id), not a position, so notes added while
 * someone pages do not shift later pages. Pages hold at most {@link MAX_NOTE_PAGE} notes (the store's page).
 */
import { z } from 'zod';
import { AccountIdSchema, NOTE_TYPES, normalizeTag, VISION_LIMITS } from './schema';
import type { NoteType, VisionNote } from './schema';

export const MAX_NOTE_PAGE = 20;

export interface NoteFilter {
  types?: readonly NoteType[];
  tags?: readonly string[];
  text?: string;
  issueKey?: string;
  author?: string;
  from?: string;
  to?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dateBound = z
  .string()
  .trim()
  .refine((v) => Number.isFinite(Date.parse(DAY.test(v) ? `${v}T00:00:00.000Z` : v)), {
    error: 'must be a YYYY-MM-DD day or an ISO date-time',
  });

/** A filter as a client sends it, validated (for the resolver); `filterNotes` takes its output. */
export const NoteFilterSchema = z.object({
  types: z.array(z.enum(NOTE_TYPES)).max(NOTE_TYPES.length).optional(),
  tags: z.array(z.string().max(VISION_LIMITS.tag)).max(VISION_LIMITS.tags).optional(),
  text: z.string().max(VISION_LIMITS.noteTitle).optional(),
  issueKey: z.string().max(VISION_LIMITS.issueKey).optional(),
  author: AccountIdSchema.optional(),
  from: dateBound.optional(),
  to: dateBound.optional(),
});

/** A filter bound as epoch milliseconds; RangeError when it is not a date. */
function bound(value: string, edge: 'start' | 'end', name: string): number {
  const v = value.trim();
  const ms = DAY.test(v) ? Date.parse(`${v}T00:00:00.000Z`) : Date.parse(v);
  if (!Number.isFinite(ms)) throw new RangeError(`${name} is not a date: ${value}`);
  return DAY.test(v) && edge === 'end' ? ms + 86_400_000 - 1 : ms;
}

const instant = (note: VisionNote): number => Date.parse(note.createdAt);

/** Negative when `a` comes first: newer first, then id ascending. */
export function compareNotes(a: VisionNote, b: VisionNote): number {
  const d = instant(b) - instant(a);
  if (d !== 0 && Number.isFinite(d)) return d;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export const sortNotes = (notes: readonly VisionNote[]): VisionNote[] => [...notes].sort(compareNotes);

/** The notes matching `filter`, newest first. Throws RangeError for a `from`/`to` that is not a date. */
export function filterNotes(notes: readonly VisionNote[], filter: NoteFilter = {}): VisionNote[] {
  const types = filter.types?.length ? new Set<string>(filter.types) : undefined;
  const tags = (filter.tags ?? []).map(normalizeTag).filter((t) => t !== '');
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const issueKey = filter.issueKey?.trim().toUpperCase() || undefined;
  const author = filter.author?.trim() || undefined;
  const from = filter.from?.trim() ? bound(filter.from, 'start', 'from') : -Infinity;
  const to = filter.to?.trim() ? bound(filter.to, 'end', 'to') : Infinity;
  return sortNotes(
    notes.filter((note) => {
      if (types && !types.has(note.type)) return false;
      if (author !== undefined && note.author !== author) return false;
      if (issueKey !== undefined && !note.issueKeys.some((k) => k.toUpperCase() === issueKey)) return false;
      if (tags.length && !tags.every((t) => note.tags.includes(t))) return false;
      const at = instant(note);
      if (at < from || at > to) return false;
      if (words.length) {
        const haystack = [note.title, note.text, ...note.tags].join('\n').toLowerCase();
        if (!words.every((w) => haystack.includes(w))) return false;
      }
      return true;
    }),
  );
}

export interface NotePage {
  notes: VisionNote[];
  /** Pass back for the next page; null on the last page. */
  nextCursor: string | null;
}

const CURSOR = /^n1:(-?\d+):(.+)$/;

/** The cursor after `note`: `n1:<epoch ms>:<id>`. */
export const cursorAfter = (note: VisionNote): string => `n1:${instant(note)}:${note.id}`;

function readCursor(cursor: string): { ms: number; id: string } {
  const m = CURSOR.exec(cursor);
  const ms = m ? Number(m[1]) : NaN;
  if (!m || !Number.isSafeInteger(ms)) throw new RangeError(`not a notes cursor: ${cursor}`);
  return { ms, id: m[2] as string };
}

/**
 * One page of `notes` (any order; paged newest first) after `cursor` (none: the first page), at most
 * `limit` notes, clamped to 1..{@link MAX_NOTE_PAGE}. Throws RangeError for a malformed cursor.
 */
export function pageNotes(
  notes: readonly VisionNote[],
  options: { cursor?: string | null; limit?: number } = {},
): NotePage {
  const limit = Math.min(MAX_NOTE_PAGE, Math.max(1, Math.floor(options.limit ?? MAX_NOTE_PAGE) || 1));
  const sorted = sortNotes(notes);
  let start = 0;
  if (options.cursor) {
    const { ms, id } = readCursor(options.cursor);
    const after = (n: VisionNote): boolean => {
      const at = instant(n);
      return at < ms || (at === ms && n.id > id);
    };
    start = sorted.findIndex(after);
    if (start < 0) start = sorted.length;
  }
  const page = sorted.slice(start, start + limit);
  const last = page[page.length - 1];
  const more = start + limit < sorted.length;
  return { notes: page, nextCursor: more && last ? cursorAfter(last) : null };
}
