import { JiraNotFoundError } from './errors';
import type { JiraPath } from './path';
import { unexpectedStatus, type JiraRequester } from './request';
import { JiraEntityProperty } from './schemas';

/** Jira's limit on an entity property value, in bytes of JSON. */
export const MAX_PROPERTY_BYTES = 32_768;

/** The size of a property value in bytes of JSON (undefined counts as `null`). */
function propertyBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value ?? null), 'utf8');
}

/** Whether Jira takes `value` as an entity property: a JSON value of at most {@link MAX_PROPERTY_BYTES}. */
export function fitsProperty(value: unknown): boolean {
  return value !== undefined && propertyBytes(value) <= MAX_PROPERTY_BYTES;
}

/** An entity property's value (issue, project, comment…); undefined when Jira says the entity has no such property. */
export async function readProperty(r: JiraRequester, path: JiraPath): Promise<unknown> {
  try {
    return (await r.json('GET', path, JiraEntityProperty)).value;
  } catch (error) {
    if (error instanceof JiraNotFoundError && /propert/i.test(error.jiraMessages)) return undefined;
    throw error;
  }
}

/**
 * Creates or replaces an entity property (`what` names it in errors): a JSON value of at most
 * {@link MAX_PROPERTY_BYTES} (RangeError); Jira answers 200 (replaced) or 201 (created).
 */
export async function writeProperty(
  r: JiraRequester,
  what: string,
  path: JiraPath,
  value: unknown,
): Promise<void> {
  if (!fitsProperty(value)) {
    throw new RangeError(
      `${what} must be a JSON value of at most ${MAX_PROPERTY_BYTES} bytes (got ${propertyBytes(value)})`,
    );
  }
  const response = await r.send('PUT', path, value);
  if (response.status !== 200 && response.status !== 201) throw unexpectedStatus(response, 'PUT', path);
}
