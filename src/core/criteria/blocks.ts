/**
 * The block model that ADF, wiki markup and Markdown are read into before criteria are found: headings,
 * title lines (bold-only paragraphs), text lines, list items, table rows and containers (panels, expands).
 */
import { phrases } from './nlp';
import type { SourceRef } from './types';

export type Block =
  | { type: 'heading'; level: number; text: string; ref: SourceRef }
  /** A bold-only paragraph or line, or a plain line that is only a section title ("Acceptance criteria:"). */
  | { type: 'title'; text: string; ref: SourceRef }
  /** One line of a paragraph (ADF paragraphs are split at hard breaks); `code` for code-block lines. */
  | { type: 'line'; text: string; ref: SourceRef; code?: boolean; paragraph?: number }
  | {
      type: 'item';
      text: string;
      depth: number;
      ordered: boolean;
      task?: 'DONE' | 'TODO';
      ref: SourceRef;
    }
  | { type: 'row'; cells: string[]; header: boolean; table: number; ref: SourceRef }
  | { type: 'open'; title?: string; ref: SourceRef }
  | { type: 'close' }
  | { type: 'break' };

export interface ReadProblem {
  detail: 'not-a-document' | 'bad-node' | 'unknown-node' | 'too-deep' | 'too-large';
  message: string;
}

export interface BlockRead {
  blocks: Block[];
  problems: ReadProblem[];
  format: 'adf' | 'wiki' | 'markdown';
}

/** Titles that open an acceptance-criteria section (compared after normalising, see `sectionTitle`). */
export const CRITERIA_TITLES = phrases(`
    acceptance criteria, acceptance criterion, acceptance criterias, acceptance, acceptance tests,
    acceptance test, ac, acs, a/c, definition of done, dod, done criteria, success criteria,
    conditions of satisfaction,
`);

/** Titles of other description sections: they end an acceptance-criteria section opened by a title line. */
export const OTHER_TITLES = new Set(
  phrases(`
    notes, note, background, context, description, details, steps to reproduce, expected result,
    expected results, actual result, actual results, out of scope, open questions, questions, assumptions,
    dependencies, links, references, resources, design, designs, mockups, technical notes,
    implementation notes, tech notes, testing notes, test plan, story, user story, summary, problem,
    solution, proposal, risks, comments, screenshots, attachments, workaround, environment, scope, goal,
    goals, motivation, requirements,
`),
);

/** Emoji shortcodes (`:white_check_mark:`), not times or ratios ("10:30:00"). */
export const SHORTCODE = /(?<![\w:]):[a-z][a-z0-9_+-]*:(?![\w:])/gi;

/** A title without decoration: emoji, shortcodes and symbols, HTML tags, escapes, markup, numbering, trailing
 * colon; lower case. */
export function sectionTitle(text: string): string {
  return text
    .replace(SHORTCODE, ' ')
    .replace(/<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi, ' ')
    .replace(/\\(?=[!-/:-@[-`{-~])/g, '')
    .replace(/[*`~]+/g, '')
    .replace(/_+/g, ' ')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^\p{L}\p{N}/\s'-]/gu, ' ')
    .replace(/^\s*\d+(?:\.\d+)*\s*/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Whether a heading or title line opens an acceptance-criteria section (up to two qualifier words). */
export function isCriteriaTitle(text: string, extra: readonly string[] = []): boolean {
  const t = sectionTitle(text);
  if (t === '' || t.length > 60) return false;
  const titles = [...CRITERIA_TITLES, ...extra.map((e) => sectionTitle(e))];
  // "Desired outcome/Acceptance criteria": either side of a slash may be the title (not "a/c" itself)
  const sides = t.includes('/') ? t.split('/').map((side) => side.trim()) : [];
  return [t, ...sides].some((part) => titles.some((title) => titleMatches(part, title)));
}

function titleMatches(t: string, title: string): boolean {
  if (t === title) return true;
  if (!t.endsWith(` ${title}`)) return false;
  const words = t.slice(0, -title.length).trim().split(' ');
  // "Product acceptance criteria", "Draft AC" — but not "see the AC"
  return (
    words.length <= 2 &&
    title.length > 3 &&
    !/^(see|the|no|not|with|without|for|and|or)$/.test(words[0] ?? '')
  );
}

export function isOtherTitle(text: string): boolean {
  return OTHER_TITLES.has(sectionTitle(text));
}
