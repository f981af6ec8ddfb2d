/**
 * The local site's issue view (`GET /browse/<key>?as=&theme=`): the issue's summary and fields, a description
 * editor, and the app's issue modules (the issue panel and the issue context badge) framed in place, as Jira's
 * issue view shows them. The editor is a plain textarea in a small Markdown-like text (`# heading`, `- item`,
 * `[ ] task`, blank line between paragraphs); client/issue-view.js turns it into ADF and saves it with
 * `PUT /rest/api/3/issue/<key>` as the chosen user, so the site checks their right to edit and bumps
 * `updated`, and the framed panel hears JIRA_ISSUE_CHANGED and checks the issue again. Frames grow to their
 * content (client/frames.js).
 */
import { escapeHtml, layout, type ColorMode } from './pages';

interface AdfNode {
  type?: string;
  text?: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
}

function inline(nodes: readonly AdfNode[] | undefined): string {
  return (nodes ?? [])
    .map((n) => {
      if (n.type === 'text') return n.text ?? '';
      if (n.type === 'hardBreak') return '\n';
      if (n.type === 'mention' || n.type === 'emoji' || n.type === 'status')
        return String(n.attrs?.text ?? n.attrs?.shortName ?? '');
      if (n.type === 'inlineCard') return String(n.attrs?.url ?? '');
      return inline(n.content);
    })
    .join('');
}

function block(n: AdfNode, depth: number): string[] {
  const pad = '  '.repeat(depth);
  switch (n.type) {
    case 'paragraph':
      return [inline(n.content)];
    case 'heading':
      return [`${'#'.repeat(Number(n.attrs?.level ?? 2))} ${inline(n.content)}`];
    case 'bulletList':
    case 'orderedList':
    case 'taskList':
      return (n.content ?? []).flatMap((item, i) => {
        const marker =
          n.type === 'orderedList'
            ? `${i + 1}. `
            : n.type === 'taskList'
              ? item.attrs?.state === 'DONE'
                ? '[x] '
                : '[ ] '
              : '- ';
        if (item.type === 'taskItem') return [`${pad}${marker}${inline(item.content)}`];
        const [first, ...rest] = item.content ?? [];
        const head = first && first.type === 'paragraph' ? inline(first.content) : '';
        const nested = (first && first.type !== 'paragraph' ? [first, ...rest] : rest).flatMap((c) =>
          block(c, depth + 1),
        );
        return [`${pad}${marker}${head}`, ...nested];
      });
    case 'codeBlock':
      return ['```', inline(n.content), '```'];
    case 'rule':
      return ['---'];
    case 'blockquote':
    case 'panel':
    case 'expand':
      return (n.content ?? []).flatMap((c) => block(c, depth));
    case 'table':
      return (n.content ?? []).map(
        (row) =>
          `| ${(row.content ?? []).map((cell) => (cell.content ?? []).map((c) => inline(c.content)).join(' ')).join(' | ')} |`,
      );
    default:
      return n.content ? (n.content ?? []).flatMap((c) => block(c, depth)) : [];
  }
}

/** An ADF description as the editor's text: blocks separated by blank lines, lists one item a line. */
export function adfToEditorText(doc: unknown): string {
  if (!doc || typeof doc !== 'object') return typeof doc === 'string' ? doc : '';
  return ((doc as AdfNode).content ?? []).map((b) => block(b, 0).join('\n')).join('\n\n');
}

export interface IssueViewFrame {
  /** The module's title, for the frame's title and heading. */
  title: string;
  moduleKey: string;
  /** The embedded shell page (`embed=1`). */
  src: string;
}

export interface IssueViewInput {
  key: string;
  issue: { key: string; fields: Record<string, unknown> } | undefined;
  /** Why the issue could not be shown (a 404, no permission). */
  problem?: string | undefined;
  accountId: string;
  users: ReadonlyArray<{ accountId: string; displayName: string }>;
  theme: ColorMode;
  /** Field ids and names to show, in order (the site's fields). */
  fieldNames: ReadonlyArray<{ id: string; name: string }>;
  panels: readonly IssueViewFrame[];
  context: readonly IssueViewFrame[];
}

function fieldValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.length === 0 ? '—' : v.map(fieldValue).join(', ');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return String(o.displayName ?? o.name ?? o.value ?? o.key ?? JSON.stringify(v));
  }
  return String(v);
}

const frameHtml = (f: IssueViewFrame, cls: string) =>
  `<section class="vr-issue__module" aria-label="${escapeHtml(f.title)}"><h2>${escapeHtml(f.title)}</h2>
<iframe class="vr-autosize ${cls}" title="${escapeHtml(f.title)}" data-module="${escapeHtml(f.moduleKey)}" src="${escapeHtml(f.src)}"></iframe></section>`;

/** The issue view page. */
export function issueViewPage(input: IssueViewInput): string {
  return layout(
    `${input.issue ? `${input.key}: ${String(input.issue.fields.summary ?? '')}` : input.key} — local Jira`,
    issueViewBody(input),
    input.theme,
    '<script src="/__harness/frames.js"></script>\n<script src="/__harness/issue-view.js"></script>',
  );
}

function issueViewBody(input: IssueViewInput): string {
  const { issue, key } = input;
  const options = input.users
    .map(
      (u) =>
        `<option value="${escapeHtml(u.accountId)}"${u.accountId === input.accountId ? ' selected' : ''}>${escapeHtml(u.displayName)} (${escapeHtml(u.accountId)})</option>`,
    )
    .join('');
  const bar = `<header class="vr-bar"><a class="vr-logo" href="/">Local Jira</a><span class="vr-muted">Issue · ${escapeHtml(key)}</span><span class="vr-spacer"></span>
<label>User <select id="vr-user" aria-label="Act as user">${options}</select></label></header>`;
  if (!issue)
    return `${bar}<main><h1>${escapeHtml(key)}</h1><p role="alert">${escapeHtml(input.problem ?? 'Not found')}</p></main>`;
  const f = issue.fields;
  const rows = input.fieldNames
    .filter((n) => n.id in f)
    .map(
      (n) =>
        `<tr><th scope="row">${escapeHtml(n.name)}</th><td data-field="${escapeHtml(n.id)}">${escapeHtml(fieldValue(f[n.id]))}</td></tr>`,
    )
    .join('');
  return `${bar}
<main class="vr-issue" data-issue="${escapeHtml(issue.key)}" data-as="${escapeHtml(input.accountId)}">
<div class="vr-issue__main">
<p class="vr-muted">${escapeHtml(fieldValue(f.issuetype))} · ${escapeHtml(issue.key)}</p>
<h1 id="vr-summary">${escapeHtml(f.summary ?? '')}</h1>
<form id="vr-description-form" class="vr-issue__description" aria-label="Edit the description">
<h2 id="vr-description-label">Description</h2>
<p class="vr-muted">Plain text: <code># Heading</code>, <code>- item</code>, <code>[ ] task</code>, a blank line between paragraphs. Saved as ADF with the Jira REST API, as ${escapeHtml(input.accountId)}.</p>
<textarea id="vr-description" name="description" aria-label="Description" rows="16">${escapeHtml(adfToEditorText(f.description))}</textarea>
<p><button type="submit" id="vr-save">Save description</button> <span id="vr-save-status" role="status" aria-live="polite"></span></p>
</form>
${input.panels.map((p) => frameHtml(p, 'vr-issue__panel')).join('\n')}
</div>
<aside class="vr-issue__side">
<h2>Details</h2>
<table class="vr-issue__fields"><tbody>${rows}</tbody></table>
${input.context.map((c) => frameHtml(c, 'vr-issue__context')).join('\n')}
</aside>
</main>`;
}
