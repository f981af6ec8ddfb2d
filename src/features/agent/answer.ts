/**
 * The form every action answers in: a few lines of text a person could read (what the agent should say),
 * then one line `JSON: {...}` with the same facts as data (what the agent quotes keys and numbers from).
 * Refusals say so in the first line and carry the reason; the agent must pass them on, never guess.
 * Answers stay within {@link AGENT_LIMITS.answerChars}: the longest lists are cut first, and the JSON says so.
 */
import type { ResolverError } from '../../shared/errors';
import { AGENT_LIMITS, type AgentAction } from './api';

export const JSON_MARKER = 'JSON: ';

export interface AgentFacts {
  ok: boolean;
  action: AgentAction;
  [field: string]: unknown;
}

/** One answer: its text lines and its facts. */
export function answer(
  action: AgentAction,
  lines: readonly string[],
  facts: Record<string, unknown>,
): string {
  return fit(lines, { ok: true, action, source: `ValueRank ${action}`, ...facts });
}

/** A refusal: the code and the message the app would show, and what the agent must do with it. */
export function refusal(action: AgentAction, error: ResolverError): string {
  const lines = [
    `ValueRank refused the ${action} action (${error.code}): ${error.message}`,
    ...(error.details?.length ? [`Details: ${error.details.slice(0, 5).join('; ')}`] : []),
    'Tell the user exactly this; do not answer the question from anywhere else.',
  ];
  return fit(lines, {
    ok: false,
    action,
    error: {
      code: error.code,
      message: error.message,
      ...(error.details?.length ? { details: error.details.slice(0, 5) } : {}),
    },
  });
}

const render = (lines: readonly string[], facts: AgentFacts | Record<string, unknown>) =>
  `${lines.join('\n')}\n${JSON_MARKER}${JSON.stringify(facts)}`;

/** The longest array anywhere in `value` (by JSON length), for cutting; undefined when none has 2+ items. */
function longestArray(value: unknown): unknown[] | undefined {
  let best: unknown[] | undefined;
  let size = 0;
  const visit = (v: unknown) => {
    if (Array.isArray(v)) {
      const s = JSON.stringify(v).length;
      if (v.length > 1 && s > size) {
        best = v;
        size = s;
      }
      v.forEach(visit);
    } else if (v !== null && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(value);
  return best;
}

function fit(lines: readonly string[], facts: Record<string, unknown>): string {
  let text = render(lines, facts);
  if (text.length <= AGENT_LIMITS.answerChars) return text;
  const cut = structuredClone(facts);
  let shownLines = [...lines];
  let list = longestArray(cut);
  while (text.length > AGENT_LIMITS.answerChars && list) {
    list.splice(Math.max(1, Math.floor(list.length / 2)));
    cut.truncated = 'Some lists were cut to keep the answer short; ask for fewer items.';
    text = render(shownLines, cut);
    list = longestArray(cut);
  }
  while (text.length > AGENT_LIMITS.answerChars && shownLines.length > 1) {
    shownLines = shownLines.slice(0, Math.ceil(shownLines.length / 2));
    text = render([...shownLines, '(more in the JSON)'], cut);
  }
  return text.slice(0, AGENT_LIMITS.answerChars);
}

/** Reads an answer back: its text and its facts (tests, the local site's agent page). */
export function parseAnswer(text: string): { text: string; facts: AgentFacts } {
  const at = text.lastIndexOf(`\n${JSON_MARKER}`);
  if (at < 0) throw new Error(`Not an agent answer: ${text.slice(0, 200)}`);
  return {
    text: text.slice(0, at),
    facts: JSON.parse(text.slice(at + 1 + JSON_MARKER.length)) as AgentFacts,
  };
}
