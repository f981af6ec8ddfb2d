/**
 * How any error becomes the CLI's one line on stderr: the cause, then the fix. Jira's answers by their kind,
 * a request that never reached the site by its network code.
 */
import {
  JiraError,
  JiraForbiddenError,
  JiraNotFoundError,
  JiraRateLimitedError,
  JiraServerError,
  JiraUnauthorizedError,
} from '../jira/errors';
import { AppError } from '../shared/errors';
import { siteOrigin } from './site';

/** The error as one line (`site`, as given, names the site in network errors). */
export const errorLine = (error: unknown, site: string | undefined): string => oneLine(describe(error, site));

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();

/** What to do about an error Jira answered, by its kind. */
function jiraFix(error: JiraError): string {
  if (error instanceof JiraUnauthorizedError)
    return 'check JIRA_EMAIL and JIRA_API_TOKEN (a current Atlassian API token for that site)';
  if (error instanceof JiraForbiddenError)
    return 'you lack the Jira permission for this; ask a Jira admin, or act as someone who has it';
  if (error instanceof JiraNotFoundError)
    return 'it does not exist, or you cannot see it; check the id or key';
  if (error instanceof JiraRateLimitedError) return 'Jira is limiting requests; wait a minute and try again';
  if (error instanceof JiraServerError) return 'Jira failed; try again later';
  return 'check the values given';
}

/** Why a request did not reach the site, from the network error's code. */
const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused: nothing listens there',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the host name could not be looked up',
  ETIMEDOUT: 'the connection timed out',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate cannot be verified',
};

function describe(error: unknown, site: string | undefined): string {
  if (error instanceof JiraError) return `${error.message.replace(/[.\s]+$/, '')}; ${jiraFix(error)}`;
  if (error instanceof AppError) return error.message;
  // Errors from fetch may come from another realm: read them by name, not by class.
  const e = error as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
    cause?: { code?: unknown; message?: unknown; errors?: Array<{ code?: unknown }> };
  } | null;
  const name = typeof e?.name === 'string' ? e.name : '';
  const message = typeof e?.message === 'string' ? e.message : String(error);
  const where = site ? siteOrigin(site) : 'the site';
  if (name === 'TimeoutError' || name === 'AbortError')
    return `${where} did not answer in time; check that the site is up and reachable from here, then try again`;
  if (name === 'TypeError' && /fetch failed/.test(message)) {
    const code =
      typeof e?.cause?.code === 'string'
        ? e.cause.code
        : typeof e?.cause?.errors?.[0]?.code === 'string'
          ? e.cause.errors[0].code
          : undefined;
    const reason =
      (code && NETWORK_REASONS[code] ? `${NETWORK_REASONS[code]}, ${code}` : code) ??
      (typeof e?.cause?.message === 'string' ? e.cause.message : 'no answer');
    return `Cannot reach ${where} (${reason}); check --site (or VALUERANK_SITE) and that the site is up`;
  }
  return message.split('\n')[0]!;
}
