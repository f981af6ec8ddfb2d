/**
 * "Waiting for the PO": the backlog's open questions for the Product Owner (issue 16) — how many, on how many
 * issues, the oldest one's age, and how many of the top issues by value wait on an answer (those stall the
 * next sprint first). Pure; items come in current rank order with their open-question counts.
 */
import { ageInDays } from '../questions';
import { openQuestionsOf } from './readiness';
import type { HealthItem, ValueEntry } from './types';
import { countOf, valueOrder } from './types';

/** Issues listed by the panel at most. */
export const WAITING_LIST_SIZE = 10;

export interface WaitingIssue {
  key: string;
  summary: string;
  open: number;
  /** Whole days since its oldest open question was asked; null when unknown. */
  ageDays: number | null;
  /** 1-based place in value order; null when unscored. */
  position: number | null;
}

export interface WaitingForPo {
  /** Open questions in the backlog, and the issues holding them. */
  open: number;
  issues: number;
  /** The oldest open question's age in whole days, and its issue; null when none is open. */
  oldestDays: number | null;
  oldestKey: string | null;
  /** How many of the top `topN` by value have open questions. */
  onTop: number;
  topN: number;
  /** The issues with open questions: those on top first (value order), then the oldest; at most 10. */
  list: WaitingIssue[];
}

/** Whole days since the question was asked; null when it carries no readable date. */
const ageDays = (asked: string | undefined, nowMs: number): number | null =>
  asked && Number.isFinite(Date.parse(asked)) ? ageInDays(asked, nowMs) : null;

export function waitingForPo(
  items: readonly HealthItem[],
  options: { now: Date | string; topN: number },
  sorted: readonly ValueEntry[] = valueOrder(items),
): WaitingForPo {
  const nowMs = typeof options.now === 'string' ? Date.parse(options.now) : options.now.getTime();
  const topN = countOf(options.topN);
  const waiting: WaitingIssue[] = [];
  let open = 0;
  let oldest: { key: string; days: number } | undefined;
  for (const item of items) {
    if (!item.openQuestions) continue; // most items: none (undefined or 0)
    const n = openQuestionsOf(item);
    if (n === 0) continue;
    open += n;
    const days = ageDays(item.oldestQuestion, nowMs);
    if (days !== null && (!oldest || days > oldest.days)) oldest = { key: item.key, days };
    waiting.push({ key: item.key, summary: item.summary, open: n, ageDays: days, position: null });
  }
  if (waiting.length > 0) {
    const byKey = new Map(waiting.map((w) => [w.key, w] as const));
    sorted.forEach((e, i) => {
      const w = byKey.get(e.item.key);
      if (w) w.position = i + 1;
    });
  }
  const onTop = (w: WaitingIssue) => w.position !== null && w.position <= topN;
  const list = [...waiting]
    .sort(
      (a, b) =>
        Number(onTop(b)) - Number(onTop(a)) ||
        (onTop(a) ? (a.position ?? 0) - (b.position ?? 0) : (b.ageDays ?? -1) - (a.ageDays ?? -1)),
    )
    .slice(0, WAITING_LIST_SIZE);
  return {
    open,
    issues: waiting.length,
    oldestDays: oldest?.days ?? null,
    oldestKey: oldest?.key ?? null,
    onTop: waiting.filter(onTop).length,
    topN,
    list,
  };
}
