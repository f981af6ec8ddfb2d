export { CriteriaPanel, CriteriaReport } from './CriteriaPanel';
export { IssueBadge } from './IssueBadge';
