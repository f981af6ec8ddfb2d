/** The app's configuration source: each project's criteria configuration from Forge storage. */
import { getCriteriaConfig } from '../../store/criteria';
import type { ConfigSource } from './index';

export const storedConfigs: ConfigSource = {
  config: async (projectKey) => (await getCriteriaConfig(projectKey)).config,
};
