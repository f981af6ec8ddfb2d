/** `valuerank boards` (a project's boards) and `valuerank backlog` (a board's backlog, in rank order). */
import { readBoardBacklog } from '../features/overview';
import { requireBoard, requireProject, type Values } from './args';
import { printJson, printJsonOrNothing, table, type Io } from './output';
import { clientFor } from './site';

export async function boards(values: Values, io: Io): Promise<void> {
  const project = requireProject(values.project);
  const list = await clientFor(values, io.env).boards({ projectKeyOrId: project });
  const out = list.map(({ id, name, type }) => ({ id, name, type }));
  const nothing = `no boards in project ${project} that you can see; check the project key, or ask for Browse Projects in it`;
  if (printJsonOrNothing(values.json, io, out, out.length > 0, nothing)) return;
  io.stdout.write(table([['ID', 'TYPE', 'NAME'], ...out.map((b) => [String(b.id), b.type, b.name])]));
}

export async function backlog(values: Values, io: Io): Promise<void> {
  const boardId = requireBoard(values);
  // The app's read of a backlog (the Overview's), without remembering the board: the CLI has no Forge storage.
  const { board, summary, items } = await readBoardBacklog(clientFor(values, io.env), boardId);
  if (values.json) return printJson(io, { board: { id: board.id, name: board.name }, summary, items });
  io.stdout.write(
    `${board.name}: ${summary.count} issues, ${summary.estimated} estimated, ${summary.totalPoints} points\n`,
  );
  io.stdout.write(
    table([
      ['RANK', 'KEY', 'TYPE', 'POINTS', 'SUMMARY'],
      ...items.map((item, i) => [
        String(i + 1),
        item.key,
        item.issueType,
        item.storyPoints === undefined ? '-' : String(item.storyPoints),
        item.summary,
      ]),
    ]),
  );
}
