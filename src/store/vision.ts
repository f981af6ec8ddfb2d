/**
 * What the product vision keeps in Forge storage, each record checked with zod on the way in and out:
 *
 * | where                                  | what                                                         |
 * | -------------------------------------- | ------------------------------------------------------------ |
 * | entity `vision-head`, key `<project>`  | the current version number, who saved it and when            |
 * | `vision:<project>:v:<n>`               | version n of the board (never overwritten; pruned: the newest 50 are kept, plus every version one of those restores) |
 * | entity `vision-note`, `<project>:<id>` | one vision note, indexed by project and time; at most 500 per project; its `version` moves on every edit |
 * | `vision:<project>:settings`            | who may edit besides project admins (a project role, ADR 6)   |
 *
 * A save is ONE transaction: the new version's key and the head, conditioned on the head still being at the
 * version the user edited (no head at all for version 0). Two racing saves cannot both become version n + 1:
 * the loser's transaction fails its condition and changes nothing. The head is a custom entity because Forge
 * checks transaction conditions on custom entities only.
 */
import { Filter, FilterConditions, kvs, Sort, WhereConditions, type ForgeKvsAPIError } from '@forge/kvs';
import { z } from 'zod';
import { VisionNoteSchema, VisionVersionSchema, type VisionNote, type VisionVersion } from '../core/vision';
import { readJson, writeJson } from './json-store';
import { checkKey, keyOf, MAX_VALUE_BYTES } from './keys';

const HEAD = 'vision-head';
const NOTE = 'vision-note';
/** A project role's name as Jira gave it (not personal data). */
const DisplayName = z.string().max(255);

/*
 * People are stored by account id only; their names are read from Jira when shown (ADR 9). Records
 * written before kept a display name (`savedByName`, `authorName`): zod drops those keys on read, and
 * every rewrite stores the record without them.
 */
export const StoredVersionSchema = VisionVersionSchema;
export type StoredVersion = VisionVersion;

export const VisionHeadSchema = z.object({
  projectKey: z.string(),
  version: z.number().int().min(1),
  savedAt: z.string(),
  savedBy: z.string(),
});
export type VisionHead = z.infer<typeof VisionHeadSchema>;

/** Versions of a project's board kept: the newest 50, plus every version one of them was restored from. */
export const MAX_VERSIONS_KEPT = 50;
/** Notes a project keeps; adding more is refused until some are deleted. */
export const MAX_NOTES_PER_PROJECT = 500;

export const StoredNoteSchema = VisionNoteSchema.extend({
  /** 1 when written, one more on every edit (absent on notes written before versions: read as 1). */
  version: z.number().int().min(1).optional(),
  /** False for a note by someone who may not edit the vision: kept and listed, never published (ADR 12). */
  published: z.boolean().optional(),
  projectKey: z.string(),
  updatedAt: z.string().optional(),
});
export type StoredNote = VisionNote & {
  version?: number;
  published?: boolean;
  projectKey: string;
  updatedAt?: string;
};

const versionKey = (projectKey: string, version: number) => keyOf('vision', projectKey, 'v', version);
const versionPrefix = (projectKey: string) => `${keyOf('vision', projectKey, 'v')}:`;
const headKey = (projectKey: string) => checkKey(keyOf(projectKey));
const noteKey = (projectKey: string, id: string) => checkKey(keyOf(projectKey, id));

function checkSize(value: unknown): void {
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (bytes > MAX_VALUE_BYTES)
    throw new RangeError(`Too large to store (${bytes} bytes; the limit is ${MAX_VALUE_BYTES})`);
}

function parseStored<S extends z.ZodTypeAny>(schema: S, raw: unknown, where: string): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`Stored vision data under ${where} is not valid`);
  return parsed.data;
}

// ------------------------------------------------------------------------------------------------ board

export async function readHead(projectKey: string): Promise<VisionHead | undefined> {
  const raw = await kvs.entity<VisionHead>(HEAD).get(headKey(projectKey));
  return raw === undefined ? undefined : parseStored(VisionHeadSchema, raw, `${HEAD}/${projectKey}`);
}

export async function readVersion(projectKey: string, version: number): Promise<StoredVersion | undefined> {
  return readJson(versionKey(projectKey, version), StoredVersionSchema);
}

/** The current version, or undefined when the project has no vision yet (version 0). */
export async function readCurrent(projectKey: string): Promise<StoredVersion | undefined> {
  const head = await readHead(projectKey);
  if (!head) return undefined;
  const version = await readVersion(projectKey, head.version);
  if (!version) throw new Error(`Vision version ${head.version} of ${projectKey} is missing`);
  return version;
}

/** Every stored version of the project's board, oldest first. */
export async function listVersions(projectKey: string): Promise<StoredVersion[]> {
  const out: StoredVersion[] = [];
  let cursor: string | undefined;
  do {
    let query = kvs
      .query()
      .where('key', WhereConditions.beginsWith(versionPrefix(projectKey)))
      .limit(20);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany<unknown>();
    for (const r of page.results) out.push(parseStored(StoredVersionSchema, r.value, r.key));
    cursor = page.nextCursor;
  } while (cursor);
  return out.sort((a, b) => a.version - b.version);
}

const isConditionFailure = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  (error as Partial<ForgeKvsAPIError>).code === 'CONDITION_CHECK_FAILED';

/**
 * Stores `version` as the project's current version if the head is still at `expectedVersion` (no head
 * for 0); answers false, changing nothing, when someone else saved in between.
 */
export async function commitVersion(
  projectKey: string,
  version: StoredVersion,
  expectedVersion: number,
): Promise<boolean> {
  const stored = StoredVersionSchema.parse(version);
  checkSize(stored);
  const head: VisionHead = {
    projectKey,
    version: stored.version,
    savedAt: stored.savedAt,
    savedBy: stored.savedBy,
  };
  const conditions =
    expectedVersion === 0
      ? new Filter<VisionHead>().and('version', FilterConditions.notExists())
      : new Filter<VisionHead>().and('version', FilterConditions.equalTo(expectedVersion));
  try {
    await kvs
      .transact()
      .set(versionKey(projectKey, stored.version), stored)
      .set<VisionHead>(headKey(projectKey), head, { entityName: HEAD, conditions })
      .execute();
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
  await pruneVersions(projectKey).catch((error: unknown) =>
    console.warn(`ValueRank could not prune the vision versions of ${projectKey}`, error),
  );
  return true;
}

/**
 * The versions to keep of `versions` (any order): the newest {@link MAX_VERSIONS_KEPT}, and every version
 * one of those was restored from (so a restore's source stays readable).
 */
export function versionsToKeep(
  versions: readonly Pick<VisionVersion, 'version' | 'restoredFrom'>[],
): Set<number> {
  const newest = [...versions].sort((a, b) => b.version - a.version).slice(0, MAX_VERSIONS_KEPT);
  const keep = new Set(newest.map((v) => v.version));
  for (const v of newest) if (v.restoredFrom !== undefined) keep.add(v.restoredFrom);
  return keep;
}

/** Deletes the versions {@link versionsToKeep} does not keep; answers how many went. */
export async function pruneVersions(projectKey: string): Promise<number> {
  const versions = await listVersions(projectKey);
  if (versions.length <= MAX_VERSIONS_KEPT) return 0;
  const keep = versionsToKeep(versions);
  const gone = versions.filter((v) => !keep.has(v.version));
  for (const v of gone) await kvs.delete(versionKey(projectKey, v.version));
  return gone.length;
}

// ------------------------------------------------------------------------------------------------ notes

/** Every note of the project, oldest first (the callers filter and page with the core). */
export async function listNotes(projectKey: string): Promise<StoredNote[]> {
  const out: StoredNote[] = [];
  let cursor: string | undefined;
  do {
    let query = kvs
      .entity<StoredNote>(NOTE)
      .query()
      .index('by-project-time', { partition: [projectKey] })
      .sort(Sort.ASC)
      .limit(100);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    for (const r of page.results) out.push(parseStored(StoredNoteSchema, r.value, r.key));
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

export async function readNote(projectKey: string, id: string): Promise<StoredNote | undefined> {
  const raw = await kvs.entity<StoredNote>(NOTE).get(noteKey(projectKey, id));
  return raw === undefined ? undefined : parseStored(StoredNoteSchema, raw, `${NOTE}/${projectKey}:${id}`);
}

/** Validates (the core's limits), checks the size, then writes; an invalid note writes nothing. */
export async function writeNote(note: StoredNote): Promise<StoredNote> {
  const stored = StoredNoteSchema.parse(note) as StoredNote;
  checkSize(stored);
  await kvs.entity<StoredNote>(NOTE).set(noteKey(stored.projectKey, stored.id), stored);
  return stored;
}

/**
 * Writes an edit of a note as version `expectedVersion + 1` if the stored note is still at `expectedVersion`
 * (a note without a version is at 1): ONE conditioned write, so of two edits of the same version exactly one
 * is stored. Answers undefined, changing nothing, when someone else's edit came first.
 */
export async function updateNoteIfVersion(
  note: StoredNote,
  expectedVersion: number,
  storedHasVersion: boolean,
): Promise<StoredNote | undefined> {
  const stored = StoredNoteSchema.parse({ ...note, version: expectedVersion + 1 }) as StoredNote;
  checkSize(stored);
  const conditions = storedHasVersion
    ? new Filter<StoredNote>().and('version', FilterConditions.equalTo(expectedVersion))
    : new Filter<StoredNote>()
        .and('version', FilterConditions.notExists())
        .and('createdAt', FilterConditions.exists());
  try {
    await kvs
      .transact()
      .set<StoredNote>(noteKey(stored.projectKey, stored.id), stored, { entityName: NOTE, conditions })
      .execute();
    return stored;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

export async function deleteNote(projectKey: string, id: string): Promise<void> {
  await kvs.entity<StoredNote>(NOTE).delete(noteKey(projectKey, id));
}

// ------------------------------------------------------------------------------------------------ settings

export const VisionSettingsSchema = z.object({
  /** Members of this project role edit the board and restore versions, like project admins; null: admins only. */
  editorRoleId: z.number().int().positive().nullable(),
  /** The role's name as Jira gave it when an admin picked it (shown without a Jira call). */
  editorRoleName: DisplayName.optional(),
  updatedAt: z.string().optional(),
  updatedBy: z.string().optional(),
});
export type VisionSettings = z.infer<typeof VisionSettingsSchema>;

const settingsKey = (projectKey: string) => keyOf('vision', projectKey, 'settings');

/** The project's vision settings; admins only (`editorRoleId: null`) when none were saved. */
export async function readVisionSettings(projectKey: string): Promise<VisionSettings> {
  return (await readJson(settingsKey(projectKey), VisionSettingsSchema)) ?? { editorRoleId: null };
}

export async function writeVisionSettings(
  projectKey: string,
  settings: VisionSettings,
): Promise<VisionSettings> {
  return writeJson(settingsKey(projectKey), VisionSettingsSchema, settings);
}
