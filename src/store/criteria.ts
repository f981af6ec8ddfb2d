import { z } from 'zod';
import { readConfig, type CriteriaConfig } from '../core/criteria';
import { keyOf } from './keys';
import { readJson } from './json-store';

/** A project's acceptance-criteria configuration as stored (checked with CriteriaConfigSchema on read). */
const StoredConfig = z.unknown();

export const criteriaConfigKey = (projectKey: string) => keyOf('criteria', 'config', projectKey);

/**
 * The project's criteria configuration; the defaults when nothing is stored. An invalid stored config
 * falls back to the defaults with its problems (readConfig), so a bad edit never breaks the checks.
 */
export async function getCriteriaConfig(
  projectKey: string,
): Promise<{ config: CriteriaConfig; problems: string[] }> {
  return readConfig(await readJson(criteriaConfigKey(projectKey), StoredConfig));
}
