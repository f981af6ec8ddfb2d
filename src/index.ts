// Forge function handlers named in manifest.yml (`<file>.<export>`, relative to src/).
export { handler } from './resolvers';
export { reorderConsumer } from './prioritize/consumer';
export { definitionOfReady, readinessTrigger } from './criteria/handlers';
export { readinessBackfillConsumer } from './criteria/recheck-consumer';
export { healthSnapshot } from './health/handlers';
