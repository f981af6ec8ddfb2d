/** The target backlog order: score descending, pinned issues fixed, blockers first, optional grouping. */
export type { OrderInput, OrderOptions, OrderResult } from './target-order';
export { targetOrder } from './target-order';
