import type { JiraRawResponse, JiraRequest, JiraTransport } from './transport';

export interface HttpTransportOptions {
  /** e.g. `https://your-domain.atlassian.net`, or the local site `http://127.0.0.1:8080`. */
  siteUrl: string;
  /** Basic auth with an Atlassian account email and API token. */
  email?: string;
  apiToken?: string;
  /** Extra headers on every request (the local site reads `X-Local-User`). */
  headers?: Record<string, string>;
  /** Abort a request that takes longer (default 30 s). */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Checks a site URL: HTTPS, or plain HTTP on this machine only (never send a token in clear). */
export function parseSiteUrl(siteUrl: string): URL {
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch {
    throw new RangeError(
      `Not a URL: ${JSON.stringify(siteUrl)} (expected e.g. https://your-domain.atlassian.net)`,
    );
  }
  const local = LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new RangeError(`The site must use https:// (plain http only for 127.0.0.1): ${siteUrl}`);
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new RangeError(`Give the site root only, e.g. ${url.origin} (not ${siteUrl})`);
  }
  return url;
}

/** Jira over HTTPS with an email and API token: the CLI and the local site. */
export function httpTransport(options: HttpTransportOptions): JiraTransport {
  const origin = parseSiteUrl(options.siteUrl).origin;
  const fetchImpl = options.fetchImpl ?? fetch;
  const auth =
    options.email !== undefined && options.apiToken !== undefined
      ? `Basic ${Buffer.from(`${options.email}:${options.apiToken}`).toString('base64')}`
      : undefined;
  return {
    description: `HTTPS ${origin}${options.email ? ` as ${options.email}` : ''}`,
    async send(request: JiraRequest): Promise<JiraRawResponse> {
      const hasBody = request.body !== undefined;
      const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
      if (auth) headers.Authorization = auth;
      if (hasBody) headers['Content-Type'] = 'application/json';
      const response = await fetchImpl(`${origin}${request.path.value}`, {
        method: request.method,
        headers,
        ...(hasBody ? { body: JSON.stringify(request.body) } : {}),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
        redirect: 'error',
      });
      const responseHeaders: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        responseHeaders[name.toLowerCase()] = value;
      });
      return { status: response.status, headers: responseHeaders, text: await response.text() };
    },
  };
}
