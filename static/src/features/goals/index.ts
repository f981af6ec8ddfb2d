export { BulkGoalTag } from './BulkGoalTag';
export { GoalPicker } from './GoalPicker';
