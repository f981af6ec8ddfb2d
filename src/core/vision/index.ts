/**
 * The product vision: the Product Vision Board (validated, versioned, compared), dated vision notes
 * (filtered, paged), strategic fit and goal coverage of the backlog, and a Markdown export.
 */
export * from './schema';
export * from './diff';
export * from './versions';
export * from './notes';
export * from './fit';
export * from './markdown';
export * from './published';
