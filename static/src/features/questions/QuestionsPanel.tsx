/**
 * Questions for the Product Owner on the issue panel: the issue's questions, oldest first, each with its
 * answer in place; "Ask the PO" for anyone who may comment; an answer form on open questions for the PO.
 * Both are real Jira comments, written as the person who writes them.
 */
import { useId, useState } from 'react';
import { call, type Answers } from '../../bridge';
import { Badge, Button, ErrorMessage, Spinner, UserText } from '../../components';
import { useAsync } from '../../hooks/useAsync';
import './questions.css';

type View = Answers['questions.forIssue'];
type Question = View['questions'][number];

const age = (days: number) => (days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`);

function TextForm({
  label,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  label: string;
  submitLabel: string;
  onSubmit: (text: string) => Promise<void>;
  onCancel?: () => void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(text);
      setText('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="vr-questions__form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label className="vr-field__label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className="vr-questions__text"
        value={text}
        maxLength={2000}
        rows={3}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="vr-questions__actions">
        <Button type="submit" appearance="primary" disabled={busy || text.trim() === ''}>
          {busy ? 'Sending…' : submitLabel}
        </Button>
        {onCancel ? (
          <Button appearance="subtle" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
      {error ? <ErrorMessage title="Jira did not take it." error={error} /> : null}
    </form>
  );
}

function QuestionItem({
  question,
  canAnswer,
  onAnswer,
}: {
  question: Question;
  canAnswer: boolean;
  onAnswer: (text: string) => Promise<void>;
}) {
  const [answering, setAnswering] = useState(false);
  return (
    <li className="vr-questions__item" data-testid="question" data-question-id={question.id}>
      <p className="vr-questions__meta">
        {question.answer ? <Badge tone="success">Answered</Badge> : <Badge tone="warning">Open</Badge>}{' '}
        <UserText>{question.askedBy?.displayName ?? 'Unknown user'}</UserText> asked {age(question.ageDays)}
      </p>
      <p className="vr-questions__body">
        <UserText>{question.text}</UserText>
      </p>
      {question.answer ? (
        <blockquote className="vr-questions__answer" data-testid="answer">
          <p className="vr-questions__meta">
            <UserText>{question.answer.by?.displayName ?? 'Unknown user'}</UserText> answered
          </p>
          <p className="vr-questions__body">
            <UserText>{question.answer.text}</UserText>
          </p>
        </blockquote>
      ) : canAnswer ? (
        answering ? (
          <TextForm
            label="Your answer"
            submitLabel="Send answer"
            onSubmit={async (text) => {
              await onAnswer(text);
              setAnswering(false);
            }}
            onCancel={() => setAnswering(false)}
          />
        ) : (
          <Button onClick={() => setAnswering(true)}>Answer</Button>
        )
      ) : null}
    </li>
  );
}

export function QuestionsPanel({ issueKey }: { issueKey: string }) {
  const [state, reload] = useAsync(() => call('questions.forIssue', { issueKey }), [issueKey]);
  const [view, setView] = useState<View | undefined>(undefined);
  const [asking, setAsking] = useState(false);
  if (state.status === 'loading') return <Spinner label="Loading the questions…" />;
  if (state.status === 'error')
    return (
      <ErrorMessage title="ValueRank could not load the questions." error={state.error} onRetry={reload} />
    );
  const current = view && view.issueKey === issueKey ? view : state.data;
  return (
    <section className="vr-questions" aria-label="Questions for the Product Owner">
      <header className="vr-questions__header">
        <h3 className="vr-questions__title">Questions for the PO</h3>
        {current.open > 0 ? <Badge tone="warning">{current.open} open</Badge> : null}
        {current.canAsk && !asking ? <Button onClick={() => setAsking(true)}>Ask the PO</Button> : null}
      </header>
      {asking ? (
        <TextForm
          label="Your question"
          submitLabel="Ask"
          onSubmit={async (text) => {
            setView(await call('questions.ask', { issueKey, text }));
            setAsking(false);
          }}
          onCancel={() => setAsking(false)}
        />
      ) : null}
      {current.questions.length === 0 ? (
        <p className="vr-muted">No questions on this issue.</p>
      ) : (
        <ul className="vr-questions__list">
          {current.questions.map((q) => (
            <QuestionItem
              key={q.id}
              question={q}
              canAnswer={current.canAnswer}
              onAnswer={async (text) =>
                setView(await call('questions.answer', { issueKey, questionId: q.id, text }))
              }
            />
          ))}
        </ul>
      )}
    </section>
  );
}
