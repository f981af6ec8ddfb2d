// Forge function handlers named in manifest.yml (`<file>.<export>`, relative to src/).
export { handler } from './resolvers';
export { jobsConsumer } from './handlers/jobs';
export { definitionOfReady, readinessTrigger } from './handlers/readiness';
export { healthSnapshot } from './handlers/health';
export {
  rovoAddNote,
  rovoAgenda,
  rovoExplain,
  rovoPin,
  rovoRanking,
  rovoReadiness,
  rovoVision,
} from './handlers/rovo';
