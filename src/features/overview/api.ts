/** The overview's part of the resolver API: the projects and boards a user sees, and one board's backlog. */
import { z } from 'zod';
import type { BacklogItem, BacklogSummary } from '../../core/backlog/items';
import { boardId } from '../../shared/ids';

export const overviewPayloads = {
  'site.overview': z.object({}).strict(),
  'board.backlog': z.object({ boardId }).strict(),
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

export interface OverviewAnswers {
  'site.overview': SiteOverview;
  'board.backlog': BoardBacklog;
}
