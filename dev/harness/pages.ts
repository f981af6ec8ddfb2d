/**
 * The harness's own pages: the index (every module page for every user, the site's projects and boards),
 * the "Jira shell" that frames a module's Custom UI like Jira does, and the demo dashboard (the issue view is
 * ./issue-view). Plain server-rendered HTML; every value is escaped. Framed shells size to their content.
 */
import type { AppManifest, UiModule } from './manifest';

/** What the harness knows about the site (the seed): enough for pages and extension contexts. */
export interface SiteDirectory {
  defaultUser: string;
  users: ReadonlyArray<{ accountId: string; displayName: string; timeZone?: string | undefined }>;
  projects: ReadonlyArray<{ id: string; key: string; name: string; style?: string | undefined }>;
  boards: ReadonlyArray<{ id: number; name: string; type: string; projectKey: string }>;
  issues: ReadonlyArray<{
    id: string;
    key: string;
    fields: { summary: string; issuetype: { name: string; id?: string | undefined } };
  }>;
}

export type ColorMode = 'light' | 'dark';

export interface ShellConfig {
  moduleKey: string;
  moduleType: string;
  title: string;
  accountId: string;
  frameSrc: string;
  theme: ColorMode;
  /** Forge's `getContext()` answer, minus theme (the shell adds the live one). */
  context: Record<string, unknown>;
  users: Array<{ accountId: string; displayName: string }>;
  /** Module keys → page URL templates for router targets. */
  links: { projectPage?: string | undefined; home: string };
  isEditView: boolean;
  gadgetLocalId?: string | undefined;
  /** Framed in another page (the demo dashboard): no bar, the module fills the frame. */
  embedded?: boolean | undefined;
}

/** One gadget on the demo dashboard. */
export interface DashboardFrame {
  gadgetId: string;
  title: string;
  /** What its stored configuration says, in words. */
  summary: string;
  /** The stored configuration (shown to tests as `data-config`). */
  config: unknown;
  /** The embedded shell page, and the full one with the edit view. */
  src: string;
  editUrl: string;
}

export const escapeHtml = (value: unknown): string =>
  String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON safe to embed in a <script> element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const PAGE_STYLE = `
  :root { color-scheme: light; --bg:#F7F8F9; --fg:#172B4D; --muted:#626F86; --card:#FFFFFF; --line:#DCDFE4; --link:#0C66E4; --bar:#FFFFFF; }
  html[data-shell-theme="dark"] { color-scheme: dark; --bg:#1D2125; --fg:#B6C2CF; --muted:#8C9BAB; --card:#22272B; --line:#38414A; --link:#579DFF; --bar:#22272B; }
  * { box-sizing: border-box; }
  body { margin:0; font: 14px/1.43 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif; background:var(--bg); color:var(--fg); }
  a { color: var(--link); }
  header.vr-bar { display:flex; gap:16px; align-items:center; padding:8px 16px; background:var(--bar); border-bottom:1px solid var(--line); }
  header.vr-bar .vr-logo { font-weight:700; text-decoration:none; color:var(--fg); }
  header.vr-bar label { color: var(--muted); display:flex; gap:6px; align-items:center; }
  header.vr-bar .vr-spacer { flex:1; }
  main { padding: 16px 24px; }
  table { border-collapse: collapse; background: var(--card); }
  th, td { text-align:left; padding:6px 10px; border-bottom:1px solid var(--line); }
  .vr-muted { color: var(--muted); }
  iframe.vr-frame { display:block; width:100%; height: calc(100vh - 41px); border:0; background: transparent; }
  .vr-dashboard { display:grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap:16px; }
  .vr-dashboard__gadget { background: var(--card); border:1px solid var(--line); border-radius:6px; padding:8px 12px; }
  .vr-dashboard__gadget h2 { font-size:16px; margin:4px 0; }
  .vr-dashboard__gadget p { margin:0 0 8px; }
  iframe.vr-dashboard__frame { display:block; width:100%; height:240px; border:0; background: transparent; }
  .vr-issue { display:grid; grid-template-columns: minmax(0, 2fr) minmax(280px, 1fr); gap: 24px; align-items:start; }
  .vr-issue h1 { font-size: 22px; margin: 4px 0 16px; }
  .vr-issue h2 { font-size: 15px; margin: 16px 0 6px; }
  .vr-issue textarea { width:100%; font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, monospace; background: var(--card); color: var(--fg); border:1px solid var(--line); border-radius:4px; padding:8px; }
  .vr-issue__module { background: var(--card); border:1px solid var(--line); border-radius:6px; padding:4px 12px 8px; margin-top:16px; }
  .vr-issue__fields { width:100%; }
  .vr-issue__fields th { width: 45%; color: var(--muted); font-weight: 400; }
  iframe.vr-autosize { display:block; width:100%; height:120px; border:0; background: transparent; }
  body.vr-embedded header.vr-bar { display:none; }
  body.vr-embedded iframe.vr-frame { height: 100vh; }
`;

export function layout(title: string, body: string, theme: ColorMode, scripts = '', bodyClass = ''): string {
  return `<!doctype html>
<html lang="en" data-shell-theme="${theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body${bodyClass ? ` class="${escapeHtml(bodyClass)}"` : ''}>
${body}
${scripts}
</body>
</html>`;
}

export function moduleUrl(moduleKey: string, params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  const qs = q.toString();
  return `/module/${encodeURIComponent(moduleKey)}${qs ? `?${qs}` : ''}`;
}

/** The query parameters that make sense for a module type (project page → project, issue panel → issue…). */
export function defaultParams(module: UiModule, dir: SiteDirectory): Record<string, string | undefined> {
  const project = dir.projects[0]?.key;
  const board = dir.boards.find((b) => b.projectKey === project)?.id;
  const issue = dir.issues.find((i) => i.key.startsWith(`${project}-`))?.key;
  if (/issue/i.test(module.type)) return { project, issue };
  if (/backlog|board/i.test(module.type))
    return { project, board: board === undefined ? undefined : String(board) };
  if (/gadget|dashboard/i.test(module.type)) return { gadget: '1' };
  return { project };
}

export function indexPage(manifest: AppManifest, dir: SiteDirectory, ready: { uiBuilt: boolean }): string {
  const moduleRows = manifest.uiModules
    .map((m) => {
      const params = defaultParams(m, dir);
      const links = dir.users
        .map(
          (u) =>
            `<a href="${escapeHtml(moduleUrl(m.key, { ...params, as: u.accountId }))}">${escapeHtml(u.accountId)}</a>`,
        )
        .join(' · ');
      return `<tr><td><code>${escapeHtml(m.key)}</code></td><td>${escapeHtml(m.type)}</td><td>${escapeHtml(m.title)}</td><td>${links}</td></tr>`;
    })
    .join('\n');
  const projectRows = dir.projects
    .map((p) => {
      const boards = dir.boards
        .filter((b) => b.projectKey === p.key)
        .map((b) => `${escapeHtml(b.name)} <span class="vr-muted">(#${b.id}, ${escapeHtml(b.type)})</span>`)
        .join('<br>');
      return `<tr><td><code>${escapeHtml(p.key)}</code></td><td>${escapeHtml(p.name)}</td><td>${boards || '<span class="vr-muted">none</span>'}</td></tr>`;
    })
    .join('\n');
  const users = dir.users
    .map(
      (u) =>
        `<li><code>${escapeHtml(u.accountId)}</code> ${escapeHtml(u.displayName)}${u.accountId === dir.defaultUser ? ' <span class="vr-muted">(default)</span>' : ''}</li>`,
    )
    .join('');
  const warning = ready.uiBuilt
    ? ''
    : '<p><strong>The Custom UI is not built.</strong> Run <code>npm run build:ui</code> (or <code>npm start</code>).</p>';
  return layout(
    'ValueRank — local Jira',
    `<header class="vr-bar"><a class="vr-logo" href="/">Local Jira · ValueRank</a></header>
<main>
${warning}
<h2>ValueRank modules</h2>
<table><thead><tr><th>Module</th><th>Type</th><th>Title</th><th>Open as</th></tr></thead><tbody>
${moduleRows}
</tbody></table>
<h2>Demo dashboard</h2>
<p>Two "Backlog health" gadgets with different configurations: ${dir.users
      .map((u) => `<a href="/dashboard?as=${encodeURIComponent(u.accountId)}">${escapeHtml(u.accountId)}</a>`)
      .join(' · ')}</p>
<h2>Projects and boards</h2>
<table><thead><tr><th>Key</th><th>Name</th><th>Boards</th></tr></thead><tbody>
${projectRows}
</tbody></table>
<h2>Users</h2><ul>${users}</ul>
<h2>Local endpoints</h2>
<ul>
<li><a href="/_local/stats">/_local/stats</a> — the site's request counts</li>
<li><a href="/_local/kvs">/_local/kvs</a> — what the app stored (Forge KVS)</li>
<li><a href="/_local/jobs">/_local/jobs</a> — async event jobs</li>
<li><code>POST /_local/invoke</code> <code>{"functionKey","payload","accountId","context":{"moduleKey","extension"}}</code></li>
</ul>
</main>`,
    'light',
  );
}

export function shellPage(config: ShellConfig): string {
  const options = config.users
    .map(
      (u) =>
        `<option value="${escapeHtml(u.accountId)}"${u.accountId === config.accountId ? ' selected' : ''}>${escapeHtml(u.displayName)} (${escapeHtml(u.accountId)})</option>`,
    )
    .join('');
  return layout(
    `${config.title} — local Jira`,
    `<header class="vr-bar">
  <a class="vr-logo" href="/">Local Jira</a>
  <span class="vr-muted">${escapeHtml(config.moduleType)} · ${escapeHtml(config.moduleKey)}</span>
  <span class="vr-spacer"></span>
  <label>User <select id="vr-user" aria-label="Act as user">${options}</select></label>
  <label>Theme <select id="vr-theme" aria-label="Theme">
    <option value="light"${config.theme === 'light' ? ' selected' : ''}>Light</option>
    <option value="dark"${config.theme === 'dark' ? ' selected' : ''}>Dark</option>
  </select></label>
</header>
<iframe class="vr-frame" id="vr-frame" title="${escapeHtml(config.title)}" src="${escapeHtml(config.frameSrc)}"></iframe>`,
    config.theme,
    `<script type="application/json" id="vr-shell-config">${scriptJson(config)}</script>
<script src="/__harness/shell.js"></script>`,
    config.embedded ? 'vr-embedded' : '',
  );
}

/** The demo dashboard: each configured gadget instance framed side by side, as the chosen user. */
export function dashboardPage(
  frames: readonly DashboardFrame[],
  options: { accountId: string; theme: ColorMode },
): string {
  const cards = frames
    .map(
      (f) => `<section class="vr-dashboard__gadget" aria-labelledby="vr-gadget-${escapeHtml(f.gadgetId)}">
<h2 id="vr-gadget-${escapeHtml(f.gadgetId)}">${escapeHtml(f.title)}</h2>
<p class="vr-muted">${escapeHtml(f.summary)} · <a href="${escapeHtml(f.editUrl)}">Edit</a></p>
<iframe class="vr-dashboard__frame" title="${escapeHtml(f.title)}" src="${escapeHtml(f.src)}" data-gadget-id="${escapeHtml(f.gadgetId)}" data-config="${escapeHtml(JSON.stringify(f.config ?? null))}"></iframe>
</section>`,
    )
    .join('\n');
  return layout(
    'Dashboard — local Jira',
    `<header class="vr-bar"><a class="vr-logo" href="/">Local Jira</a><span class="vr-muted">Dashboard · as ${escapeHtml(options.accountId)}</span></header>
<main>
<h1>ValueRank demo dashboard</h1>
<div class="vr-dashboard">
${cards}
</div>
</main>`,
    options.theme,
    '<script src="/__harness/frames.js"></script>',
  );
}
