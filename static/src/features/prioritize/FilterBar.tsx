/**
 * The grid's filters: text (key or summary), type, status, epic, version, goal, readiness, scored or not.
 * The server applies them to the whole backlog (`prioritize.find`); the counts say how many rows match.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Button, isolate } from '../../components';
import type { Facets, RowFilter } from './useGridRows';

const NONE = 'none';

function Choice({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: ReadonlyArray<{ value: string; text: string }>;
  onChange: (value: string) => void;
}) {
  return (
    <select
      className="vr-select vr-filter__select"
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">{label}: all</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {isolate(o.text)}
        </option>
      ))}
    </select>
  );
}

/**
 * A filter that takes several values: a button naming what is chosen ("Status: To Do, In Progress") that
 * opens a list of checkboxes; Escape or a click outside closes it. Rows match any value chosen.
 */
function MultiChoice({
  label,
  values,
  options,
  onChange,
}: {
  label: string;
  values: readonly string[];
  options: ReadonlyArray<{ value: string; text: string }>;
  onChange: (values: string[]) => void;
}) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const listId = useId();
  useEffect(() => {
    if (!open) return undefined;
    const outside = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);
  const chosen = options.filter((o) => values.includes(o.value));
  const summary =
    chosen.length === 0
      ? 'all'
      : chosen.length <= 2
        ? chosen.map((o) => o.text).join(', ')
        : `${chosen.length} chosen`;
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...values, value] : values.filter((v) => v !== value));
  return (
    <div
      className="vr-filter__multi"
      ref={box}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          box.current?.querySelector('button')?.focus();
        }
      }}
    >
      <button
        type="button"
        className="vr-select vr-filter__select"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={`${label}: ${summary}`}
        onClick={() => setOpen((o) => !o)}
      >
        {label}: {isolate(summary)} ▾
      </button>
      {open ? (
        <div className="vr-filter__menu" id={listId} role="group" aria-label={`${label} values`}>
          {options.length === 0 ? <span className="vr-filter__empty">No values</span> : null}
          {options.map((o) => (
            <label key={o.value} className="vr-filter__option">
              <input
                type="checkbox"
                checked={values.includes(o.value)}
                onChange={(e) => toggle(o.value, e.target.checked)}
              />{' '}
              {isolate(o.text)}
            </label>
          ))}
          {values.length > 0 ? (
            <Button appearance="subtle" onClick={() => onChange([])}>
              Any {label.toLowerCase()}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

export function FilterBar({
  filter,
  onChange,
  facets,
  matched,
  total,
  showFragile,
  onShowFragile,
}: {
  filter: RowFilter;
  onChange: (filter: RowFilter) => void;
  facets: Facets | undefined;
  /** Rows matching; undefined while counting. */
  matched: number | undefined;
  total: number;
  showFragile: boolean;
  onShowFragile: (show: boolean) => void;
}) {
  // The text filter is sent once typing pauses.
  const [text, setText] = useState(filter.text ?? '');
  useEffect(() => setText(filter.text ?? ''), [filter.text]);
  useEffect(() => {
    if (text === (filter.text ?? '')) return undefined;
    const t = setTimeout(() => onChange({ ...filter, text }), 300);
    return () => clearTimeout(t);
  }, [text]);
  const set = (key: 'types' | 'statuses' | 'epics' | 'versions' | 'goals') => (v: string[]) =>
    onChange({ ...filter, [key]: v.length > 0 ? v : undefined });
  const active = Object.values(filter).some(
    (v) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0),
  );
  return (
    <div className="vr-filter" role="search" aria-label="Filter the backlog">
      <input
        type="search"
        className="vr-input vr-filter__text"
        aria-label="Filter by key or summary"
        placeholder="Filter by key or summary"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <MultiChoice
        label="Type"
        values={filter.types ?? []}
        options={(facets?.types ?? []).map((t) => ({ value: t, text: t }))}
        onChange={set('types')}
      />
      <MultiChoice
        label="Status"
        values={filter.statuses ?? []}
        options={(facets?.statuses ?? []).map((t) => ({ value: t, text: t }))}
        onChange={set('statuses')}
      />
      <MultiChoice
        label="Epic"
        values={filter.epics ?? []}
        options={[
          { value: NONE, text: 'No epic' },
          ...(facets?.epics ?? []).map((e) => ({ value: e.key, text: `${e.key} ${e.summary}`.trim() })),
        ]}
        onChange={set('epics')}
      />
      <MultiChoice
        label="Version"
        values={filter.versions ?? []}
        options={[
          { value: NONE, text: 'No version' },
          ...(facets?.versions ?? []).map((v) => ({ value: v, text: v })),
        ]}
        onChange={set('versions')}
      />
      <MultiChoice
        label="Goal"
        values={filter.goals ?? []}
        options={[
          { value: NONE, text: 'Serves no goal' },
          ...(facets?.goals ?? []).map((g) => ({ value: g.id, text: g.name })),
        ]}
        onChange={set('goals')}
      />
      <Choice
        label="Ready"
        value={filter.ready ?? ''}
        options={[
          { value: 'ready', text: 'Ready' },
          { value: 'not-ready', text: 'Not ready (or not checked)' },
        ]}
        onChange={(v) => onChange({ ...filter, ready: v === 'ready' || v === 'not-ready' ? v : undefined })}
      />
      <Choice
        label="Score"
        value={filter.unscored === undefined ? '' : filter.unscored ? 'unscored' : 'scored'}
        options={[
          { value: 'scored', text: 'Scored' },
          { value: 'unscored', text: 'Unscored' },
        ]}
        onChange={(v) => onChange({ ...filter, unscored: v === '' ? undefined : v === 'unscored' })}
      />
      <label className="vr-filter__check">
        <input type="checkbox" checked={showFragile} onChange={(e) => onShowFragile(e.target.checked)} /> Show
        fragile on every row
      </label>
      <span className="vr-filter__count" aria-live="polite">
        {matched === undefined
          ? 'Counting…'
          : active
            ? `${matched.toLocaleString('en')} of ${total.toLocaleString('en')} issues match`
            : `${total.toLocaleString('en')} issues`}
      </span>
      {active ? (
        <Button appearance="subtle" onClick={() => onChange({})}>
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}
