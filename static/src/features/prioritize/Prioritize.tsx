/**
 * The Prioritize view of one board, shared by the project page and the backlog action: pick a model, see
 * the backlog ranked by value (scores explained, ties as ties, unscored with the reason), pin issues,
 * check the field mapping, preview the new order, apply it (with progress and verification), undo it, and
 * see value against effort.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { AppCallError, call } from '../../bridge';
import type { ModelConfig } from '../../../../src/core/scoring';
import { Banner, Button, EmptyState, ErrorMessage, isolate, Spinner, UserText } from '../../components';
import { ExplanationDialog } from './ExplanationDialog';
import { JobStatus } from './JobStatus';
import { modelLabel, sameModel } from './labels';
import { MappingSettings } from './MappingSettings';
import { formulaOf, ModelPicker, type FormulaProblem } from './ModelPicker';
import { PreviewPanel } from './PreviewPanel';
import { RankedTable, useBacklogRows, type Item } from './RankedTable';
import { BulkGoalTag, CoverageTable } from '../goals';
import { ReorderHistory } from './ReorderHistory';
import { useJob, type JobRun } from './useJob';
import { usePrioritizeView, type PrioritizeData } from './usePrioritizeView';
import { jobActive, progressText, staleNote, VIEW_POLL_MS } from '../../hooks/viewStatus';
import { ValueChart } from './ValueChart';
import type { Answers } from '../../bridge';
import './prioritize.css';

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

export function Prioritize({
  boardId,
  compact,
  toolbar,
}: {
  boardId: number;
  /** The backlog action's modal: tighter, and the chart, mapping and history start folded. */
  compact?: boolean;
  /** Extra controls before the model picker (the project page's board picker). */
  toolbar?: ReactNode;
}) {
  const [model, setModel] = useState<ModelConfig | undefined>(undefined);
  const { view, loading, error, errorModel, reload, progress, viewModel } = usePrioritizeView(boardId, model);
  const [saved, setSaved] = useState<ModelConfig | undefined>(undefined);
  if (view && saved === undefined && model === undefined) setSaved(view.model);

  const [order, setOrder] = useState<'value' | 'current'>('value');
  // The rows of the view on screen: while another model loads (or failed), the table keeps its own.
  const rows = useBacklogRows({
    boardId,
    model: viewModel,
    order,
    total: view?.total ?? 0,
    snapshotId: view?.snapshotId ?? '',
    first: view?.rows ?? [],
  });
  const [explaining, setExplaining] = useState<Item | undefined>(undefined);
  const [preview, setPreview] = useState<{ data: Preview; model: ModelConfig | undefined } | undefined>();
  const [previewing, setPreviewing] = useState(false);
  const [previewError, setPreviewError] = useState<unknown>(undefined);
  /** While the preview waits for a background analysis: its progress. */
  const [previewStatus, setPreviewStatus] = useState<Answers['prioritize.load']['status'] | undefined>();
  const [pinning, setPinning] = useState<ReadonlySet<string>>(new Set());
  const [pinError, setPinError] = useState<unknown>(undefined);
  const [saveState, setSaveState] = useState<{ saving: boolean; error?: unknown }>({ saving: false });
  const [historyRound, setHistoryRound] = useState(0);
  const [open, setOpen] = useState({
    chart: !compact,
    coverage: !compact,
    mapping: false,
    history: false,
  });
  const mappingRef = useRef<HTMLDivElement>(null);

  const { run, start, dismiss } = useJob((finished: JobRun) => {
    reload();
    setHistoryRound((r) => r + 1);
    if (finished.job?.state === 'done') setPreview(undefined);
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
  const shownRows = rows.loaded();
  const summaries = new Map([...items, ...shownRows].map((i) => [i.key, i.summary]));
  const isSaved = sameModel(view.model, saved);
  // Notes about one input ("businessValue: Guessed from…") are shown next to it in the mapping form.
  const inputNote = new RegExp(`^(${Object.keys(view.mapping.notes ?? {}).join('|') || '$^'}): `);
  const generalNotes = view.mappingNotes.filter((n) => !inputNote.test(n));

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
    start('apply', () =>
      call(
        'prioritize.apply',
        used
          ? { boardId, model: used, fingerprint: data.fingerprint }
          : { boardId, fingerprint: data.fingerprint },
      ),
    );
  };
  const undo = () => {
    setPreview(undefined);
    start('undo', () => call('prioritize.undo', { boardId }));
  };
  const pin = (item: Item) => {
    setPinError(undefined);
    setPinning((s) => new Set([...s, item.key]));
    call('prioritize.pin', { boardId, key: item.key, pinned: !item.pinned }).then(
      () => {
        setPreview(undefined);
        reload();
      },
      (e: unknown) => {
        setPinning((s) => new Set([...s].filter((k) => k !== item.key)));
        setPinError(e);
      },
    );
  };
  /** Explains an issue by key: from the rows at hand, else fetched (a chart point of a row not loaded). */
  const explainKey = (key: string) => {
    const known = [...items, ...shownRows].find((i) => i.key === key);
    if (known) return setExplaining(known);
    call('prioritize.rows', { boardId, ...(viewModel ? { model: viewModel } : {}), keys: [key] }).then(
      (answer) => setExplaining(answer.rows[0]),
      (e: unknown) => setPinError(e),
    );
  };
  const showMapping = () => {
    setOpen((o) => ({ ...o, mapping: true }));
    requestAnimationFrame(() => {
      mappingRef.current?.scrollIntoView({ block: 'start' });
      mappingRef.current?.querySelector<HTMLElement>('summary')?.focus();
    });
  };

  return (
    <div className={`vr-prioritize${compact ? ' vr-prioritize--compact' : ''}`} aria-busy={loading}>
      <div className="vr-toolbar">
        {toolbar}
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
                <Button onClick={saveModel} disabled={saveState.saving || loading || problem !== undefined}>
                  {saveState.saving ? 'Saving…' : `Use ${label} for ${projectKey}`}
                </Button>
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

      {view.mappingProposed ? (
        <Banner
          tone="warning"
          title="ValueRank guessed these fields — check them"
          actions={
            <Button onClick={showMapping}>
              {view.canEditMapping ? 'Check the mapping' : 'See the mapping'}
            </Button>
          }
        >
          <p>
            No field mapping is saved for {projectKey} yet, so ValueRank matched the inputs to Jira fields by
            name.
            {view.canEditMapping
              ? ' Check them and save the mapping.'
              : ` Ask a project admin of ${projectKey} to check and save it.`}
          </p>
          {generalNotes.length > 0 ? (
            <ul className="vr-notes-list">
              {generalNotes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
        </Banner>
      ) : null}

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

      {staleNote(progress) ? (
        <p className="vr-muted vr-view-status" role="status">
          {staleNote(progress)}
          {jobActive(progress) ? ' The table updates when the new analysis is ready.' : ''}
        </p>
      ) : null}

      {view.total > 0 && unscored === view.total && !problem ? (
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
          description={`${isolate(view.board.name)} has no issues in its backlog, so there is nothing to prioritize.`}
        />
      ) : (
        <>
          <div className="vr-actions vr-actions--bar">
            <Button
              appearance="primary"
              onClick={openPreview}
              disabled={previewing || jobRunning || loading || error !== undefined}
              title={
                error !== undefined
                  ? 'The table is not scored with the model you chose; fix the model first'
                  : undefined
              }
            >
              {previewing ? 'Planning…' : 'Preview new order'}
            </Button>
            {view.undoAvailable ? (
              <Button
                onClick={undo}
                disabled={jobRunning || !view.canRank}
                title={
                  view.canRank
                    ? 'Put the backlog back in the order it had before the last reorder'
                    : undefined
                }
              >
                Undo last reorder
              </Button>
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
              summaries={summaries}
              canRank={view.canRank}
              projectKey={projectKey}
              busy={jobRunning}
              onApply={apply}
              onClose={() => setPreview(undefined)}
              compact={compact}
            />
          ) : null}
          {pinError ? <ErrorMessage title="The pin was not changed." error={pinError} /> : null}

          <div className="vr-table-head">
            <h3 className="vr-subtitle">
              <UserText>{view.board.name}</UserText>, ranked by {label}
            </h3>
            <div className="vr-segmented" role="group" aria-label="Order of the table">
              <Button isSelected={order === 'value'} onClick={() => setOrder('value')}>
                Value order
              </Button>
              <Button isSelected={order === 'current'} onClick={() => setOrder('current')}>
                Current order
              </Button>
            </div>
          </div>
          <RankedTable
            rows={rows}
            total={view.total}
            order={order}
            projectKey={projectKey}
            canPin={view.canRank}
            pinning={pinning}
            onExplain={setExplaining}
            onPin={pin}
            compact={compact}
          />
          {rows.error ? (
            <ErrorMessage
              title="Some rows of the table could not be loaded."
              error={rows.error}
              onRetry={rows.retry}
            />
          ) : null}
          <BulkGoalTag projectKey={projectKey} items={shownRows.length > 0 ? shownRows : items} />

          {view.goalCoverage ? (
            <Disclosure
              title="Goal coverage"
              open={open.coverage}
              onToggle={(o) => setOpen((s) => (s.coverage === o ? s : { ...s, coverage: o }))}
            >
              <CoverageTable report={view.goalCoverage} />
            </Disclosure>
          ) : null}

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
        </>
      )}

      <div ref={mappingRef}>
        <Disclosure
          title={`Field mapping${view.mappingProposed ? ' (guessed, not saved)' : ''}`}
          open={open.mapping}
          onToggle={(o) => setOpen((s) => (s.mapping === o ? s : { ...s, mapping: o }))}
        >
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
    </div>
  );
}
