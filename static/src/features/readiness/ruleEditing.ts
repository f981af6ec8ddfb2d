/**
 * What every part of the readiness rules form works on: the draft, the server's field-level errors, and
 * the ways to edit the draft. ReadinessRules.tsx holds the state and hands this to each fieldset.
 */
import type { Config, Draft } from './rules';

export interface RuleEditing {
  /** The form's id prefix (from `useId`), so each part's field ids stay unique and stable. */
  id: string;
  draft: Draft;
  /** Only project admins edit; everyone else sees the fieldsets disabled. */
  readOnly: boolean;
  /** The server's `invalid-payload` details of the last save, if any. */
  details: readonly string[];
  /** Whether the server named any of these paths. */
  invalid: (...paths: string[]) => boolean;
  /** The id of the errors shown under a field when the server named its paths. */
  describedBy: (name: string, ...paths: string[]) => string | undefined;
  edit: (change: (d: Draft) => Draft) => void;
  setConfig: (change: (c: Config) => Config) => void;
}
