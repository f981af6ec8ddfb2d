/**
 * The readiness rules' part of the resolver API (spread into `payloads` and `Answers` in api.ts): a
 * project's acceptance-criteria configuration (`CriteriaConfigSchema`), read by anyone who can browse the
 * project, saved and reset by project administrators, and tried unsaved on a sample text (src/features/readiness/
 * settings.ts). Configs arrive as `unknown` and are checked in the service, so an invalid one is refused
 * with every bad path named (`bounds.min: …`).
 */
import { z } from 'zod';
import { projectKey } from '../../shared/ids';
import type { CriteriaConfig, FindingKind, Severity, SmellKind } from '../../core/criteria';

/** The longest sample text `readiness.rules.try` checks. */
export const MAX_TRY_TEXT = 20_000;

export const criteriaConfigPayloads = {
  /** The project's rules in effect, the defaults, who saved them, and whether the caller may edit. */
  'readiness.rules.get': z.object({ projectKey }).strict(),
  /** Saves the project's rules (project admins only); invalid rules are refused and nothing is written. */
  'readiness.rules.save': z.object({ projectKey, config: z.unknown() }).strict(),
  /** Deletes the project's rules: the defaults apply again (project admins only). */
  'readiness.rules.reset': z.object({ projectKey }).strict(),
  /** The findings unsaved rules give on a sample text, read as an issue description, a criterion or a story. */
  'readiness.rules.try': z
    .object({
      projectKey,
      config: z.unknown(),
      text: z.string().max(MAX_TRY_TEXT, `at most ${MAX_TRY_TEXT} characters`),
      as: z.enum(['issue', 'criterion', 'story']),
    })
    .strict(),
} as const;

export interface CriteriaFieldOption {
  id: string;
  name: string;
  /** Jira's custom field type, e.g. `com.atlassian.jira.plugin.system.customfieldtypes:textarea`. */
  type: string | undefined;
}

export interface CriteriaConfigView {
  projectKey: string;
  /** The rules in effect: the stored ones, or the defaults when none are stored or they are invalid. */
  config: CriteriaConfig;
  defaults: CriteriaConfig;
  /** Each smell's default vocabulary (the entries `vocabulary.<smell>.remove` can name). */
  vocabulary: Record<SmellKind, string[]>;
  /** True when the project has its own rules stored (valid or not). */
  stored: boolean;
  /** Why the stored rules are not used (`path: message`); empty when they are valid. */
  problems: string[];
  /** The caller administers the project: they may save and reset. */
  canEdit: boolean;
  /** Who saved the stored rules (accountId) and when; absent for the defaults or hand-written rules. */
  updatedBy?: string;
  /** The saver's display name when they saved. */
  updatedByName?: string;
  updatedAt?: string;
  /** Custom fields that can hold acceptance criteria (text field, text area / rich text). */
  fields: CriteriaFieldOption[];
}

export interface SavedCriteriaConfig {
  config: CriteriaConfig;
  updatedBy: string;
  updatedByName?: string;
  updatedAt: string;
}

export interface TryFinding {
  kind: FindingKind;
  severity: Severity;
  words?: string;
  /** Offsets of `words` into `texts[criterion ?? 0]`. */
  start?: number;
  end?: number;
  /** 0-based index into `texts` (read as an issue). */
  criterion?: number;
  message: string;
}

export interface TryView {
  ready: boolean;
  score: number;
  /** The texts the offsets are into: each criterion found (as an issue), or the text itself. */
  texts: string[];
  findings: TryFinding[];
}

export interface CriteriaConfigAnswers {
  'readiness.rules.get': CriteriaConfigView;
  'readiness.rules.save': SavedCriteriaConfig;
  'readiness.rules.reset': { config: CriteriaConfig };
  'readiness.rules.try': TryView;
}
