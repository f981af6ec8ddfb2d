/**
 * The Vision tab of the project page: the Product Vision Board (edited by project admins, versioned, with a
 * merge view on conflicting saves), its history, the dated vision notes and a Markdown export.
 */
import { useEffect, useState } from 'react';
import { call, type Answers } from '../../bridge';
import { ErrorMessage, Spinner } from '../../components';
import { BoardPanel } from './BoardPanel';
import { ExportPanel } from './ExportPanel';
import { HistoryPanel } from './HistoryPanel';
import { NotesPanel } from './NotesPanel';
import './vision.css';

type View = Answers['vision.get'];

export function Vision({ projectKey }: { projectKey: string }) {
  const [view, setView] = useState<View | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let current = true;
    setError(undefined);
    call('vision.get', { projectKey }).then(
      (v) => current && setView(v),
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [projectKey, round]);

  const reload = () => setRound((r) => r + 1);
  if (error && !view)
    return <ErrorMessage title="The vision could not be loaded." error={error} onRetry={reload} />;
  if (!view) return <Spinner label="Loading the vision…" />;
  return (
    <div className="vr-vision">
      <BoardPanel view={view} onSaved={reload} />
      <NotesPanel projectKey={projectKey} />
      <HistoryPanel
        projectKey={projectKey}
        canEdit={view.canEdit}
        currentVersion={view.version}
        round={round}
        onRestored={reload}
      />
      <ExportPanel projectKey={projectKey} />
    </div>
  );
}

export default Vision;
