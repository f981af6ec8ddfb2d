/** `valuerank questions`: the project's open questions for the PO (issue property valuerank-questions). */
import { projectQuestions } from '../features/questions';
import { requireProject, type Values } from './args';
import { counted, printJsonOrNothing, table, type Io } from './output';
import { clientFor } from './site';

export async function questions(values: Values, io: Io): Promise<void> {
  const projectKey = requireProject(values.project);
  const jira = clientFor(values, io.env);
  // Listing only reads, as the user: the app's own client is never used here.
  const view = await projectQuestions({ jira, app: jira }, { projectKey, filter: { kind: 'all' } });
  const nothing = `no open questions in project ${projectKey} that you can see`;
  if (printJsonOrNothing(values.json, io, view, view.rows.length > 0, nothing)) return;
  io.stdout.write(
    `${projectKey}: ${counted(view.rows.length, 'open question')} on ${counted(view.issues, 'issue')}, the oldest ${view.oldestAgeDays ?? 0} days old\n`,
  );
  io.stdout.write(
    table([
      ['AGE', 'KEY', 'RANK', 'READY', 'ASKED BY', 'QUESTION'],
      ...view.rows.map((r) => [
        `${r.ageDays}d`,
        r.issueKey,
        r.rank === null ? '-' : String(r.rank),
        r.ready === null ? '-' : r.ready ? 'yes' : 'no',
        r.askedBy?.displayName ?? '-',
        r.text,
      ]),
    ]),
  );
}
