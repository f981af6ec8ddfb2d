/**
 * Checking items from a file (the CLI's `criteria --file`): Jira REST v3 issues or `{ id, text }` objects,
 * read as a whole issue, a user story, or one acceptance criterion.
 */
import { checkIssue, checkText, type CriteriaConfig, type Finding } from '../../core/criteria';
import { JiraIssue } from '../../jira/schemas';
import { checkJiraIssue } from './index';

export type ItemKind = 'issue' | 'story' | 'criterion';
export const ITEM_KINDS: readonly ItemKind[] = ['issue', 'story', 'criterion'];

export interface ItemFinding {
  kind: Finding['kind'];
  severity: Finding['severity'];
  words?: string;
  start?: number;
  end?: number;
  /** 0-based index of the criterion the offsets are into (issues only). */
  criterion?: number;
  message: string;
}

export interface ItemResult {
  id: string;
  ready: boolean;
  score: number;
  /** The text the offsets are into: each criterion (issues), the story, or the criterion. */
  texts: string[];
  findings: ItemFinding[];
}

const TextItem = (value: unknown): { id: string; text: string } | undefined => {
  if (!value || typeof value !== 'object') return undefined;
  const { id, text } = value as { id?: unknown; text?: unknown };
  if ((typeof id !== 'string' && typeof id !== 'number') || typeof text !== 'string') return undefined;
  return { id: String(id), text };
};

const slim = (f: Finding): ItemFinding => ({
  kind: f.kind,
  severity: f.severity,
  ...(f.words !== undefined ? { words: f.words } : {}),
  ...(f.start !== undefined ? { start: f.start, end: f.end } : {}),
  ...(f.criterion !== undefined ? { criterion: f.criterion } : {}),
  message: f.message,
});

/** Checks one item; throws a RangeError naming the item when it is neither shape. */
export function checkItem(value: unknown, as: ItemKind, config: CriteriaConfig, index: number): ItemResult {
  const asText = TextItem(value);
  // Exported issues may lack the numeric id; the key is what names them.
  const asIssue = asText
    ? undefined
    : JiraIssue.safeParse(value && typeof value === 'object' ? { id: '', ...value } : value);
  if (!asText && !asIssue?.success)
    throw new RangeError(`Item ${index + 1} is neither a Jira issue ({ key, fields }) nor { id, text }`);
  const id = asText?.id ?? asIssue!.data!.key;
  if (as === 'issue') {
    const check = asText
      ? checkIssue({ description: asText.text }, config)
      : checkJiraIssue(asIssue!.data!, config);
    return {
      id,
      ready: check.verdict.ready,
      score: check.score,
      texts: check.criteria.map((c) => c.text),
      findings: check.findings.map(slim),
    };
  }
  const text =
    asText?.text ?? (typeof asIssue!.data!.fields.summary === 'string' ? asIssue!.data!.fields.summary : '');
  // A story or a criterion alone gets the same verdict as an issue (src/core/criteria/verdict.ts).
  const check = checkText(text, as, config);
  return {
    id,
    ready: check.verdict.ready,
    score: check.score,
    texts: [text],
    findings: check.findings.map((f) => {
      const { criterion: _ignored, ...rest } = f;
      void _ignored;
      return slim(rest);
    }),
  };
}
