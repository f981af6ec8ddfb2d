/**
 * The resolver API: every key the UI may `invoke`, its payload schema and its answer type.
 * static/src/bridge.ts imports these types; test/wiring.test.ts ties UI calls, this table and the
 * resolver definitions together.
 */
import { z } from 'zod';
import type { BacklogItem, BacklogSummary } from '../core/backlog/items';

export const payloads = {
  'site.overview': z.object({}).strict(),
  'board.backlog': z.object({ boardId: z.number().int().positive() }).strict(),
} as const;

export interface SiteOverview {
  user: { accountId: string; displayName: string };
  projects: Array<{
    id: string;
    key: string;
    name: string;
    boards: Array<{ id: number; name: string; type: string }>;
  }>;
  /** The board this user last opened in this project, if any. */
  lastBoardId: number | undefined;
}

export interface BoardBacklog {
  board: { id: number; name: string; estimationFieldName: string | undefined };
  summary: BacklogSummary;
  items: BacklogItem[];
}

export interface Answers {
  'site.overview': SiteOverview;
  'board.backlog': BoardBacklog;
}

export type ResolverKey = keyof typeof payloads;
export type Payload<K extends ResolverKey> = z.input<(typeof payloads)[K]>;
