import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import {
  CriteriaConfigSchema,
  DEFAULT_CONFIG,
  readConfig,
  type CriteriaConfig,
  type CriteriaConfigInput,
} from '../core/criteria';
import { accountId } from '../core/ids';
import { keyOf } from './keys';
import { readJson, remove, writeJson } from './json-store';

/**
 * What is stored under `criteria:config:<PROJECT>`: the settings that differ from the defaults (checked
 * with CriteriaConfigSchema on read and on write) and who saved them when. A bare config without the
 * envelope (written by hand or by an older version) is read as the config, with no saver.
 */
const StoredRecord = z
  .object({
    /** Only what differs from DEFAULT_CONFIG; `CriteriaConfigSchema.parse(config)` gives the full config. */
    config: z.record(z.string(), z.unknown()),
    savedBy: accountId,
    /** Written before ADR 9 (the saver's display name): accepted on read, never returned or written. */
    savedByName: z.string().max(255).optional(),
    savedAt: z.iso.datetime(),
  })
  .strict();
export type StoredCriteriaRecord = z.infer<typeof StoredRecord>;

export const criteriaConfigKey = (projectKey: string) => keyOf('criteria', 'config', projectKey);

export interface StoredCriteriaConfig {
  /** The effective configuration: the stored one, or the defaults when none is stored or it is invalid. */
  config: CriteriaConfig;
  /** Why a stored config was not used (`path: message`); empty when it was, or nothing is stored. */
  problems: string[];
  /** True when something is stored for the project (valid or not). */
  stored: boolean;
  /** The saver's account id (their name is read from Jira when shown, ADR 9). */
  savedBy?: string;
  savedAt?: string;
}

/**
 * The project's criteria configuration; the defaults when nothing is stored. An invalid stored config
 * falls back to the defaults with its problems (readConfig), so a bad edit never breaks the checks.
 */
export async function getCriteriaConfig(projectKey: string): Promise<StoredCriteriaConfig> {
  const raw = await readJson(criteriaConfigKey(projectKey), z.unknown());
  if (raw === undefined) return { ...readConfig({}), stored: false };
  const envelope = StoredRecord.safeParse(raw);
  if (!envelope.success) return { ...readConfig(raw), stored: true };
  const { config, savedBy, savedAt } = envelope.data;
  return { ...readConfig(config), stored: true, savedBy, savedAt };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The parts of `value` that differ from `base`, object by object; arrays and scalars are compared whole. */
function difference(value: unknown, base: unknown): unknown {
  if (isPlainObject(value) && isPlainObject(base)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined) continue;
      const d = difference(v, base[key]);
      if (d !== undefined) out[key] = d;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  return isDeepStrictEqual(value, base) ? undefined : value;
}

/**
 * The smallest input that parses back to `config`: only the settings that differ from the defaults (so
 * later changes to the defaults reach projects that never changed that setting).
 */
export function minimalConfig(config: CriteriaConfig): CriteriaConfigInput {
  return (difference(config, DEFAULT_CONFIG) ?? {}) as CriteriaConfigInput;
}

/**
 * Saves a project's configuration. It is checked with CriteriaConfigSchema first: an invalid config throws
 * the ZodError (paths into the config) and nothing is written; so does one too large for Forge storage
 * (RangeError). Stores only what differs from the defaults, with who saved it (account id only) and when; answers the full
 * parsed config and the record.
 */
export async function saveCriteriaConfig(
  projectKey: string,
  input: unknown,
  by: { accountId: string },
  at: Date = new Date(),
): Promise<{ config: CriteriaConfig; record: StoredCriteriaRecord }> {
  const config = CriteriaConfigSchema.parse(input);
  const minimal = minimalConfig(config);
  // The stored form must read back as exactly this config; never store anything else.
  if (!isDeepStrictEqual(CriteriaConfigSchema.parse(minimal), config))
    throw new Error('The criteria configuration does not read back as saved');
  const record = await writeJson(criteriaConfigKey(projectKey), StoredRecord, {
    config: minimal as Record<string, unknown>,
    savedBy: by.accountId,
    savedAt: at.toISOString(),
  });
  return { config, record };
}

/** Back to the defaults: deletes the project's stored configuration. */
export async function resetCriteriaConfig(projectKey: string): Promise<void> {
  await remove(criteriaConfigKey(projectKey));
}
