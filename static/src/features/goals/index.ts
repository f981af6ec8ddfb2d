export { BulkGoalTag } from './BulkGoalTag';
export { GoalPicker } from './GoalPicker';
export { CoverageTable } from './CoverageTable';
