/**
 * Acceptance criteria: find them in an issue (ADF, wiki markup, Markdown, a custom field) and check them
 * (testability smells, structure, user story quality), with a readiness verdict and a quality score.
 */
export { checkCriteria, checkIssue, checkText, type IssueInput, type TextKind } from './check';
export {
  judge,
  NOTHING_TO_CHECK_SCORE,
  READINESS_PROPERTY_KEY,
  qualityScore,
  scoreCeiling,
  type Subject,
} from './verdict';
export {
  CriteriaConfigSchema,
  DEFAULT_CONFIG,
  DEFAULT_SEVERITY,
  readConfig,
  type CriteriaConfig,
  type CriteriaConfigInput,
} from './config';
export { findCriteria, type Found, type FindOptions } from './find';
export { detectSmells, effectiveVocabulary, type SmellMatch } from './smells';
export { checkStory, parseStory, type StoryCheck } from './story';
export { DEFAULT_VOCABULARY } from './vocabulary';
export * from './types';
