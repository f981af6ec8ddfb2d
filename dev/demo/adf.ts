/**
 * A compact, markdown-like notation for writing Atlassian Document Format (ADF) by hand, so the demo
 * backlog stays readable. Only what the demo needs is supported.
 *
 * Blocks (one per line; a blank line ends a paragraph, list or table):
 *   `# ` .. `###### `        heading of that level
 *   `- ` or `* `             bullet list item (indent by 2 spaces to nest)
 *   `1. `                    ordered list item (indent by 2 spaces to nest)
 *   `[ ] ` / `[x] `          task list item, TODO / DONE
 *   `| a | b |`              table row; the first row of a table is the header row, `|---|` rows are skipped
 *   `> `                     blockquote
 *   ```lang ... ```          code block
 *   `:::info` ... `:::`      panel (info, note, tip, warning, error, success)
 *   `---`                    rule
 *   anything else            paragraph text; a line continues the previous one (soft wrap) unless it starts
 *                            with Given/When/Then/And/But/Expected/Actual/Steps/Fix or a mark (hard break)
 * Inline:
 *   `**strong**`, `_em_`, `~~strike~~`, `` `code` ``, `[text](https://url)`, `:white_check_mark:` (emoji),
 *   `@{accountId|Display Name}` (mention), `{date:2027-01-15}`, `{status:BLOCKED|red}`
 */
import { createRng, uuidFrom } from './prng';

export interface AdfMark {
  type: string;
  attrs?: Record<string, unknown>;
}
export interface AdfNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
  marks?: AdfMark[];
  text?: string;
}
export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: AdfNode[];
}

const EMOJI: Record<string, { id: string; text: string }> = {
  ':white_check_mark:': { id: '2705', text: '✅' },
  ':warning:': { id: '26a0', text: '⚠️' },
  ':bulb:': { id: '1f4a1', text: '💡' },
  ':x:': { id: '274c', text: '❌' },
  ':rocket:': { id: '1f680', text: '🚀' },
  ':lock:': { id: '1f512', text: '🔒' },
  ':mag:': { id: '1f50d', text: '🔍' },
  ':iphone:': { id: '1f4f1', text: '📱' },
  ':point_right:': { id: '1f449', text: '👉' },
  ':dart:': { id: '1f3af', text: '🎯' },
  ':bug:': { id: '1f41b', text: '🐛' },
};

const STATUS_COLORS = new Set(['neutral', 'purple', 'blue', 'red', 'yellow', 'green']);
const PANEL_TYPES = new Set(['info', 'note', 'tip', 'warning', 'error', 'success']);

/** Removes the common leading indentation and the first/last blank lines of a template literal. */
export function dedent(text: string): string[] {
  const lines = text.replace(/\t/g, '  ').split('\n');
  while (lines.length > 0 && (lines[0] ?? '').trim() === '') lines.shift();
  while (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  let indent = Infinity;
  for (const line of lines) {
    if (line.trim() === '') continue;
    indent = Math.min(indent, line.length - line.trimStart().length);
  }
  if (!Number.isFinite(indent)) indent = 0;
  return lines.map((line) => (line.trim() === '' ? '' : line.slice(indent).trimEnd()));
}

type IdGen = () => string;

/** Parses inline notation into ADF inline nodes. */
function parseInline(text: string, newId: IdGen, marks: AdfMark[] = []): AdfNode[] {
  const out: AdfNode[] = [];
  let buffer = '';
  const flush = (): void => {
    if (buffer.length > 0) {
      const node: AdfNode = { type: 'text', text: buffer };
      if (marks.length > 0) node.marks = marks.map((m) => ({ ...m }));
      out.push(node);
      buffer = '';
    }
  };
  const isBoundary = (ch: string | undefined): boolean => ch === undefined || /[\s.,;:!?()[\]"'/-]/.test(ch);
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    let m: RegExpMatchArray | null;
    if (rest.startsWith('**')) {
      const end = text.indexOf('**', i + 2);
      if (end > i + 2) {
        flush();
        out.push(...parseInline(text.slice(i + 2, end), newId, [...marks, { type: 'strong' }]));
        i = end + 2;
        continue;
      }
    }
    if (rest.startsWith('~~')) {
      const end = text.indexOf('~~', i + 2);
      if (end > i + 2) {
        flush();
        out.push(...parseInline(text.slice(i + 2, end), newId, [...marks, { type: 'strike' }]));
        i = end + 2;
        continue;
      }
    }
    if (rest.startsWith('_') && isBoundary(text[i - 1]) && text[i + 1] !== undefined && text[i + 1] !== ' ') {
      let end = text.indexOf('_', i + 1);
      while (end !== -1 && !isBoundary(text[end + 1])) end = text.indexOf('_', end + 1);
      if (end > i + 1) {
        flush();
        out.push(...parseInline(text.slice(i + 1, end), newId, [...marks, { type: 'em' }]));
        i = end + 1;
        continue;
      }
    }
    if (rest.startsWith('`')) {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push({ type: 'text', text: text.slice(i + 1, end), marks: [{ type: 'code' }] });
        i = end + 1;
        continue;
      }
    }
    if ((m = rest.match(/^\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/))) {
      flush();
      const link: AdfMark = { type: 'link', attrs: { href: m[2] } };
      out.push(...parseInline(m[1] ?? '', newId, [...marks, link]));
      i += m[0].length;
      continue;
    }
    if ((m = rest.match(/^:[a-z_]+:/)) && EMOJI[m[0]]) {
      flush();
      const emoji = EMOJI[m[0]];
      out.push({ type: 'emoji', attrs: { shortName: m[0], id: emoji?.id, text: emoji?.text } });
      i += m[0].length;
      continue;
    }
    if ((m = rest.match(/^@\{([^|}]+)\|([^}]+)\}/))) {
      flush();
      out.push({ type: 'mention', attrs: { id: m[1], text: `@${m[2]}`, accessLevel: '' } });
      i += m[0].length;
      continue;
    }
    if ((m = rest.match(/^\{date:(\d{4}-\d{2}-\d{2})\}/))) {
      flush();
      out.push({ type: 'date', attrs: { timestamp: String(Date.parse(`${m[1]}T00:00:00Z`)) } });
      i += m[0].length;
      continue;
    }
    if ((m = rest.match(/^\{status:([^|}]+)\|([a-z]+)\}/)) && STATUS_COLORS.has(m[2] ?? '')) {
      flush();
      out.push({ type: 'status', attrs: { text: m[1], color: m[2], localId: newId() } });
      i += m[0].length;
      continue;
    }
    buffer += text[i];
    i += 1;
  }
  flush();
  return out;
}

/** A source line that starts a new visual line (hard break); other lines continue the previous one. */
const HARD_BREAK_BEFORE = /^((Given|When|Then|And|But|Expected|Actual|Steps|Fix)\b|\*\*|_)/;

function paragraph(source: string[], newId: IdGen): AdfNode {
  const lines: string[] = [];
  for (const line of source) {
    if (lines.length === 0 || HARD_BREAK_BEFORE.test(line)) lines.push(line);
    else lines[lines.length - 1] += ` ${line}`;
  }
  const content: AdfNode[] = [];
  lines.forEach((line, index) => {
    if (index > 0) content.push({ type: 'hardBreak' });
    content.push(...parseInline(line, newId));
  });
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
}

const BULLET = /^(\s*)[-*] (.*)$/;
const ORDERED = /^(\s*)(\d+)\. (.*)$/;
const TASK = /^\[( |x|X)\] (.*)$/;
const HEADING = /^(#{1,6}) (.*)$/;

interface ListLine {
  indent: number;
  ordered: boolean;
  start: number;
  text: string;
}

function listLine(line: string): ListLine | null {
  let m = line.match(BULLET);
  if (m) return { indent: (m[1] ?? '').length, ordered: false, start: 1, text: m[2] ?? '' };
  m = line.match(ORDERED);
  if (m) return { indent: (m[1] ?? '').length, ordered: true, start: Number(m[2]), text: m[3] ?? '' };
  return null;
}

/** Builds lists from `items[from..]` at `indent`; returns the nodes and the index after the last used line. */
function buildLists(items: ListLine[], from: number, indent: number, newId: IdGen): [AdfNode[], number] {
  const lists: AdfNode[] = [];
  let current: AdfNode | null = null;
  let i = from;
  while (i < items.length) {
    const item = items[i] as ListLine;
    if (item.indent < indent) break;
    if (item.indent > indent) {
      const [nested, next] = buildLists(items, i, item.indent, newId);
      const lastItem = current?.content?.[current.content.length - 1];
      if (lastItem?.content) lastItem.content.push(...nested);
      else lists.push(...nested);
      i = next;
      continue;
    }
    const type = item.ordered ? 'orderedList' : 'bulletList';
    if (!current || current.type !== type) {
      current = { type, content: [] };
      if (item.ordered) current.attrs = { order: item.start };
      lists.push(current);
    }
    current.content?.push({ type: 'listItem', content: [paragraph([item.text], newId)] });
    i += 1;
  }
  return [lists, i];
}

function parseTableRow(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split('|').map((cell) => cell.trim());
}

function parseBlocks(lines: string[], newId: IdGen): AdfNode[] {
  const blocks: AdfNode[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    const trimmed = line.trim();
    if (trimmed === '') {
      i += 1;
      continue;
    }
    if (trimmed.startsWith('```')) {
      const language = trimmed.slice(3).trim();
      const code: string[] = [];
      i += 1;
      while (i < lines.length && !(lines[i] as string).trim().startsWith('```'))
        code.push(lines[i++] as string);
      i += 1;
      const node: AdfNode = { type: 'codeBlock', attrs: language ? { language } : {} };
      if (code.length > 0) node.content = [{ type: 'text', text: code.join('\n') }];
      blocks.push(node);
      continue;
    }
    if (trimmed.startsWith(':::') && PANEL_TYPES.has(trimmed.slice(3))) {
      const inner: string[] = [];
      i += 1;
      while (i < lines.length && (lines[i] as string).trim() !== ':::') inner.push(lines[i++] as string);
      i += 1;
      blocks.push({
        type: 'panel',
        attrs: { panelType: trimmed.slice(3) },
        content: parseBlocks(inner, newId),
      });
      continue;
    }
    if (trimmed === '---') {
      blocks.push({ type: 'rule' });
      i += 1;
      continue;
    }
    const heading = trimmed.match(HEADING);
    if (heading) {
      blocks.push({
        type: 'heading',
        attrs: { level: (heading[1] ?? '#').length },
        content: parseInline(heading[2] ?? '', newId),
      });
      i += 1;
      continue;
    }
    if (trimmed.startsWith('|')) {
      const rows: string[][] = [];
      while (i < lines.length && (lines[i] as string).trim().startsWith('|')) {
        const cells = parseTableRow(lines[i] as string);
        if (!cells.every((cell) => /^:?-{2,}:?$/.test(cell))) rows.push(cells);
        i += 1;
      }
      blocks.push({
        type: 'table',
        attrs: { isNumberColumnEnabled: false, layout: 'default', localId: newId() },
        content: rows.map((cells, rowIndex) => ({
          type: 'tableRow',
          content: cells.map((cell) => ({
            type: rowIndex === 0 ? 'tableHeader' : 'tableCell',
            attrs: {},
            content: [paragraph(cell === '' ? [] : [cell], newId)],
          })),
        })),
      });
      continue;
    }
    if (TASK.test(trimmed)) {
      const items: AdfNode[] = [];
      while (i < lines.length && TASK.test((lines[i] as string).trim())) {
        const m = (lines[i] as string).trim().match(TASK);
        items.push({
          type: 'taskItem',
          attrs: { localId: newId(), state: m?.[1] === ' ' ? 'TODO' : 'DONE' },
          content: parseInline(m?.[2] ?? '', newId),
        });
        i += 1;
      }
      blocks.push({ type: 'taskList', attrs: { localId: newId() }, content: items });
      continue;
    }
    if (listLine(line)) {
      const items: ListLine[] = [];
      while (i < lines.length && listLine(lines[i] as string))
        items.push(listLine(lines[i++] as string) as ListLine);
      const base = Math.min(...items.map((item) => item.indent));
      blocks.push(...buildLists(items, 0, base, newId)[0]);
      continue;
    }
    if (trimmed.startsWith('> ')) {
      const quoted: string[] = [];
      while (i < lines.length && (lines[i] as string).trim().startsWith('> ')) {
        quoted.push((lines[i++] as string).trim().slice(2));
      }
      blocks.push({ type: 'blockquote', content: [paragraph(quoted, newId)] });
      continue;
    }
    const text: string[] = [];
    while (i < lines.length) {
      const next = lines[i] as string;
      const t = next.trim();
      if (
        t === '' ||
        HEADING.test(t) ||
        TASK.test(t) ||
        listLine(next) ||
        t.startsWith('|') ||
        t.startsWith('```')
      ) {
        break;
      }
      if (t.startsWith('> ') || t === '---' || (t.startsWith(':::') && PANEL_TYPES.has(t.slice(3)))) break;
      text.push(t);
      i += 1;
    }
    blocks.push(paragraph(text, newId));
  }
  return blocks;
}

/**
 * Converts notation to an ADF document. `seed` (e.g. the stable name) makes the localIds of task
 * lists, tables and status lozenges deterministic.
 */
export function adf(markup: string, seed: string): AdfDoc {
  const rng = createRng(`adf:${seed}`);
  return { type: 'doc', version: 1, content: parseBlocks(dedent(markup), () => uuidFrom(rng)) };
}

/** Plain text of an ADF node (paragraphs and list items separated by newlines). */
export function adfToText(node: unknown): string {
  if (!node || typeof node !== 'object') return '';
  const n = node as AdfNode;
  if (n.type === 'text') return n.text ?? '';
  if (n.type === 'hardBreak') return '\n';
  if (n.type === 'emoji') return String(n.attrs?.text ?? n.attrs?.shortName ?? '');
  if (n.type === 'mention') return String(n.attrs?.text ?? '');
  if (n.type === 'status') return String(n.attrs?.text ?? '');
  const inner = (n.content ?? []).map(adfToText);
  const blockish = new Set([
    'doc',
    'bulletList',
    'orderedList',
    'taskList',
    'table',
    'tableRow',
    'listItem',
    'panel',
  ]);
  return blockish.has(n.type) ? inner.join('\n') : inner.join('');
}
