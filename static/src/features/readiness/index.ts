export { ReadinessRules, default } from './ReadinessRules';
