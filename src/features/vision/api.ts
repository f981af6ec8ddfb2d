/**
 * The vision resolvers' part of the resolver API (spread into `payloads` and `Answers` in api.ts): payload
 * schemas and answer types. Boards and notes arrive as `unknown` and are checked by the core's schemas in
 * the resolver, so an over-long field is refused with the core's message naming the field and its limit.
 */
import { z } from 'zod';
import { projectKey } from '../../shared/ids';
import type { BoardDiff, VisionBoard, VisionNote } from '../../core/vision';
import { NoteFilterSchema, VISION_LIMITS } from '../../core/vision';

const version = z.number().int().min(1);
const expectedVersion = z.number().int().min(0);
const noteId = z.string().min(1).max(VISION_LIMITS.id);

/** Versions per page of `vision.history` (each holds a whole board: a page stays far below 1 MB). */
export const VISION_HISTORY_PAGE = 10;
/** The rule the history view states: which versions are kept. */
export const VISION_VERSIONS_KEPT_RULE =
  'ValueRank keeps the newest 50 versions of the vision, and every version one of them restored; older versions are deleted.';
/** The details entry of a note edit's `conflict` that carries the note as it is now (a VisionNoteView) as JSON. */
export const NOTE_CONFLICT_PREFIX = 'note-conflict:';

export const visionPayloads = {
  /** The project's current board and what the caller may do (anyone who can browse the project). */
  'vision.get': z.object({ projectKey }).strict(),
  /** Saves the board as a new version if `expectedVersion` is still current (project admins only). */
  'vision.save': z.object({ projectKey, board: z.unknown(), expectedVersion }).strict(),
  /**
   * One page of the kept versions, newest first: at most `limit` (default and most {@link VISION_HISTORY_PAGE})
   * versions older than `before` (none: from the newest).
   */
  'vision.history': z
    .object({
      projectKey,
      before: version.optional(),
      limit: z.number().int().min(1).max(VISION_HISTORY_PAGE).optional(),
    })
    .strict(),
  /** A new version equal to `version` (project admins only). */
  'vision.restore': z.object({ projectKey, version, expectedVersion }).strict(),
  'vision.notes.list': z
    .object({ projectKey, filter: NoteFilterSchema.default({}), cursor: z.string().max(200).optional() })
    .strict(),
  /** `note`: type, title, text, tags, issueKeys (the author and time are set by the app). */
  'vision.notes.add': z.object({ projectKey, note: z.unknown() }).strict(),
  /** Its author or a project admin only. */
  /** `expectedVersion`: the note's version the edit started from; a newer one answers `conflict`. */
  'vision.notes.update': z
    .object({ projectKey, id: noteId, note: z.unknown(), expectedVersion: z.number().int().min(1) })
    .strict(),
  'vision.notes.delete': z.object({ projectKey, id: noteId }).strict(),
  /** The board and the newest notes as Markdown. */
  'vision.export': z.object({ projectKey }).strict(),
  /** Who may edit besides project admins; the project's roles for admins (the picker). */
  'vision.settings.get': z.object({ projectKey }).strict(),
  /** Picks the project role whose members also edit the board, or none (project admins only). */
  'vision.settings.save': z
    .object({ projectKey, editorRoleId: z.number().int().positive().nullable() })
    .strict(),
} as const;

/** A project role, as the vision's editor setting names it. */
export interface VisionRoleRef {
  id: number;
  name: string;
}

export interface VisionSettingsView {
  projectKey: string;
  /** The role whose members edit the board and restore versions besides project admins; null: admins only. */
  editorRole: VisionRoleRef | null;
  /** The project's roles to pick from (project admins only; [] for everyone else). */
  roles: Array<VisionRoleRef & { description: string }>;
  /** The caller administers the project (and may change the setting). */
  canAdmin: boolean;
  /** Who may edit, as one sentence: "Project administrators and members of Developers". */
  editors: string;
}

export interface VisionVersionView {
  version: number;
  savedAt: string;
  savedBy: string;
  /** The saver's display name as Jira gives it now (read on display, ADR 9). */
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
  /** Project admins, and members of the editor role if one is set, edit the board and restore versions. */
  canEdit: boolean;
  /** The caller administers the project (and picks the editor role). */
  canAdmin: boolean;
  /** The role whose members may edit besides project admins; null: admins only. */
  editorRole: VisionRoleRef | null;
  /** Who may edit, as one sentence: "Project administrators and members of Developers". */
  editors: string;
  user: { accountId: string; displayName: string };
}

export interface VisionNoteView extends VisionNote {
  authorName: string;
  /** The note's version: an edit names it as `expectedVersion`. */
  version: number;
  /** False: written by someone who may not edit the vision, so kept here but not in the published copy. */
  published: boolean;
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

/**
 * What every change (save, restore, note add/edit/delete) answers besides its result: whether the read copy
 * in the project property `valuerank-vision` was updated (ADR 5). A failed publish never fails the change;
 * `publishReason` says why, for the UI to show discreetly.
 */
export interface VisionPublished {
  published: boolean;
  publishReason?: string;
}

/** The details entry of a conflict that carries the {@link VisionConflict} as JSON. */
export const VISION_CONFLICT_PREFIX = 'vision-conflict:';

export interface VisionAnswers {
  'vision.get': VisionView;
  'vision.save': { version: VisionVersionView } & VisionPublished;
  /** Newest first; `nextBefore` asks for the next page (null: no older version is kept); `kept` is the rule. */
  'vision.history': { versions: VisionVersionView[]; nextBefore: number | null; kept: string };
  'vision.restore': { version: VisionVersionView } & VisionPublished;
  'vision.notes.list': { notes: VisionNoteView[]; nextCursor: string | null; total: number };
  'vision.notes.add': { note: VisionNoteView } & VisionPublished;
  'vision.notes.update': { note: VisionNoteView } & VisionPublished;
  'vision.notes.delete': { id: string } & VisionPublished;
  'vision.export': { markdown: string; filename: string };
  'vision.settings.get': VisionSettingsView;
  'vision.settings.save': VisionSettingsView;
}
