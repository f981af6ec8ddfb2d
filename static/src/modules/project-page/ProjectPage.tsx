/**
 * The project page: who you are, the projects you can see and their boards (`site.overview`), in two tabs:
 * Overview (projects, boards, the backlog of the board you choose) and Prioritize (the backlog ordered by
 * business value; the default when the project has a scrum board), plus Vision (the product vision board,
 * its history and notes) and Readiness (the project's acceptance-criteria rules) when the page is opened in a
 * project.
 */
import { lazy, Suspense, useId, useState } from 'react';
import { call, getContext, type Answers } from '../../bridge';
import {
  Badge,
  Button,
  EmptyState,
  ErrorMessage,
  Page,
  Section,
  Spinner,
  Tabs,
  UserText,
} from '../../components';
import { Prioritize } from '../../features/prioritize';
import { useAsync } from '../../hooks/useAsync';
import { BacklogView } from './BacklogView';

/** The Vision tab loads on first use (its own chunk, outside the first-load budget). */
const Vision = lazy(() => import('../../features/vision'));
/** The Readiness tab (the project's acceptance-criteria rules) loads on first use too. */
const Readiness = lazy(() => import('../../features/readiness'));
/** The Questions tab (open questions for the PO) loads on first use too. */
const Questions = lazy(() => import('../../features/questions/QuestionsView'));
/** The Value sessions tab (stakeholders rate, the PO decides) loads on first use too. */
const Sessions = lazy(() => import('../../features/sessions/SessionsView'));

type Overview = Answers['site.overview'];
type Board = Overview['projects'][number]['boards'][number];

async function loadOverview(): Promise<{ overview: Overview; projectKey: string | undefined }> {
  const [context, overview] = await Promise.all([getContext(), call('site.overview', {})]);
  return { overview, projectKey: context.extension.project?.key };
}

function BoardPicker({
  boards,
  boardId,
  onChange,
}: {
  boards: readonly Board[];
  boardId: number | undefined;
  onChange: (id: number) => void;
}) {
  const id = useId();
  return (
    <div className="vr-field">
      <label className="vr-field__label" htmlFor={id}>
        Board
      </label>
      <select
        id={id}
        className="vr-select"
        value={boardId ?? ''}
        onChange={(e) => onChange(Number(e.target.value))}
      >
        {boardId === undefined ? <option value="">Choose a board</option> : null}
        {boards.map((b) => (
          <option key={b.id} value={b.id}>
            <UserText>{b.name}</UserText> ({b.type})
          </option>
        ))}
      </select>
    </div>
  );
}

export function ProjectPage() {
  const [state, reload] = useAsync(loadOverview, []);
  const [chosenBoard, setChosenBoard] = useState<number | undefined>(undefined);
  const [tab, setTab] = useState<string | undefined>(undefined);
  /** Issues selected in Prioritize for a new value session (the Value sessions tab opens its start form). */
  const [sessionKeys, setSessionKeys] = useState<string[] | undefined>(undefined);

  if (state.status === 'loading')
    return (
      <Page title="ValueRank">
        <Spinner label="Loading your projects…" />
      </Page>
    );
  if (state.status === 'error')
    return (
      <Page title="ValueRank">
        <ErrorMessage title="ValueRank could not load your projects." error={state.error} onRetry={reload} />
      </Page>
    );

  const { overview, projectKey } = state.data;
  const { user, projects } = overview;
  const subtitle = (
    <>
      Signed in as <UserText>{user.displayName}</UserText>
    </>
  );
  if (projects.length === 0)
    return (
      <Page title="ValueRank" subtitle={subtitle}>
        <EmptyState
          title="No projects"
          description="You cannot see any Jira projects on this site. Ask a Jira admin to give you access to a project."
        />
      </Page>
    );

  const allBoards = projects.flatMap((p) => p.boards);
  const here = projects.find((p) => p.key === projectKey);
  // Prioritize works on the boards of this project (all boards when the page has no project).
  const rankBoards = here ? here.boards : allBoards;
  const lastBoard = allBoards.some((b) => b.id === overview.lastBoardId) ? overview.lastBoardId : undefined;
  const boardId = chosenBoard ?? lastBoard;
  const board = allBoards.find((b) => b.id === boardId);
  const rankBoard =
    rankBoards.find((b) => b.id === boardId) ?? rankBoards.find((b) => b.type === 'scrum') ?? rankBoards[0];
  const ordered = [...projects].sort((a, b) => Number(b.key === projectKey) - Number(a.key === projectKey));
  const hasScrum = (here ? here.boards : allBoards).some((b) => b.type === 'scrum');
  const selectedTab = tab ?? (hasScrum ? 'prioritize' : 'overview');

  const overviewPanel = (
    <>
      <Section title="Projects">
        <ul className="vr-projects" aria-label="Projects">
          {ordered.map((project) => (
            <li key={project.id} className="vr-project">
              <p className="vr-project__name">
                <span>
                  <UserText>{project.name}</UserText> ({project.key})
                </span>
                {project.key === projectKey ? <Badge tone="information">This project</Badge> : null}
              </p>
              {project.boards.length === 0 ? (
                <p className="vr-muted">No boards in this project.</p>
              ) : (
                <div className="vr-boards" role="group" aria-label={`Boards of ${project.name}`}>
                  {project.boards.map((b) => (
                    <Button key={b.id} isSelected={b.id === boardId} onClick={() => setChosenBoard(b.id)}>
                      <UserText>{b.name}</UserText> <Badge>{b.type}</Badge>
                    </Button>
                  ))}
                </div>
              )}
            </li>
          ))}
        </ul>
      </Section>
      {board ? (
        <BacklogView key={board.id} boardId={board.id} boardName={board.name} />
      ) : (
        <Section title="Backlog">
          <p className="vr-muted">Choose a board to see its backlog.</p>
        </Section>
      )}
    </>
  );

  const prioritizePanel = rankBoard ? (
    <Prioritize
      key={rankBoard.id}
      boardId={rankBoard.id}
      toolbar={<BoardPicker boards={rankBoards} boardId={rankBoard.id} onChange={setChosenBoard} />}
      {...(here
        ? {
            onStartSession: (keys: string[]) => {
              setSessionKeys(keys);
              setTab('sessions');
            },
          }
        : {})}
    />
  ) : (
    <EmptyState
      title="No board to prioritize"
      description={`${here ? here.name : 'This site'} has no board. ValueRank orders a board's backlog; create a scrum board first.`}
    />
  );

  return (
    <Page title="ValueRank" subtitle={subtitle}>
      <Tabs
        label="ValueRank"
        selected={selectedTab}
        onSelect={setTab}
        tabs={[
          { id: 'overview', label: 'Overview', panel: overviewPanel },
          { id: 'prioritize', label: 'Prioritize', panel: prioritizePanel },
          ...(here
            ? [
                {
                  id: 'vision',
                  label: 'Vision',
                  panel: (
                    <Suspense fallback={<Spinner label="Loading the vision…" />}>
                      <Vision projectKey={here.key} />
                    </Suspense>
                  ),
                },
                {
                  id: 'readiness',
                  label: 'Readiness',
                  panel: (
                    <Suspense fallback={<Spinner label="Loading the readiness rules…" />}>
                      <Readiness projectKey={here.key} />
                    </Suspense>
                  ),
                },
                {
                  id: 'questions',
                  label: 'Questions',
                  panel: (
                    <Suspense fallback={<Spinner label="Loading the questions…" />}>
                      <Questions projectKey={here.key} />
                    </Suspense>
                  ),
                },
                {
                  id: 'sessions',
                  label: 'Value sessions',
                  panel: (
                    <Suspense fallback={<Spinner label="Loading the value sessions…" />}>
                      <Sessions
                        projectKey={here.key}
                        startWith={sessionKeys}
                        onStartWithUsed={() => setSessionKeys(undefined)}
                      />
                    </Suspense>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Page>
  );
}
