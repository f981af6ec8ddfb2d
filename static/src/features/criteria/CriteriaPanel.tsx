/**
 * The issue panel: the issue's acceptance criteria, each with its findings highlighted in place, the
 * story check, task progress, the verdict (Ready / Not ready with the blocking findings) and the score.
 */
import { useEffect } from 'react';
import { call, onIssueChanged, type Answers } from '../../bridge';
import { Badge, Button, ErrorMessage, Spinner } from '../../components';
import { useAsync } from '../../hooks/useAsync';
import { FindingList } from './FindingList';
import { Highlighted } from './Highlighted';
import { kindLabel, type Finding } from './labels';
import './criteria.css';

type View = Answers['readiness.check'];

export function CriteriaPanel({ issueKey }: { issueKey: string }) {
  const [state, reload] = useAsync(() => call('readiness.check', { issueKey }), [issueKey]);
  useEffect(() => onIssueChanged(reload), [reload]);
  if (state.status === 'loading') return <Spinner label="Checking the acceptance criteria…" />;
  if (state.status === 'error')
    return (
      <ErrorMessage title="ValueRank could not check this issue." error={state.error} onRetry={reload} />
    );
  return <CriteriaReport view={state.data} onRecheck={reload} />;
}

export function CriteriaReport({ view, onRecheck }: { view: View; onRecheck: () => void }) {
  const indexed = view.findings.map((finding, index) => ({ finding, index }));
  const ofCriterion = (c: number) => indexed.filter(({ finding }) => finding.criterion === c);
  const storyFindings = indexed.filter(({ finding }) => finding.kind.startsWith('story-'));
  const issueFindings = view.findings.filter(
    (f) => f.criterion === undefined && !f.kind.startsWith('story-'),
  );
  const { done, total } = view.progress;
  return (
    <section className="vr-criteria" aria-label="Acceptance criteria check">
      <header className="vr-criteria__summary">
        <span className="vr-criteria__verdict" data-testid="verdict">
          {view.verdict.ready ? <Badge tone="success">Ready</Badge> : <Badge tone="danger">Not ready</Badge>}
        </span>
        <span className="vr-criteria__score" data-testid="quality">
          Quality {view.score}/100
        </span>
        {total > 0 ? (
          <span className="vr-criteria__progress" data-testid="progress">
            {done} of {total} verified
          </span>
        ) : null}
        <Button onClick={onRecheck}>Check again</Button>
      </header>
      {!view.verdict.ready ? (
        <div className="vr-criteria__blocking" role="alert">
          <p>Blocking this issue:</p>
          <ul>
            {view.verdict.blocking.map((f: Finding, i) => (
              <li key={i}>
                <strong>{kindLabel(f.kind)}</strong>: {f.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {view.story ? (
        <div className="vr-criteria__story">
          <h3>User story</h3>
          <p>
            <Highlighted text={view.story.text} findings={storyFindings} />
          </p>
          <FindingList findings={storyFindings.map(({ finding }) => finding)} />
        </div>
      ) : null}
      <h3>Criteria found: {view.criteria.length}</h3>
      {view.criteria.length > 0 ? (
        <ol className="vr-criteria__list">
          {view.criteria.map((c, i) => {
            const own = ofCriterion(i);
            return (
              <li
                key={i}
                className={`vr-criterion vr-criterion--depth-${Math.min(c.depth, 3)}`}
                data-testid="criterion"
              >
                {c.kind === 'task' ? (
                  <span
                    className="vr-criterion__task"
                    role="img"
                    aria-label={c.state === 'DONE' ? 'verified' : 'not verified yet'}
                  >
                    {c.state === 'DONE' ? '☑' : '☐'}
                  </span>
                ) : null}
                {c.title ? <span className="vr-criterion__title">{c.title}: </span> : null}
                <Highlighted text={c.text} findings={own} />
                <FindingList findings={own.map(({ finding }) => finding)} />
              </li>
            );
          })}
        </ol>
      ) : null}
      <FindingList findings={issueFindings} />
    </section>
  );
}
