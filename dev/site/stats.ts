/** Request counts: in all, per route template (`GET /rest/agile/1.0/board/{boardId}/backlog`) and per caller. */

export interface SiteStats {
  total: number;
  byRoute: Record<string, number>;
  byUser: Record<string, number>;
}

export class StatsCounter {
  private data: SiteStats = { total: 0, byRoute: {}, byUser: {} };

  count(route: string, user: string): void {
    this.data.total++;
    this.data.byRoute[route] = (this.data.byRoute[route] ?? 0) + 1;
    this.data.byUser[user] = (this.data.byUser[user] ?? 0) + 1;
  }

  reset(): void {
    this.data = { total: 0, byRoute: {}, byUser: {} };
  }

  /** A copy, safe to keep. */
  snapshot(): SiteStats {
    return { total: this.data.total, byRoute: { ...this.data.byRoute }, byUser: { ...this.data.byUser } };
  }
}
