export { QuestionsPanel } from './QuestionsPanel';
export { QuestionsView, default } from './QuestionsView';
