import { jiraPath, query } from './path';
import { checkId, unexpectedStatus, type JiraRequester } from './request';

/** Issues per `POST /rest/api/3/app/field/value` request this client sends (Jira does not document a cap). */
export const MAX_APP_FIELD_ISSUES = 1000;

/** One value for one app custom field on some issues (`POST /rest/api/3/app/field/value`). */
export interface AppFieldUpdate {
  /** The field's id (`customfield_10100`) or key. */
  customField: string;
  /** Numeric issue ids (not keys). */
  issueIds: readonly number[];
  /** A value of the field's type; null clears it. */
  value: unknown;
}

/**
 * `POST /rest/api/3/app/field/value`: sets the values of the app's own Forge custom fields, many issues
 * per update. Only the app that declares a field may write it (call this with an `asApp` transport).
 * Updates are sent in requests of at most {@link MAX_APP_FIELD_ISSUES} issues; 204 means all were set.
 */
export async function setAppFieldValues(
  r: JiraRequester,
  updates: readonly AppFieldUpdate[],
  options: { generateChangelog?: boolean } = {},
): Promise<void> {
  for (const u of updates) {
    if (u.issueIds.length === 0) throw new RangeError(`An update of ${u.customField} names no issues`);
    for (const id of u.issueIds) checkId(id);
  }
  const path =
    options.generateChangelog === undefined
      ? jiraPath`/rest/api/3/app/field/value`
      : jiraPath`/rest/api/3/app/field/value?${query({ generateChangelog: options.generateChangelog })}`;
  let batch: Array<{ customField: string; issueIds: number[]; value: unknown }> = [];
  let size = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const response = await r.send('POST', path, { updates: batch });
    if (response.status !== 204 && response.status !== 200) throw unexpectedStatus(response, 'POST', path);
    batch = [];
    size = 0;
  };
  for (const u of updates) {
    for (let i = 0; i < u.issueIds.length; i += MAX_APP_FIELD_ISSUES) {
      const issueIds = u.issueIds.slice(i, i + MAX_APP_FIELD_ISSUES);
      if (size + issueIds.length > MAX_APP_FIELD_ISSUES) await flush();
      batch.push({ customField: u.customField, issueIds: [...issueIds], value: u.value ?? null });
      size += issueIds.length;
    }
  }
  await flush();
}
