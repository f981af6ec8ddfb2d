/**
 * Questions for the Product Owner, as pure data: which comments are questions, which are answered, the
 * issue property that makes open questions searchable in JQL, and plain text ⇄ ADF for question bodies.
 * A question is a Jira comment carrying the comment property {@link QUESTION_PROPERTY} `{kind:'question'}`;
 * an answer is a reply comment carrying `{kind:'answer', questionId}`. A question is answered when an answer
 * names it (or its own property says so). People are account ids only (ADR 9).
 */

/** The comment property marking a question or an answer. */
export const QUESTION_PROPERTY = 'valuerank-question';
/** The issue property with the open questions (indexed: `issue.property[valuerank-questions].open > 0`). */
export const QUESTIONS_PROPERTY = 'valuerank-questions';
/** Longest question or answer text accepted. */
export const MAX_QUESTION_CHARS = 2000;
/** Open questions kept in the issue property (the count is always exact). */
export const MAX_LISTED_QUESTIONS = 20;
/** Characters of each question's text kept in the issue property. */
export const EXCERPT_CHARS = 280;

export type QuestionMark =
  | { v: 1; kind: 'question'; state: 'open' | 'answered'; answerId?: string }
  | { v: 1; kind: 'answer'; questionId: string };

/** A comment as the questions feature reads it (from `GET …/comment?expand=properties`). */
export interface CommentInput {
  id: string;
  authorId: string | undefined;
  created: string;
  body: unknown;
  properties: ReadonlyArray<{ key: string; value: unknown }>;
}

export interface Answer {
  id: string;
  authorId: string | undefined;
  created: string;
  text: string;
}

export interface Question {
  id: string;
  askedBy: string | undefined;
  asked: string;
  text: string;
  answer: Answer | undefined;
}

/** The value of the issue property {@link QUESTIONS_PROPERTY}. */
export interface QuestionsProperty {
  v: 1;
  /** How many questions are open (indexed as a number). */
  open: number;
  /** When the oldest open question was asked (indexed as a date; absent when none is open). */
  oldest?: string;
  /** The oldest open questions, at most {@link MAX_LISTED_QUESTIONS}. */
  questions: Array<{ id: string; askedBy?: string; asked: string; text: string }>;
}

type Obj = Record<string, unknown>;
const asObject = (v: unknown): Obj | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;

/** The mark a comment carries, if it carries a valid one. */
export function markOf(comment: Pick<CommentInput, 'properties'>): QuestionMark | undefined {
  const value = asObject(comment.properties.find((p) => p.key === QUESTION_PROPERTY)?.value);
  if (!value) return undefined;
  if (value.kind === 'question')
    return {
      v: 1,
      kind: 'question',
      state: value.state === 'answered' ? 'answered' : 'open',
      ...(typeof value.answerId === 'string' ? { answerId: value.answerId } : {}),
    };
  if (value.kind === 'answer' && typeof value.questionId === 'string')
    return { v: 1, kind: 'answer', questionId: value.questionId };
  return undefined;
}

/** The questions among an issue's comments, oldest first, each with its answer (the first one given). */
export function questionsOf(comments: readonly CommentInput[]): Question[] {
  const sorted = [...comments].sort((a, b) => Date.parse(a.created) - Date.parse(b.created));
  const answers = new Map<string, Answer>();
  for (const c of sorted) {
    const mark = markOf(c);
    if (mark?.kind === 'answer' && !answers.has(mark.questionId))
      answers.set(mark.questionId, {
        id: c.id,
        authorId: c.authorId,
        created: c.created,
        text: adfToText(c.body),
      });
  }
  const byId = new Map(sorted.map((c) => [c.id, c]));
  const out: Question[] = [];
  for (const c of sorted) {
    const mark = markOf(c);
    if (mark?.kind !== 'question') continue;
    let answer = answers.get(c.id);
    if (!answer && mark.state === 'answered') {
      const named = mark.answerId ? byId.get(mark.answerId) : undefined;
      answer = named
        ? { id: named.id, authorId: named.authorId, created: named.created, text: adfToText(named.body) }
        : { id: mark.answerId ?? '', authorId: undefined, created: c.created, text: '' };
    }
    out.push({ id: c.id, askedBy: c.authorId, asked: c.created, text: adfToText(c.body), answer });
  }
  return out;
}

/** The issue property for these questions (only open ones are listed; oldest first). */
export function questionsProperty(questions: readonly Question[]): QuestionsProperty {
  const open = questions.filter((q) => !q.answer);
  return {
    v: 1,
    open: open.length,
    ...(open[0] ? { oldest: open[0].asked } : {}),
    questions: open.slice(0, MAX_LISTED_QUESTIONS).map((q) => ({
      id: q.id,
      ...(q.askedBy ? { askedBy: q.askedBy } : {}),
      asked: q.asked,
      text: excerpt(q.text),
    })),
  };
}

/** Reads a stored issue property defensively (undefined when it is not one). */
export function readQuestionsProperty(value: unknown): QuestionsProperty | undefined {
  const o = asObject(value);
  if (!o || typeof o.open !== 'number' || !Array.isArray(o.questions)) return undefined;
  const questions = o.questions.flatMap((q) => {
    const x = asObject(q);
    if (!x || typeof x.id !== 'string' || typeof x.asked !== 'string') return [];
    return [
      {
        id: x.id,
        ...(typeof x.askedBy === 'string' ? { askedBy: x.askedBy } : {}),
        asked: x.asked,
        text: typeof x.text === 'string' ? x.text : '',
      },
    ];
  });
  return {
    v: 1,
    open: o.open,
    ...(typeof o.oldest === 'string' ? { oldest: o.oldest } : {}),
    questions,
  };
}

export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** Whole days from `iso` to `now` (0 for the same day or a future time; NaN-safe). */
export function ageInDays(iso: string, now: number): number {
  const t = Date.parse(iso);
  if (!Number.isFinite(t) || now <= t) return 0;
  return Math.floor((now - t) / 86_400_000);
}

/** Plain text as an ADF document: one paragraph per line block, blank lines kept out. */
export function textToAdf(text: string): { type: 'doc'; version: 1; content: unknown[] } {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return {
    type: 'doc',
    version: 1,
    content: paragraphs.map((p) => ({
      type: 'paragraph',
      content: p
        .split('\n')
        .flatMap((line, i) => [
          ...(i > 0 ? [{ type: 'hardBreak' }] : []),
          ...(line !== '' ? [{ type: 'text', text: line }] : []),
        ]),
    })),
  };
}

const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'codeBlock', 'blockquote', 'taskItem']);

/** The plain text of an ADF document (paragraphs on their own lines; mentions by their text); never throws. */
export function adfToText(doc: unknown): string {
  if (typeof doc === 'string') return doc;
  const parts: string[] = [];
  let budget = 10_000;
  const walk = (node: unknown, depth: number): void => {
    const o = asObject(node);
    if (!o || depth > 30 || budget-- <= 0) return;
    if (o.type === 'text' && typeof o.text === 'string') parts.push(o.text);
    else if (o.type === 'hardBreak') parts.push('\n');
    else if (o.type === 'mention') parts.push(String(asObject(o.attrs)?.text ?? ''));
    if (Array.isArray(o.content)) for (const child of o.content) walk(child, depth + 1);
    if (typeof o.type === 'string' && BLOCKS.has(o.type)) parts.push('\n');
  };
  walk(doc, 0);
  return parts
    .join('')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
