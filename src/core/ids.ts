/**
 * Identifiers checked the same way at every boundary: resolver payloads (src/shared/ids.ts), stored records
 * (src/store) and the scoring model's names.
 */
import { z } from 'zod';

/** A name a formula can use: letters, digits and `_`, not starting with a digit. */
export const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const issueKey = z.string().regex(/^[A-Z][A-Z0-9_]+-\d+$/, 'not an issue key');
export const projectKey = z.string().regex(/^[A-Z][A-Z0-9_]{1,9}$/, 'not a project key');
/** An Atlassian account id (people are account ids only: ADR 9). */
export const accountId = z.string().min(1).max(128);
/** A score input's name (`businessValue`, a custom input). */
export const inputName = z.string().regex(IDENTIFIER, 'not an input name').max(64);
