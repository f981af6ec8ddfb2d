/** The daily trend: one snapshot per day, 90 days, compact storage. */
import fc from 'fast-check';
import type { Snapshot, TrendSeries } from '../../../src/core/health';
import {
  addSnapshot,
  dayText,
  emptyTrend,
  readTrend,
  snapshotOf,
  TREND_DAYS,
  trendSnapshots,
} from '../../../src/core/health';
import { item } from './fixtures';

const snap = (day: string, over: Partial<Snapshot> = {}): Snapshot => ({
  day,
  backlogValue: 100,
  readyShare: 0.5,
  orderHealth: 0.8,
  count: 10,
  ...over,
});

describe('addSnapshot', () => {
  it('stores column-wise, rounded: value to 2 decimals, shares and correlations to 4', () => {
    const s = addSnapshot(
      undefined,
      snap('2025-03-14', { backlogValue: 1234.5678, readyShare: 1 / 3, orderHealth: -0.153897 }),
      '2025-03-14T12:00:00Z',
    );
    // 2025-03-14 is day 20161 since 1970-01-01 (Date.UTC(2025, 2, 14) / 86 400 000).
    expect(s).toEqual({
      v: 1,
      day: [20161],
      value: [1234.57],
      ready: [0.3333],
      order: [-0.1539],
      count: [10],
    });
    expect(dayText(20161)).toBe('2025-03-14');
  });

  it('keeps one snapshot per day (the latest replaces) in day order, without touching the input', () => {
    const now = '2025-03-14';
    const a = addSnapshot(null, snap('2025-03-12'), now);
    const b = addSnapshot(a, snap('2025-03-14', { count: 1 }), now);
    const c = addSnapshot(b, snap('2025-03-13', { orderHealth: null }), now);
    const d = addSnapshot(c, snap('2025-03-14', { count: 2 }), now);
    expect(trendSnapshots(d).map((x) => [x.day, x.count, x.orderHealth])).toEqual([
      ['2025-03-12', 10, 0.8],
      ['2025-03-13', 10, null],
      ['2025-03-14', 2, 0.8],
    ]);
    expect(b.day).toHaveLength(2); // b was not changed by later adds
  });

  it('drops days older than 90 days: today and the 89 days before stay', () => {
    // now 2025-04-01 = day 20179; oldest kept = 20179 - 90 + 1 = 20090 = 2025-01-02.
    const now = new Date('2025-04-01T08:00:00Z');
    let s: TrendSeries = emptyTrend();
    s = addSnapshot(s, snap('2025-01-01'), '2025-01-01');
    s = addSnapshot(s, snap('2025-01-02'), '2025-01-02');
    s = addSnapshot(s, snap('2025-04-01'), now);
    expect(trendSnapshots(s).map((x) => x.day)).toEqual(['2025-01-02', '2025-04-01']);
    expect(addSnapshot(s, snap('2024-12-31'), now).day).toEqual(s.day); // too old to add
    expect(TREND_DAYS).toBe(90);
  });

  it('refuses malformed snapshots and dates', () => {
    expect(() => addSnapshot(null, snap('2025-02-30'), '2025-03-01')).toThrow(RangeError);
    expect(() => addSnapshot(null, snap('14.03.2025'), '2025-03-01')).toThrow(RangeError);
    expect(() => addSnapshot(null, snap('2025-03-01', { readyShare: 1.5 }), '2025-03-01')).toThrow(
      RangeError,
    );
    expect(() => addSnapshot(null, snap('2025-03-01', { orderHealth: NaN }), '2025-03-01')).toThrow(
      RangeError,
    );
    expect(() => addSnapshot(null, snap('2025-03-01', { count: 2.5 }), '2025-03-01')).toThrow(RangeError);
    expect(() => addSnapshot(null, snap('2025-03-01', { backlogValue: Infinity }), '2025-03-01')).toThrow(
      RangeError,
    );
    expect(() => addSnapshot(null, snap('2025-03-01'), 'soon')).toThrow(RangeError);
  });

  it('90 days of large values stay well under 8 KiB as JSON', () => {
    let s: TrendSeries | undefined;
    const start = Date.UTC(2025, 0, 1);
    for (let i = 0; i < 120; i++) {
      const day = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
      s = addSnapshot(
        s,
        snap(day, {
          backlogValue: 98_765_432.123 + i,
          readyShare: 1 / 7,
          orderHealth: -1 / 7,
          count: 50_000 + i,
        }),
        day,
      );
    }
    const json = JSON.stringify(s);
    const bytes = Buffer.byteLength(json, 'utf8');
    console.log(`90 days of trend: ${bytes} bytes JSON`);
    expect(s?.day).toHaveLength(90);
    expect(bytes).toBeLessThan(8 * 1024);
    // The same 90 days as an array of snapshot objects would not fit.
    expect(Buffer.byteLength(JSON.stringify(trendSnapshots(s!)), 'utf8')).toBeGreaterThan(bytes * 2);
  });

  it('property: one entry per day, ascending, none older than 90 days, always readable', () => {
    const arb = fc.array(
      fc.record({
        offset: fc.integer({ min: 0, max: 200 }),
        ready: fc.double({ min: 0, max: 1, noNaN: true }),
        order: fc.option(fc.double({ min: -1, max: 1, noNaN: true }), { nil: null }),
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(arb, (adds) => {
        let s: TrendSeries | undefined;
        let now = 20_000;
        for (const a of adds) {
          now = Math.max(now, 20_000 + a.offset);
          s = addSnapshot(
            s,
            snap(dayText(20_000 + a.offset), { readyShare: a.ready, orderHealth: a.order }),
            dayText(now),
          );
        }
        const series = s ?? emptyTrend();
        expect(readTrend(JSON.parse(JSON.stringify(series)))).toEqual(series);
        series.day.forEach((d, i) => {
          if (i > 0) expect(d).toBeGreaterThan(series.day[i - 1]!);
          expect(d).toBeGreaterThan(now - TREND_DAYS);
        });
      }),
    );
  });
});

describe('readTrend and snapshotOf', () => {
  it('an invalid stored series reads as empty', () => {
    expect(readTrend(undefined)).toEqual(emptyTrend());
    expect(readTrend({ v: 2 })).toEqual(emptyTrend());
    const ragged = { v: 1, day: [1, 2], value: [1], ready: [1], order: [null], count: [1] };
    expect(readTrend(ragged)).toEqual(emptyTrend());
    const unsorted = { v: 1, day: [2, 1], value: [1, 1], ready: [1, 1], order: [null, 1], count: [1, 1] };
    expect(readTrend(unsorted)).toEqual(emptyTrend());
  });

  it('hand example: value Σ max(0, score), ready share, Spearman, count', () => {
    const items = [
      item('S-1', 5, { ready: true }),
      item('S-2', -2, { ready: false }), // negative adds 0
      item('S-3', null), // unscored adds 0
      item('S-4', 7.5, { ready: true }),
    ];
    // value 5 + 0 + 0 + 7.5 = 12.5; ready 2 of 4 = 0.5; scored S-1 S-2 S-4 with value ranks 2 3 1:
    // x = 1 2 3, y = 2 3 1, dx = -1 0 1, dy = 0 1 -1 → ρ = (0 + 0 - 1) / √(2 · 2) = -0.5.
    expect(snapshotOf(items, '2025-03-14T23:00:00Z')).toEqual({
      day: '2025-03-14',
      backlogValue: 12.5,
      readyShare: 0.5,
      orderHealth: -0.5,
      count: 4,
    });
    expect(snapshotOf([], '2025-03-14')).toEqual({
      day: '2025-03-14',
      backlogValue: 0,
      readyShare: 0,
      orderHealth: null,
      count: 0,
    });
  });
});
