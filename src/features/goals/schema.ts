/** Goal ids as the resolver payloads accept them (no Jira or storage imports: the UI type-checks this). */
import { z } from 'zod';
import { ID_PATTERN, VISION_LIMITS } from '../../core/vision';

export const GoalIdSchema = z.string().min(1).max(VISION_LIMITS.id).regex(ID_PATTERN, 'not a goal id');
