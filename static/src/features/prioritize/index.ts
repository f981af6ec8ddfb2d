export { Prioritize } from './Prioritize';
