/**
 * How one score was computed, so a PO can redo it by hand: each input with its source, the formula, the
 * formula with the values put in, and the result. "History" loads who changed which input and when
 * (`score.history`, Jira's changelog of the mapped fields).
 */
import { useState } from 'react';
import { call, type Answers } from '../../bridge';
import type { FieldMapping } from '../../../../src/core/scoring';
import { Badge, Button, Dialog, ErrorMessage, Spinner, Table } from '../../components';
import { SessionHistory } from '../sessions/SessionHistory';
import { formatWhen, inputLabel, sourceOf } from './labels';
import type { Item } from './RankedTable';

type Change = Answers['score.history']['changes'][number];
type HistoryState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'done'; changes: Change[] }
  | { status: 'error'; error: unknown };

const shown = (v: number | null) => (v === null ? '—' : String(Number(v.toPrecision(12))));

/** The Jira fields behind the inputs of a score: the mapping's, else the id in the source text. */
export function historyFields(item: Item, mapping: FieldMapping): string[] {
  const ids = new Set<string>();
  for (const input of item.explanation.inputs) {
    const source = sourceOf(input.from ?? input.name, mapping) ?? sourceOf(input.name, mapping);
    if (source) ids.add(source.fieldId);
    if (input.name === 'timeCriticality' && mapping.dueDate) ids.add(mapping.dueDate.fieldId);
    else {
      const m = /\((customfield_\d+)\)/.exec(input.source);
      if (m) ids.add(m[1] as string);
    }
  }
  return [...ids].slice(0, 20);
}

export function ExplanationDialog({
  item,
  mapping,
  modelLabel,
  onClose,
}: {
  item: Item;
  mapping: FieldMapping;
  modelLabel: string;
  onClose: () => void;
}) {
  const [history, setHistory] = useState<HistoryState>({ status: 'idle' });
  const e = item.explanation;
  const fieldIds = historyFields(item, mapping);
  const loadHistory = () => {
    setHistory({ status: 'loading' });
    call('score.history', { issueKey: item.key, fieldIds }).then(
      (answer) => setHistory({ status: 'done', changes: answer.changes }),
      (error: unknown) => setHistory({ status: 'error', error }),
    );
  };

  return (
    <Dialog title={`${item.key}: how the score is calculated`} onClose={onClose} wide>
      <p className="vr-explain__summary">{item.summary}</p>
      <p className="vr-muted">
        Model: {modelLabel}. Current rank {item.rank}, value rank {item.targetRank}.
        {item.pinned ? ' Pinned: it keeps its place.' : ''}
        {item.lifted && item.blocks.length > 0
          ? ` Lifted above higher scores because it blocks ${item.blocks.join(', ')}.`
          : ''}
      </p>
      {item.score === null ? (
        <div className="vr-explain__unscored" role="note">
          <Badge tone="warning">Unscored</Badge> {item.reason ?? 'This issue could not be scored.'}
        </div>
      ) : null}

      {e.inputs.length > 0 ? (
        <Table
          caption="Inputs and where they come from"
          columns={[
            {
              key: 'input',
              header: 'Input',
              rowHeader: true,
              cell: (i) => (
                <>
                  {i.label || inputLabel(i.name)} <code className="vr-code">{i.name}</code>
                </>
              ),
            },
            {
              key: 'value',
              header: 'Value',
              align: 'end',
              width: '5rem',
              cell: (i) => (i.name === 'moscow' && i.bucket ? i.bucket : shown(i.value)),
            },
            {
              key: 'source',
              header: 'Source',
              cell: (i) => (
                <>
                  {i.source}
                  {i.problem ? (
                    <span className="vr-explain__problem">
                      {' '}
                      <Badge tone={i.problem.kind === 'invalid' ? 'danger' : 'warning'} plain>
                        {i.problem.kind === 'unmapped' ? 'no field' : i.problem.kind}
                      </Badge>{' '}
                      {i.problem.reason}
                    </span>
                  ) : null}
                </>
              ),
            },
          ]}
          rows={e.inputs}
          rowKey={(i) => i.name}
        />
      ) : null}

      <dl className="vr-explain__math">
        <dt>Formula</dt>
        <dd>
          <code className="vr-code">{e.formula || '—'}</code>
        </dd>
        <dt>With the values</dt>
        <dd>
          <code className="vr-code">{e.substituted || '—'}</code>
        </dd>
        <dt>Result</dt>
        <dd>
          <code className="vr-code vr-explain__result">{e.substituted ? `= ${e.result}` : e.result}</code>
          {item.tie ? (
            <span className="vr-muted"> (tied with another issue; the current order breaks the tie)</span>
          ) : null}
        </dd>
      </dl>

      <div className="vr-explain__history">
        {history.status === 'idle' || history.status === 'error' ? (
          <Button
            onClick={loadHistory}
            disabled={fieldIds.length === 0}
            title={fieldIds.length === 0 ? 'No Jira field feeds this score' : undefined}
          >
            History
          </Button>
        ) : null}
        {history.status === 'loading' ? <Spinner label="Loading who changed the inputs…" /> : null}
        {history.status === 'error' ? (
          <ErrorMessage title="ValueRank could not load the history." error={history.error} />
        ) : null}
        {history.status === 'done' ? (
          history.changes.length === 0 ? (
            <p className="vr-muted" role="status">
              Nobody has changed these inputs since the issue was created.
            </p>
          ) : (
            <Table
              caption={`Changes to the inputs of ${item.key}, newest first`}
              columns={[
                { key: 'at', header: 'When', width: '11rem', cell: (c) => formatWhen(c.at) },
                { key: 'by', header: 'Who', width: '9rem', cell: (c) => c.by },
                { key: 'field', header: 'Input', cell: (c) => c.field },
                {
                  key: 'change',
                  header: 'Change',
                  cell: (c) => (
                    <>
                      {c.from ?? 'empty'} → {c.to ?? 'empty'}
                    </>
                  ),
                },
              ]}
              rows={[...history.changes].sort((a, b) => b.at.localeCompare(a.at))}
              rowKey={(c, i) => `${i}-${c.at}-${c.fieldId}`}
            />
          )
        ) : null}
        {history.status === 'done' ? <SessionHistory issueKey={item.key} /> : null}
      </div>
    </Dialog>
  );
}
