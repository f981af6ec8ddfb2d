/**
 * The Prioritize view of a board (`prioritize.load`) for a chosen model. Unlike useAsync it keeps the last
 * view on screen while another model loads (the picker and the formula editor stay put), and it reports a
 * failed load next to that view instead of replacing it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { call, type Answers } from '../../bridge';
import type { ModelConfig } from '../../../../src/core/scoring';

export type PrioritizeData = Answers['prioritize.load'];

export interface ViewState {
  view: PrioritizeData | undefined;
  loading: boolean;
  /** The last load failed (the view, if any, is the one before). */
  error: unknown;
  /** The model of the failed load, so the formula editor can tell its own errors apart. */
  errorModel: ModelConfig | undefined;
}

export function usePrioritizeView(
  boardId: number,
  model: ModelConfig | undefined,
): ViewState & { reload: () => void } {
  const [state, setState] = useState<ViewState>({
    view: undefined,
    loading: true,
    error: undefined,
    errorModel: undefined,
  });
  const [round, setRound] = useState(0);
  const latest = useRef(0);
  const modelKey = JSON.stringify(model ?? null);

  useEffect(() => {
    latest.current += 1;
    const mine = latest.current;
    setState((s) => ({ ...s, loading: true, view: s.view?.board.id === boardId ? s.view : undefined }));
    call('prioritize.load', model ? { boardId, model } : { boardId }).then(
      (view) => {
        if (latest.current === mine)
          setState({ view, loading: false, error: undefined, errorModel: undefined });
      },
      (error: unknown) => {
        if (latest.current === mine) setState((s) => ({ ...s, loading: false, error, errorModel: model }));
      },
    );
    // `model` is compared by value, through modelKey.
  }, [boardId, modelKey, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  // The view of another board is not shown while this one loads.
  const view = state.view?.board.id === boardId ? state.view : undefined;
  return { ...state, view, loading: state.loading || (state.view !== undefined && !view), reload };
}
