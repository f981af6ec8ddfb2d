/**
 * The per-project configuration of the criteria checks: which rules run and how severe they are, the
 * vocabulary of each smell (words added or removed), the bounds on the number of criteria and the work
 * limits. `CriteriaConfigSchema.parse({})` gives the defaults; the store persists a validated config.
 */
import { z } from 'zod';
import { FINDING_KINDS, SMELL_KINDS, type FindingKind, type Severity, type SmellKind } from './types';

export const DEFAULT_SEVERITY: Record<FindingKind, Severity | 'off'> = {
  // judgements, open lists and unmeasured qualities cannot be tested: they block Ready by default
  subjective: 'error',
  ambiguous: 'warning',
  loophole: 'warning',
  'open-ended': 'error',
  superlative: 'warning',
  comparative: 'warning',
  negative: 'info',
  'vague-pronoun': 'info',
  'uncertain-verb': 'info',
  'gwt-incomplete': 'error',
  'not-atomic': 'warning',
  'not-measurable': 'error',
  duplicate: 'warning',
  'missing-criteria': 'error',
  'too-few-criteria': 'warning',
  'too-many-criteria': 'warning',
  unreadable: 'warning',
  truncated: 'info',
  // an open question for the Product Owner: not ready until it is answered (a project may lower or turn it off)
  'open-question': 'error',
  'story-no-role': 'warning',
  'story-no-goal': 'warning',
  'story-no-benefit': 'info',
  'story-not-atomic': 'warning',
  'story-not-minimal': 'info',
  'story-vague': 'warning',
};

const severitySetting = z.enum(['error', 'warning', 'info', 'off']);
const word = z.string().trim().min(1).max(120);
const words = z.array(word).max(1000);

function shapeOf<K extends string, T extends z.ZodType>(
  keys: readonly K[],
  make: (key: K) => T,
): Record<K, T> {
  const shape = {} as Record<K, T>;
  for (const key of keys) shape[key] = make(key);
  return shape;
}

const vocabularyEdit = z
  .object({
    /** Entries to add; see `docs/criteria.md` for the entry syntax (`~`, `^`, `!`, `#`). */
    add: words.default([]),
    /** Default entries to drop, written exactly as listed in the defaults. */
    remove: words.default([]),
  })
  .prefault({});

export const CriteriaConfigSchema = z
  .object({
    severity: z
      .object(shapeOf(FINDING_KINDS, (kind) => severitySetting.default(DEFAULT_SEVERITY[kind])))
      .prefault({}),
    vocabulary: z.object(shapeOf(SMELL_KINDS, () => vocabularyEdit)).prefault({}),
    bounds: z
      .object({
        min: z.number().int().min(0).max(1000).default(2),
        max: z.number().int().min(1).max(1000).default(12),
      })
      .prefault({})
      .refine((b) => b.min <= b.max, { message: 'bounds.min must not exceed bounds.max' }),
    /** Extra section titles (besides "Acceptance criteria", "AC", "Definition of done", ...). */
    headings: words.default([]),
    /** The custom field that holds acceptance criteria, if the project uses one. */
    criteriaFieldId: z.string().max(100).optional(),
    /** Nested list items: their own criteria (with `parent`), or joined into their parent's text. */
    nestedLists: z.enum(['sub-criteria', 'join']).default('sub-criteria'),
    gwt: z.object({ requireGiven: z.boolean().default(true) }).prefault({}),
    /**
     * When a comparative is not flagged: `number` — "than" and a number follow ("more than 5", a bound);
     * `any` — any "than …"/"compared to …" reference follows; `none` — comparatives are always flagged.
     */
    comparativeReference: z.enum(['number', 'any', 'none']).default('number'),
    /** Token overlap (Jaccard) from which two criteria count as duplicates. */
    duplicateOverlap: z.number().min(0.5).max(1).default(0.8),
    story: z
      .object({
        issueTypes: words.default(['Story', 'User Story']),
        /** A story-type issue without an "As a … I want …" statement gets `story-no-role`. */
        requireFormat: z.boolean().default(false),
        /** Roles that are valid but weak (an info-level `story-no-role`). */
        weakRoles: words.default(['user', 'end user', 'end-user', 'person', 'people', 'someone', 'anyone']),
        /**
         * Roles that are not actors: the product itself or a part of it. Any human or organisational role
         * (developer, analyst, product manager, admin, team, company) is a valid role.
         */
        invalidRoles: words.default([
          'system',
          'the system',
          'application',
          'app',
          'software',
          'product',
          'platform',
          'service',
          'server',
          'website',
          'tool',
          'bot',
          'model',
          'algorithm',
          'database',
          'api',
        ]),
      })
      .prefault({}),
    limits: z
      .object({
        /** Characters of a text description (or text content of an ADF one) that are read. */
        maxInputChars: z.number().int().min(1000).max(5_000_000).default(100_000),
        /** ADF nodes visited. */
        maxNodes: z.number().int().min(100).max(1_000_000).default(20_000),
        /** ADF nesting depth read; deeper content is skipped. */
        maxDepth: z.number().int().min(4).max(200).default(40),
        /** Criteria checked; the rest are listed but not checked. */
        maxCriteria: z.number().int().min(1).max(1000).default(60),
        /** Characters of one criterion that are checked. */
        maxCriterionChars: z.number().int().min(50).max(100_000).default(1500),
      })
      .prefault({}),
    readiness: z
      .object({
        /** The lowest quality score (0–100) an issue can have and be Ready. */
        minScore: z.number().int().min(0).max(100).default(70),
      })
      .prefault({}),
    score: z
      .object({
        error: z.number().min(0).max(100).default(20),
        warning: z.number().min(0).max(100).default(5),
        info: z.number().min(0).max(100).default(1),
        /** The most one finding kind can take off the score. */
        kindCap: z.number().min(0).max(100).default(30),
      })
      .prefault({}),
  })
  .prefault({});

export type CriteriaConfig = z.infer<typeof CriteriaConfigSchema>;
export type CriteriaConfigInput = z.input<typeof CriteriaConfigSchema>;

export const DEFAULT_CONFIG: CriteriaConfig = CriteriaConfigSchema.parse({});

/** Parses a stored or user-edited config; an invalid one gives the defaults and the problems. */
export function readConfig(input: unknown): { config: CriteriaConfig; problems: string[] } {
  const parsed = CriteriaConfigSchema.safeParse(input ?? {});
  if (parsed.success) return { config: parsed.data, problems: [] };
  return {
    config: DEFAULT_CONFIG,
    problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
  };
}

export function severityOf(config: CriteriaConfig, kind: FindingKind): Severity | 'off' {
  return config.severity[kind];
}

export type VocabularyEdits = Record<SmellKind, { add: string[]; remove: string[] }>;
