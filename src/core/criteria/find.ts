/**
 * Finding the acceptance criteria of an issue: the section under an "Acceptance criteria" heading (or a
 * bold title line, or a titled panel/expand) of an ADF, wiki or Markdown description — or the whole of a
 * dedicated custom field — turned into criteria: list items, task items, Given/When/Then scenarios,
 * table rows and paragraphs.
 */
import { isAdfDocument, readAdf } from './adf';
import { isCriteriaTitle, isOtherTitle, type Block, type ReadProblem } from './blocks';
import { DEFAULT_CONFIG, type CriteriaConfig } from './config';
import { readText } from './text';
import type { Criterion, GwtKeyword, GwtStep, SourceRef } from './types';

export interface Found {
  criteria: Criterion[];
  /** Whether an acceptance-criteria section (or a non-empty field) was found. */
  section: boolean;
  format: 'adf' | 'wiki' | 'markdown' | 'none';
  problems: ReadProblem[];
  /** The text outside the criteria section, line by line (for the user story statement). */
  preamble: string[];
}

const GWT_LINE = /^\s*(?:[-*•]\s*)?(?:\*\*|\*|_)?(given|when|then|and|but)(?:\*\*|\*|_)?(?=[\s:,])[\s:,]*/i;
const SCENARIO_LINE = /^\s*(?:\*\*|\*|_)?\s*(scenario(?:\s+outline)?|example)\b[^:]*:(?:\*\*|\*|_)?\s*(.*)$/i;
const GHERKIN_SKIP = /^\s*(?:feature|examples|rule)\s*:/i;
/** A Gherkin Background (shared Given steps): context, not a criterion. */
const BACKGROUND = /^\s*(?:\*\*|\*|__|_)?\s*background\s*:?\s*(?:\*\*|\*|__|_)?\s*:?\s*$/i;
/**
 * Text that is not a criterion: nothing to read (no letter: "...", "-", "1."), a placeholder ("N/A", "TBD",
 * "See above"), or struck through (`~~…~~`, `-…-` in wiki markup: withdrawn).
 */
function placeholder(text: string): boolean {
  const t = text.trim();
  return (
    !/\p{L}/u.test(t) ||
    /^(?:n\/?a|tbd|tbc|todo|to do|none|unknown|see above|same as above|as above|\?+)[.!]?$/i.test(t) ||
    /^~~[^~](?:.*[^~])?~~$/.test(t)
  );
}

/**
 * A template's instruction to whoever writes or reviews the issue, not a criterion: a paragraph that speaks
 * about the ticket, this list or the criteria themselves ("This should be filled in before …", "Please do not
 * pass Acceptance Criteria on …"), or a short label that only introduces what follows ("AC1:", "Links:").
 */
function instruction(text: string): boolean {
  const t = text.trim();
  if (/:$/.test(t) && t.split(/\s+/).length <= 3) return true;
  return (
    /\bplease\b|\b(?:this|the|a|each|every) (?:ticket|template|checklist)\b|\bthis (?:list|issue)\b/i.test(
      t,
    ) ||
    /\b(?:acceptance criteria|definition of (?:done|ready))\b/i.test(t) ||
    /\b(?:fill(?:ed)? (?:in|out)|to be (?:filled|completed|checked off|reviewed))\b/i.test(t)
  );
}

/** Inline "Given …, when …, then …" in one line: the positions of the keywords. */
function inlineSteps(text: string): { keyword: GwtKeyword; start: number }[] | undefined {
  if (!/^\s*given\b/i.test(text)) return undefined;
  const out: { keyword: GwtKeyword; start: number }[] = [];
  const re = /\b(given|when|then)\b/gi;
  let last = -1;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const k = (m[1] as string).toLowerCase() as GwtKeyword;
    const rank = k === 'given' ? 0 : k === 'when' ? 1 : 2;
    if (rank <= last) continue;
    last = rank;
    out.push({ keyword: k, start: m.index });
  }
  return out.length > 1 ? out : undefined;
}

interface Draft {
  lines: { keyword: GwtKeyword; text: string; ref: SourceRef }[];
  title?: string;
  /** The list depth of the item that opened the scenario: deeper items continue it. */
  depth?: number;
  /** A scenario written as a task item ("- [ ] Given …" with its steps nested under it). */
  task?: 'DONE' | 'TODO';
  /** A Gherkin Background: dropped. */
  background?: boolean;
}

/** Where an item opening a scenario sits, and whether it is a task. */
interface ItemContext {
  depth: number;
  task?: 'DONE' | 'TODO';
}

function mergeRefs(refs: readonly SourceRef[]): SourceRef {
  const first = refs[0] as SourceRef;
  if (first.format === 'adf') {
    const paths: number[][] = [];
    for (const r of refs)
      if (r.format === 'adf')
        for (const p of r.paths) if (!paths.some((q) => q.join('.') === p.join('.'))) paths.push(p);
    return { format: 'adf', path: first.path, paths };
  }
  const last = refs[refs.length - 1] as SourceRef;
  return {
    format: 'text',
    line: first.line,
    start: first.start,
    end: last.format === 'text' ? last.end : first.end,
  };
}

/** Builds criteria from the blocks of a section. */
class Builder {
  readonly criteria: Criterion[] = [];
  private draft: Draft | undefined;
  private pendingTitle: string | undefined;
  /** Index of the last criterion at each list depth (for parents). */
  private lastAtDepth: number[] = [];
  private gwtTable: { table: number; columns: (GwtKeyword | undefined)[] } | undefined;
  private lastParagraph: { paragraph: number; index: number } | undefined;
  /** After a Background title: its Given steps are context, not a criterion. */
  private background = false;

  constructor(
    private readonly origin: Criterion['origin'],
    private readonly nested: 'sub-criteria' | 'join',
  ) {}

  flush(): void {
    const d = this.draft;
    this.draft = undefined;
    if (!d || d.lines.length === 0 || d.background) return;
    let text = '';
    const steps: GwtStep[] = [];
    for (const l of d.lines) {
      if (text !== '') text += '\n';
      steps.push({ keyword: l.keyword, text: l.text, start: text.length });
      text += l.text;
    }
    this.criteria.push({
      text,
      kind: d.task ? 'task' : 'gwt',
      ...(d.task ? { state: d.task } : {}),
      depth: 0,
      steps,
      ...(d.title ? { title: d.title } : {}),
      source: mergeRefs(d.lines.map((l) => l.ref)),
      origin: this.origin,
    });
    this.lastAtDepth = [];
    this.lastParagraph = undefined;
  }

  private gwtLine(keyword: GwtKeyword, text: string, ref: SourceRef, item?: ItemContext): void {
    const d = this.draft;
    const seen = d?.lines.map((l) => l.keyword) ?? [];
    // a new Given after a When or Then starts the next scenario
    if (d && keyword === 'given' && (seen.includes('when') || seen.includes('then'))) this.flush();
    if (!this.draft) {
      this.draft = {
        lines: [],
        ...(this.pendingTitle ? { title: this.pendingTitle } : {}),
        ...(item ? { depth: item.depth } : {}),
        ...(item?.task ? { task: item.task } : {}),
        ...(this.background ? { background: true } : {}),
      };
      this.pendingTitle = undefined;
      this.background = false;
    }
    this.draft.lines.push({ keyword, text, ref });
  }

  /** Whether the item sits under the item that opened the open scenario (so it continues it). */
  private nestedInDraft(depth: number): boolean {
    const base = this.draft?.depth;
    return base !== undefined && depth > base;
  }

  /** A text line (paragraph line or list item): Given/When/Then step, scenario title, or other. */
  private textLine(
    raw: string,
    ref: SourceRef,
    next?: Block,
    item?: ItemContext,
  ): 'gwt' | 'scenario' | 'skip' | 'other' {
    const text = raw.trim();
    if (BACKGROUND.test(text)) {
      this.flush();
      this.background = true;
      return 'skip';
    }
    const scenario = SCENARIO_LINE.exec(text);
    if (scenario) {
      this.flush();
      this.background = false;
      this.pendingTitle = (scenario[2] as string).trim() || (scenario[1] as string);
      return 'scenario';
    }
    if (GHERKIN_SKIP.test(text)) {
      this.flush();
      this.background = false;
      return 'skip';
    }
    const m = GWT_LINE.exec(text);
    if (m) {
      const keyword = (m[1] as string).toLowerCase() as GwtKeyword;
      // outside a scenario, "When …" is a step only if a Then/And step follows; otherwise a condition
      const nextText = next && (next.type === 'line' || next.type === 'item') ? next.text : '';
      const stepFollows = /^\s*(?:[-*•]\s*)?(?:\*\*|\*|_)?(then|and)\b/i.test(nextText);
      // a task item opens its own scenario: the steps nested under it continue it
      const opens = item?.task !== undefined && !this.nestedInDraft(item.depth);
      const nestedFollows = item !== undefined && next?.type === 'item' && next.depth > item.depth;
      if (opens && keyword !== 'given' && !((keyword === 'when' || keyword === 'then') && nestedFollows))
        return 'other';
      if (opens) this.flush();
      const isOpen = this.draft !== undefined;
      if (
        keyword === 'given' ||
        isOpen ||
        keyword === 'then' ||
        (keyword === 'when' && (stepFollows || nestedFollows))
      ) {
        const inline = keyword === 'given' ? inlineSteps(text) : undefined;
        if (inline) {
          this.flush();
          inline.forEach((s, i) => {
            const end = inline[i + 1]?.start ?? text.length;
            this.gwtLine(s.keyword, text.slice(s.start, end).replace(/[\s,;]+$/, ''), ref, item);
          });
          // the scenario stays open for steps nested under its item ("- Given …, when …" / "  - Then …")
          if (!item || next?.type !== 'item' || next.depth <= item.depth) this.flush();
          return 'gwt';
        }
        this.gwtLine(keyword, text.replace(/^[-*•]\s*/, '').replace(/^(\*\*|\*|_)(\w+)\1/, '$2'), ref, item);
        return 'gwt';
      }
    }
    // an item nested under a scenario's step continues the scenario ("- When …" / "  - the list shows …")
    if (item && this.draft && !this.draft.background && this.nestedInDraft(item.depth)) {
      this.draft.lines.push({ keyword: 'and', text, ref });
      return 'gwt';
    }
    return 'other';
  }

  private add(c: Omit<Criterion, 'origin'>): void {
    this.criteria.push({ ...c, origin: this.origin });
  }

  block(b: Block, next?: Block): void {
    switch (b.type) {
      case 'line': {
        if (b.code) {
          const kind = this.textLine(b.text, b.ref, next);
          if (kind === 'other') this.flush();
          return;
        }
        const kind = this.textLine(b.text, b.ref, next);
        if (kind !== 'other') {
          this.lastParagraph = undefined;
          return;
        }
        this.flush();
        this.background = false;
        const text = b.text.trim();
        if (placeholder(text) || instruction(text)) {
          this.lastParagraph = undefined;
          return;
        }
        // a continuation line of the same text paragraph joins the previous criterion
        const prev = this.lastParagraph;
        const prevCriterion = prev ? this.criteria[prev.index] : undefined;
        if (
          prev &&
          prevCriterion &&
          b.ref.format === 'text' &&
          prev.paragraph === b.paragraph &&
          !/[.!?:;]$/.test(prevCriterion.text) &&
          /^[\p{Ll}(]/u.test(text)
        ) {
          prevCriterion.text += ` ${text}`;
          prevCriterion.source = mergeRefs([prevCriterion.source, b.ref]);
          return;
        }
        this.add({ text, kind: 'paragraph', depth: 0, source: b.ref });
        this.lastParagraph =
          b.paragraph !== undefined ? { paragraph: b.paragraph, index: this.criteria.length - 1 } : undefined;
        this.lastAtDepth = [];
        return;
      }
      case 'item': {
        this.lastParagraph = undefined;
        // a task scenario ends at the next item that is not nested under it
        if (this.draft?.task && !this.nestedInDraft(b.depth)) this.flush();
        const context = { depth: b.depth, ...(b.task ? { task: b.task } : {}) };
        if (this.textLine(b.text, b.ref, next, context) !== 'other') return;
        this.flush();
        const depth = Math.min(b.depth, this.lastAtDepth.length);
        const parent = depth > 0 ? this.lastAtDepth[depth - 1] : undefined;
        const text = b.text.replace(/\s*\n\s*/g, ' ').trim();
        if (placeholder(text)) return;
        if (this.nested === 'join' && depth > 0 && parent !== undefined) {
          const p = this.criteria[parent] as Criterion;
          p.text += `; ${text}`;
          return;
        }
        this.add({
          text,
          kind: b.task ? 'task' : 'bullet',
          ...(b.task ? { state: b.task } : {}),
          depth,
          ...(parent !== undefined ? { parent } : {}),
          source: b.ref,
        });
        this.lastAtDepth = [...this.lastAtDepth.slice(0, depth), this.criteria.length - 1];
        return;
      }
      case 'row': {
        this.flush();
        this.lastParagraph = undefined;
        const columns = b.cells.map((c) => {
          const m = /^\s*(given|when|then)\s*$/i.exec(c);
          return m ? ((m[1] as string).toLowerCase() as GwtKeyword) : undefined;
        });
        const isGwtHeader = columns.filter((c) => c !== undefined).length >= 2;
        if (isGwtHeader) {
          this.gwtTable = { table: b.table, columns };
          return;
        }
        if (b.header) return;
        if (this.gwtTable && this.gwtTable.table === b.table) {
          const steps: GwtStep[] = [];
          let text = '';
          this.gwtTable.columns.forEach((k, i) => {
            const cell = (b.cells[i] ?? '').trim();
            if (!k || cell === '') return;
            const line = new RegExp(`^${k}\\b`, 'i').test(cell)
              ? cell
              : `${k[0]?.toUpperCase()}${k.slice(1)} ${cell}`;
            if (text !== '') text += '\n';
            steps.push({ keyword: k, text: line, start: text.length });
            text += line;
          });
          if (text !== '') this.add({ text, kind: 'table-row', depth: 0, steps, source: b.ref });
          return;
        }
        const text = b.cells.filter((c) => c.trim() !== '').join(' | ');
        if (text !== '') this.add({ text, kind: 'table-row', depth: 0, source: b.ref });
        return;
      }
      case 'heading':
      case 'title': {
        this.flush();
        this.lastParagraph = undefined;
        this.background = BACKGROUND.test(b.text);
        const scenario =
          SCENARIO_LINE.exec(b.text) ?? /^\s*(scenario(?:\s+outline)?)\b\s*(.*)$/i.exec(b.text);
        if (scenario) this.pendingTitle = (scenario[2] as string).trim() || b.text.trim();
        return;
      }
      case 'open':
      case 'close':
      case 'break':
        if (b.type !== 'break') this.flush();
        this.lastParagraph = undefined;
        return;
    }
  }

  endSection(): void {
    this.flush();
    this.background = false;
    this.lastAtDepth = [];
    this.gwtTable = undefined;
    this.lastParagraph = undefined;
    this.pendingTitle = undefined;
  }

  done(): Criterion[] {
    this.flush();
    return this.criteria;
  }
}

interface Section {
  blocks: Block[];
}

type Open = { section: Section; kind: 'heading' | 'title' | 'container'; level: number; depth: number };

/** Whether block `b`, seen at container depth `depth`, ends the open section. */
function ends(b: Block, depth: number, current: Open): boolean {
  // the container the section lives in (or, for a titled container, the container itself) closes
  if (b.type === 'close') return depth === current.depth + (current.kind === 'container' ? 1 : 0);
  if (depth !== current.depth || current.kind === 'container') return false;
  if (b.type === 'heading') return current.kind === 'title' || b.level <= current.level;
  if (b.type === 'title') {
    if (/^\s*(?:scenario|example|background)\b/i.test(b.text)) return false;
    return current.kind === 'title' || isOtherTitle(b.text);
  }
  return false;
}

/**
 * The acceptance-criteria sections of a block list, and the blocks outside them. A heading section runs
 * to the next heading of the same or a higher level; a title-line section to the next heading or title
 * line; a titled panel or expand to its end. Any section also ends with the container it is in, and at a
 * title line naming another section ("Notes", "Out of scope", ...).
 */
export function sections(
  blocks: readonly Block[],
  extraTitles: readonly string[] = [],
): { sections: Section[]; outside: Block[] } {
  const out: Section[] = [];
  const outside: Block[] = [];
  let current: Open | undefined;
  let depth = 0;
  for (const b of blocks) {
    if (current && ends(b, depth, current)) {
      const wasContainer = current.kind === 'container';
      current = undefined;
      if (b.type === 'close') {
        depth = Math.max(0, depth - 1);
        if (!wasContainer) outside.push(b);
        continue;
      }
    }
    if (current) {
      if (b.type === 'open') depth++;
      if (b.type === 'close') depth = Math.max(0, depth - 1);
      current.section.blocks.push(b);
      continue;
    }
    if (b.type === 'open') {
      if (b.title !== undefined && isCriteriaTitle(b.title, extraTitles)) {
        current = { section: { blocks: [] }, kind: 'container', level: 0, depth };
        out.push(current.section);
        depth++;
        continue;
      }
      depth++;
    } else if (b.type === 'close') depth = Math.max(0, depth - 1);
    else if ((b.type === 'heading' || b.type === 'title') && isCriteriaTitle(b.text, extraTitles)) {
      current = { section: { blocks: [] }, kind: b.type, level: b.type === 'heading' ? b.level : 7, depth };
      out.push(current.section);
      continue;
    }
    outside.push(b);
  }
  return { sections: out, outside };
}

/** Criteria of one or more block lists (sections), numbered together. */
export function criteriaOf(
  lists: readonly (readonly Block[])[],
  origin: Criterion['origin'],
  nested: 'sub-criteria' | 'join',
): Criterion[] {
  const builder = new Builder(origin, nested);
  for (const blocks of lists) {
    blocks.forEach((b, i) => builder.block(b, blocks[i + 1]));
    builder.endSection();
  }
  return builder.done();
}

function preambleOf(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks)
    if (b.type === 'line' || b.type === 'item' || b.type === 'title' || b.type === 'heading')
      out.push(b.text);
    else if (b.type === 'break') out.push('');
  return out;
}

export interface FindOptions {
  /** A dedicated criteria field: without a criteria heading, all of it is the criteria. */
  whole?: boolean;
  origin?: Criterion['origin'];
}

/**
 * The acceptance criteria of a description or criteria field: ADF (any value with `type: 'doc'`), or a
 * string of wiki markup, Markdown or plain text. Never throws; unreadable input gives `problems`.
 */
export function findCriteria(
  source: unknown,
  config: CriteriaConfig = DEFAULT_CONFIG,
  options: FindOptions = {},
): Found {
  const origin = options.origin ?? (options.whole ? 'field' : 'description');
  if (source === undefined || source === null || (typeof source === 'string' && source.trim() === ''))
    return { criteria: [], section: false, format: 'none', problems: [], preamble: [] };
  const limits = config.limits;
  let read;
  if (typeof source === 'string') read = readText(source, limits.maxInputChars);
  else if (isAdfDocument(source) || (source !== null && typeof source === 'object'))
    read = readAdf(source, {
      maxDepth: limits.maxDepth,
      maxNodes: limits.maxNodes,
      maxChars: limits.maxInputChars,
    });
  else
    return {
      criteria: [],
      section: false,
      format: 'none',
      problems: [
        {
          detail: 'not-a-document',
          message: `The description is a ${typeof source}, not a document or text.`,
        },
      ],
      preamble: [],
    };
  const { sections: found, outside } = sections(read.blocks, config.headings);
  let criteria: Criterion[] = [];
  let section = found.length > 0;
  if (section)
    criteria = criteriaOf(
      found.map((f) => f.blocks),
      origin,
      config.nestedLists,
    );
  else if (options.whole) {
    criteria = criteriaOf([read.blocks], origin, config.nestedLists);
    section = criteria.length > 0;
  }
  return {
    criteria,
    section,
    format: read.format,
    problems: read.problems,
    preamble: section && !options.whole ? preambleOf(outside) : preambleOf(read.blocks),
  };
}
