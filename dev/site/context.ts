/** What every route handler gets: the site (state, base URL, faults, caches), the caller and the request. */
import type { Faults } from './faults';
import type { Reply } from './http';
import type { Caller } from './permissions';
import type { SiteState } from './state';

export interface SiteContext {
  state: SiteState;
  /** For `self` links, e.g. `http://127.0.0.1:8080`. */
  baseUrl: string;
  faults: Faults;
  /** Computed issue lists, keyed by caller and query; stale entries are dropped when the state changes. */
  lists: ListCache;
}

export interface RouteRequest {
  site: SiteContext;
  caller: Caller;
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  /** The parsed JSON body (400 when missing or malformed). */
  body(): Promise<unknown>;
}

export type RouteHandler = (request: RouteRequest) => Promise<Reply> | Reply;

/** A small LRU of computed lists, valid for one state version. */
export class ListCache {
  private readonly entries = new Map<string, { version: number; value: unknown }>();
  constructor(private readonly size = 32) {}

  get<T>(key: string, version: number, compute: () => T): T {
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as T;
    }
    const value = compute();
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    if (this.entries.size > this.size) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
