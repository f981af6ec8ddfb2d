/** `valuerank boards` (a project's boards) and `valuerank backlog` (a board's backlog, in rank order). */
import { fieldsNeeded, summarize, toBacklogItem } from '../core/backlog/items';
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
  const jira = clientFor(values, io.env);
  const settings = await jira.boardSettings(boardId);
  const map = { estimationFieldId: settings.estimationFieldId };
  const items = (await jira.boardBacklog(boardId, { fields: fieldsNeeded(map) })).map((i) =>
    toBacklogItem(i, map),
  );
  const summary = summarize(items);
  const board = { id: settings.boardId, name: settings.name };
  if (values.json) return printJson(io, { board, summary, items });
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
