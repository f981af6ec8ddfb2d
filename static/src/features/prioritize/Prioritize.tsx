/**
 * The Prioritize workspace of one board, shared by the project page and the backlog action: one grid of
 * the whole backlog that fills the window (virtualised, sorted and filtered on the server), scores
 * explained, inputs edited in place by people who may edit issues (written to Jira as them, undoable),
 * issues selected for bulk pin, goal tags and inputs, the preview as a before/after diff in the grid, apply
 * with progress, undo after a confirmation naming what changes, and flags confirming each change. Below
 * it: goal coverage, value against effort, the field mapping and the past reorders.
 */
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { AppCallError, call } from '../../bridge';
import type { ModelConfig } from '../../../../src/core/scoring';
import { NUMBER_INPUTS } from '../../../../src/core/scoring/input-names';
import {
  Banner,
  Button,
  EmptyState,
  ErrorMessage,
  FlagGroup,
  isolate,
  ReasonButton,
  Spinner,
  useFlags,
  UserText,
} from '../../components';
import { BulkBar } from './BulkBar';
import { ExplanationDialog } from './ExplanationDialog';
import { FilterBar } from './FilterBar';
import { FirstRows } from './FirstRows';
import { JobStatus } from './JobStatus';
import { inputLabel, modelLabel, sameModel } from './labels';
import { MappingSettings } from './MappingSettings';
import { formulaOf, ModelPicker, type FormulaProblem } from './ModelPicker';
import { OrderHealth } from './OrderHealth';
import { planSentence, PreviewPanel } from './PreviewPanel';
import { RankedTable, type InputColumn, type Item } from './RankedTable';
import { CoverageTable, type TagOutcome } from '../goals';
import { ReorderHistory } from './ReorderHistory';
import { UndoConfirm } from './UndoConfirm';
import { useGridRows, type GridSort, type RowFilter } from './useGridRows';
import { useJob, type JobRun } from './useJob';
import { usePrioritizeView, type PrioritizeData } from './usePrioritizeView';
import { jobActive, progressText, staleNote, VIEW_POLL_MS } from '../../hooks/viewStatus';
import { ValueChart } from './ValueChart';
import type { Answers } from '../../bridge';
import './prioritize.css';
import './workspace.css';

type Preview = Exclude<Answers['prioritize.preview'], { pending: true }>;

function problemOf(error: unknown): FormulaProblem {
  return error instanceof AppCallError
    ? { message: error.message, details: error.details }
    : { message: error instanceof Error ? error.message : String(error), details: [] };
}

/** The formula's problem: a failed load of a formula model, or a view where the formula scored nothing. */
function formulaProblem(
  view: PrioritizeData | undefined,
  error: unknown,
  errorModel: ModelConfig | undefined,
): FormulaProblem | undefined {
  if (error && formulaOf(errorModel) !== undefined) return problemOf(error);
  if (!view || formulaOf(view.model) === undefined || view.total === 0) return undefined;
  const first = view.unscoredReason;
  if (first && /formula/i.test(first) && view.allUnscoredForOneReason) return { message: first, details: [] };
  return undefined;
}

/** The inputs the model reads, from the explanations (job size and duration are the effort). */
function usedInputs(items: readonly Item[]): Set<string> {
  const used = new Set<string>();
  for (const item of items.slice(0, 25))
    for (const i of item.explanation.inputs) {
      if (i.name === 'jobSize' || i.name === 'duration') used.add('effort');
      used.add(i.from ?? i.name);
      used.add(i.name);
    }
  return used;
}

function Disclosure({
  title,
  open,
  onToggle,
  children,
  id,
}: {
  title: ReactNode;
  open: boolean;
  onToggle: (open: boolean) => void;
  children: ReactNode;
  id?: string;
}) {
  return (
    <details className="vr-disclosure" open={open} onToggle={(e) => onToggle(e.currentTarget.open)} id={id}>
      <summary className="vr-disclosure__summary">{title}</summary>
      <div className="vr-disclosure__body">{open ? children : null}</div>
    </details>
  );
}

const NUMBER_INPUT_NAMES: ReadonlySet<string> = new Set(NUMBER_INPUTS);
/** Inputs that are another name for the same field (their value is the field's). */
const ALIASES: ReadonlySet<string> = new Set(['jobSize', 'duration']);

/** The grid's input columns: every input the model reads, and the field-backed input an edit writes. */
function inputColumns(items: readonly Item[], mapping: PrioritizeData['mapping']): InputColumn[] {
  const out = new Map<string, InputColumn>();
  const m = mapping as Record<string, unknown>;
  for (const item of items.slice(0, 25))
    for (const i of item.explanation.inputs) {
      if (out.has(i.name)) continue;
      const base = i.from ?? i.name;
      const direct = i.from === undefined || ALIASES.has(i.name);
      const custom = mapping.custom?.some((c) => c.name === base) ?? false;
      const field = m[base];
      const mapped =
        custom ||
        (NUMBER_INPUT_NAMES.has(base) && !!field && typeof field === 'object' && 'fieldId' in field);
      const label = i.label || inputLabel(i.name);
      const target = direct && mapped ? base : undefined;
      out.set(i.name, {
        name: i.name,
        label: target && target !== i.name ? `${label} (${inputLabel(target).toLowerCase()})` : label,
        ...(target
          ? { target }
          : {
              why:
                i.name === 'strategicFit'
                  ? 'Strategic fit comes from the goals the issue serves: tag it with a goal.'
                  : i.name === 'blockedCount'
                    ? 'Counted from the issue’s “blocks” links.'
                    : `${label} has no Jira field of its own here (${i.source || 'derived'}), so it cannot be edited in the grid.`,
            }),
      });
    }
  return [...out.values()];
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const shownValue = (v: number | null) => (v === null ? 'empty' : String(Number(v.toPrecision(12))));
type SetAnswer = Answers['prioritize.setInput'];
/** Issues per bulk call (the resolvers' limit). */
const BULK = 100;

/**
 * The workspace takes the window's height below where it starts (at least `min`), measured once it is on
 * screen (`ready`) and again when the window resizes.
 */
function useFillHeight(min: number, ready: boolean): [RefObject<HTMLDivElement | null>, number | undefined] {
  const ref = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState<number | undefined>(undefined);
  useLayoutEffect(() => {
    const measure = () => {
      const el = ref.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top + window.scrollY;
      setHeight(Math.max(min, Math.floor(window.innerHeight - top - 8)));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [min, ready]);
  return [ref, height];
}

export function Prioritize({
  boardId,
  compact,
  toolbar,
  onStartSession,
}: {
  boardId: number;
  /** Starts a value session for these issues (the project page opens its Value sessions tab with them). */
  onStartSession?: (issueKeys: string[]) => void;
  /** The backlog action's modal: tighter, and the chart, mapping and history start folded. */
  compact?: boolean;
  /** Extra controls before the model picker (the project page's board picker). */
  toolbar?: ReactNode;
}) {
  const [model, setModel] = useState<ModelConfig | undefined>(undefined);
  const { view, loading, error, errorModel, reload, progress, viewModel, firstRows, pendingBoard } =
    usePrioritizeView(boardId, model);
  const [saved, setSaved] = useState<ModelConfig | undefined>(undefined);
  if (view && saved === undefined && model === undefined) setSaved(view.model);

  const [filter, setFilter] = useState<RowFilter>({});
  const [sort, setSort] = useState<GridSort>({ by: 'value', dir: 'asc' });
  const [movedOnly, setMovedOnly] = useState(false);
  const [showFragile, setShowFragile] = useState(false);
  const [preview, setPreview] = useState<{ data: Preview; model: ModelConfig | undefined } | undefined>();
  const query = preview && movedOnly ? { ...filter, moved: true } : filter;
  const grid = useGridRows({
    boardId,
    model: viewModel,
    snapshotId: view?.snapshotId ?? '',
    viewTotal: view?.total ?? 0,
    first: view?.rows ?? [],
    filter: query,
    sort,
  });
  const rows = grid.rows;
  const [explaining, setExplaining] = useState<Item | undefined>(undefined);
  const [previewing, setPreviewing] = useState(false);
  const [previewError, setPreviewError] = useState<unknown>(undefined);
  /** While the preview waits for a background analysis: its progress. */
  const [previewStatus, setPreviewStatus] = useState<Answers['prioritize.load']['status'] | undefined>();
  const [pinning, setPinning] = useState<ReadonlySet<string>>(new Set());
  const [saving, setSaving] = useState<ReadonlySet<string>>(new Set());
  const [bulkBusy, setBulkBusy] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const lastClicked = useRef<number | undefined>(undefined);
  /** The "guessed mapping" banner was put aside for now (it comes back on the next visit). */
  const [guessNoted, setGuessNoted] = useState(false);
  const [confirmUndo, setConfirmUndo] = useState(false);
  const [saveState, setSaveState] = useState<{ saving: boolean; error?: unknown }>({ saving: false });
  const [historyRound, setHistoryRound] = useState(0);
  const [open, setOpen] = useState({
    chart: !compact,
    coverage: !compact,
    mapping: false,
    history: false,
  });
  const mappingRef = useRef<HTMLDivElement>(null);
  const flags = useFlags();
  const [workspaceRef, height] = useFillHeight(compact ? 360 : 480, view !== undefined);
  /** What the running reorder will do, for its flag. */
  const pendingJob = useRef<{ kind: 'apply' | 'undo'; moved: number } | undefined>(undefined);

  const { run, start, dismiss } = useJob((finished: JobRun) => {
    reload();
    setHistoryRound((r) => r + 1);
    const planned = pendingJob.current;
    pendingJob.current = undefined;
    if (finished.job?.state === 'done') {
      setPreview(undefined);
      setMovedOnly(false);
      const moved = planned?.moved ?? 0;
      flags.show(
        finished.kind === 'apply'
          ? {
              tone: 'success',
              title: `Applied: ${moved} ${moved === 1 ? 'issue' : 'issues'} moved to ${moved === 1 ? 'its' : 'their'} value place`,
              description: finished.job.verified ? 'Jira’s order was read back and checked.' : undefined,
            }
          : {
              tone: 'success',
              title: `Undone: ${moved} ${moved === 1 ? 'issue is' : 'issues are'} back in ${moved === 1 ? 'its' : 'their'} previous ${moved === 1 ? 'place' : 'places'}`,
            },
      );
    } else if (finished.job?.state === 'failed' || finished.error)
      flags.show({
        tone: 'error',
        title: finished.kind === 'apply' ? 'The reorder did not finish' : 'The undo did not finish',
        description: finished.job?.message ?? (finished.error ? message(finished.error) : undefined),
      });
  });
  const jobRunning = run !== undefined && !run.finished;
  // A pin stays busy until the view that shows it has arrived.
  useEffect(() => setPinning(new Set()), [view]);

  if (!view) {
    if (error && !loading)
      return (
        <div className="vr-prioritize">
          {toolbar ? <div className="vr-toolbar">{toolbar}</div> : null}
          <ErrorMessage title="ValueRank could not load this backlog." error={error} onRetry={reload} />
        </div>
      );
    return (
      <div className="vr-prioritize">
        {toolbar ? <div className="vr-toolbar">{toolbar}</div> : null}
        <Spinner label="Scoring the backlog…" />
        {progressText(progress) ? (
          <p className="vr-muted vr-view-status" role="status">
            {progressText(progress)} This page asks again every {VIEW_POLL_MS / 1000} s and shows the result
            when it is ready.
          </p>
        ) : null}
        {firstRows && firstRows.rows.length > 0 ? (
          <FirstRows data={firstRows} projectKey={pendingBoard?.projectKey ?? ''} />
        ) : null}
      </div>
    );
  }

  const items = view.rows;
  const projectKey = view.board.projectKey;
  const label = modelLabel(view.model);
  const problem = formulaProblem(view, error, errorModel);
  const otherError = error && !problem ? error : undefined;
  const unscored = view.unscored;
  const inPlace = view.inPlace;
  const ties = view.ties;
  const isSaved = sameModel(view.model, saved);
  const inputs = inputColumns(items, view.mapping);
  const canEdit = grid.canEdit;
  const editReason = `You cannot edit issues in ${projectKey}, so you cannot change their inputs here.`;
  const goalNames = new Map((grid.facets?.goals ?? []).map((g) => [g.id, g.name] as const));
  const matched = grid.total;
  const nothingScored = view.total > 0 && unscored === view.total;
  // Notes about one input ("businessValue: Guessed from…") are shown next to it in the mapping form.
  const inputNote = new RegExp(`^(${Object.keys(view.mapping.notes ?? {}).join('|') || '$^'}): `);
  const generalNotes = view.mappingNotes.filter((n) => !inputNote.test(n));
  const selectedKeys = [...selected];
  const allSelected =
    matched !== undefined && matched > 0 && selected.size >= matched
      ? true
      : selected.size > 0
        ? ('some' as const)
        : false;

  const pick = (next: ModelConfig) => {
    setPreview(undefined);
    setPreviewError(undefined);
    setModel(next);
  };
  const saveModel = () => {
    setSaveState({ saving: true });
    call('prioritize.setModel', { projectKey, model: view.model }).then(
      (answer) => {
        setSaved(answer.model);
        setSaveState({ saving: false });
        flags.show({
          tone: 'success',
          title: `Saved: ${projectKey} now scores with ${modelLabel(answer.model)}`,
        });
      },
      (e: unknown) => setSaveState({ saving: false, error: e }),
    );
  };
  const openPreview = () => {
    setPreviewing(true);
    setPreviewError(undefined);
    const used = model;
    const ask = () =>
      call('prioritize.preview', used ? { boardId, model: used } : { boardId }).then(
        (data) => {
          if ('pending' in data) {
            setPreviewStatus(data.status);
            setTimeout(() => void ask(), VIEW_POLL_MS);
            return;
          }
          setPreviewStatus(undefined);
          setPreviewing(false);
          setPreview({ data, model: used });
        },
        (e: unknown) => {
          setPreviewing(false);
          setPreviewStatus(undefined);
          setPreviewError(e);
        },
      );
    void ask();
  };
  const apply = () => {
    if (!preview) return;
    const { data, model: used } = preview;
    pendingJob.current = { kind: 'apply', moved: data.moved };
    start('apply', () =>
      call(
        'prioritize.apply',
        used
          ? { boardId, model: used, fingerprint: data.fingerprint }
          : { boardId, fingerprint: data.fingerprint },
      ),
    );
  };
  const undo = (entry: { at: string; moved: number }) => {
    setConfirmUndo(false);
    setPreview(undefined);
    pendingJob.current = { kind: 'undo', moved: entry.moved };
    start('undo', () => call('prioritize.undo', { boardId }));
  };
  const pin = (item: Item) => {
    setPinning((s) => new Set([...s, item.key]));
    call('prioritize.pin', { boardId, key: item.key, pinned: !item.pinned }).then(
      () => {
        setPreview(undefined);
        flags.show({
          tone: 'success',
          title: item.pinned ? `Unpinned ${item.key}` : `Pinned ${item.key}`,
          description: item.pinned
            ? 'It goes to its value place at the next reorder.'
            : 'It keeps its place when the backlog is reordered.',
        });
        reload();
      },
      (e: unknown) => {
        setPinning((s) => new Set([...s].filter((k) => k !== item.key)));
        flags.show({
          tone: 'error',
          title: `${item.key} was not ${item.pinned ? 'unpinned' : 'pinned'}`,
          description: message(e),
        });
      },
    );
  };
  const pinSelected = async (pinned: boolean) => {
    setBulkBusy(true);
    let done = 0;
    const failed: string[] = [];
    const keys = selectedKeys;
    // one call per BULK issues: one permission check, one backlog search and one write each
    for (let i = 0; i < keys.length; i += BULK) {
      const chunk = keys.slice(i, i + BULK);
      try {
        const r = await call('prioritize.pinMany', { boardId, keys: chunk, pinned });
        done += r.changed.length;
        for (const key of r.notInBacklog) failed.push(`${key}: not in the backlog`);
      } catch (e) {
        failed.push(`${chunk.length === 1 ? chunk[0] : `${chunk.length} issues`}: ${message(e)}`);
      }
    }
    setBulkBusy(false);
    setPreview(undefined);
    flags.show({
      tone: failed.length > 0 ? 'warning' : 'success',
      title: `${pinned ? 'Pinned' : 'Unpinned'} ${done} ${done === 1 ? 'issue' : 'issues'}`,
      description:
        failed.length > 0
          ? `Not changed: ${failed.slice(0, 3).join('; ')}${failed.length > 3 ? ` and ${failed.length - 3} more` : ''}`
          : pinned
            ? 'They keep their places when the backlog is reordered.'
            : 'They go to their value places at the next reorder.',
    });
    reload();
  };
  /** Writes one input on these issues, in calls of 100; answers every result. */
  const writeInput = async (input: string, changes: Array<{ key: string; value: number | null }>) => {
    const results: SetAnswer['results'] = [];
    let answer: SetAnswer | undefined;
    for (let i = 0; i < changes.length; i += BULK) {
      answer = await call('prioritize.setInput', { boardId, input, changes: changes.slice(i, i + BULK) });
      results.push(...answer.results);
    }
    const changed = results.filter((r) => r.ok).length;
    return answer ? { ...answer, results, changed, failed: results.length - changed } : undefined;
  };
  const undoInput = (a: SetAnswer) => {
    const back = a.results.filter((r) => r.ok).map((r) => ({ key: r.key, value: r.from }));
    writeInput(a.input, back).then(
      (b) => {
        flags.show({
          tone: 'success',
          title: `Undone: ${a.label} is back to what it was on ${b?.changed ?? 0} ${b?.changed === 1 ? 'issue' : 'issues'}`,
        });
        reload();
      },
      (e: unknown) =>
        flags.show({ tone: 'error', title: `${a.label} was not put back`, description: message(e) }),
    );
  };
  const savedFlag = (a: SetAnswer, value: number | null) => {
    const ok = a.results.filter((r) => r.ok);
    const failed = a.results.filter((r) => !r.ok);
    if (ok.length === 0) {
      flags.show({
        tone: 'error',
        title: `${a.label} was not saved`,
        description: failed
          .map((r) => `${r.key}: ${r.error ?? 'failed'}`)
          .slice(0, 3)
          .join('; '),
      });
      return;
    }
    const one = ok.length === 1 ? ok[0] : undefined;
    flags.show({
      tone: failed.length > 0 ? 'warning' : 'success',
      title: one
        ? `Saved: ${a.label} of ${one.key} is ${shownValue(value)}`
        : `Saved: ${a.label} is ${shownValue(value)} on ${ok.length} issues`,
      description: `${one ? `It was ${shownValue(one.from)}. ` : ''}Written to ${a.field.name} in Jira; the score follows.${failed.length > 0 ? ` Not changed: ${failed.map((r) => r.key).join(', ')}.` : ''}`,
      action: { label: 'Undo', onClick: () => undoInput(a) },
    });
  };
  const saveInput = (item: Item, input: string, inputName: string, value: number | null) => {
    const id = `${item.key}:${input}`;
    setSaving((s) => new Set([...s, id]));
    writeInput(input, [{ key: item.key, value }])
      .then(
        (a) => {
          if (a) savedFlag(a, value);
          reload();
        },
        (e: unknown) =>
          flags.show({
            tone: 'error',
            title: `${inputName} of ${item.key} was not saved`,
            description: message(e),
          }),
      )
      .finally(() => setSaving((s) => new Set([...s].filter((k) => k !== id))));
  };
  const setInputForSelected = (input: string, inputName: string, value: number | null) => {
    setBulkBusy(true);
    writeInput(
      input,
      selectedKeys.map((key) => ({ key, value })),
    )
      .then(
        (a) => {
          if (a) savedFlag(a, value);
          reload();
        },
        (e: unknown) =>
          flags.show({ tone: 'error', title: `${inputName} was not set`, description: message(e) }),
      )
      .finally(() => setBulkBusy(false));
  };
  const tagged = (o: TagOutcome) => {
    flags.show({
      tone: o.failed.length > 0 ? 'warning' : 'success',
      title: o.add
        ? `Tagged ${o.changed} ${o.changed === 1 ? 'issue' : 'issues'} with ${isolate(o.goalName)}`
        : `Removed ${isolate(o.goalName)} from ${o.changed} ${o.changed === 1 ? 'issue' : 'issues'}`,
      description: [
        o.unchanged > 0 ? `${o.unchanged} already ${o.add ? 'had' : 'lacked'} it.` : '',
        o.failed.length > 0
          ? `Not changed: ${o.failed
              .slice(0, 3)
              .map((f) => `${f.issueKey} (${f.error})`)
              .join(', ')}.`
          : '',
      ]
        .filter(Boolean)
        .join(' '),
    });
    reload();
  };
  const select = (item: Item, index: number, range: boolean) => {
    const from = lastClicked.current;
    lastClicked.current = index;
    setSelected((s) => {
      const next = new Set(s);
      const on = !s.has(item.key);
      if (range && from !== undefined) {
        for (let i = Math.min(from, index); i <= Math.max(from, index); i += 1) {
          const row = rows.rowAt(i);
          if (row) next.add(row.key);
        }
        return next;
      }
      if (on) next.add(item.key);
      else next.delete(item.key);
      return next;
    });
  };
  const extend = (from: number, to: number) => {
    lastClicked.current = to;
    setSelected((s) => {
      const next = new Set(s);
      for (let i = Math.min(from, to); i <= Math.max(from, to); i += 1) {
        const row = rows.rowAt(i);
        if (row) next.add(row.key);
      }
      return next;
    });
  };
  const selectAll = (on: boolean) => {
    if (!on) return setSelected(new Set());
    grid.allKeys().then(
      (keys) => setSelected(new Set(keys)),
      (e: unknown) =>
        flags.show({ tone: 'error', title: 'The issues were not selected', description: message(e) }),
    );
  };
  /** Explains an issue by key: from the rows at hand, else fetched (a chart point of a row not loaded). */
  const explainKey = (key: string) => {
    const known = [...items, ...rows.loaded()].find((i) => i.key === key);
    if (known) return setExplaining(known);
    call('prioritize.rows', { boardId, ...(viewModel ? { model: viewModel } : {}), keys: [key] }).then(
      (answer) => setExplaining(answer.rows[0]),
      (e: unknown) =>
        flags.show({ tone: 'error', title: `${key} could not be explained`, description: message(e) }),
    );
  };
  const showMapping = () => {
    setOpen((o) => ({ ...o, mapping: true }));
    requestAnimationFrame(() => {
      mappingRef.current?.scrollIntoView({ block: 'start' });
      mappingRef.current?.querySelector<HTMLElement>('summary')?.focus();
    });
  };
  const previewReason = nothingScored
    ? `No issue has a ${label} score yet, so there is no value order to preview. Check the field mapping: the inputs may read the wrong fields.`
    : jobRunning
      ? 'A reorder is running on this board; wait for it to finish.'
      : loading
        ? 'Scoring the backlog…'
        : error !== undefined
          ? 'The table is not scored with the model you chose; fix the model first.'
          : previewing
            ? 'Planning the new order…'
            : undefined;
  const undoReason = !view.canRank
    ? `Jira does not allow you to rank issues in ${projectKey}, so you cannot undo a reorder.`
    : jobRunning
      ? 'A reorder is running on this board; wait for it to finish.'
      : undefined;

  return (
    <div className={`vr-prioritize${compact ? ' vr-prioritize--compact' : ''}`} aria-busy={loading}>
      <div className="vr-workspace" ref={workspaceRef} style={height ? { height } : undefined}>
        <div className="vr-toolbar">
          {toolbar}
          {/* The model picker's slot (its settings are another part's work: props unchanged). */}
          <ModelPicker model={view.model} saved={saved} onPick={pick} problem={problem} busy={loading} />
          <div className="vr-toolbar__save">
            {isSaved ? (
              <span className="vr-muted">
                {label} is {projectKey}’s model.
              </span>
            ) : (
              <>
                <span className="vr-muted">
                  Trying {label}; {projectKey} uses {saved ? modelLabel(saved) : 'another model'}.
                </span>{' '}
                {view.canRank ? (
                  <ReasonButton
                    onClick={saveModel}
                    disabled={saveState.saving || loading || problem !== undefined}
                    reason={
                      problem !== undefined
                        ? 'The formula has a problem; fix it before making it the project’s model'
                        : loading
                          ? 'Scoring with this model…'
                          : 'Saving…'
                    }
                  >
                    {saveState.saving ? 'Saving…' : `Use ${label} for ${projectKey}`}
                  </ReasonButton>
                ) : null}
              </>
            )}
          </div>
          {loading ? <Spinner label={`Scoring with ${modelLabel(model ?? view.model)}…`} /> : null}
        </div>
        {saveState.error ? (
          <ErrorMessage title="The model was not saved." error={saveState.error} onRetry={saveModel} />
        ) : null}
        {otherError ? (
          <ErrorMessage
            title="ValueRank could not score the backlog with this model."
            error={otherError}
            onRetry={reload}
          />
        ) : null}

        {view.mappingProposed && !guessNoted ? (
          <Banner
            tone="warning"
            title="ValueRank guessed these fields — check them"
            actions={
              <>
                <Button onClick={showMapping}>
                  {view.canEditMapping ? 'Check the mapping' : 'See the mapping'}
                </Button>{' '}
                <Button appearance="subtle" onClick={() => setGuessNoted(true)}>
                  Not now
                </Button>
              </>
            }
          >
            <p>
              No field mapping is saved for {projectKey} yet, so ValueRank matched the inputs to Jira fields
              by name.
              {view.canEditMapping
                ? ' Check them and save the mapping.'
                : ` Ask a project admin of ${projectKey} to check and save it.`}
            </p>
          </Banner>
        ) : null}

        {staleNote(progress) ? (
          <p className="vr-muted vr-view-status" role="status">
            {staleNote(progress)}
            {jobActive(progress) ? ' The table updates when the new analysis is ready.' : ''}
          </p>
        ) : null}

        {nothingScored && !problem ? (
          <Banner
            tone="warning"
            title={`No issue could be scored with ${label}.`}
            actions={<Button onClick={showMapping}>Check the mapping</Button>}
          >
            <p>Most often: {view.unscoredReason ?? 'no reason given'}</p>
          </Banner>
        ) : null}

        {view.total === 0 ? (
          <EmptyState
            title="The backlog is empty"
            description={`${isolate(view.board.name)} has no issues in its backlog, so there is nothing to prioritize. Create issues in Jira or move them out of sprints, then come back.`}
          />
        ) : (
          <>
            <div className="vr-actions vr-actions--bar">
              <ReasonButton
                appearance="primary"
                onClick={openPreview}
                disabled={previewReason !== undefined}
                reason={previewReason}
              >
                {previewing ? 'Planning…' : 'Preview new order'}
              </ReasonButton>
              {view.undoAvailable ? (
                <ReasonButton
                  onClick={() => setConfirmUndo(true)}
                  disabled={undoReason !== undefined}
                  reason={undoReason}
                  title="Put the backlog back in the order it had before the last reorder"
                >
                  Undo last reorder
                </ReasonButton>
              ) : null}
              <span className="vr-stats" aria-label="Backlog summary">
                <span>
                  <strong>{view.total.toLocaleString('en')}</strong> issues
                </span>
                <span>
                  <strong>{inPlace.toLocaleString('en')}</strong> already in place
                </span>
                {unscored > 0 ? (
                  <span>
                    <strong>{unscored.toLocaleString('en')}</strong> unscored (they go last)
                  </span>
                ) : null}
                {ties > 0 ? (
                  <span>
                    <strong>{ties.toLocaleString('en')}</strong> tied
                  </span>
                ) : null}
              </span>
              {view.order && !compact ? (
                <OrderHealth order={view.order} inPlace={inPlace} total={view.total} />
              ) : null}
            </div>
            {!view.canRank ? (
              <p className="vr-muted vr-norank">
                Jira does not allow you to rank issues in {projectKey}: you can score and preview, but not
                apply, pin or undo.
              </p>
            ) : null}
            {previewing && progressText(previewStatus) ? (
              <p className="vr-muted vr-view-status" role="status">
                Planning waits for the analysis. {progressText(previewStatus)}
              </p>
            ) : null}
            {previewError ? (
              <ErrorMessage
                title="ValueRank could not plan the new order."
                error={previewError}
                onRetry={openPreview}
              />
            ) : null}
            {run ? <JobStatus run={run} onDismiss={dismiss} /> : null}
            {preview ? (
              <PreviewPanel
                key={preview.data.fingerprint}
                preview={preview.data}
                canRank={view.canRank}
                projectKey={projectKey}
                busy={jobRunning}
                movedOnly={movedOnly}
                onMovedOnly={setMovedOnly}
                onApply={apply}
                onClose={() => {
                  setPreview(undefined);
                  setMovedOnly(false);
                }}
              />
            ) : null}

            <div className="vr-table-head">
              <h3 className="vr-subtitle">
                <UserText>{view.board.name}</UserText>, ranked by {label}
              </h3>
            </div>
            {!compact ? (
              <FilterBar
                filter={filter}
                onChange={(f) => {
                  setFilter(f);
                  setSelected(new Set());
                }}
                facets={grid.facets}
                matched={matched}
                total={view.total}
                showFragile={showFragile}
                onShowFragile={setShowFragile}
              />
            ) : null}
            {selected.size > 0 ? (
              <BulkBar
                projectKey={projectKey}
                selected={selectedKeys}
                canRank={view.canRank}
                canEdit={canEdit}
                inputs={inputs}
                busy={bulkBusy}
                onPin={(p) => void pinSelected(p)}
                onSetInput={setInputForSelected}
                onTagged={tagged}
                onError={(e) =>
                  flags.show({ tone: 'error', title: 'Nothing was tagged', description: message(e) })
                }
                onClear={() => setSelected(new Set())}
                onStartSession={onStartSession ? () => onStartSession(selectedKeys) : undefined}
              />
            ) : null}
            {matched === 0 ? (
              <EmptyState
                title="No issue matches these filters"
                description={`None of the ${view.total.toLocaleString('en')} issues in the backlog passes every filter. Clear a filter to see more.`}
                action={
                  <Button
                    onClick={() => {
                      setFilter({});
                      setMovedOnly(false);
                    }}
                  >
                    Clear filters
                  </Button>
                }
              />
            ) : (
              <RankedTable
                rows={rows}
                total={matched ?? 0}
                projectKey={projectKey}
                canPin={view.canRank}
                pinning={pinning}
                onExplain={setExplaining}
                onPin={pin}
                compact={compact}
                sort={sort}
                onSort={setSort}
                inputs={inputs}
                canEdit={canEdit}
                editReason={editReason}
                saving={saving}
                onSaveInput={saveInput}
                selected={selected}
                onSelect={select}
                onExtend={extend}
                allSelected={allSelected}
                onSelectAll={selectAll}
                goalNames={goalNames}
                previewing={preview !== undefined}
                showFragile={showFragile}
                caption={
                  preview
                    ? `The backlog with the preview’s moves: each moved issue shows its place now and its new place. ${planSentence(preview.data)}`
                    : sort.by === 'value' && sort.dir === 'asc'
                      ? 'The backlog in value order (Value rank), with each issue’s current rank'
                      : `The backlog sorted by ${sort.by}, ${sort.dir === 'asc' ? 'ascending' : 'descending'}`
                }
              />
            )}
            {rows.error ? (
              <ErrorMessage
                title="Some rows of the table could not be loaded."
                error={rows.error}
                onRetry={rows.retry}
              />
            ) : null}
          </>
        )}
      </div>

      {view.cycles.length > 0 ? (
        <Banner tone="warning" title="Blocking links go round in a circle">
          <ul className="vr-notes-list">
            {view.cycles.map((c) => (
              <li key={c.join('>')}>
                {[...c, c[0]].join(' → ')}: these issues block each other, so none can come first because of
                the others; ValueRank orders them by score.
              </li>
            ))}
          </ul>
        </Banner>
      ) : null}

      {view.total > 0 && view.goalCoverage ? (
        <Disclosure
          title="Goal coverage"
          open={open.coverage}
          onToggle={(o) => setOpen((s) => (s.coverage === o ? s : { ...s, coverage: o }))}
        >
          <CoverageTable report={view.goalCoverage} />
        </Disclosure>
      ) : null}

      {view.total > 0 ? (
        <Disclosure
          title="Value against effort"
          open={open.chart}
          onToggle={(o) => setOpen((s) => (s.chart === o ? s : { ...s, chart: o }))}
        >
          <ValueChart
            items={view.chart.points}
            plotted={view.chart.plotted}
            quadrants={view.chart.quadrants}
            modelName={label}
            onSelect={(point) => explainKey(point.key)}
          />
        </Disclosure>
      ) : null}

      <div ref={mappingRef}>
        <Disclosure
          title={`Field mapping${view.mappingProposed ? ' (guessed, not saved)' : ''}`}
          open={open.mapping}
          onToggle={(o) => setOpen((s) => (s.mapping === o ? s : { ...s, mapping: o }))}
        >
          {generalNotes.length > 0 ? (
            <ul className="vr-notes-list">
              {generalNotes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
          {/* The field mapping's slot (its picker is another part's work: props unchanged). */}
          <MappingSettings view={view} usedInputs={usedInputs(items)} onSaved={reload} />
        </Disclosure>
      </div>
      <Disclosure
        title="Past reorders"
        open={open.history}
        onToggle={(o) => setOpen((s) => (s.history === o ? s : { ...s, history: o }))}
      >
        <ReorderHistory boardId={boardId} round={historyRound} />
      </Disclosure>

      {explaining ? (
        <ExplanationDialog
          item={explaining}
          mapping={view.mapping}
          modelLabel={label}
          onClose={() => setExplaining(undefined)}
        />
      ) : null}
      {confirmUndo ? (
        <UndoConfirm boardId={boardId} onConfirm={undo} onClose={() => setConfirmUndo(false)} />
      ) : null}
      <FlagGroup flags={flags.flags} onDismiss={flags.dismiss} />
    </div>
  );
}
