/** The project's settings as the app keeps them in Forge storage. */
import { getMapping, getModel, getPins } from '../../store/prioritize';
import { readCurrent } from '../../store/vision';
import type { SettingsSource } from './sources';

export const storedSettings: SettingsSource = {
  mapping: getMapping,
  model: getModel,
  pins: getPins,
  vision: async (projectKey) => (await readCurrent(projectKey))?.board,
};
