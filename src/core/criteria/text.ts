/**
 * Reads Jira wiki markup, Markdown and plain text into blocks, keeping each block's line and character
 * offsets. Imported issues whose line breaks were flattened into runs of spaces are split back into lines.
 */
import type { Block, BlockRead } from './blocks';
import { isCriteriaTitle, isOtherTitle, SHORTCODE } from './blocks';

const WIKI_SIGNS =
  /^\s*h[1-6]\.\s|\{(?:panel|code|noformat|quote|color)[}:]|^\s*\|\||\[[^\]\n|]+\|[^\]\n]+\]/m;

/**
 * Text whose line breaks were lost (every break became two or more spaces) gets them back: each run of
 * two or more spaces becomes a line break followed by the same number of spaces less one, so that
 * character offsets stay the same.
 */
export function restoreLineBreaks(text: string): string {
  if (text.includes('\n') || !/\S {2,}\S/.test(text)) return text;
  const lines = text.replace(/ {2,}/g, (run) => `\n${' '.repeat(run.length - 1)}`);
  return lines
    .split('\n')
    .map((line) => splitRunInItems(line))
    .join('\n');
}

/**
 * A flattened line holding a whole list, "1. a 2. b 3. c" or "# a # b": a break before each marker, when
 * the numbers run 1, 2, 3, … (or there are at least two `#` markers). Same length, same offsets.
 */
function splitRunInItems(line: string): string {
  const numbered = [...line.matchAll(/(?<=\S) (\d{1,2})\. (?=\S)/g)];
  const first = /^\s*1\. /.test(line) ? 1 : 0;
  if (numbered.length > 0 && first === 1) {
    let expect = 2;
    const cuts: number[] = [];
    for (const m of numbered)
      if (Number(m[1]) === expect) {
        cuts.push(m.index);
        expect++;
      }
    if (cuts.length > 0) return cutAt(line, cuts);
  }
  if (/^\s*# /.test(line)) {
    const hashes = [...line.matchAll(/(?<=\S) # (?=\S)/g)].map((m) => m.index);
    if (hashes.length > 0) return cutAt(line, hashes);
  }
  return line;
}

function cutAt(line: string, cuts: readonly number[]): string {
  let out = '';
  let last = 0;
  for (const c of cuts) {
    out += `${line.slice(last, c)}\n`;
    last = c + 1;
  }
  return out + line.slice(last);
}

interface Line {
  text: string;
  start: number;
  index: number;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  let index = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      const raw = text.slice(start, i);
      out.push({ text: raw.endsWith('\r') ? raw.slice(0, -1) : raw, start, index });
      start = i + 1;
      index++;
    }
  }
  return out;
}

/** Splits a table row at `|`, but not inside `[link|url]` or `{macro|...}`. */
function cells(row: string, header: boolean): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  const body = row
    .trim()
    .replace(/^\|\|?/, '')
    .replace(/\|\|?\s*$/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '[' || c === '{') depth++;
    if ((c === ']' || c === '}') && depth > 0) depth--;
    if (c === '|' && depth === 0) {
      if (header && body[i + 1] === '|') i++;
      out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += c;
  }
  out.push(cur.trim());
  return out;
}

/**
 * HTML comments (`<!-- … -->`, the instructions of issue templates) blanked out: every character but line
 * breaks becomes a space, so offsets hold. A comment never closed hides the rest when it opens a line (an
 * HTML block, as Markdown renders it); elsewhere it is left as text.
 */
export function blankComments(text: string): string {
  if (!text.includes('<!--')) return text;
  return text.replace(/<!--[\s\S]*?(?:-->|$(?![\s\S]))/g, (comment, at: number) => {
    const closed = comment.endsWith('-->') && comment.length >= 7;
    const opensLine = /(?:^|\n)[ \t]*$/.test(text.slice(Math.max(0, at - 80), at));
    return closed || opensLine ? comment.replace(/[^\n]/g, ' ') : comment;
  });
}

const HTML_ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Wiki/Markdown inline markup removed from a criterion's text (offsets are those of the raw line). */
export function stripInline(text: string): string {
  return (
    text
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(
        /<\/?(?:b|strong|i|em|u|s|del|ins|sub|sup|code|kbd|mark|span|small|big|font|p|div)(?:\s[^<>]*)?>/gi,
        '',
      )
      .replace(/&(nbsp|amp|lt|gt|quot|apos);/g, (_, e: string) => HTML_ENTITIES[e] ?? '')
      .replace(SHORTCODE, '')
      // images are not text: Markdown ![alt](url), wiki !file.png|thumbnail!
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/(^|\s)![^\s!][^!\n]*\.(?:png|jpe?g|gif|svg|webp|bmp)(?:\|[^!\n]*)?!/gi, '$1')
      .replace(/\{\{([^}]*)\}\}/g, '$1')
      .replace(/\[([^\]|]+)\|[^\]]+\]/g, '$1')
      .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
      .replace(/\*\*([^*]+)\*\*/g, '$1')
      .replace(/(^|[\s(])\*([^*\s][^*]*?)\*(?=[\s.,;:!?)]|$)/g, '$1$2')
      .replace(/(^|[\s(])_([^_\s][^_]*?)_(?=[\s.,;:!?)]|$)/g, '$1$2')
      .replace(/\{color(?::[^}]*)?\}/g, '')
      .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1')
      .replace(/\s{2,}/g, ' ')
  );
}

/** A thematic break (`---`, `* * *`, `___`, `<hr>`) or a line of only `=`/`-` (a setext underline). */
const RULE = /^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|[-=]{2,}|=|<hr\s*\/?>)$/i;

/** Blocks of a wiki-markup, Markdown or plain-text description. */
export function readText(input: string, maxChars: number): BlockRead {
  const truncated = input.length > maxChars;
  const text = blankComments(restoreLineBreaks(truncated ? input.slice(0, maxChars) : input));
  const wiki = WIKI_SIGNS.test(text);
  const lines = splitLines(text);
  const blocks: Block[] = [];
  let inCode = false;
  let table = 0;
  let lastWasRow = false;
  let paragraph = 0;
  let lastWasLine = false;
  const ref = (l: Line, from: number, to: number) => ({
    format: 'text' as const,
    line: l.index,
    start: l.start + from,
    end: l.start + to,
  });
  lines.forEach((l, n) => {
    let body = l.text;
    let offset = 0;
    const lead = /^\s*/.exec(body)?.[0].length ?? 0;
    const trimmed = body.trim();
    const rowNow = /^\|/.test(trimmed);
    if (!rowNow) lastWasRow = false;
    const lineNow = () => {
      if (!lastWasLine) paragraph++;
      lastWasLine = true;
    };
    const notLine = () => {
      lastWasLine = false;
    };
    // code and noformat blocks: lines kept only for Gherkin
    const code = /^\{(code|noformat)(?::[^}]*)?\}|^```/.exec(trimmed);
    if (code) {
      inCode = !inCode;
      const rest = trimmed.slice(code[0].length);
      const close = /\{(code|noformat)\}\s*$|```\s*$/.exec(rest);
      if (close && inCode) inCode = false;
      notLine();
      return;
    }
    if (inCode) {
      if (trimmed !== '')
        blocks.push({ type: 'line', text: trimmed, ref: ref(l, lead, lead + trimmed.length), code: true });
      return;
    }
    // panels: {panel:title=...} ... {panel}; also {quote}
    const open = /^\{(panel|quote|expand)(?::([^}]*))?\}/.exec(trimmed);
    if (open) {
      const isClose =
        open[1] !== undefined &&
        open[2] === undefined &&
        blocks.some((b) => b.type === 'open') &&
        closingPanel(blocks);
      if (isClose) blocks.push({ type: 'close' });
      else {
        const title = /(?:^|\|)\s*title\s*=\s*([^|]*)/.exec(open[2] ?? '')?.[1]?.trim();
        blocks.push({ type: 'open', title, ref: ref(l, lead, lead + open[0].length) });
      }
      body = body.slice(lead + open[0].length);
      offset = lead + open[0].length;
      if (body.trim() === '') {
        notLine();
        return;
      }
    }
    let closeAfter = false;
    const closeAt = /\{(panel|quote|expand)\}\s*$/.exec(body);
    if (closeAt && body.trim() !== closeAt[0].trim()) {
      body = body.slice(0, closeAt.index);
      closeAfter = true;
    } else if (closeAt) {
      blocks.push({ type: 'close' });
      notLine();
      return;
    }
    const lead2 = /^\s*/.exec(body)?.[0].length ?? 0;
    const t = body.trim();
    const at = offset + lead2;
    const push = (b: Block) => blocks.push(b);
    if (t === '') {
      push({ type: 'break' });
      notLine();
    } else if (RULE.test(t)) {
      // a setext underline makes the line above a heading ("Acceptance criteria" over "===" or "---")
      const prev = blocks[blocks.length - 1];
      const setext =
        /^(?:=+|-+)$/.test(t) &&
        !wiki &&
        (prev?.type === 'line' || prev?.type === 'title') &&
        prev.ref.format === 'text' &&
        prev.ref.line === l.index - 1;
      if (setext)
        blocks[blocks.length - 1] = {
          type: 'heading',
          level: t.startsWith('=') ? 1 : 2,
          text: prev.text,
          ref: prev.ref,
        };
      else push({ type: 'break' });
      notLine();
    } else if (/^h([1-6])\.\s*/.test(t)) {
      const m = /^h([1-6])\.\s*/.exec(t) as RegExpExecArray;
      push({
        type: 'heading',
        level: Number(m[1]),
        text: t.slice(m[0].length),
        ref: ref(l, at + m[0].length, at + t.length),
      });
      notLine();
    } else if (/^#{1,6}\s+\S/.test(t) && !isWikiNumbered(lines, n, wiki)) {
      const m = /^(#{1,6})\s+/.exec(t) as RegExpExecArray;
      push({
        type: 'heading',
        level: (m[1] as string).length,
        text: t.slice(m[0].length).replace(/\s#+$/, ''),
        ref: ref(l, at + m[0].length, at + t.length),
      });
      notLine();
    } else if (/^\|\|/.test(t) || /^\|/.test(t)) {
      if (/^\|[\s|:-]+\|?$/.test(t) && t.includes('-')) {
        // Markdown separator row: the row before it is the header
        const prev = blocks[blocks.length - 1];
        if (prev?.type === 'row') prev.header = true;
        notLine();
        return;
      }
      if (!lastWasRow) table++;
      lastWasRow = true;
      const header = /^\|\|/.test(t);
      push({
        type: 'row',
        cells: cells(t, header).map(stripInline),
        header,
        table,
        ref: ref(l, at, at + t.length),
      });
      notLine();
    } else if (/^[-*+]\s+\[( |x|X)\]\s+/.test(t)) {
      const m = /^[-*+]\s+\[( |x|X)\]\s+/.exec(t) as RegExpExecArray;
      push({
        type: 'item',
        text: stripInline(t.slice(m[0].length)),
        depth: Math.floor(lead2 / 2),
        ordered: false,
        task: m[1] === ' ' ? 'TODO' : 'DONE',
        ref: ref(l, at + m[0].length, at + t.length),
      });
      notLine();
    } else if (/^bq\.\s+\S/.test(t)) {
      const m = /^bq\.\s+/.exec(t) as RegExpExecArray;
      lineNow();
      push({
        type: 'line',
        text: stripInline(t.slice(m[0].length)),
        ref: ref(l, at + m[0].length, at + t.length),
        paragraph,
      });
    } else if (isBoldLine(t)) {
      const inner = boldText(t);
      push({ type: 'title', text: inner, ref: ref(l, at, at + t.length) });
      notLine();
    } else if (/^(?:[*#-]+|\+|\d+[.)])\s+\S/.test(t)) {
      const m = /^([*#-]+|\+|\d+[.)])\s+/.exec(t) as RegExpExecArray;
      const marker = m[1] as string;
      const wikiMarker = /^[*#-]+$/.test(marker);
      const depth = wikiMarker && marker.length > 1 ? marker.length - 1 : Math.floor(lead2 / 2);
      push({
        type: 'item',
        text: stripInline(t.slice(m[0].length)),
        depth,
        ordered: marker.includes('#') || /\d/.test(marker),
        ref: ref(l, at + m[0].length, at + t.length),
      });
      notLine();
    } else if (isCriteriaTitle(t) || (/:$/.test(t) && isOtherTitle(t))) {
      // a plain line that is only a section title, "Acceptance criteria:"
      push({ type: 'title', text: t, ref: ref(l, at, at + t.length) });
      notLine();
    } else {
      const titled = /^(\*\*|\*)?([^*:\n]{1,40}?):(\*\*|\*)?\s+(\S.*)$/.exec(t);
      if (titled && isCriteriaTitle(titled[2] as string)) {
        // "Acceptance criteria: the user can …" on one line
        const restStart = t.length - (titled[4] as string).length;
        push({ type: 'title', text: titled[2] as string, ref: ref(l, at, at + restStart) });
        lastWasLine = false;
        lineNow();
        push({
          type: 'line',
          text: stripInline(titled[4] as string),
          ref: ref(l, at + restStart, at + t.length),
          paragraph,
        });
      } else {
        lineNow();
        push({ type: 'line', text: stripInline(t), ref: ref(l, at, at + t.length), paragraph });
      }
    }
    if (closeAfter) push({ type: 'close' });
  });
  return {
    blocks,
    problems: truncated
      ? [
          {
            detail: 'too-large',
            message: `The description is very large: only its first ${maxChars} characters were read.`,
          },
        ]
      : [],
    format: wiki ? 'wiki' : 'markdown',
  };
}

/** `{panel}` closes the innermost open panel when more panels were opened than closed. */
function closingPanel(blocks: readonly Block[]): boolean {
  let open = 0;
  for (const b of blocks) {
    if (b.type === 'open') open++;
    if (b.type === 'close') open--;
  }
  return open > 0;
}

/** "# item" is a wiki numbered item in wiki text, or when the line next to it is one too. */
function isWikiNumbered(lines: readonly Line[], n: number, wiki: boolean): boolean {
  if (wiki) return true;
  const near = [lines[n - 1], lines[n + 1]].filter((l): l is Line => !!l);
  if (near.some((l) => /^\s*#\s+\S/.test(l.text))) return true;
  // right under a criteria title ("A/C:"), "# …" is a list item, not a heading
  let k = n - 1;
  while (k >= 0 && (lines[k] as Line).text.trim() === '') k--;
  const prev = k >= 0 ? (lines[k] as Line).text.trim() : '';
  return prev !== '' && (isCriteriaTitle(prev) || (isBoldLine(prev) && isCriteriaTitle(boldText(prev))));
}

function isBoldLine(t: string): boolean {
  return (
    /^\*\*[^*]+\*\*:?$/.test(t) ||
    /^\*[^*\s][^*]*\*:?$/.test(t) ||
    /^__[^_]+__:?$/.test(t) ||
    /^<(b|strong)>[^<]+<\/\1>:?$/i.test(t)
  );
}

function boldText(t: string): string {
  return stripInline(t)
    .replace(/^[*_]+/, '')
    .replace(/[*_]+:?$/, '')
    .replace(/:$/, '')
    .trim();
}
