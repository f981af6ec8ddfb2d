/**
 * The project page: who you are, the projects you can see and their boards (`site.overview`), and the
 * backlog of the board you choose (`board.backlog`). Later: Prioritize and Vision tabs.
 */
import { useState } from 'react';
import { call, getContext, type Answers } from '../../bridge';
import { Badge, Button, EmptyState, ErrorMessage, Page, Section, Spinner } from '../../components';
import { useAsync } from '../../hooks/useAsync';
import { BacklogView } from './BacklogView';

type Overview = Answers['site.overview'];

async function loadOverview(): Promise<{ overview: Overview; projectKey: string | undefined }> {
  const [context, overview] = await Promise.all([getContext(), call('site.overview', {})]);
  return { overview, projectKey: context.extension.project?.key };
}

export function ProjectPage() {
  const [state, reload] = useAsync(loadOverview, []);
  const [chosenBoard, setChosenBoard] = useState<number | undefined>(undefined);

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
  const subtitle = <>Signed in as {user.displayName}</>;
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
  const lastBoard = allBoards.some((b) => b.id === overview.lastBoardId) ? overview.lastBoardId : undefined;
  const boardId = chosenBoard ?? lastBoard;
  const board = allBoards.find((b) => b.id === boardId);
  const ordered = [...projects].sort((a, b) => Number(b.key === projectKey) - Number(a.key === projectKey));

  return (
    <Page title="ValueRank" subtitle={subtitle}>
      <Section title="Projects">
        <ul className="vr-projects" aria-label="Projects">
          {ordered.map((project) => (
            <li key={project.id} className="vr-project">
              <p className="vr-project__name">
                <span>
                  {project.name} ({project.key})
                </span>
                {project.key === projectKey ? <Badge tone="information">This project</Badge> : null}
              </p>
              {project.boards.length === 0 ? (
                <p className="vr-muted">No boards in this project.</p>
              ) : (
                <div className="vr-boards" role="group" aria-label={`Boards of ${project.name}`}>
                  {project.boards.map((b) => (
                    <Button key={b.id} isSelected={b.id === boardId} onClick={() => setChosenBoard(b.id)}>
                      {b.name} <Badge>{b.type}</Badge>
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
    </Page>
  );
}
