/**
 * The vision as clean Markdown (CommonMark + GFM tables), for export: the board's sections, the business
 * goals as a table, the most recent notes.
 *
 * User text stays text. Every character that could start Markdown or HTML is escaped, wherever it is:
 * `\ ` * _ [ ] | ~` get a backslash, `<` and `>` become `&lt;` and `&gt;`, and `&` becomes `&amp;` where it
 * would start a character reference. At the start of a line, `#`, `+`, `-`, `=` and a list number's `.` or
 * `)` are escaped too (and in headings a trailing `#`), and leading spaces are dropped (they would make a code block). In running text a
 * line break is kept as a hard break (a trailing backslash) and a blank line as a paragraph break; in a
 * table cell line breaks become spaces. Nothing here produces HTML.
 */
import type { VisionBoard, VisionNote } from './schema';
import { BOARD_FIELD_LABELS, BOARD_TEXT_FIELDS, NOTE_TYPE_LABELS } from './schema';
import { instantOf } from './versions';
import { sortNotes } from './notes';

export interface MarkdownOptions {
  projectName: string;
  /** The export time, shown as its UTC day. */
  now: Date | string;
  /** How many of the newest notes to include (default 10; 0 leaves the section out). */
  maxNotes?: number;
  /** Display names by account id; an author without one is shown by account id. */
  names?: Readonly<Record<string, string>>;
}

const INLINE = /[\\`*_[\]|~<>]|&(?=#?[A-Za-z0-9]+;)/g;
const ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/** One line of user text, escaped for Markdown inline content. */
export function escapeInline(line: string): string {
  return line
    .replace(INLINE, (c) => ENTITY[c] ?? `\\${c}`)
    .replace(/^\s+/, '')
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** User text as Markdown paragraphs: lines kept as hard breaks, blank lines as paragraph breaks. */
export function escapeBlock(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => escapeInline(line).replace(/\s+$/, ''))
        .filter((line) => line !== '')
        .join('\\\n'),
    )
    .filter((p) => p !== '')
    .join('\n\n');
}

/** User text for one GFM table cell: on one line, pipes escaped. */
export const escapeCell = (text: string): string => escapeInline(text.replace(/\s*[\r\n]+\s*/g, ' ').trim());

/** Heading text: also escapes a trailing run of `#`, which would otherwise close the heading. */
export const escapeHeading = (text: string): string =>
  escapeInline(text.replace(/\s+/g, ' ').trim()).replace(/(?<!\\)#(?=#*$)/g, '\\#');

const day = (iso: string): string => instantOf(iso).slice(0, 10);

function section(title: string, body: string): string {
  return `## ${title}\n\n${body.trim() === '' ? '_Not set._' : escapeBlock(body)}\n`;
}

function goalsTable(board: VisionBoard): string {
  if (board.goals.length === 0) return '## Business goals\n\n_No business goals yet._\n';
  const rows = board.goals.map(
    (g) => `| ${escapeCell(g.name)} | ${escapeCell(g.target) || '—'} | ${g.status} | ${g.weight} |`,
  );
  return [
    '## Business goals',
    '',
    '| Goal | Measurable target | Status | Weight |',
    '| --- | --- | --- | ---: |',
    ...rows,
    '',
  ].join('\n');
}

function noteSection(note: VisionNote, names: Readonly<Record<string, string>>): string {
  const head = `### ${day(note.createdAt)} · ${NOTE_TYPE_LABELS[note.type]}: ${escapeHeading(note.title)}`;
  const by = `_By ${escapeInline(names[note.author] ?? note.author)}_`;
  const meta = [
    note.tags.length ? `Tags: ${note.tags.map(escapeInline).join(', ')}` : '',
    note.issueKeys.length ? `Issues: ${note.issueKeys.map(escapeInline).join(', ')}` : '',
  ].filter(Boolean);
  const body = note.text.trim() ? `\n\n${escapeBlock(note.text)}` : '';
  return `${head}\n\n${by}${body}${meta.length ? `\n\n${meta.join(' · ')}` : ''}\n`;
}

/** The board and the newest notes as one Markdown document. */
export function visionToMarkdown(
  board: VisionBoard,
  notes: readonly VisionNote[],
  options: MarkdownOptions,
): string {
  const maxNotes = Math.max(0, Math.floor(options.maxNotes ?? 10) || 0);
  const parts = [
    `# Product vision: ${escapeHeading(options.projectName)}\n`,
    `_Exported ${day(instantOf(options.now))}_\n`,
    ...BOARD_TEXT_FIELDS.map((field) => section(BOARD_FIELD_LABELS[field], board[field])),
    goalsTable(board),
  ];
  if (maxNotes > 0) {
    const recent = sortNotes(notes).slice(0, maxNotes);
    parts.push(
      recent.length
        ? `## Recent notes\n\n${recent.map((n) => noteSection(n, options.names ?? {})).join('\n')}`
        : '## Recent notes\n\n_No notes yet._\n',
    );
  }
  return parts.join('\n');
}
