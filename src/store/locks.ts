/**
 * The one way a lock is taken in Forge storage: the key is written only if it is absent
 * (`FAIL_IF_EXISTS`), so of two claims at the same moment exactly one wins, and it expires after its TTL,
 * so a holder that crashed never blocks for long. Used by the job scopes (jobs.ts) and the session locks
 * (sessions.ts).
 */
import { kvs } from '@forge/kvs';

export interface LockTtl {
  value: number;
  unit: 'SECONDS' | 'MINUTES' | 'HOURS' | 'DAYS';
}

/**
 * Writes `value` under `key` unless something is there, expiring after `ttl`. Answers `{ claimed: true }`
 * when this claim won; otherwise the holder as `readHolder` reads it. A write that failed while nothing
 * holds the key is not a lost race: its error is rethrown.
 */
export async function claimKey<H>(
  key: string,
  value: unknown,
  ttl: LockTtl,
  readHolder: () => Promise<H | undefined>,
): Promise<{ claimed: true } | { claimed: false; holder: H }> {
  try {
    await kvs.set(key, value, { keyPolicy: 'FAIL_IF_EXISTS', ttl });
    return { claimed: true };
  } catch (error) {
    const holder = await readHolder();
    if (holder === undefined) throw error;
    return { claimed: false, holder };
  }
}
