/**
 * Flags (Jira's toasts): short confirmations in the corner — saved, tagged, pinned, applied, undone — each
 * with an optional action (Undo) and a close button. They sit in one `role="status"` region, so screen
 * readers announce them without moving the focus; a flag without an action goes after a few seconds, one
 * with an action stays until it is used or closed (an undo must not vanish while someone reaches for it).
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from './Button';
import './flags.css';

export type FlagTone = 'success' | 'error' | 'information' | 'warning';

export interface Flag {
  id: number;
  tone: FlagTone;
  title: string;
  description?: ReactNode;
  action?: { label: string; onClick: () => void };
}

export type ShowFlag = (flag: Omit<Flag, 'id'>) => void;

/** How long a flag without an action stays. */
const FLAG_MS = 8000;

export function useFlags(): { flags: Flag[]; show: ShowFlag; dismiss: (id: number) => void } {
  const [flags, setFlags] = useState<Flag[]>([]);
  const next = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  const dismiss = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setFlags((all) => all.filter((f) => f.id !== id));
  }, []);
  const show = useCallback<ShowFlag>(
    (flag) => {
      const id = next.current;
      next.current += 1;
      // The newest first; at most four at once.
      setFlags((all) => [{ ...flag, id }, ...all].slice(0, 4));
      if (!flag.action)
        timers.current.set(
          id,
          setTimeout(() => dismiss(id), FLAG_MS),
        );
    },
    [dismiss],
  );
  useEffect(() => {
    const all = timers.current;
    return () => all.forEach((t) => clearTimeout(t));
  }, []);
  return { flags, show, dismiss };
}

const ICON: Readonly<Record<FlagTone, string>> = {
  success: '✓',
  error: '!',
  information: 'i',
  warning: '!',
};

export function FlagGroup({ flags, onDismiss }: { flags: readonly Flag[]; onDismiss: (id: number) => void }) {
  return (
    <div className="vr-flags" role="status" aria-live="polite" aria-label="Notifications">
      {flags.map((f) => (
        <div key={f.id} className={`vr-flag vr-flag--${f.tone}`}>
          <span className="vr-flag__icon" aria-hidden="true">
            {ICON[f.tone]}
          </span>
          <div className="vr-flag__body">
            <p className="vr-flag__title">{f.title}</p>
            {f.description ? <div className="vr-flag__description">{f.description}</div> : null}
            {f.action ? (
              <Button
                appearance="link"
                className="vr-flag__action"
                onClick={() => {
                  f.action?.onClick();
                  onDismiss(f.id);
                }}
              >
                {f.action.label}
              </Button>
            ) : null}
          </div>
          <Button
            appearance="subtle"
            className="vr-flag__close"
            aria-label={`Dismiss: ${f.title}`}
            onClick={() => onDismiss(f.id)}
          >
            ✕
          </Button>
        </div>
      ))}
    </div>
  );
}
