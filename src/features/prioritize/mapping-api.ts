/**
 * The field picker's part of the resolver API (spread into src/resolvers/api.ts): searching the site's
 * fields, and how much of a board's backlog each field covers.
 */
import { z } from 'zod';
import { boardId, projectKey } from '../../shared/ids';

/** Fields a coverage question may name at once (every mappable input, and a few custom ones). */
export const MAX_COVERAGE_FIELDS = 30;
/** Option texts a coverage answer lists per field (the most common first). */
export const MAX_COVERAGE_OPTIONS = 50;

export const mappingPayloads = {
  /** A page of the site's fields whose name contains `query`, each with its type, where it is used and what it can feed. */
  'mapping.fields': z
    .object({
      projectKey,
      query: z.string().max(100).default(''),
      startAt: z.number().int().min(0).max(10_000).default(0),
    })
    .strict(),
  /**
   * How many of a board's backlog issues hold a value in each field, how many of those a score can use
   * (with the select options' `scale`), and the option texts seen.
   */
  'mapping.coverage': z
    .object({
      boardId,
      fields: z
        .array(
          z
            .object({
              fieldId: z.string().trim().min(1).max(255),
              scale: z.record(z.string().min(1).max(255), z.number()).optional(),
              /** Read as MoSCoW buckets (Must/Should/Could/Won't: the default table and the scale's options). */
              moscow: z.boolean().optional(),
            })
            .strict(),
        )
        .min(1)
        .max(MAX_COVERAGE_FIELDS),
    })
    .strict(),
} as const;

/** One field as the picker lists it. */
export interface PickerField {
  id: string;
  name: string;
  /** number | select | text | unusable: how its values read (core `fieldKind`). */
  kind: 'number' | 'select' | 'text' | 'unusable';
  /** The type as people read it ("number", "select list", Jira's type name). */
  type: string;
  custom: boolean;
  description?: string;
  /** Where it is used, as Jira says: screens and contexts (custom fields), and when its value last changed. */
  screens?: number;
  contexts?: number;
  lastUsed?: string;
}

export interface FieldsAnswer {
  fields: PickerField[];
  startAt: number;
  total: number;
  isLast: boolean;
}

export interface FieldCoverage {
  fieldId: string;
  /** Issues with a value in the field. */
  set: number;
  /** Of those, values a score can use (numbers, or options the scale or their text makes numbers). */
  usable: number;
  /** One reason a value could not be used, when some could not. */
  problem?: string;
  /** The option (or text) values seen, most common first, with how many issues hold each and whether a score can use it. */
  options: Array<{ text: string; count: number; usable: boolean }>;
}

export interface CoverageAnswer {
  board: { id: number; name: string; projectKey: string };
  /** Backlog issues read (at most `limit`), and whether that is the whole backlog. */
  read: number;
  complete: boolean;
  limit: number;
  fields: FieldCoverage[];
}

export interface MappingAnswers {
  'mapping.fields': FieldsAnswer;
  'mapping.coverage': CoverageAnswer;
}
