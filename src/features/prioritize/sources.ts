/**
 * Where the services find a project's stored settings. The app reads Forge storage (`storedSettings` in
 * ./stored); the CLI has no storage and works from the proposed mapping and the model it is given.
 */
import type { FieldMapping, ModelConfig } from '../../core/scoring';
import type { VisionBoard } from '../../core/vision';

export interface SettingsSource {
  mapping(projectKey: string): Promise<FieldMapping | undefined>;
  model(projectKey: string): Promise<ModelConfig | undefined>;
  pins(boardId: number): Promise<string[]>;
  /** The project's current vision board, for strategic fit (none: no fit is supplied). */
  vision?(projectKey: string): Promise<VisionBoard | undefined>;
}

/** Nothing stored (the CLI): a proposed mapping, the default model, no pins. */
export const noSettings: SettingsSource = {
  mapping: async () => undefined,
  model: async () => undefined,
  pins: async () => [],
};

/** The model a project scores with until someone chooses another. */
export const DEFAULT_MODEL: ModelConfig = { kind: 'wsjf' };
