import { jiraPath, query } from './path';
import type { JiraRequester } from './request';
import { JiraFieldList, JiraFieldPage, type JiraField, type JiraFieldDetails } from './schemas';

/** Fields per `GET /rest/api/3/field/search` page this client asks for (Jira's default is 50). */
export const FIELD_SEARCH_PAGE_SIZE = 50;

export interface FieldSearch {
  /** Part of a field's name or description. */
  query?: string | undefined;
  startAt?: number | undefined;
  maxResults?: number | undefined;
}

export interface FieldSearchPage {
  fields: JiraFieldDetails[];
  startAt: number;
  total: number;
  isLast: boolean;
}

/** `GET /rest/api/3/field`: every system and custom field. */
export function fields(r: JiraRequester): Promise<JiraField[]> {
  return r.json('GET', jiraPath`/rest/api/3/field`, JiraFieldList);
}

/**
 * `GET /rest/api/3/field/search`: one page of the fields whose name or description contains `query`
 * (case-insensitive; every field without one), by name, with where each is used (screens, contexts,
 * projects, last change).
 */
export async function searchFields(r: JiraRequester, q: FieldSearch = {}): Promise<FieldSearchPage> {
  const params = query({
    startAt: q.startAt ?? 0,
    maxResults: q.maxResults ?? FIELD_SEARCH_PAGE_SIZE,
    query: q.query?.trim() ? q.query.trim() : undefined,
    orderBy: 'name',
    expand: 'screensCount,contextsCount,lastUsed',
  });
  const page = await r.json('GET', jiraPath`/rest/api/3/field/search?${params}`, JiraFieldPage);
  const startAt = page.startAt ?? q.startAt ?? 0;
  const total = page.total ?? startAt + page.values.length;
  return {
    fields: page.values,
    startAt,
    total,
    isLast: page.isLast ?? startAt + page.values.length >= total,
  };
}
