/**
 * Where each scoring input is read from. Every input shows its Jira field (name, type, id) and what it covers
 * on this board ("Business Value: set on 129 of 305, all usable"). Project admins change a field with a
 * searchable picker of the site's fields (Jira's field search: name, type, id, where used), which only lets
 * a field of a fitting type be picked (core `kindFits`, the check `mapping.save` applies too); a select list
 * gets an editable scale from its options to numbers. The proposal is the starting point until it is saved.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { call, type Answers } from '../../bridge';
import type { FieldMapping } from '../../../../src/core/scoring';
import { kindFits } from '../../../../src/core/scoring/field-fit';
import { customInputLabel } from '../../../../src/core/scoring/labels';
import { Badge, Button, ErrorMessage } from '../../components';
import { INPUT_FALLBACKS, MAPPABLE_INPUTS, inputLabel, type MappableInput } from './labels';
import type { PrioritizeData } from './usePrioritizeView';
import './mapping.css';

type PickerField = Answers['mapping.fields']['fields'][number];
type Coverage = Answers['mapping.coverage'];

/** The field an input reads, as the form holds it. */
export interface Choice {
  fieldId: string;
  fieldName?: string | undefined;
  /** A select's scale: option text → number. */
  options?: Record<string, number> | undefined;
  /** MoSCoW's table, kept as it was. */
  table?: Record<string, string> | undefined;
}

interface Row {
  /** A built-in input, or `custom:<name>`. */
  key: string;
  /** The input's name (for the type check and "used"). */
  name: string;
  label: string;
  note: string | undefined;
}

function rowsOf(mapping: FieldMapping): Row[] {
  const rows: Row[] = MAPPABLE_INPUTS.map((name) => ({
    key: name,
    name,
    label: inputLabel(name),
    note: mapping.notes?.[name],
  }));
  for (const c of mapping.custom ?? [])
    rows.push({
      key: `custom:${c.name}`,
      name: c.name,
      label: customInputLabel(c),
      note: mapping.notes?.[c.name],
    });
  return rows;
}

function choicesOf(mapping: FieldMapping): Record<string, Choice | undefined> {
  const m = mapping as Record<string, unknown>;
  const out: Record<string, Choice | undefined> = {};
  for (const name of MAPPABLE_INPUTS) {
    const s = m[name] as Choice | undefined;
    out[name] = s ? { ...s } : undefined;
  }
  for (const c of mapping.custom ?? [])
    out[`custom:${c.name}`] = { fieldId: c.fieldId, fieldName: c.fieldName, options: c.options };
  return out;
}

const sameChoice = (a: Choice | undefined, b: Choice | undefined): boolean =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The mapping with the chosen fields: changed inputs lose their guess's note; cleared inputs are unmapped. */
export function withChoices(mapping: FieldMapping, choices: Readonly<Record<string, Choice | undefined>>) {
  const next = structuredClone(mapping) as FieldMapping & Record<string, unknown>;
  const before = choicesOf(mapping);
  const notes = { ...(next.notes ?? {}) };
  for (const input of MAPPABLE_INPUTS) {
    const c = choices[input];
    if (sameChoice(c, before[input])) continue;
    delete notes[input];
    if (!c) delete next[input];
    else if (input === 'moscow')
      next.moscow = {
        fieldId: c.fieldId,
        ...(c.fieldName ? { fieldName: c.fieldName } : {}),
        ...(c.table ? { table: c.table as Record<string, 'must' | 'should' | 'could' | 'wont'> } : {}),
      };
    else
      next[input] = {
        fieldId: c.fieldId,
        ...(c.fieldName ? { fieldName: c.fieldName } : {}),
        ...(c.options && Object.keys(c.options).length > 0 ? { options: c.options } : {}),
      };
  }
  if (next.custom)
    next.custom = next.custom.map((custom) => {
      const c = choices[`custom:${custom.name}`];
      if (!c || sameChoice(c, before[`custom:${custom.name}`])) return custom;
      const { options: _o, fieldName: _n, ...rest } = custom;
      return {
        ...rest,
        fieldId: c.fieldId,
        ...(c.fieldName ? { fieldName: c.fieldName } : {}),
        ...(c.options && Object.keys(c.options).length > 0 ? { options: c.options } : {}),
      };
    });
  next.notes = notes;
  return next as FieldMapping;
}

/** The mapping with strategic fit (from the vision's goals) switched on or off. */
function withFit(mapping: FieldMapping, on: boolean): FieldMapping {
  const { strategicFit: _f, ...rest } = mapping;
  return on ? { ...rest, strategicFit: true } : rest;
}

const BUCKETS = [
  ['must', 'Must'],
  ['should', 'Should'],
  ['could', 'Could'],
  ['wont', "Won't"],
] as const;
const BUCKET_RANK: Readonly<Record<string, number>> = { must: 4, should: 3, could: 2, wont: 1 };

/** The MoSCoW table as a coverage scale (option → the bucket's number). */
const moscowScale = (table: Record<string, string> | undefined): Record<string, number> | undefined =>
  table
    ? Object.fromEntries(
        Object.entries(table).flatMap(([k, v]) => (BUCKET_RANK[v] ? [[k, BUCKET_RANK[v] as number]] : [])),
      )
    : undefined;

/** MoSCoW options the default table does not know (or the PO placed): each put in a bucket. */
function BucketEditor({
  options,
  table,
  onChange,
}: {
  options: ReadonlyArray<{ text: string; count: number }>;
  table: Readonly<Record<string, string>>;
  onChange: (text: string, bucket: string) => void;
}) {
  const id = useId();
  return (
    <fieldset className="vr-scale">
      <legend className="vr-field__label">MoSCoW bucket of each option</legend>
      {options.map((o, i) => (
        <div key={o.text} className="vr-scale__row">
          <label htmlFor={`${id}-${i}`} className="vr-scale__option">
            {o.text} <span className="vr-muted">({o.count})</span>
          </label>
          <select
            id={`${id}-${i}`}
            className="vr-select"
            value={table[o.text] ?? ''}
            onChange={(e) => onChange(o.text, e.target.value)}
          >
            <option value="">not scored</option>
            {BUCKETS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      ))}
    </fieldset>
  );
}

/** A scale value as typed: a number of at least 0, or empty (the option is left out). */
export function scaleProblem(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  if (!Number.isFinite(n)) return 'Enter a number.';
  if (n < 0) return 'Scores are not negative: enter 0 or more.';
  return undefined;
}

const numeric = (text: string): number | undefined => {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(n) ? n : undefined;
};

/** "Business Value: set on 129 of 305, all usable". */
export function coverageText(
  c: Coverage['fields'][number] | undefined,
  answer: Coverage | undefined,
): string {
  if (!c || !answer) return '';
  const of = answer.complete ? `${answer.read}` : `the first ${answer.read}`;
  if (c.set === 0) return `empty on all ${of} backlog issues`;
  const base = `set on ${c.set} of ${of}`;
  if (c.usable === c.set) return `${base}, all usable`;
  if (c.usable === 0) return `${base}, none usable`;
  return `${base}, ${c.usable} usable`;
}

const whereUsed = (f: PickerField): string => {
  const parts: string[] = [];
  if (f.screens !== undefined) parts.push(`on ${f.screens} screen${f.screens === 1 ? '' : 's'}`);
  if (f.contexts !== undefined) parts.push(`${f.contexts} context${f.contexts === 1 ? '' : 's'}`);
  if (f.lastUsed) {
    const d = new Date(f.lastUsed.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
    if (!Number.isNaN(d.getTime())) parts.push(`last set ${d.toLocaleDateString()}`);
  }
  if (!f.custom) parts.push('system field');
  return parts.join(' · ');
};

/** The picker: a search box over the site's fields and a list of them; only fitting fields can be picked. */
function FieldPicker({
  projectKey,
  input,
  label,
  onPick,
  onClose,
}: {
  projectKey: string;
  input: string;
  label: string;
  onPick: (field: PickerField) => void;
  onClose: () => void;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<Answers['mapping.fields'] | undefined>();
  const [more, setMore] = useState<PickerField[]>([]);
  const [error, setError] = useState<unknown>();
  const [active, setActive] = useState(0);
  const [loading, setLoading] = useState(true);
  const round = useRef(0);

  useEffect(() => {
    const mine = ++round.current;
    setLoading(true);
    const timer = setTimeout(() => {
      call('mapping.fields', { projectKey, query }).then(
        (a) => {
          if (round.current !== mine) return;
          setAnswer(a);
          setMore([]);
          setActive(0);
          setError(undefined);
          setLoading(false);
        },
        (e: unknown) => {
          if (round.current !== mine) return;
          setError(e);
          setLoading(false);
        },
      );
    }, 200);
    return () => clearTimeout(timer);
  }, [projectKey, query]);

  const fields = [...(answer?.fields ?? []), ...more];
  const fit = (f: PickerField) => kindFits(input, f.kind, f.type);
  const pickAt = (i: number) => {
    const f = fields[i];
    if (f && fit(f).ok) onPick(f);
  };
  const loadMore = () => {
    if (!answer) return;
    call('mapping.fields', { projectKey, query, startAt: answer.startAt + fields.length }).then(
      (a) => {
        setMore((m) => [...m, ...a.fields]);
        setAnswer((prev) => (prev ? { ...prev, isLast: a.isLast } : a));
      },
      (e: unknown) => setError(e),
    );
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(fields.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      pickAt(active);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
  };

  return (
    <div className="vr-picker">
      <label className="vr-field__label" htmlFor={`${id}-q`}>
        Search the site&apos;s fields for {label}
      </label>
      <input
        id={`${id}-q`}
        className="vr-input"
        role="combobox"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-activedescendant={fields[active] ? `${id}-opt-${active}` : undefined}
        aria-autocomplete="list"
        autoComplete="off"
        spellCheck={false}
        placeholder="Field name, e.g. Business Value"
        value={query}
        autoFocus
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKey}
      />
      {error ? <ErrorMessage title="The fields could not be searched." error={error} /> : null}
      <ul className="vr-picker__list" id={`${id}-list`} role="listbox" aria-label={`Fields for ${label}`}>
        {fields.map((f, i) => {
          const verdict = fit(f);
          return (
            <li
              key={f.id}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              aria-disabled={verdict.ok ? undefined : true}
              className={`vr-picker__option${i === active ? ' vr-picker__option--active' : ''}${verdict.ok ? '' : ' vr-picker__option--unfit'}`}
              onMouseEnter={() => setActive(i)}
              onClick={() => pickAt(i)}
            >
              <span className="vr-picker__name">{f.name}</span>{' '}
              <span className="vr-picker__meta">
                {f.type} · <code className="vr-code">{f.id}</code>
                {whereUsed(f) ? ` · ${whereUsed(f)}` : ''}
              </span>
              {verdict.ok ? null : <span className="vr-picker__why">{verdict.reason}</span>}
            </li>
          );
        })}
      </ul>
      <p className="vr-field__hint" role="status">
        {loading
          ? 'Searching…'
          : answer
            ? fields.length === 0
              ? `No field's name contains “${query.trim()}”. Try part of the name.`
              : `${answer.total} field${answer.total === 1 ? '' : 's'}${query.trim() ? ` match “${query.trim()}”` : ''}; fields of a type ${label} cannot read are greyed out.`
            : ''}
      </p>
      <div className="vr-actions">
        {answer && !answer.isLast ? <Button onClick={loadMore}>More fields</Button> : null}
        <Button appearance="subtle" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

/** The select's options as seen on the board, each with its number (typed, from the scale, or its own text). */
function ScaleEditor({
  label,
  options,
  scale,
  onChange,
}: {
  label: string;
  options: ReadonlyArray<{ text: string; count: number }>;
  scale: Readonly<Record<string, string>>;
  onChange: (text: string, value: string) => void;
}) {
  const id = useId();
  return (
    <fieldset className="vr-scale">
      <legend className="vr-field__label">Scale for {label}: each option&apos;s number</legend>
      {options.map((o, i) => {
        const value = scale[o.text] ?? '';
        const problem = scaleProblem(value);
        return (
          <div key={o.text} className="vr-scale__row">
            <label htmlFor={`${id}-${i}`} className="vr-scale__option">
              {o.text} <span className="vr-muted">({o.count})</span>
            </label>
            <input
              id={`${id}-${i}`}
              className={`vr-input vr-scale__value${problem ? ' vr-input--invalid' : ''}`}
              inputMode="decimal"
              value={value}
              placeholder={numeric(o.text) !== undefined ? o.text : 'not scored'}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-${i}-error` : undefined}
              onChange={(e) => onChange(o.text, e.target.value)}
            />
            {problem ? (
              <span className="vr-field__error" id={`${id}-${i}-error`}>
                {problem}
              </span>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
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
  const rows = rowsOf(view.mapping);
  const initial = choicesOf(view.mapping);
  const [choices, setChoices] = useState<Record<string, Choice | undefined>>(initial);
  /** Scale values as typed, per row and option text. */
  const [scales, setScales] = useState<Record<string, Record<string, string>>>(() =>
    Object.fromEntries(
      Object.entries(initial).map(([k, c]) => [
        k,
        Object.fromEntries(Object.entries(c?.options ?? {}).map(([t, n]) => [t, String(n)])),
      ]),
    ),
  );
  const [kinds, setKinds] = useState<Record<string, PickerField>>({});
  const [picking, setPicking] = useState<string | undefined>();
  const [coverage, setCoverage] = useState<Coverage | undefined>();
  /** The row each field of the coverage answer was asked for. */
  const [coverageRows, setCoverageRows] = useState<string[]>([]);
  const [coverageError, setCoverageError] = useState<unknown>();
  const [fit, setFit] = useState(view.mapping.strategicFit === true);
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<{ ok: true } | { ok: false; error: unknown } | undefined>();

  /** The choices with the typed scales (numbers only; empty or invalid entries left out). */
  const withScales = (): Record<string, Choice | undefined> =>
    Object.fromEntries(
      Object.entries(choices).map(([k, c]) => {
        if (!c || k === 'moscow') return [k, c];
        const typed = scales[k] ?? {};
        const options: Record<string, number> = {};
        for (const [t, v] of Object.entries(typed)) {
          const n = numeric(v);
          if (n !== undefined && n >= 0) options[t] = n;
        }
        const { options: _o, ...rest } = c;
        return [k, Object.keys(options).length > 0 ? { ...rest, options } : rest];
      }),
    );
  const current = withScales();
  const scaleInvalid = Object.values(scales).some((s) => Object.values(s).some((v) => scaleProblem(v)));
  const changed =
    rows.some((r) => !sameChoice(current[r.key], initial[r.key])) ||
    fit !== (view.mapping.strategicFit === true);

  const coverageKey = JSON.stringify(
    rows.map((r) => {
      const c = current[r.key];
      return c ? [c.fieldId, c.options ?? null, c.table ?? null, r.name === 'moscow'] : null;
    }),
  );
  useEffect(() => {
    const asked = rows.filter((r) => current[r.key]);
    const fields = asked.map((r) => {
      const c = current[r.key] as Choice;
      const scale = r.name === 'moscow' ? moscowScale(c.table) : c.options;
      return { fieldId: c.fieldId, ...(scale ? { scale } : {}), moscow: r.name === 'moscow' };
    });
    if (fields.length === 0) return;
    let live = true;
    const timer = setTimeout(() => {
      call('mapping.coverage', { boardId: view.board.id, fields }).then(
        (a) => {
          if (!live) return;
          setCoverage(a);
          setCoverageRows(asked.map((r) => r.key));
          setCoverageError(undefined);
        },
        (e: unknown) => live && setCoverageError(e),
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [coverageKey, view.board.id]);

  const coverageOf = (r: Row) => {
    const c = current[r.key];
    if (!c || !coverage) return undefined;
    const f = coverage.fields[coverageRows.indexOf(r.key)];
    return f && f.fieldId === c.fieldId ? f : undefined;
  };

  const pick = (r: Row, f: PickerField) => {
    setKinds((k) => ({ ...k, [f.id]: f }));
    setChoices((c) => ({
      ...c,
      [r.key]: {
        fieldId: f.id,
        fieldName: f.name,
        ...(r.name === 'moscow' && initial.moscow?.fieldId === f.id && initial.moscow.table
          ? { table: initial.moscow.table }
          : {}),
      },
    }));
    setScales((s) => ({ ...s, [r.key]: {} }));
    setPicking(undefined);
    setResult(undefined);
  };
  const clear = (r: Row) => {
    setChoices((c) => ({ ...c, [r.key]: undefined }));
    setResult(undefined);
  };
  const discard = () => {
    setChoices(initial);
    setScales(
      Object.fromEntries(
        Object.entries(initial).map(([k, c]) => [
          k,
          Object.fromEntries(Object.entries(c?.options ?? {}).map(([t, n]) => [t, String(n)])),
        ]),
      ),
    );
    setFit(view.mapping.strategicFit === true);
    setResult(undefined);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (scaleInvalid || !(changed || view.mappingProposed) || saving) return;
    setSaving(true);
    setResult(undefined);
    call('mapping.save', {
      projectKey: view.board.projectKey,
      mapping: withFit(withChoices(view.mapping, current), fit),
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

  const editable = view.canEditMapping;
  const fallback = (r: Row) => INPUT_FALLBACKS[r.name as MappableInput];

  const body = (
    <>
      {editable ? null : (
        <p className="vr-muted">
          Only a project admin of {view.board.projectKey} can change where the inputs come from.
        </p>
      )}
      {coverageError ? (
        <ErrorMessage title="What each field covers could not be counted." error={coverageError} />
      ) : null}
      <ul
        className="vr-mapping__list"
        aria-label={`Where ValueRank reads each input in ${view.board.projectKey}`}
      >
        {rows.map((r) => {
          const c = current[r.key];
          const cov = coverageOf(r);
          const used = usedInputs.has(r.name);
          const known = c ? kinds[c.fieldId] : undefined;
          const optionTexts = (cov?.options ?? []).filter(
            (o) => r.name !== 'moscow' && numeric(o.text) === undefined,
          );
          const showScale =
            editable && c && r.name !== 'moscow' && (optionTexts.length > 0 || known?.kind === 'select');
          const bucketTexts =
            r.name === 'moscow' && c
              ? (cov?.options ?? []).filter((o) => !o.usable || (c.table?.[o.text] ?? '') !== '')
              : [];
          return (
            <li
              key={r.key}
              className={`vr-mapping__item${used ? ' vr-mapping__item--used' : ''}`}
              data-input={r.name}
            >
              <div className="vr-mapping__head">
                <span className="vr-mapping__input">
                  {r.label} {used ? <Badge tone="information">used</Badge> : null}
                </span>
                <span className="vr-mapping__field">
                  {c ? (
                    <>
                      <strong>{c.fieldName ?? c.fieldId}</strong>{' '}
                      {known ? <span className="vr-muted">{known.type} · </span> : null}
                      <code className="vr-code">{c.fieldId}</code>
                    </>
                  ) : (
                    <span className="vr-muted">not mapped{fallback(r) ? ` (${fallback(r)})` : ''}</span>
                  )}
                </span>
                {editable ? (
                  <span className="vr-mapping__actions">
                    <Button
                      onClick={() => setPicking(picking === r.key ? undefined : r.key)}
                      aria-expanded={picking === r.key}
                      aria-label={c ? `Change the field for ${r.label}` : `Choose field for ${r.label}`}
                    >
                      {c ? 'Change' : 'Choose field'}
                    </Button>
                    {c ? (
                      <Button appearance="subtle" onClick={() => clear(r)} aria-label={`Unmap ${r.label}`}>
                        Unmap
                      </Button>
                    ) : null}
                  </span>
                ) : null}
              </div>
              {c ? (
                <p className="vr-mapping__coverage" data-coverage={r.name}>
                  {cov ? `${c.fieldName ?? c.fieldId}: ${coverageText(cov, coverage)}` : 'Counting…'}
                  {cov?.problem && cov.usable < cov.set ? (
                    <span className="vr-muted">
                      {' '}
                      — for example {cov.problem}
                      {editable && (optionTexts.length > 0 || bucketTexts.length > 0)
                        ? r.name === 'moscow'
                          ? '; put those options in a bucket below'
                          : '; give those options a number below'
                        : ''}
                      .
                    </span>
                  ) : null}
                </p>
              ) : null}
              {r.note && c?.fieldId === initial[r.key]?.fieldId ? (
                <p className="vr-field__hint">{r.note}</p>
              ) : null}
              {showScale ? (
                <ScaleEditor
                  label={r.label}
                  options={optionTexts}
                  scale={scales[r.key] ?? {}}
                  onChange={(text, value) => {
                    setScales((s) => ({ ...s, [r.key]: { ...(s[r.key] ?? {}), [text]: value } }));
                    setResult(undefined);
                  }}
                />
              ) : null}
              {editable && c && bucketTexts.length > 0 ? (
                <BucketEditor
                  options={bucketTexts}
                  table={c.table ?? {}}
                  onChange={(text, bucket) => {
                    setChoices((all) => {
                      const cur = all[r.key];
                      if (!cur) return all;
                      const table = { ...(cur.table ?? {}) };
                      if (bucket === '') delete table[text];
                      else table[text] = bucket;
                      return { ...all, [r.key]: { ...cur, table } };
                    });
                    setResult(undefined);
                  }}
                />
              ) : null}
              {picking === r.key ? (
                <FieldPicker
                  projectKey={view.board.projectKey}
                  input={r.name}
                  label={r.label}
                  onPick={(f) => pick(r, f)}
                  onClose={() => setPicking(undefined)}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
      <div className="vr-field">
        <label className="vr-mapping__fit">
          <input
            type="checkbox"
            checked={fit}
            disabled={!editable}
            onChange={(e) => {
              setFit(e.target.checked);
              setResult(undefined);
            }}
          />{' '}
          Strategic fit: weigh each issue&apos;s fit to the vision&apos;s goals (the model sets the weight)
        </label>
      </div>
    </>
  );

  if (!editable) return <div className="vr-mapping">{body}</div>;

  return (
    <form className="vr-mapping" onSubmit={submit} noValidate aria-label="Field mapping">
      {body}
      <div className="vr-actions">
        <Button
          type="submit"
          appearance="primary"
          disabled={scaleInvalid || !(changed || view.mappingProposed) || saving}
        >
          {saving ? 'Saving…' : view.mappingProposed && !changed ? 'Save these fields' : 'Save mapping'}
        </Button>
        {changed ? <Button onClick={discard}>Discard changes</Button> : null}
        {scaleInvalid ? (
          <span className="vr-field__error">Fix the scale values marked above to save.</span>
        ) : null}
        {!changed && !view.mappingProposed ? (
          <span className="vr-muted">Choose a field above to change the mapping.</span>
        ) : null}
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
