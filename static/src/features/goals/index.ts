export { BulkGoalTag, type TagOutcome } from './BulkGoalTag';
export { GoalPicker } from './GoalPicker';
export { CoverageTable } from './CoverageTable';
