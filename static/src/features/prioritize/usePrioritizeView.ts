/**
 * The Prioritize view of a board (`prioritize.load`) for a chosen model. Unlike useAsync it keeps the last
 * view on screen while another model loads (the picker and the formula editor stay put), and it reports a
 * failed load next to that view instead of replacing it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { call, type Answers } from '../../bridge';
import type { ModelConfig } from '../../../../src/core/scoring';
import { jobActive, VIEW_POLL_MS } from '../../hooks/viewStatus';

type Load = Answers['prioritize.load'];
export type PrioritizeData = Exclude<Load, { pending: true }>;
/** While a large backlog is analysed in the background: how far it has come. */
export type Progress = Extract<Load, { pending: true }>['status'];

export interface ViewState {
  view: PrioritizeData | undefined;
  loading: boolean;
  /** The last load failed (the view, if any, is the one before). */
  error: unknown;
  /** The model of the failed load, so the formula editor can tell its own errors apart. */
  errorModel: ModelConfig | undefined;
  /** The background analysis, while there is one (the view, if any, is the last one kept). */
  progress: Progress | undefined;
  /** The model the shown view was asked with (its rows are paged with it, even while another loads). */
  viewModel: ModelConfig | undefined;
  /** While nothing is kept yet: the backlog's first page in current order, scored (issue 14). */
  firstRows?: Extract<Load, { pending: true }>['firstRows'];
  /** The board whose view is pending. */
  pendingBoard?: Extract<Load, { pending: true }>['board'];
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
    progress: undefined,
    viewModel: undefined,
  });
  const [round, setRound] = useState(0);
  const latest = useRef(0);
  const modelKey = JSON.stringify(model ?? null);

  useEffect(() => {
    latest.current += 1;
    const mine = latest.current;
    setState((s) => ({ ...s, loading: true, view: s.view?.board.id === boardId ? s.view : undefined }));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () =>
      call('prioritize.load', model ? { boardId, model } : { boardId }).then(
        (answer) => {
          if (latest.current !== mine) return;
          const running = jobActive(answer.status);
          const progress = 'pending' in answer || !answer.status.fresh ? answer.status : undefined;
          if ('pending' in answer)
            setState((s) => ({
              ...s,
              loading: true,
              error: undefined,
              progress,
              firstRows: answer.firstRows ?? s.firstRows,
              pendingBoard: answer.board,
            }));
          else
            setState({
              view: answer,
              loading: false,
              error: undefined,
              errorModel: undefined,
              progress,
              viewModel: model,
            });
          if ('pending' in answer || running) timer = setTimeout(ask, VIEW_POLL_MS);
        },
        (error: unknown) => {
          if (latest.current === mine) setState((s) => ({ ...s, loading: false, error, errorModel: model }));
        },
      );
    void ask();
    return () => clearTimeout(timer);
    // `model` is compared by value, through modelKey.
  }, [boardId, modelKey, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  // The view of another board is not shown while this one loads.
  const view = state.view?.board.id === boardId ? state.view : undefined;
  return { ...state, view, loading: state.loading || (state.view !== undefined && !view), reload };
}
