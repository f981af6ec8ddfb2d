/** Identifiers every resolver payload checks the same way. */
import { z } from 'zod';

export const boardId = z.number().int().positive();
export const issueKey = z.string().regex(/^[A-Z][A-Z0-9_]+-\d+$/, 'not an issue key');
export const projectKey = z.string().regex(/^[A-Z][A-Z0-9_]{1,9}$/, 'not a project key');
