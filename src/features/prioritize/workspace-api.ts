/**
 * The Prioritize workspace's part of the resolver API (spread into `payloads` and `Answers` in
 * src/resolvers/api.ts): the grid's rows sorted and filtered on the server (so it works at 10,000 issues),
 * and the inline edit of a score input, written to the mapped Jira field as the user and undoable.
 */
import { z } from 'zod';
import { ModelConfigSchema } from '../../core/scoring';
import { boardId, issueKey } from '../../shared/ids';
import type { PrioritizedItem } from './api';

/** Issues one `prioritize.setInput` call changes at most (one resolver call must finish within 25 s). */
export const MAX_INPUT_CHANGES = 100;
/** Keys `prioritize.find` answers with `keysOnly` (select every filtered issue). */
export const MAX_FOUND_KEYS = 10_000;

export const SORT_KEYS = ['value', 'rank', 'score', 'key', 'summary', 'type', 'status'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const names = z.array(z.string().min(1).max(255)).max(100);

export const RowFilterSchema = z
  .object({
    /** Part of the key or the summary (case-insensitive). */
    text: z.string().max(200).optional(),
    types: names.optional(),
    statuses: names.optional(),
    /** Epic (parent) keys; `none` for issues without one. */
    epics: names.optional(),
    /** Fix version names; `none` for issues without one. */
    versions: names.optional(),
    /** Vision goal ids; `none` for issues that serve no goal. */
    goals: names.optional(),
    ready: z.enum(['ready', 'not-ready']).optional(),
    /** true: only unscored issues; false: only scored ones. */
    unscored: z.boolean().optional(),
    /** true: only the issues the reorder's rank calls move (the preview's moves); false: the others. */
    moved: z.boolean().optional(),
  })
  .strict();
export type RowFilter = z.infer<typeof RowFilterSchema>;

export const workspacePayloads = {
  /**
   * Rows of the board's latest analysis, filtered and sorted on the server: `count` rows from `from` of the
   * matching ones; with `keysOnly`, every matching key (at most 10,000) and no rows; with `facets`, the
   * values the filters offer (types, statuses, epics, versions, goals).
   */
  'prioritize.find': z
    .object({
      boardId,
      model: ModelConfigSchema.optional(),
      filter: RowFilterSchema.default({}),
      sort: z
        .object({ by: z.enum(SORT_KEYS), dir: z.enum(['asc', 'desc']) })
        .strict()
        .default({ by: 'value', dir: 'asc' }),
      from: z.number().int().min(0).max(1_000_000).default(0),
      count: z.number().int().min(1).max(200).default(100),
      keysOnly: z.boolean().default(false),
      facets: z.boolean().default(false),
    })
    .strict(),
  /**
   * Sets one score input (a field-backed input of the mapping) on up to 100 issues of the board, as the
   * user (Edit Issues), after checking every value against what the project's model accepts: an
   * out-of-range value refuses the whole call, nothing written. `null` clears the field (undo of an empty
   * one). Answers each issue's old value, so the change can be undone.
   */
  'prioritize.setInput': z
    .object({
      boardId,
      input: z.string().min(1).max(100),
      changes: z
        .array(z.object({ key: issueKey, value: z.number().finite().nullable() }).strict())
        .min(1)
        .max(MAX_INPUT_CHANGES)
        .refine((c) => new Set(c.map((x) => x.key)).size === c.length, 'each issue at most once'),
    })
    .strict(),
} as const;

/** What the grid shows of a row beyond the analysis: where it belongs (epic, versions, goals), readiness. */
export interface RowFacets {
  /** The parent (epic) the issue belongs to. */
  epic?: { key: string; summary: string };
  /** Fix version names. */
  versions: string[];
  /** Vision goal ids the issue serves. */
  goals: string[];
  /** The readiness verdict ValueRank keeps on the issue; `unchecked` when it has none yet. */
  ready?: 'ready' | 'not-ready' | 'unchecked';
}

export type WorkspaceRow = PrioritizedItem & Partial<RowFacets>;

export interface Facets {
  types: string[];
  statuses: string[];
  epics: Array<{ key: string; summary: string }>;
  versions: string[];
  goals: Array<{ id: string; name: string }>;
}

export interface FindAnswer {
  /** Matching rows in all. */
  total: number;
  /** Rows in the backlog. */
  all: number;
  from: number;
  rows: WorkspaceRow[];
  /** With `keysOnly`: every matching key, in the sorted order. */
  keys?: string[];
  facets?: Facets;
  /** With `facets`: whether the caller may edit the project's issues (inline edits, tags). */
  canEdit?: boolean;
  snapshotId: string;
  computedAt: string;
}

export interface InputChangeResult {
  key: string;
  ok: boolean;
  /** The value before (null: the field was empty); what undo writes back. */
  from: number | null;
  to: number | null;
  /** Why this issue was not changed. */
  error?: string;
}

export interface SetInputAnswer {
  input: string;
  /** The input's label, e.g. "Business value". */
  label: string;
  field: { id: string; name: string };
  results: InputChangeResult[];
  changed: number;
  failed: number;
}

export interface WorkspaceAnswers {
  'prioritize.find': FindAnswer;
  'prioritize.setInput': SetInputAnswer;
}
