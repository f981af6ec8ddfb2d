/** Identifiers every resolver payload checks the same way. */
import { z } from 'zod';

export const boardId = z.number().int().positive();
export { issueKey, projectKey } from '../core/ids';
