/**
 * The Rovo agent's actions: their keys (as in manifest.yml), their inputs (checked with the same ids as every
 * resolver payload, src/shared/ids.ts), and their bounds. Rovo's language model fills the inputs, so a
 * number may come as "12", a key as "trail-220", an optional input as null or "": each is normalised before
 * the strict check, and anything else is refused with the field named.
 */
import { z } from 'zod';
import { NOTE_TYPES, VISION_LIMITS } from '../../core/vision';
import { boardId, issueKey, projectKey } from '../../shared/ids';

/** The actions, by the name the feature uses; `ACTION_KEYS` gives their manifest keys. */
export const AGENT_ACTIONS = ['ranking', 'explain', 'readiness', 'agenda', 'vision', 'pin', 'note'] as const;
export type AgentAction = (typeof AGENT_ACTIONS)[number];

export const ACTION_KEYS: Record<AgentAction, string> = {
  ranking: 'valuerank-ranking',
  explain: 'valuerank-explain',
  readiness: 'valuerank-readiness',
  agenda: 'valuerank-agenda',
  vision: 'valuerank-vision',
  pin: 'valuerank-pin',
  note: 'valuerank-add-note',
};

/** Actions that change something: Rovo asks the user to confirm them first (manifest actionVerb UPDATE/CREATE). */
export const WRITE_ACTIONS: ReadonlySet<AgentAction> = new Set(['pin', 'note']);

export const AGENT_LIMITS = {
  /** Issues a ranking answers. */
  ranking: { max: 25, default: 10 },
  /** Entries of the refinement agenda. */
  agenda: { max: 15, default: 5 },
  /** Top issues the vision action checks for goals. */
  visionTop: { max: 50, default: 20 },
  /** An agenda entry is stale when nobody updated the issue for this many days. */
  staleDays: 30,
  /** The whole answer (text and JSON) an action gives the agent, in characters. */
  answerChars: 12_000,
} as const;

const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);
const upper = (v: unknown) => (typeof v === 'string' ? v.trim().toUpperCase() : v);
const whole = (v: unknown) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v);
const flag = (v: unknown) =>
  typeof v === 'string' && /^\s*(true|false)\s*$/i.test(v) ? v.trim().toLowerCase() === 'true' : v;

const board = z.preprocess(whole, boardId);
const issue = z.preprocess(upper, issueKey);
const project = z.preprocess(upper, projectKey);
const count = (max: number, fallback: number) =>
  z.preprocess(whole, z.number().int().min(1).max(max)).default(fallback);

export const agentInputs = {
  ranking: z
    .object({
      boardId: board.optional(),
      projectKey: project.optional(),
      limit: count(AGENT_LIMITS.ranking.max, AGENT_LIMITS.ranking.default),
    })
    .strict(),
  explain: z.object({ higher: issue, lower: issue, boardId: board.optional() }).strict(),
  readiness: z.object({ issueKey: issue }).strict(),
  agenda: z
    .object({
      boardId: board.optional(),
      projectKey: project.optional(),
      limit: count(AGENT_LIMITS.agenda.max, AGENT_LIMITS.agenda.default),
    })
    .strict(),
  vision: z
    .object({
      projectKey: project.optional(),
      boardId: board.optional(),
      top: count(AGENT_LIMITS.visionTop.max, AGENT_LIMITS.visionTop.default),
    })
    .strict(),
  pin: z
    .object({
      issueKey: issue,
      boardId: board.optional(),
      pinned: z.preprocess(flag, z.boolean()).default(true),
    })
    .strict(),
  note: z
    .object({
      projectKey: project,
      title: z.preprocess(trimmed, z.string().min(1).max(VISION_LIMITS.noteTitle)),
      text: z.preprocess(trimmed, z.string().max(VISION_LIMITS.noteText)).default(''),
      type: z.preprocess(trimmed, z.enum(NOTE_TYPES)).default('insight'),
      /** Issue keys the note is about, comma- or space-separated ("TRAIL-1, TRAIL-2"). */
      issueKeys: z
        .preprocess(
          (v) =>
            typeof v === 'string'
              ? v
                  .split(/[\s,;]+/)
                  .map((k) => k.trim().toUpperCase())
                  .filter((k) => k !== '')
              : v,
          z.array(issueKey).max(VISION_LIMITS.issueKeys),
        )
        .default([]),
    })
    .strict(),
} as const satisfies Record<AgentAction, z.ZodTypeAny>;

export type AgentInput<A extends AgentAction> = z.infer<(typeof agentInputs)[A]>;

/**
 * What the action receives from Rovo, as its inputs: the payload without Forge's `context`, and without
 * inputs the model left empty (null, undefined or blank text), so that defaults apply.
 */
export function inputsOf(payload: unknown): Record<string, unknown> {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return {};
  return Object.fromEntries(
    Object.entries(payload as Record<string, unknown>).filter(
      ([k, v]) =>
        k !== 'context' && v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === ''),
    ),
  );
}

/** What Rovo says about where the user is (an issue or project page), read leniently. */
export const RovoContext = z
  .object({
    jira: z
      .object({ projectKey: z.string().optional(), issueKey: z.string().optional() })
      .passthrough()
      .optional(),
  })
  .passthrough();
export type RovoContext = z.infer<typeof RovoContext>;
