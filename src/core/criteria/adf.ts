/**
 * Reads an Atlassian Document Format document into blocks, defensively: any value is accepted, nodes of
 * the wrong shape are skipped and reported, nesting and size are bounded. Never throws.
 */
import type { Block, BlockRead, ReadProblem } from './blocks';
import { isCriteriaTitle } from './blocks';
import { words } from './nlp';

/** Node types of the ADF schema (block, inline and child nodes). */
const KNOWN = new Set(
  words(`
    doc paragraph text heading bulletList orderedList listItem taskList taskItem decisionList decisionItem
    blockquote codeBlock rule panel expand nestedExpand table tableRow tableHeader tableCell mediaSingle
    mediaGroup media mediaInline caption hardBreak mention emoji date status inlineCard blockCard embedCard
    extension bodiedExtension inlineExtension multiBodiedExtension extensionFrame layoutSection layoutColumn
    placeholder syncBlock bodiedSyncBlock
`),
);

const CONTAINERS = new Set(
  words(`
    panel expand nestedExpand blockquote layoutSection layoutColumn bodiedExtension multiBodiedExtension
    extensionFrame bodiedSyncBlock
`),
);

export interface AdfLimits {
  maxDepth: number;
  maxNodes: number;
  maxChars: number;
}

type Obj = Record<string, unknown>;

const asObject = (v: unknown): Obj | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;

/** Whether a value looks like an ADF document (`{type:'doc', content:[...]}`). */
export function isAdfDocument(value: unknown): boolean {
  const o = asObject(value);
  return !!o && o.type === 'doc';
}

interface Inline {
  text: string;
  /** Characters of non-space text and how many of them are bold. */
  chars: number;
  bold: number;
}

class Reader {
  readonly blocks: Block[] = [];
  readonly problems: ReadProblem[] = [];
  private nodes = 0;
  private chars = 0;
  private tables = 0;
  private paragraphs = 0;
  private stopped = false;
  private readonly unknown = new Set<string>();
  private badNodes = 0;
  private tooDeep = false;

  constructor(private readonly limits: AdfLimits) {}

  finish(): void {
    if (this.badNodes > 0)
      this.problems.push({
        detail: 'bad-node',
        message: `${this.badNodes} part(s) of the description are not valid document nodes and were skipped.`,
      });
    if (this.unknown.size > 0)
      this.problems.push({
        detail: 'unknown-node',
        message: `The description has node types this version cannot read (${[...this.unknown].slice(0, 5).join(', ')}); their text was read where possible.`,
      });
    if (this.tooDeep)
      this.problems.push({
        detail: 'too-deep',
        message: `Parts of the description are nested deeper than ${this.limits.maxDepth} levels and were skipped.`,
      });
    if (this.stopped)
      this.problems.push({
        detail: 'too-large',
        message: `The description is very large: only its first ${this.limits.maxNodes} nodes / ${this.limits.maxChars} characters were read.`,
      });
  }

  /** Counts a node; false when a limit is reached (reading stops). */
  private visit(depth: number): boolean {
    if (this.stopped) return false;
    if (depth > this.limits.maxDepth) {
      this.tooDeep = true;
      return false;
    }
    this.nodes++;
    if (this.nodes > this.limits.maxNodes || this.chars > this.limits.maxChars) {
      this.stopped = true;
      return false;
    }
    return true;
  }

  private node(value: unknown): { o: Obj; type: string } | undefined {
    const o = asObject(value);
    if (!o || typeof o.type !== 'string') {
      this.badNodes++;
      return undefined;
    }
    if (!KNOWN.has(o.type)) this.unknown.add(o.type.slice(0, 40));
    return { o, type: o.type };
  }

  private children(o: Obj): unknown[] {
    if (o.content === undefined) return [];
    if (!Array.isArray(o.content)) {
      this.badNodes++;
      return [];
    }
    return o.content;
  }

  /** The text of inline content; hard breaks become new lines. */
  inline(nodes: readonly unknown[], depth: number): Inline {
    const out: Inline = { text: '', chars: 0, bold: 0 };
    for (const child of nodes) {
      if (!this.visit(depth)) break;
      const n = this.node(child);
      if (!n) continue;
      const { o, type } = n;
      let piece: string;
      let bold = false;
      if (type === 'text') {
        if (typeof o.text !== 'string') {
          this.badNodes++;
          continue;
        }
        piece = o.text;
        bold = Array.isArray(o.marks) && o.marks.some((m) => asObject(m)?.type === 'strong');
      } else if (type === 'hardBreak') piece = '\n';
      else if (type === 'paragraph' || !KNOWN.has(type)) {
        const inner = this.inline(this.children(o), depth + 1);
        out.text += inner.text;
        out.chars += inner.chars;
        out.bold += inner.bold;
        continue;
      } else {
        const attrs = asObject(o.attrs);
        const t = attrs?.text ?? attrs?.shortName ?? attrs?.url ?? attrs?.timestamp;
        piece = typeof t === 'string' ? t : '';
      }
      this.chars += piece.length;
      out.text += piece;
      const visible = piece.replace(/\s+/g, '').length;
      out.chars += visible;
      if (bold) out.bold += visible;
    }
    return out;
  }

  /** Text of a block subtree (table cells, list item paragraphs), lines joined by spaces. */
  private plain(nodes: readonly unknown[], depth: number): string {
    const parts: string[] = [];
    for (const child of nodes) {
      if (!this.visit(depth)) break;
      const n = this.node(child);
      if (!n) continue;
      if (n.type === 'paragraph' || n.type === 'heading')
        parts.push(this.inline(this.children(n.o), depth + 1).text);
      else if (n.type === 'text') parts.push(this.inline([child], depth).text);
      else parts.push(this.plain(this.children(n.o), depth + 1));
    }
    return parts
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter((p) => p !== '')
      .join(' ');
  }

  blocksOf(nodes: readonly unknown[], path: number[], depth: number): void {
    nodes.forEach((child, index) => {
      if (!this.visit(depth)) return;
      const n = this.node(child);
      if (!n) return;
      this.block(n.o, n.type, [...path, index], depth);
    });
  }

  private ref(path: number[]): { format: 'adf'; path: number[]; paths: number[][] } {
    return { format: 'adf', path, paths: [path] };
  }

  private block(o: Obj, type: string, path: number[], depth: number): void {
    const ref = this.ref(path);
    switch (type) {
      case 'heading': {
        const level = asObject(o.attrs)?.level;
        const text = this.inline(this.children(o), depth + 1)
          .text.replace(/\s+/g, ' ')
          .trim();
        this.blocks.push({
          type: 'heading',
          level: typeof level === 'number' && level >= 1 && level <= 6 ? Math.floor(level) : 1,
          text,
          ref,
        });
        return;
      }
      case 'paragraph': {
        const inl = this.inline(this.children(o), depth + 1);
        const text = inl.text;
        const trimmed = text.trim();
        if (trimmed === '') {
          this.blocks.push({ type: 'break' });
          return;
        }
        const boldOnly =
          inl.chars > 0 && inl.bold === inl.chars && trimmed.length <= 120 && !trimmed.includes('\n');
        if (boldOnly || (!trimmed.includes('\n') && isCriteriaTitle(trimmed) && trimmed.length <= 40)) {
          this.blocks.push({ type: 'title', text: trimmed, ref });
          return;
        }
        const paragraph = ++this.paragraphs;
        const lines = text.split('\n');
        // "Acceptance criteria:" and its first criterion in one paragraph (or before a hard break)
        const titled = /^\s*([^:\n]{1,40}?)\s*:\s*(.*)$/.exec(lines[0] ?? '');
        if (titled && isCriteriaTitle(titled[1] as string)) {
          this.blocks.push({ type: 'title', text: titled[1] as string, ref });
          lines[0] = titled[2] as string;
        }
        for (const line of lines)
          if (line.trim() !== '') this.blocks.push({ type: 'line', text: line, ref, paragraph });
        return;
      }
      case 'bulletList':
      case 'orderedList':
        this.list(o, type === 'orderedList', path, depth, 0);
        return;
      case 'taskList':
        this.taskList(o, path, depth, 0);
        return;
      case 'decisionList':
        this.children(o).forEach((item, i) => {
          if (!this.visit(depth + 1)) return;
          const n = this.node(item);
          if (!n) return;
          const text = this.inline(this.children(n.o), depth + 2)
            .text.replace(/\s+/g, ' ')
            .trim();
          if (text)
            this.blocks.push({ type: 'item', text, depth: 0, ordered: false, ref: this.ref([...path, i]) });
        });
        return;
      case 'table': {
        const table = ++this.tables;
        this.children(o).forEach((row, r) => {
          if (!this.visit(depth + 1)) return;
          const n = this.node(row);
          if (!n) return;
          const cells: string[] = [];
          let headers = 0;
          for (const cell of this.children(n.o)) {
            if (!this.visit(depth + 2)) break;
            const c = this.node(cell);
            if (!c) continue;
            if (c.type === 'tableHeader') headers++;
            cells.push(this.plain(this.children(c.o), depth + 3));
          }
          this.blocks.push({
            type: 'row',
            cells,
            header: headers > 0 && headers === cells.length,
            table,
            ref: this.ref([...path, r]),
          });
        });
        this.blocks.push({ type: 'break' });
        return;
      }
      case 'codeBlock': {
        const text = this.inline(this.children(o), depth + 1).text;
        for (const line of text.split('\n')) this.blocks.push({ type: 'line', text: line, ref, code: true });
        this.blocks.push({ type: 'break' });
        return;
      }
      case 'rule':
      case 'mediaSingle':
      case 'mediaGroup':
      case 'extension':
      case 'blockCard':
      case 'embedCard':
        this.blocks.push({ type: 'break' });
        return;
      default: {
        if (CONTAINERS.has(type) || !KNOWN.has(type)) {
          const title = asObject(o.attrs)?.title;
          this.blocks.push({ type: 'open', title: typeof title === 'string' ? title : undefined, ref });
          this.blocksOf(this.children(o), path, depth + 1);
          this.blocks.push({ type: 'close' });
          return;
        }
        // inline nodes at block level (invalid but common in hand-made ADF): read as a line
        const text = this.inline([o], depth).text;
        if (text.trim()) this.blocks.push({ type: 'line', text, ref });
      }
    }
  }

  private list(o: Obj, ordered: boolean, path: number[], depth: number, level: number): void {
    this.children(o).forEach((item, i) => {
      if (!this.visit(depth + 1)) return;
      const n = this.node(item);
      if (!n) return;
      const itemPath = [...path, i];
      const texts: string[] = [];
      const nested: { o: Obj; type: string; index: number }[] = [];
      this.children(n.o).forEach((child, j) => {
        if (!this.visit(depth + 2)) return;
        const c = this.node(child);
        if (!c) return;
        if (c.type === 'bulletList' || c.type === 'orderedList' || c.type === 'taskList')
          nested.push({ ...c, index: j });
        else if (c.type === 'paragraph' || c.type === 'heading' || c.type === 'text')
          texts.push(this.inline(c.type === 'text' ? [child] : this.children(c.o), depth + 3).text);
        else texts.push(this.plain(this.children(c.o), depth + 3));
      });
      const text = texts.join('\n').trim();
      if (text !== '')
        this.blocks.push({ type: 'item', text, depth: level, ordered, ref: this.ref(itemPath) });
      for (const c of nested) {
        if (c.type === 'taskList') this.taskList(c.o, [...itemPath, c.index], depth + 3, level + 1);
        else this.list(c.o, c.type === 'orderedList', [...itemPath, c.index], depth + 3, level + 1);
      }
    });
  }

  private taskList(o: Obj, path: number[], depth: number, level: number): void {
    this.children(o).forEach((item, i) => {
      if (!this.visit(depth + 1)) return;
      const n = this.node(item);
      if (!n) return;
      if (n.type === 'taskList') {
        this.taskList(n.o, [...path, i], depth + 2, level + 1);
        return;
      }
      const state = asObject(n.o.attrs)?.state;
      const text = this.inline(this.children(n.o), depth + 2)
        .text.replace(/\s+/g, ' ')
        .trim();
      if (text !== '')
        this.blocks.push({
          type: 'item',
          text,
          depth: level,
          ordered: false,
          task: state === 'DONE' ? 'DONE' : 'TODO',
          ref: this.ref([...path, i]),
        });
    });
  }
}

/** Blocks of an ADF document. A value that is not a document gives a `not-a-document` problem. */
export function readAdf(value: unknown, limits: AdfLimits): BlockRead {
  const reader = new Reader(limits);
  const doc = asObject(value);
  if (!doc || doc.type !== 'doc' || !Array.isArray(doc.content)) {
    return {
      blocks: [],
      problems: [{ detail: 'not-a-document', message: 'The description is not a readable document.' }],
      format: 'adf',
    };
  }
  reader.blocksOf(doc.content, [], 1);
  reader.finish();
  return { blocks: withoutComments(reader.blocks), problems: reader.problems, format: 'adf' };
}

/** A paragraph that is only a rule or a setext underline pasted as text (`---`, `===`, `* * *`). */
const RULE_TEXT = /^\s*(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|={2,})\s*$/;

/**
 * HTML comments pasted from Markdown templates (`<!-- … -->`, possibly over several paragraphs or items)
 * removed from the text of lines, items, titles and headings; blocks left empty and rules pasted as text are
 * dropped (a rule is a break).
 */
function withoutComments(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  let inComment = false;
  for (const b of blocks) {
    if (b.type !== 'line' && b.type !== 'item' && b.type !== 'title' && b.type !== 'heading') {
      out.push(b);
      continue;
    }
    if (b.type === 'line' && b.code) {
      out.push(b);
      continue;
    }
    let text = '';
    let rest = b.text;
    while (rest !== '') {
      if (inComment) {
        const end = rest.indexOf('-->');
        if (end < 0) rest = '';
        else {
          rest = rest.slice(end + 3);
          inComment = false;
        }
      } else {
        const start = rest.indexOf('<!--');
        if (start < 0) {
          text += rest;
          rest = '';
        } else {
          text += rest.slice(0, start);
          rest = rest.slice(start + 4);
          inComment = true;
        }
      }
    }
    if (RULE_TEXT.test(text)) out.push({ type: 'break' });
    else if (text.trim() !== '') out.push(text === b.text ? b : { ...b, text });
  }
  return out;
}
