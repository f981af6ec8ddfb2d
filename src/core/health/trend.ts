/**
 * The health trend: one snapshot per day for the last {@link TREND_DAYS} days.
 *
 * Stored shape (JSON), column-wise so 90 days stay small (objects would repeat the property names each day):
 *
 *     { "v": 1, "day": [20089, 20090, …], "value": [412.5, …], "ready": [0.4167, …],
 *       "order": [0.8123, null, …], "count": [57, …] }
 *
 * `day` is the day number (days since 1970-01-01, UTC calendar), ascending and unique; the other arrays are
 * parallel to it. Stored numbers are rounded: backlog value to 2 decimals, shares and correlations to 4.
 * A series that fails validation reads as empty (the trend restarts rather than the gadget failing).
 */
import { z } from 'zod';
import { today } from '../scoring/read';
import { countReadiness } from './readiness';
import { orderHealth } from './order-health';
import type { HealthItem } from './types';
import { scoreOf } from './types';

export const TREND_DAYS = 90;

export interface Snapshot {
  /** `YYYY-MM-DD`. */
  day: string;
  /** Σ max(0, score) over the scored items. */
  backlogValue: number;
  /** Share of the whole backlog that is ready, 0..1. */
  readyShare: number;
  /** Spearman correlation of current order and value, -1..1; null when undefined. */
  orderHealth: number | null;
  /** Items in the backlog. */
  count: number;
}

export interface TrendSeries {
  v: 1;
  day: number[];
  value: number[];
  ready: number[];
  order: Array<number | null>;
  count: number[];
}

const finite = z.number().refine(Number.isFinite);
const TrendSeriesSchema = z
  .object({
    v: z.literal(1),
    day: z.array(z.number().int()),
    value: z.array(finite),
    ready: z.array(finite),
    order: z.array(finite.nullable()),
    count: z.array(z.number().int().min(0)),
  })
  .refine(
    (s) =>
      [s.value, s.ready, s.order, s.count].every((a) => a.length === s.day.length) &&
      s.day.every((d, i) => i === 0 || d > (s.day[i - 1] as number)),
  );

export const emptyTrend = (): TrendSeries => ({ v: 1, day: [], value: [], ready: [], order: [], count: [] });

/** A stored series, validated; anything else reads as the empty series. */
export function readTrend(stored: unknown): TrendSeries {
  const parsed = TrendSeriesSchema.safeParse(stored);
  return parsed.success ? (parsed.data as TrendSeries) : emptyTrend();
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const round = (value: number, decimals: number): number => {
  const f = 10 ** decimals;
  const r = Math.round(value * f) / f;
  return Number.isFinite(r) ? r || 0 : value;
};

export const dayText = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

function dayOf(snapshot: Snapshot): number {
  if (!DAY.test(snapshot.day) || dayText(today(snapshot.day)) !== snapshot.day)
    throw new RangeError(`snapshot day is not a YYYY-MM-DD date: ${snapshot.day}`);
  return today(snapshot.day);
}

function check(snapshot: Snapshot): void {
  const bad = (what: string, v: unknown): never => {
    throw new RangeError(`snapshot ${what} is invalid: ${String(v)}`);
  };
  if (!Number.isFinite(snapshot.backlogValue)) bad('backlogValue', snapshot.backlogValue);
  if (!(snapshot.readyShare >= 0 && snapshot.readyShare <= 1)) bad('readyShare', snapshot.readyShare);
  if (snapshot.orderHealth !== null && !(snapshot.orderHealth >= -1 && snapshot.orderHealth <= 1))
    bad('orderHealth', snapshot.orderHealth);
  if (!Number.isInteger(snapshot.count) || snapshot.count < 0) bad('count', snapshot.count);
}

/**
 * The series with `snapshot` recorded: replacing a snapshot of the same day, in day order, without days
 * older than {@link TREND_DAYS} days before `now`'s day (today and the 89 days before it stay). The input
 * is not changed. Throws RangeError for a malformed snapshot or `now`.
 */
export function addSnapshot(
  series: TrendSeries | null | undefined,
  snapshot: Snapshot,
  now: Date | string,
): TrendSeries {
  check(snapshot);
  const day = dayOf(snapshot);
  const oldest = today(now) - TREND_DAYS + 1;
  const current = series ?? emptyTrend();
  const rows: Array<[number, number, number, number | null, number]> = [];
  current.day.forEach((d, i) => {
    if (d !== day && d >= oldest)
      rows.push([
        d,
        current.value[i] ?? 0,
        current.ready[i] ?? 0,
        current.order[i] ?? null,
        current.count[i] ?? 0,
      ]);
  });
  if (day >= oldest)
    rows.push([
      day,
      round(snapshot.backlogValue, 2),
      round(snapshot.readyShare, 4),
      snapshot.orderHealth === null ? null : round(snapshot.orderHealth, 4),
      snapshot.count,
    ]);
  rows.sort((a, b) => a[0] - b[0]);
  return {
    v: 1,
    day: rows.map((r) => r[0]),
    value: rows.map((r) => r[1]),
    ready: rows.map((r) => r[2]),
    order: rows.map((r) => r[3]),
    count: rows.map((r) => r[4]),
  };
}

/** The series as snapshots, oldest first. */
export function trendSnapshots(series: TrendSeries): Snapshot[] {
  return series.day.map((d, i) => ({
    day: dayText(d),
    backlogValue: series.value[i] ?? 0,
    readyShare: series.ready[i] ?? 0,
    orderHealth: series.order[i] ?? null,
    count: series.count[i] ?? 0,
  }));
}

/** Today's snapshot of the backlog; `day` is `now`'s day (a `YYYY-MM-DD` is taken as is). */
export function snapshotOf(
  items: readonly HealthItem[],
  now: Date | string,
  spearman?: number | null,
): Snapshot {
  let backlogValue = 0;
  for (const item of items) backlogValue += Math.max(0, scoreOf(item) ?? 0);
  return {
    day: dayText(today(now)),
    backlogValue,
    readyShare: countReadiness(items).share,
    orderHealth: spearman !== undefined ? spearman : orderHealth(items).spearman,
    count: items.length,
  };
}
