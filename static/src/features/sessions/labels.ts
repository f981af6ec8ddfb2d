/** Words and tones the sessions views share. */
import type { Answers } from '../../bridge';
import type { BadgeTone } from '../../components';

type State = Answers['sessions.get']['state'];

export const STATE_LABEL: Readonly<Record<State, string>> = {
  open: 'Open',
  revealed: 'Revealed',
  committed: 'Committed',
  closed: 'Closed',
};

export const STATE_TONE: Readonly<Record<State, BadgeTone>> = {
  open: 'information',
  revealed: 'warning',
  committed: 'success',
  closed: 'neutral',
};

/** A date and time in the reader's locale. */
export { formatWhen as when } from '../../format';

/** A number as shown: up to two decimals, '—' for none. */
export const shown = (v: number | null | undefined): string =>
  v === null || v === undefined ? '—' : String(Math.round(v * 100) / 100);
