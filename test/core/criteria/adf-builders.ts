/** Tiny builders for hand-written ADF documents in the criteria tests. */
type Node = Record<string, unknown>;

export const text = (t: string, marks: string[] = []): Node =>
  marks.length > 0
    ? { type: 'text', text: t, marks: marks.map((m) => ({ type: m })) }
    : { type: 'text', text: t };
export const doc = (...content: Node[]): Node => ({ type: 'doc', version: 1, content });
export const h = (level: number, t: string): Node => ({
  type: 'heading',
  attrs: { level },
  content: [text(t)],
});
export const p = (...parts: (string | Node)[]): Node => ({
  type: 'paragraph',
  content: parts.map((x) => (typeof x === 'string' ? text(x) : x)),
});
/** A paragraph with hard breaks between the lines. */
export const lines = (...ls: string[]): Node => ({
  type: 'paragraph',
  content: ls.flatMap((l, i) => (i === 0 ? [text(l)] : [{ type: 'hardBreak' }, text(l)])),
});
export const bold = (t: string): Node => p(text(t, ['strong']));
export const li = (t: string, ...nested: Node[]): Node => ({ type: 'listItem', content: [p(t), ...nested] });
export const ul = (...items: (string | Node)[]): Node => ({
  type: 'bulletList',
  content: items.map((i) => (typeof i === 'string' ? li(i) : i)),
});
export const ol = (...items: (string | Node)[]): Node => ({
  type: 'orderedList',
  content: items.map((i) => (typeof i === 'string' ? li(i) : i)),
});
export const task = (t: string, state: 'DONE' | 'TODO' = 'TODO'): Node => ({
  type: 'taskItem',
  attrs: { localId: t, state },
  content: [text(t)],
});
export const tasks = (...items: Node[]): Node => ({
  type: 'taskList',
  attrs: { localId: 'l' },
  content: items,
});
const cell = (t: string, header: boolean): Node => ({
  type: header ? 'tableHeader' : 'tableCell',
  content: [p(t)],
});
export const table = (header: string[], ...rows: string[][]): Node => ({
  type: 'table',
  content: [
    { type: 'tableRow', content: header.map((c) => cell(c, true)) },
    ...rows.map((r) => ({ type: 'tableRow', content: r.map((c) => cell(c, false)) })),
  ],
});
export const panel = (...content: Node[]): Node => ({ type: 'panel', attrs: { panelType: 'info' }, content });
export const expand = (title: string, ...content: Node[]): Node => ({
  type: 'expand',
  attrs: { title },
  content,
});
