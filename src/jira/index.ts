export * from './client';
export * from './errors';
export * from './path';
export * from './retry';
export * from './schemas';
export type * from './transport';
