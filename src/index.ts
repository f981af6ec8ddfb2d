// Forge function handlers named in manifest.yml (`<file>.<export>`, relative to src/).
export { handler } from './resolvers';
export { reorderConsumer } from './features/prioritize/consumer';
export { definitionOfReady, readinessTrigger } from './features/readiness/handlers';
export { readinessBackfillConsumer } from './features/readiness/recheck-consumer';
export { healthSnapshot } from './features/health/handlers';
