/**
 * The Jira site a command talks to: --site (or VALUERANK_SITE), reached with an email and API token, or the
 * local site over plain HTTP as the user --as names.
 */
import { JiraClient } from '../jira/client';
import { httpTransport, parseSiteUrl } from '../jira/http-transport';
import type { Values } from './args';
import { UsageError } from './errors';
import type { Io } from './output';

/** The site as given: --site, else VALUERANK_SITE. */
export const siteOf = (values: Values, env: Io['env']): string | undefined =>
  values.site ?? env.VALUERANK_SITE;

/** A client for the site given, as the user the credentials (or, on the local site, --as) name. */
export function clientFor(values: Values, env: Io['env']): JiraClient {
  const site = siteOf(values, env);
  if (!site) throw new UsageError('Give the site with --site URL (or VALUERANK_SITE)');
  let url: URL;
  try {
    url = parseSiteUrl(site);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const local = url.protocol === 'http:';
  const email = env.JIRA_EMAIL;
  const apiToken = env.JIRA_API_TOKEN;
  if (!local && (!email || !apiToken)) {
    throw new UsageError('Set JIRA_EMAIL and JIRA_API_TOKEN (an Atlassian API token) to reach ' + url.origin);
  }
  if (values.as && !local)
    throw new UsageError('--as works on the local site only; on a real site the token says who you are');
  return new JiraClient(
    httpTransport({
      siteUrl: url.origin,
      ...(email && apiToken ? { email, apiToken } : {}),
      ...(values.as ? { headers: { 'X-Local-User': values.as } } : {}),
    }),
  );
}

/** The site's origin for messages (the URL as given when it does not parse). */
export function siteOrigin(site: string): string {
  try {
    return parseSiteUrl(site).origin;
  } catch {
    return site;
  }
}
