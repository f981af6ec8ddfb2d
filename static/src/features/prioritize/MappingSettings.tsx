/**
 * Where each scoring input is read from: the Jira field id per input. Project admins edit the ids (with
 * suggestions from the current mapping and ValueRank's notes, and validation as they type) and save with
 * `mapping.save`; everyone else sees the mapping read-only.
 */
import { useId, useState, type FormEvent } from 'react';
import { call } from '../../bridge';
import type { FieldMapping } from '../../../../src/core/scoring';
import { Badge, Button, ErrorMessage, Table } from '../../components';
import { INPUT_FALLBACKS, MAPPABLE_INPUTS, inputLabel, knownFieldIds, type MappableInput } from './labels';
import type { PrioritizeData } from './usePrioritizeView';

const FIELD_ID = /^[A-Za-z][A-Za-z0-9_.-]*$/;

interface Row {
  /** A built-in input, or `custom:<name>`. */
  key: string;
  name: string;
  label: string;
  fieldId: string;
  fieldName: string | undefined;
  note: string | undefined;
}

type Source = { fieldId: string; fieldName?: string | undefined };

function rowsOf(mapping: FieldMapping): Row[] {
  const m = mapping as Record<string, unknown>;
  const rows: Row[] = MAPPABLE_INPUTS.map((name) => {
    const s = m[name] as Source | undefined;
    return {
      key: name,
      name,
      label: inputLabel(name),
      fieldId: s?.fieldId ?? '',
      fieldName: s?.fieldName,
      note: mapping.notes?.[name],
    };
  });
  for (const c of mapping.custom ?? [])
    rows.push({
      key: `custom:${c.name}`,
      name: c.name,
      label: c.label ?? c.fieldName ?? c.name,
      fieldId: c.fieldId,
      fieldName: c.fieldName,
      note: mapping.notes?.[c.name],
    });
  return rows;
}

/** The problem with a field id as typed, if any. Empty is fine: the input is not mapped. */
export function fieldIdProblem(value: string): string | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  if (v.length > 255) return 'A field id has at most 255 characters.';
  if (!FIELD_ID.test(v))
    return 'A field id looks like customfield_10030 or duedate: letters, digits and _, no spaces.';
  return undefined;
}

/** The mapping with the typed field ids: changed fields lose their old name; emptied inputs are unmapped. */
function withFieldIds(
  mapping: FieldMapping,
  ids: Readonly<Record<string, string>>,
  names: ReadonlyMap<string, string | undefined>,
): FieldMapping {
  const next = structuredClone(mapping) as FieldMapping & Record<string, unknown>;
  const renamed = <T extends Source>(source: T | undefined, id: string): T => {
    const { fieldName: _old, ...rest } = (source ?? {}) as T;
    const name = names.get(id);
    return { ...(rest as T), fieldId: id, ...(name ? { fieldName: name } : {}) };
  };
  for (const input of MAPPABLE_INPUTS) {
    const id = (ids[input] ?? '').trim();
    const current = next[input] as Source | undefined;
    if (id === '') delete next[input];
    else if (current?.fieldId !== id) next[input] = renamed(current, id);
  }
  if (next.custom)
    next.custom = next.custom.map((c) => {
      const id = (ids[`custom:${c.name}`] ?? c.fieldId).trim();
      return id === c.fieldId || id === '' ? c : renamed(c, id);
    });
  return next;
}

export function MappingSettings({
  view,
  usedInputs,
  onSaved,
}: {
  view: PrioritizeData;
  /** Inputs the current model reads (their rows are marked). */
  usedInputs: ReadonlySet<string>;
  onSaved: () => void;
}) {
  const id = useId();
  const rows = rowsOf(view.mapping);
  const known = knownFieldIds(view.mapping, view.mappingNotes);
  const names = new Map(known.map((k) => [k.id, k.name]));
  const [ids, setIds] = useState<Record<string, string>>(() =>
    Object.fromEntries(rows.map((r) => [r.key, r.fieldId])),
  );
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<{ ok: true } | { ok: false; error: unknown } | undefined>();

  const problems = Object.fromEntries(rows.map((r) => [r.key, fieldIdProblem(ids[r.key] ?? '')]));
  const invalid = Object.values(problems).some(Boolean);
  const changed = rows.some((r) => (ids[r.key] ?? '').trim() !== r.fieldId);

  const used = (r: Row) => usedInputs.has(r.name);
  const fallback = (r: Row) => INPUT_FALLBACKS[r.name as MappableInput];

  if (!view.canEditMapping)
    return (
      <>
        <p className="vr-muted">
          Only a project admin of {view.board.projectKey} can change where the inputs come from.
        </p>
        <Table
          caption={`Where ValueRank reads each input in ${view.board.projectKey}`}
          columns={[
            {
              key: 'input',
              header: 'Input',
              rowHeader: true,
              cell: (r: Row) => (
                <>
                  {r.label} {used(r) ? <Badge tone="information">used</Badge> : null}
                </>
              ),
            },
            {
              key: 'field',
              header: 'Jira field',
              cell: (r: Row) =>
                r.fieldId ? (
                  <>
                    {r.fieldName ? `${r.fieldName} ` : ''}
                    <code className="vr-code">{r.fieldId}</code>
                  </>
                ) : (
                  <span className="vr-muted">not mapped{fallback(r) ? ` (${fallback(r)})` : ''}</span>
                ),
            },
            {
              key: 'note',
              header: 'Why',
              cell: (r: Row) => <span className="vr-muted">{r.note ?? ''}</span>,
            },
          ]}
          rows={rows}
          rowKey={(r) => r.key}
        />
      </>
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (invalid || !(changed || view.mappingProposed) || saving) return;
    setSaving(true);
    setResult(undefined);
    call('mapping.save', {
      projectKey: view.board.projectKey,
      mapping: withFieldIds(view.mapping, ids, names),
    }).then(
      () => {
        setSaving(false);
        setResult({ ok: true });
        onSaved();
      },
      (error: unknown) => {
        setSaving(false);
        setResult({ ok: false, error });
      },
    );
  };

  return (
    <form className="vr-mapping" onSubmit={submit} noValidate aria-label="Field mapping">
      <datalist id={`${id}-fields`}>
        {known.map((k) => (
          <option key={k.id} value={k.id}>
            {k.name ?? k.id}
          </option>
        ))}
      </datalist>
      <div className="vr-mapping__rows">
        {rows.map((r) => {
          const value = ids[r.key] ?? '';
          const problem = problems[r.key];
          const trimmed = value.trim();
          const unknown = trimmed !== '' && !problem && !names.has(trimmed);
          const inputId = `${id}-${r.key}`;
          const described = [problem || unknown ? `${inputId}-check` : '', r.note ? `${inputId}-note` : '']
            .filter(Boolean)
            .join(' ');
          return (
            <div key={r.key} className={`vr-mapping__row${used(r) ? ' vr-mapping__row--used' : ''}`}>
              <label className="vr-field__label" htmlFor={inputId}>
                {r.label} {used(r) ? <Badge tone="information">used</Badge> : null}
              </label>
              <div>
                <input
                  id={inputId}
                  className={`vr-input vr-code${problem ? ' vr-input--invalid' : ''}`}
                  list={`${id}-fields`}
                  value={value}
                  placeholder={fallback(r) ? `not mapped: ${fallback(r)}` : 'not mapped'}
                  spellCheck={false}
                  autoComplete="off"
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={described || undefined}
                  onChange={(e) => {
                    const v = e.target.value;
                    setIds((prev) => ({ ...prev, [r.key]: v }));
                    setResult(undefined);
                  }}
                />
                {problem ? (
                  <p className="vr-field__error" id={`${inputId}-check`}>
                    {problem}
                  </p>
                ) : unknown ? (
                  <p className="vr-field__hint" id={`${inputId}-check`}>
                    Not a field ValueRank has seen here; Jira checks it when you save.
                  </p>
                ) : trimmed && names.get(trimmed) ? (
                  <p className="vr-field__hint">{names.get(trimmed)}</p>
                ) : null}
                {r.note ? (
                  <p className="vr-field__hint" id={`${inputId}-note`}>
                    {r.note}
                  </p>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
      <div className="vr-actions">
        <Button
          type="submit"
          appearance="primary"
          disabled={invalid || !(changed || view.mappingProposed) || saving}
        >
          {saving ? 'Saving…' : view.mappingProposed && !changed ? 'Save these fields' : 'Save mapping'}
        </Button>
        {changed ? (
          <Button
            onClick={() => {
              setIds(Object.fromEntries(rows.map((r) => [r.key, r.fieldId])));
              setResult(undefined);
            }}
          >
            Discard changes
          </Button>
        ) : null}
        {invalid ? <span className="vr-field__error">Fix the field ids marked above to save.</span> : null}
      </div>
      {result?.ok ? (
        <p className="vr-success" role="status">
          Mapping saved. The scores now read these fields.
        </p>
      ) : null}
      {result && !result.ok ? <ErrorMessage title="The mapping was not saved." error={result.error} /> : null}
    </form>
  );
}
