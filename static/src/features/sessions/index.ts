export { SessionsView, default } from './SessionsView';
export { SessionHistory } from './SessionHistory';
