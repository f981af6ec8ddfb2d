/**
 * Concurrent backlog reads (docs/adr/0010-concurrent-reads.md): the first page gives the total, the rest are
 * read a bounded number at a time by `startAt`, yielded in rank order; 429 with Retry-After is honoured per
 * request; a backlog that grew meanwhile is read to its end. Asserted by counts (requests in flight, calls),
 * never by milliseconds.
 */
import { JiraClient, JiraRateLimitedError } from '../../src/jira';
import type { JiraRawResponse, JiraRequest, JiraTransport } from '../../src/jira/transport';
import { FakeClock } from '../support/scripted-transport';
import { sampleBacklogPage } from './samples';

/** Answers backlog pages after a tick, counting the requests in flight at once. */
class ConcurrentTransport implements JiraTransport {
  readonly description = 'concurrent';
  inFlight = 0;
  peak = 0;
  readonly startAts: number[] = [];
  constructor(
    private total: number,
    private readonly fault?: (startAt: number, attempt: number) => JiraRawResponse | undefined,
    private readonly grow?: { after: number; to: number },
  ) {}
  private attempts = new Map<number, number>();
  async send(request: JiraRequest): Promise<JiraRawResponse> {
    const url = new URL(request.path.value, 'https://x.test');
    const startAt = Number(url.searchParams.get('startAt'));
    this.startAts.push(startAt);
    this.inFlight += 1;
    this.peak = Math.max(this.peak, this.inFlight);
    await new Promise((resolve) => setTimeout(resolve, 1 + (startAt % 7)));
    this.inFlight -= 1;
    const attempt = (this.attempts.get(startAt) ?? 0) + 1;
    this.attempts.set(startAt, attempt);
    const faulty = this.fault?.(startAt, attempt);
    if (faulty) return faulty;
    if (this.grow && this.startAts.length > this.grow.after) this.total = this.grow.to;
    const count = Math.max(0, Math.min(50, this.total - startAt));
    return { status: 200, headers: {}, text: JSON.stringify(sampleBacklogPage(startAt, count, this.total)) };
  }
}

const keys = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `TRAIL-${from + i + 1}`);

describe('concurrent backlog reads', () => {
  it.each([
    [1, 1],
    [4, 4],
    [5, 5],
  ])(
    'at concurrency %i reads 1,000 issues in 20 calls, at most %i in flight, in rank order',
    async (c, peak) => {
      const t = new ConcurrentTransport(1000);
      const client = new JiraClient(t, { concurrency: c, clock: new FakeClock() });
      const progress: number[] = [];
      const issues = await client.boardBacklog(7, { fields: ['summary'] }, (read) => {
        progress.push(read);
      });
      expect(issues.map((i) => i.key)).toEqual(keys(1000));
      expect(t.startAts).toHaveLength(20);
      expect([...t.startAts].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i * 50));
      expect(t.peak).toBe(peak);
      expect(progress).toEqual(Array.from({ length: 20 }, (_, i) => (i + 1) * 50));
    },
  );

  it('defaults to 5 pages in flight', async () => {
    const t = new ConcurrentTransport(600);
    const client = new JiraClient(t, { clock: new FakeClock() });
    expect(client.concurrency).toBe(5);
    expect(await client.boardBacklog(7, { fields: ['summary'] })).toHaveLength(600);
    expect(t.peak).toBe(5);
  });

  it('waits Retry-After on a 429 for that page only, and still yields every page in order', async () => {
    const clock = new FakeClock();
    const t = new ConcurrentTransport(500, (startAt, attempt) =>
      startAt === 150 && attempt === 1
        ? { status: 429, headers: { 'retry-after': '2' }, text: '{"errorMessages":["Rate limit exceeded."]}' }
        : undefined,
    );
    const issues = await new JiraClient(t, { concurrency: 4, clock }).boardBacklog(7, {
      fields: ['summary'],
    });
    expect(issues.map((i) => i.key)).toEqual(keys(500));
    expect(clock.sleeps).toEqual([2000]);
    expect(t.startAts.filter((s) => s === 150)).toHaveLength(2);
    expect(t.startAts).toHaveLength(11);
  });

  it('fails with the rate-limit error when Jira keeps refusing one page', async () => {
    const t = new ConcurrentTransport(500, (startAt) =>
      startAt === 200
        ? { status: 429, headers: { 'retry-after': '1' }, text: '{"errorMessages":["Rate limit exceeded."]}' }
        : undefined,
    );
    const client = new JiraClient(t, { concurrency: 4, clock: new FakeClock() });
    await expect(client.boardBacklog(7, { fields: ['summary'] })).rejects.toBeInstanceOf(
      JiraRateLimitedError,
    );
  });

  it('reads on, one page after another, when the backlog grew while it was read', async () => {
    const t = new ConcurrentTransport(200, undefined, { after: 2, to: 260 });
    const issues = await new JiraClient(t, { concurrency: 3, clock: new FakeClock() }).boardBacklog(7, {
      fields: ['summary'],
    });
    expect(issues.map((i) => i.key)).toEqual(keys(260));
  });
});
