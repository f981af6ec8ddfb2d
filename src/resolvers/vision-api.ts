/**
 * The vision resolvers' part of the resolver API (spread into `payloads` and `Answers` in api.ts): payload
 * schemas and answer types. Boards and notes arrive as `unknown` and are checked by the core's schemas in
 * the resolver, so an over-long field is refused with the core's message naming the field and its limit.
 */
import { z } from 'zod';
import type { BoardDiff, VisionBoard, VisionNote } from '../core/vision';
import { NoteFilterSchema, VISION_LIMITS } from '../core/vision';

const projectKey = z.string().regex(/^[A-Z][A-Z0-9_]{1,9}$/, 'not a project key');
const version = z.number().int().min(1);
const expectedVersion = z.number().int().min(0);
const noteId = z.string().min(1).max(VISION_LIMITS.id);

export const visionPayloads = {
  /** The project's current board and what the caller may do (anyone who can browse the project). */
  'vision.get': z.object({ projectKey }).strict(),
  /** Saves the board as a new version if `expectedVersion` is still current (project admins only). */
  'vision.save': z.object({ projectKey, board: z.unknown(), expectedVersion }).strict(),
  'vision.history': z.object({ projectKey }).strict(),
  /** A new version equal to `version` (project admins only). */
  'vision.restore': z.object({ projectKey, version, expectedVersion }).strict(),
  'vision.notes.list': z
    .object({ projectKey, filter: NoteFilterSchema.default({}), cursor: z.string().max(200).optional() })
    .strict(),
  /** `note`: type, title, text, tags, issueKeys (the author and time are set by the app). */
  'vision.notes.add': z.object({ projectKey, note: z.unknown() }).strict(),
  /** Its author or a project admin only. */
  'vision.notes.update': z.object({ projectKey, id: noteId, note: z.unknown() }).strict(),
  'vision.notes.delete': z.object({ projectKey, id: noteId }).strict(),
  /** The board and the newest notes as Markdown. */
  'vision.export': z.object({ projectKey }).strict(),
} as const;

export interface VisionVersionView {
  version: number;
  savedAt: string;
  savedBy: string;
  /** The saver's display name as it was when they saved. */
  savedByName: string;
  board: VisionBoard;
  restoredFrom?: number;
}

export interface VisionView {
  projectKey: string;
  /** null before anyone saved a vision (version 0, the empty board). */
  current: VisionVersionView | null;
  /** The version an edit starts from (0 when there is none). */
  version: number;
  /** Project admins edit the board and restore versions. */
  canEdit: boolean;
  user: { accountId: string; displayName: string };
}

export interface VisionNoteView extends VisionNote {
  authorName: string;
  updatedAt?: string;
  /** The caller is the author or a project admin. */
  canEdit: boolean;
}

/** What a `conflict` answer of `vision.save`/`vision.restore` carries (encoded in its details). */
export interface VisionConflict {
  expectedVersion: number;
  /** The version saved meanwhile by someone else. */
  theirs: VisionVersionView;
  /** The board the caller tried to save. */
  yours: VisionBoard;
  /** From theirs (left) to yours (right). */
  diff: BoardDiff;
}

/** The details entry of a conflict that carries the {@link VisionConflict} as JSON. */
export const VISION_CONFLICT_PREFIX = 'vision-conflict:';

export interface VisionAnswers {
  'vision.get': VisionView;
  'vision.save': { version: VisionVersionView };
  /** Newest first. */
  'vision.history': { versions: VisionVersionView[] };
  'vision.restore': { version: VisionVersionView };
  'vision.notes.list': { notes: VisionNoteView[]; nextCursor: string | null; total: number };
  'vision.notes.add': { note: VisionNoteView };
  'vision.notes.update': { note: VisionNoteView };
  'vision.notes.delete': { id: string };
  'vision.export': { markdown: string; filename: string };
}
