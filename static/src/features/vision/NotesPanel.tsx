/**
 * Dated vision notes: filtered by type, tag and text, paged 20 at a time ("Load more"), added by anyone who
 * can see the project, edited or deleted by their author or a project admin. Authors are shown by name.
 */
import { useEffect, useId, useState } from 'react';
import { call, type Answers } from '../../bridge';
import { Badge, Banner, Button, ErrorMessage, Section, Spinner, UserText } from '../../components';
import {
  NOTE_TYPE_LABELS,
  NOTE_TYPES,
  VISION_LIMITS,
  type NoteType,
} from '../../../../src/core/vision/schema';
import { PublishNote, publishProblem } from './PublishNote';
import { day, noteConflictOf, readableError, when, type TheirNote } from './shared';

type Note = Answers['vision.notes.list']['notes'][number];

interface Draft {
  type: NoteType;
  title: string;
  text: string;
  tags: string;
}

const EMPTY_DRAFT: Draft = { type: 'insight', title: '', text: '', tags: '' };

const toPayload = (d: Draft) => ({
  type: d.type,
  title: d.title,
  text: d.text,
  tags: d.tags
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean),
});

function NoteForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: Draft;
  submitLabel: string;
  onSubmit: (draft: Draft) => Promise<void>;
  onCancel?: () => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  return (
    <form
      className="vr-vision__note-form"
      aria-label={submitLabel}
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        setError(undefined);
        onSubmit(draft).then(
          () => {
            setBusy(false);
            if (!onCancel) setDraft(EMPTY_DRAFT);
          },
          (err: unknown) => {
            setBusy(false);
            setError(err);
          },
        );
      }}
    >
      <div className="vr-toolbar">
        <label className="vr-field" htmlFor={`${id}-type`}>
          <span className="vr-field__label">Type</span>
          <select
            id={`${id}-type`}
            className="vr-select"
            value={draft.type}
            onChange={(e) => setDraft({ ...draft, type: e.target.value as NoteType })}
          >
            {NOTE_TYPES.map((t) => (
              <option key={t} value={t}>
                {NOTE_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <label className="vr-field vr-vision__grow" htmlFor={`${id}-title`}>
          <span className="vr-field__label">Title</span>
          <input
            id={`${id}-title`}
            className="vr-input"
            value={draft.title}
            required
            onChange={(e) => setDraft({ ...draft, title: e.target.value })}
          />
        </label>
        <label className="vr-field" htmlFor={`${id}-tags`}>
          <span className="vr-field__label">Tags (comma-separated)</span>
          <input
            id={`${id}-tags`}
            className="vr-input"
            value={draft.tags}
            onChange={(e) => setDraft({ ...draft, tags: e.target.value })}
          />
        </label>
      </div>
      <label className="vr-field" htmlFor={`${id}-text`}>
        <span className="vr-field__label">Note</span>
        <textarea
          id={`${id}-text`}
          className="vr-textarea"
          rows={3}
          value={draft.text}
          onChange={(e) => setDraft({ ...draft, text: e.target.value })}
        />
        <span className="vr-field__hint">
          {draft.text.trim().length}/{VISION_LIMITS.noteText}
        </span>
      </label>
      <div className="vr-actions">
        <Button type="submit" appearance="primary" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </Button>
        {onCancel ? (
          <Button onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
        ) : null}
      </div>
      {error ? <ErrorMessage title="The note was not saved." error={readableError(error)} /> : null}
    </form>
  );
}

function NoteItem({
  note,
  projectKey,
  onChanged,
  onDeleted,
}: {
  note: Note;
  projectKey: string;
  onChanged: (note: Note, unpublished: string | undefined) => void;
  onDeleted: (id: string, unpublished: string | undefined) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  /** The version the edit started from, and the note as someone else saved it meanwhile (a conflict). */
  const [base, setBase] = useState(note.version);
  const [theirs, setTheirs] = useState<TheirNote | undefined>(undefined);
  if (editing)
    return (
      <li className="vr-note">
        {theirs ? (
          <Banner
            tone="warning"
            title={`Someone changed this note while you edited it (now version ${theirs.version}). Nothing was saved.`}
            actions={
              <Button
                onClick={() => {
                  setBase(theirs.version);
                  setTheirs(undefined);
                }}
              >
                Keep mine and save over theirs
              </Button>
            }
          >
            <p>
              Theirs: <strong>{theirs.title}</strong>
              {theirs.updatedAt ? ` (${when(theirs.updatedAt)})` : ''}
            </p>
            {theirs.text ? <p className="vr-vision__text">{theirs.text}</p> : null}
            <p className="vr-muted">Merge what you need into your text, then save again.</p>
          </Banner>
        ) : null}
        <NoteForm
          initial={{ type: note.type, title: note.title, text: note.text, tags: note.tags.join(', ') }}
          submitLabel="Save note"
          onCancel={() => setEditing(false)}
          onSubmit={async (d) => {
            let answer;
            try {
              answer = await call('vision.notes.update', {
                projectKey,
                id: note.id,
                note: { ...toPayload(d), issueKeys: note.issueKeys },
                expectedVersion: base,
              });
            } catch (e) {
              setTheirs(noteConflictOf(e));
              throw e;
            }
            setTheirs(undefined);
            setEditing(false);
            onChanged(answer.note, publishProblem(answer));
          }}
        />
      </li>
    );
  return (
    <li className="vr-note">
      <p className="vr-note__head">
        <Badge tone="discovery">{NOTE_TYPE_LABELS[note.type]}</Badge>
        <strong className="vr-note__title">{note.title}</strong>
      </p>
      <p className="vr-muted">
        {day(note.createdAt)} · by <UserText>{note.authorName}</UserText>
        {note.updatedAt ? ` · edited ${when(note.updatedAt)}` : ''}
      </p>
      {note.text ? <p className="vr-vision__text">{note.text}</p> : null}
      {note.tags.length || note.issueKeys.length ? (
        <p className="vr-note__tags">
          {note.tags.map((t) => (
            <Badge key={t}>{t}</Badge>
          ))}
          {note.issueKeys.map((k) => (
            <Badge key={k} tone="information">
              {k}
            </Badge>
          ))}
        </p>
      ) : null}
      {note.canEdit ? (
        <div className="vr-actions">
          <Button appearance="subtle" onClick={() => setEditing(true)}>
            Edit<span className="vr-sr-only"> note {note.title}</span>
          </Button>
          {confirming ? (
            <>
              <Button
                appearance="primary"
                onClick={() => {
                  call('vision.notes.delete', { projectKey, id: note.id }).then(
                    (answer) => onDeleted(note.id, publishProblem(answer)),
                    (e: unknown) => setError(e),
                  );
                }}
              >
                Delete for good
              </Button>
              <Button onClick={() => setConfirming(false)}>Keep</Button>
            </>
          ) : (
            <Button appearance="subtle" onClick={() => setConfirming(true)}>
              Delete<span className="vr-sr-only"> note {note.title}</span>
            </Button>
          )}
        </div>
      ) : null}
      {error ? <ErrorMessage title="The note was not deleted." error={error} /> : null}
    </li>
  );
}

interface Filter {
  type: NoteType | '';
  tag: string;
  text: string;
}

export function NotesPanel({ projectKey }: { projectKey: string }) {
  const [filter, setFilter] = useState<Filter>({ type: '', tag: '', text: '' });
  const [applied, setApplied] = useState<Filter>(filter);
  const [notes, setNotes] = useState<Note[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(undefined);
  const [round, setRound] = useState(0);
  const [unpublished, setUnpublished] = useState<string | undefined>(undefined);
  const id = useId();

  const payloadFilter = (f: Filter) => ({
    ...(f.type ? { types: [f.type] } : {}),
    ...(f.tag.trim() ? { tags: [f.tag.trim()] } : {}),
    ...(f.text.trim() ? { text: f.text.trim() } : {}),
  });

  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(undefined);
    call('vision.notes.list', { projectKey, filter: payloadFilter(applied) }).then(
      (page) => {
        if (!current) return;
        setNotes(page.notes);
        setCursor(page.nextCursor);
        setTotal(page.total);
        setLoading(false);
      },
      (e: unknown) => {
        if (!current) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [projectKey, applied, round]);

  const loadMore = () => {
    if (!cursor) return;
    setLoading(true);
    call('vision.notes.list', { projectKey, filter: payloadFilter(applied), cursor }).then(
      (page) => {
        setNotes((all) => [...all, ...page.notes.filter((n) => !all.some((a) => a.id === n.id))]);
        setCursor(page.nextCursor);
        setTotal(page.total);
        setLoading(false);
      },
      (e: unknown) => {
        setError(e);
        setLoading(false);
      },
    );
  };

  return (
    <Section title="Vision notes">
      <details className="vr-vision__add">
        <summary>Add a note</summary>
        <NoteForm
          initial={EMPTY_DRAFT}
          submitLabel="Add note"
          onSubmit={async (d) => {
            const answer = await call('vision.notes.add', { projectKey, note: toPayload(d) });
            setUnpublished(publishProblem(answer));
            setRound((r) => r + 1);
          }}
        />
      </details>
      <form
        className="vr-toolbar"
        aria-label="Filter notes"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(filter);
        }}
      >
        <label className="vr-field" htmlFor={`${id}-type`}>
          <span className="vr-field__label">Type</span>
          <select
            id={`${id}-type`}
            className="vr-select"
            value={filter.type}
            onChange={(e) => setFilter({ ...filter, type: e.target.value as NoteType | '' })}
          >
            <option value="">All types</option>
            {NOTE_TYPES.map((t) => (
              <option key={t} value={t}>
                {NOTE_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <label className="vr-field" htmlFor={`${id}-tag`}>
          <span className="vr-field__label">Tag</span>
          <input
            id={`${id}-tag`}
            className="vr-input"
            value={filter.tag}
            onChange={(e) => setFilter({ ...filter, tag: e.target.value })}
          />
        </label>
        <label className="vr-field" htmlFor={`${id}-text`}>
          <span className="vr-field__label">Text</span>
          <input
            id={`${id}-text`}
            className="vr-input"
            type="search"
            value={filter.text}
            onChange={(e) => setFilter({ ...filter, text: e.target.value })}
          />
        </label>
        <div className="vr-toolbar__save">
          <Button type="submit">Filter</Button>
        </div>
      </form>
      {error ? (
        <ErrorMessage
          title="The notes could not be loaded."
          error={error}
          onRetry={() => setRound((r) => r + 1)}
        />
      ) : null}
      <p className="vr-muted" aria-live="polite">
        {loading && notes.length === 0 ? '' : `${notes.length} of ${total} notes`}
      </p>
      <PublishNote problem={unpublished} />
      {notes.length === 0 && !loading && !error ? <p className="vr-muted">No notes match.</p> : null}
      <ul className="vr-notes" aria-label="Notes">
        {notes.map((n) => (
          <NoteItem
            key={n.id}
            note={n}
            projectKey={projectKey}
            onChanged={(saved, problem) => {
              setNotes((all) => all.map((x) => (x.id === saved.id ? saved : x)));
              setUnpublished(problem);
            }}
            onDeleted={(gone, problem) => {
              setNotes((all) => all.filter((x) => x.id !== gone));
              setTotal((t) => t - 1);
              setUnpublished(problem);
            }}
          />
        ))}
      </ul>
      {loading ? <Spinner label="Loading notes…" /> : null}
      {cursor && !loading ? <Button onClick={loadMore}>Load more</Button> : null}
    </Section>
  );
}
