/** Business-value scoring: mapping, models, formulas, scores with explanations, order, ties, fragility. */
export * from './mapping';
export * from './formula';
export * from './inputs';
export * from './models';
export * from './score';
export * from './order';
export * from './fragility';
export * from './reversal';
export { readNumeric, readOptionText, readDate, readNames, today } from './read';
export type { Read } from './read';
export { customInputLabel, inputLabel, MODEL_LABELS, modelLabel } from './labels';
export * from './written';
export * from './field-fit';
