/**
 * The vision resolvers. Anyone who can browse the project reads the board, its history and the notes; project
 * administrators, and the members of the project role an admin picked (`vision.settings.*`, ADR 6), save or
 * restore the board; a note is changed only by its author or an admin.
 * Saves use optimistic concurrency (src/store/vision.ts): a stale `expectedVersion` answers `conflict`
 * carrying both boards and their differences, so the UI can offer a merge. People are stored by account id
 * only and shown by the name Jira gives now, read in one batched call per request (ADR 9). After every change the app publishes a read
 * copy to the project property `valuerank-vision` (src/features/vision/publish.ts, ADR 5); the answer says whether it did.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  diffBoards,
  emptyBoard,
  filterNotes,
  nextVersion,
  pageNotes,
  parseNote,
  restoreVersion,
  visionToMarkdown,
  type SaveConflict,
  type VisionBoard,
} from '../../core/vision';
import { JiraClient } from '../../jira/client';
import { forgeTransport } from '../../jira/forge-transport';
import {
  commitVersion,
  deleteNote,
  listNotes,
  listVersions,
  MAX_NOTES_PER_PROJECT,
  updateNoteIfVersion,
  readCurrent,
  readNote,
  readVisionSettings,
  writeNote,
  writeVisionSettings,
  type StoredNote,
  type StoredVersion,
} from '../../store/vision';
import { roleMembership } from './editors';
import { publishVision } from './publish';
import type { Caller } from '../../shared/caller';
import { projectAccess, requireProjectAdmin, type ProjectAccess } from '../../shared/project-access';
import { AppError } from '../../shared/errors';
import { nameOf, nameResolver } from '../../shared/names';
import {
  NOTE_CONFLICT_PREFIX,
  VISION_CONFLICT_PREFIX,
  VISION_HISTORY_PAGE,
  VISION_VERSIONS_KEPT_RULE,
  type VisionAnswers,
  type VisionConflict,
  type VisionNoteView,
  type VisionPublished,
  type VisionRoleRef,
  type VisionSettingsView,
  type visionPayloads,
  type VisionVersionView,
} from './api';

type Resolve<K extends keyof VisionAnswers> = (
  payload: z.infer<(typeof visionPayloads)[K]>,
  call: Caller,
) => Promise<VisionAnswers[K]>;

type VisionRights = ProjectAccess;

const rightsIn = (jira: JiraClient, projectKey: string) => projectAccess(jira, projectKey, 'its vision');
const requireAdmin = (jira: JiraClient, projectKey: string, toDo: string) =>
  requireProjectAdmin(jira, projectKey, toDo, 'its vision');

interface EditRights extends VisionRights {
  /** An admin, or a member of the editor role. */
  canEdit: boolean;
  editorRole: VisionRoleRef | null;
}

const appJira = () => new JiraClient(forgeTransport('app'));

const editorsSentence = (role: VisionRoleRef | null): string =>
  role ? `Project administrators and members of ${role.name}` : 'Project administrators only';

/**
 * What the caller may do with the board: admins always edit; anyone else only when an editor role is set and
 * they act in it (ADR 6). The role's actors and the caller's groups are read only in that case. `lenient`
 * (reads): a failed membership check means "cannot edit" instead of failing the read.
 */
async function editRightsIn(call: Caller, projectKey: string, lenient = false): Promise<EditRights> {
  const [rights, settings] = await Promise.all([
    rightsIn(call.jira, projectKey),
    readVisionSettings(projectKey),
  ]);
  if (settings.editorRoleId === null) return { ...rights, canEdit: rights.canAdmin, editorRole: null };
  const stored = {
    id: settings.editorRoleId,
    name: settings.editorRoleName ?? `role ${settings.editorRoleId}`,
  };
  if (rights.canAdmin) return { ...rights, canEdit: true, editorRole: stored };
  const membership = await roleMembership(
    { userJira: call.jira, appJira: appJira() },
    projectKey,
    settings.editorRoleId,
    call.accountId,
  ).catch((error: unknown) => {
    if (!lenient) throw error;
    console.warn(`ValueRank could not check the vision editor role of ${projectKey}`, error);
    return { member: false, roleName: undefined };
  });
  return {
    ...rights,
    canEdit: membership.member,
    editorRole: { id: stored.id, name: membership.roleName ?? stored.name },
  };
}

async function requireEditor(call: Caller, projectKey: string, toDo: string): Promise<EditRights> {
  const rights = await editRightsIn(call, projectKey);
  if (!rights.canEdit)
    throw new AppError(
      'forbidden',
      rights.editorRole
        ? `Only administrators of project ${projectKey} and members of the role ${rights.editorRole.name} can ${toDo}. Nothing was changed.`
        : `Only administrators of project ${projectKey} can ${toDo}. Nothing was changed.`,
    );
  return rights;
}

/** Display names of these accounts, read from Jira as the caller (one call). */
const namesOf = (call: Caller, accountIds: Iterable<string | undefined>) =>
  nameResolver(call.jira).names(accountIds);

const versionView = (v: StoredVersion, names: ReadonlyMap<string, string>): VisionVersionView => ({
  version: v.version,
  savedAt: v.savedAt,
  savedBy: v.savedBy,
  savedByName: nameOf(names, v.savedBy),
  board: v.board,
  ...(v.restoredFrom !== undefined ? { restoredFrom: v.restoredFrom } : {}),
});

const noteView = (
  note: StoredNote,
  accountId: string,
  rights: VisionRights,
  names: ReadonlyMap<string, string>,
): VisionNoteView => {
  const { projectKey: _project, updatedAt, ...rest } = note;
  void _project;
  return {
    ...rest,
    authorName: nameOf(names, note.author),
    ...(updatedAt ? { updatedAt } : {}),
    version: note.version ?? 1,
    published: note.published !== false,
    canEdit: note.author === accountId || rights.canAdmin,
  };
};

const quote = (text: string) => (text === '' ? '(empty)' : `"${text}"`);

/** `conflict` with both boards: readable lines per difference, then the whole material as JSON. */
function conflictError(
  conflict: SaveConflict,
  theirs: StoredVersion,
  names: ReadonlyMap<string, string>,
): AppError {
  const material: VisionConflict = {
    expectedVersion: conflict.expectedVersion,
    theirs: versionView(theirs, names),
    yours: conflict.yours,
    diff: conflict.diff,
  };
  const who = nameOf(names, theirs.savedBy);
  const lines = [
    ...conflict.diff.fields
      .filter((f) => f.change !== 'same')
      .map((f) => `${f.label}: theirs ${quote(f.before)}; yours ${quote(f.after)}`),
    ...conflict.diff.goals
      .filter((g) => g.change !== 'same')
      .map(
        (g) =>
          `Goal ${g.after?.name ?? g.before?.name ?? g.id}: ${g.change === 'added' ? 'only in yours' : g.change === 'removed' ? 'only in theirs' : `differs in ${g.attributes.join(', ')}`}`,
      ),
  ];
  return new AppError(
    'conflict',
    `${who} saved version ${theirs.version} of the vision after you started editing version ${conflict.expectedVersion}. Nothing was saved: merge your changes and save again.`,
    [...lines, `${VISION_CONFLICT_PREFIX}${JSON.stringify(material)}`],
  );
}

function invalid(what: string, errors: string[]): AppError {
  return new AppError('invalid-payload', `${what} is not valid: ${errors[0] ?? 'unknown problem'}.`, errors);
}

/**
 * Publishes the read copy after a change (ADR 5): as the app, because the caller's right to the change was
 * checked above and need not include Administer Projects. Never throws; the answer says whether it worked.
 */
async function publish(call: Caller, projectKey: string): Promise<VisionPublished> {
  const outcome = await publishVision(
    {
      appJira: new JiraClient(forgeTransport('app')),
      publishedBy: () => Promise.resolve(call.accountId),
    },
    projectKey,
  );
  return outcome.published ? { published: true } : { published: false, publishReason: outcome.reason };
}

/** Saves `board` as the version after `expectedVersion`, or explains why not (invalid, conflict). */
async function saveBoard(
  call: Caller,
  projectKey: string,
  board: unknown,
  expectedVersion: number,
  restoredFrom?: number,
): Promise<StoredVersion> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const current = await readCurrent(projectKey);
    const result = nextVersion(current, board, expectedVersion, call.accountId, new Date());
    if (!result.ok && result.reason === 'invalid') throw invalid('The vision board', result.errors);
    if (!result.ok && result.reason === 'conflict') {
      if (current) throw conflictError(result.conflict, current, await namesOf(call, [current.savedBy]));
      continue;
    }
    if (!result.ok) break;
    const version: StoredVersion = {
      ...result.version,
      ...(restoredFrom !== undefined ? { restoredFrom } : {}),
    };
    if (await commitVersion(projectKey, version, expectedVersion)) return version;
    // Someone else saved between our read and our transaction: the next round answers the conflict.
  }
  throw new AppError('conflict', 'Someone else saved the vision at the same time. Reload and try again.');
}

export const get: Resolve<'vision.get'> = async (p, call) => {
  const rights = await editRightsIn(call, p.projectKey, true);
  const [current, me] = await Promise.all([readCurrent(p.projectKey), call.jira.myself()]);
  const names = await namesOf(call, [current?.savedBy]);
  return {
    projectKey: p.projectKey,
    current: current ? versionView(current, names) : null,
    version: current?.version ?? 0,
    canEdit: rights.canEdit,
    canAdmin: rights.canAdmin,
    editorRole: rights.editorRole,
    editors: editorsSentence(rights.editorRole),
    user: { accountId: me.accountId, displayName: me.displayName ?? me.accountId },
  };
};

export const save: Resolve<'vision.save'> = async (p, call) => {
  await requireEditor(call, p.projectKey, 'edit the product vision');
  const saved = await saveBoard(call, p.projectKey, p.board, p.expectedVersion);
  const names = await namesOf(call, [saved.savedBy]);
  return { version: versionView(saved, names), ...(await publish(call, p.projectKey)) };
};

export const history: Resolve<'vision.history'> = async (p, call) => {
  await rightsIn(call.jira, p.projectKey);
  const kept = (await listVersions(p.projectKey)).reverse();
  const from = p.before === undefined ? 0 : kept.findIndex((v) => v.version < (p.before as number));
  const versions = from < 0 ? [] : kept.slice(from, from + (p.limit ?? VISION_HISTORY_PAGE));
  const last = versions[versions.length - 1];
  const nextBefore = last && kept.some((v) => v.version < last.version) ? last.version : null;
  const names = await namesOf(
    call,
    versions.map((v) => v.savedBy),
  );
  return {
    nextBefore,
    kept: VISION_VERSIONS_KEPT_RULE,
    versions: versions.map((v) => versionView(v, names)),
  };
};

export const restore: Resolve<'vision.restore'> = async (p, call) => {
  await requireEditor(call, p.projectKey, 'restore a version of the product vision');
  const versions = await listVersions(p.projectKey);
  const planned = restoreVersion(versions, p.version, call.accountId, new Date());
  if (!planned.ok && planned.reason === 'not-found')
    throw new AppError('not-found', `Version ${p.version} of the vision does not exist.`, planned.errors);
  if (!planned.ok) throw invalid('The restore', planned.errors);
  const source = versions.find((v) => v.version === p.version) as StoredVersion;
  const current = versions[versions.length - 1];
  if (current && current.version !== p.expectedVersion) {
    const yours: VisionBoard = source.board;
    throw conflictError(
      { yours, theirs: current, expectedVersion: p.expectedVersion, diff: diffBoards(current.board, yours) },
      current,
      await namesOf(call, [current.savedBy]),
    );
  }
  const saved = await saveBoard(call, p.projectKey, source.board, p.expectedVersion, p.version);
  const names = await namesOf(call, [saved.savedBy]);
  return { version: versionView(saved, names), ...(await publish(call, p.projectKey)) };
};

export const listNotesPage: Resolve<'vision.notes.list'> = async (p, call) => {
  const rights = await rightsIn(call.jira, p.projectKey);
  const matching = filterNotes(await listNotes(p.projectKey), p.filter);
  const page = pageNotes(matching, { cursor: p.cursor ?? null });
  const byId = new Map(matching.map((n) => [n.id, n as StoredNote]));
  const names = await namesOf(
    call,
    page.notes.map((n) => n.author),
  );
  return {
    notes: page.notes.map((n) => noteView(byId.get(n.id) as StoredNote, call.accountId, rights, names)),
    nextCursor: page.nextCursor,
    total: matching.length,
  };
};

const asObject = (input: unknown): Record<string, unknown> =>
  input !== null && typeof input === 'object' && !Array.isArray(input)
    ? (input as Record<string, unknown>)
    : {};

export const addNote: Resolve<'vision.notes.add'> = async (p, call) => {
  const rights = await rightsIn(call.jira, p.projectKey);
  if ((await listNotes(p.projectKey)).length >= MAX_NOTES_PER_PROJECT)
    throw new AppError(
      'conflict',
      `Project ${p.projectKey} has ${MAX_NOTES_PER_PROJECT} vision notes, the most ValueRank keeps. Delete old notes before adding one. Nothing was saved.`,
    );
  // Anyone who can browse may add a note; only editors' notes go into the published copy (ADR 12).
  const mayPublish = (await editRightsIn(call, p.projectKey, true)).canEdit;
  const parsed = parseNote({
    ...asObject(p.note),
    id: `n-${randomUUID()}`,
    author: call.accountId,
    createdAt: new Date().toISOString(),
  });
  if (!parsed.ok) throw invalid('The note', parsed.errors);
  const stored = await writeNote({
    ...parsed.value,
    version: 1,
    published: mayPublish,
    projectKey: p.projectKey,
  });
  return {
    note: noteView(stored, call.accountId, rights, await namesOf(call, [stored.author])),
    ...(await publish(call, p.projectKey)),
  };
};

async function editableNote(call: Caller, projectKey: string, id: string, toDo: string) {
  const rights = await rightsIn(call.jira, projectKey);
  const note = await readNote(projectKey, id);
  if (!note) throw new AppError('not-found', `The note does not exist (any more).`);
  if (note.author !== call.accountId && !rights.canAdmin)
    throw new AppError(
      'forbidden',
      `Only the author of a note or an administrator of project ${projectKey} can ${toDo} it. Nothing was changed.`,
    );
  return { rights, note };
}

/**
 * `conflict` for an edit of a note someone else changed since the caller opened it: the note as it is now
 * travels in the details (after {@link NOTE_CONFLICT_PREFIX}) for the UI to show beside the caller's edit.
 */
async function noteConflict(projectKey: string, id: string, expectedVersion: number): Promise<AppError> {
  const now = await readNote(projectKey, id);
  if (!now) return new AppError('not-found', 'The note was deleted meanwhile. Nothing was saved.');
  const theirs = {
    id: now.id,
    type: now.type,
    title: now.title,
    text: now.text,
    tags: now.tags,
    issueKeys: now.issueKeys,
    version: now.version ?? 1,
    ...(now.updatedAt ? { updatedAt: now.updatedAt } : {}),
  };
  return new AppError(
    'conflict',
    `Someone changed this note after you opened it (it is at version ${theirs.version}; you edited version ${expectedVersion}). Nothing was saved: compare, then edit it again.`,
    [`${NOTE_CONFLICT_PREFIX}${JSON.stringify(theirs)}`],
  );
}

export const updateNote: Resolve<'vision.notes.update'> = async (p, call) => {
  const { rights, note } = await editableNote(call, p.projectKey, p.id, 'edit');
  const parsed = parseNote({
    ...asObject(p.note),
    id: note.id,
    author: note.author,
    createdAt: note.createdAt,
  });
  if (!parsed.ok) throw invalid('The note', parsed.errors);
  const stored =
    p.expectedVersion === (note.version ?? 1)
      ? await updateNoteIfVersion(
          {
            ...note,
            ...parsed.value,
            projectKey: p.projectKey,
            updatedAt: new Date().toISOString(),
          },
          p.expectedVersion,
          note.version !== undefined,
        )
      : undefined;
  if (!stored) throw await noteConflict(p.projectKey, p.id, p.expectedVersion);
  return {
    note: noteView(stored, call.accountId, rights, await namesOf(call, [stored.author])),
    ...(await publish(call, p.projectKey)),
  };
};

export const removeNote: Resolve<'vision.notes.delete'> = async (p, call) => {
  await editableNote(call, p.projectKey, p.id, 'delete');
  await deleteNote(p.projectKey, p.id);
  return { id: p.id, ...(await publish(call, p.projectKey)) };
};

export const exportMarkdown: Resolve<'vision.export'> = async (p, call) => {
  await rightsIn(call.jira, p.projectKey);
  const [current, notes, projects] = await Promise.all([
    readCurrent(p.projectKey),
    listNotes(p.projectKey),
    call.jira.projects(),
  ]);
  const names = Object.fromEntries(
    await namesOf(
      call,
      notes.map((n) => n.author),
    ),
  );
  const projectName = projects.find((pr) => pr.key === p.projectKey)?.name ?? p.projectKey;
  const now = new Date();
  const markdown = visionToMarkdown(current?.board ?? emptyBoard(), notes, {
    projectName,
    now,
    names,
  });
  return { markdown, filename: `${p.projectKey}-vision-${now.toISOString().slice(0, 10)}.md` };
};

/** The editor setting as the caller may see it; the project's roles only for admins (read as the admin). */
async function settingsView(
  call: Caller,
  projectKey: string,
  canAdmin: boolean,
): Promise<VisionSettingsView> {
  const [settings, projectRoles] = await Promise.all([
    readVisionSettings(projectKey),
    canAdmin ? call.jira.projectRoles(projectKey) : Promise.resolve([]),
  ]);
  const roles = projectRoles.map((r) => ({ id: r.id, name: r.name, description: r.description }));
  const editorRole =
    settings.editorRoleId === null
      ? null
      : {
          id: settings.editorRoleId,
          name:
            roles.find((r) => r.id === settings.editorRoleId)?.name ??
            settings.editorRoleName ??
            `role ${settings.editorRoleId}`,
        };
  return { projectKey, editorRole, roles, canAdmin, editors: editorsSentence(editorRole) };
}

export const getSettings: Resolve<'vision.settings.get'> = async (p, call) => {
  const rights = await rightsIn(call.jira, p.projectKey);
  return settingsView(call, p.projectKey, rights.canAdmin);
};

export const saveSettings: Resolve<'vision.settings.save'> = async (p, call) => {
  await requireAdmin(call.jira, p.projectKey, 'choose who edits the product vision');
  let editorRoleName: string | undefined;
  if (p.editorRoleId !== null) {
    const role = (await call.jira.projectRoles(p.projectKey)).find((r) => r.id === p.editorRoleId);
    if (!role)
      throw new AppError(
        'invalid-payload',
        `Project ${p.projectKey} has no role with id ${p.editorRoleId}. Nothing was changed.`,
      );
    editorRoleName = role.name;
  }
  await writeVisionSettings(p.projectKey, {
    editorRoleId: p.editorRoleId,
    ...(editorRoleName !== undefined ? { editorRoleName } : {}),
    updatedAt: new Date().toISOString(),
    updatedBy: call.accountId,
  });
  return settingsView(call, p.projectKey, true);
};
