/**
 * Loading a seed: JSON, then the zod schema (./seed-schema), then referential integrity. Every problem is
 * reported as `<source>: <path>: <message>`, e.g. `seed.json: issues[12].fields.summary: Required`.
 */
import * as fs from 'node:fs';
import type { z } from 'zod';
import { isLexoRank } from './lexorank';
import { Seed } from './seed-schema';

export type { Seed } from './seed-schema';

export const RANK_FIELD_ID = 'customfield_10019';
export const SPRINT_FIELD_ID = 'customfield_10020';
const MAX_PROPERTY_BYTES = 32_768;
const MAX_REPORTED = 10;

/** `issues[12].fields.summary` */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

function zodMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return 'Required';
  return issue.message;
}

function fail(source: string, problems: string[]): never {
  const shown = problems.slice(0, MAX_REPORTED).map((p) => `${source}: ${p}`);
  if (problems.length > MAX_REPORTED)
    shown.push(`${source}: ... and ${problems.length - MAX_REPORTED} more problems`);
  throw new Error(shown.join('\n'));
}

/** Validates a parsed JSON value as a seed. `source` names it in messages (a file name). */
export function parseSeed(input: unknown, source = 'seed'): Seed {
  const result = Seed.safeParse(input);
  if (!result.success) {
    fail(
      source,
      result.error.issues.map((issue) => `${formatPath(issue.path)}: ${zodMessage(issue)}`),
    );
  }
  const problems = integrityProblems(result.data);
  if (problems.length > 0) fail(source, problems);
  return result.data;
}

export function loadSeedFile(path: string): Seed {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`${path}: cannot read the seed: ${(error as Error).message}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${path}: not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  return parseSeed(json, path);
}

function duplicates<T>(items: readonly T[], keyOf: (item: T) => string | number, label: string): string[] {
  const seen = new Map<string | number, number>();
  const problems: string[] = [];
  items.forEach((item, i) => {
    const key = keyOf(item);
    const first = seen.get(key);
    if (first !== undefined)
      problems.push(`${label}[${i}]: duplicate ${JSON.stringify(key)} (first at [${first}])`);
    else seen.set(key, i);
  });
  return problems;
}

/** Cross references the schema cannot check: every name a seed uses must be defined in it. */
export function integrityProblems(seed: Seed): string[] {
  const problems: string[] = [];
  const users = new Set(seed.users.map((u) => u.accountId));
  const projects = new Set(seed.projects.map((p) => p.key));
  const fields = new Set(seed.fields.map((f) => f.id));
  const boards = new Set(seed.boards.map((b) => b.id));
  const sprints = new Set(seed.sprints.map((s) => s.id));
  const issueKeys = new Set(seed.issues.map((i) => i.key));
  const issueIds = new Set(seed.issues.map((i) => i.id));

  problems.push(
    ...duplicates(seed.users, (u) => u.accountId, 'users'),
    ...duplicates(seed.users, (u) => u.emailAddress.toLowerCase(), 'users'),
    ...duplicates(seed.groups, (g) => g.groupId, 'groups'),
    ...duplicates(seed.groups, (g) => g.name, 'groups'),
    ...duplicates(seed.roles, (r) => r.id, 'roles'),
    ...duplicates(seed.projects, (p) => p.key, 'projects'),
    ...duplicates(seed.projects, (p) => p.id, 'projects'),
    ...duplicates(seed.fields, (f) => f.id, 'fields'),
    ...duplicates(seed.boards, (b) => b.id, 'boards'),
    ...duplicates(seed.sprints, (s) => s.id, 'sprints'),
    ...duplicates(seed.issues, (i) => i.key, 'issues'),
    ...duplicates(seed.issues, (i) => i.id, 'issues'),
  );
  if (!users.has(seed.defaultUser))
    problems.push(`defaultUser: '${seed.defaultUser}' is not one of users[].accountId`);

  const groups = new Set(seed.groups.map((g) => g.name));
  const roles = new Set(seed.roles.map((r) => String(r.id)));
  seed.groups.forEach((g, i) => {
    for (const m of g.members) if (!users.has(m)) problems.push(`groups[${i}].members: unknown user '${m}'`);
  });

  seed.projects.forEach((p, i) => {
    if (!users.has(p.lead)) problems.push(`projects[${i}].lead: unknown user '${p.lead}'`);
    for (const [roleId, actors] of Object.entries(p.roleActors)) {
      if (!roles.has(roleId)) problems.push(`projects[${i}].roleActors.${roleId}: unknown role ${roleId}`);
      for (const u of actors.users)
        if (!users.has(u)) problems.push(`projects[${i}].roleActors.${roleId}.users: unknown user '${u}'`);
      for (const g of actors.groups)
        if (!groups.has(g)) problems.push(`projects[${i}].roleActors.${roleId}.groups: unknown group '${g}'`);
    }
    for (const accountId of Object.keys(p.permissions)) {
      if (!users.has(accountId))
        problems.push(`projects[${i}].permissions.${accountId}: unknown user '${accountId}'`);
    }
    for (const [key, value] of Object.entries(p.properties ?? {})) {
      const size = Buffer.byteLength(JSON.stringify(value ?? null), 'utf8');
      if (value === undefined || size > MAX_PROPERTY_BYTES)
        problems.push(
          `projects[${i}].properties.${key}: a property value must be JSON of at most ${MAX_PROPERTY_BYTES} bytes`,
        );
    }
  });
  seed.fields.forEach((f, i) => {
    if (f.custom && !/^customfield_\d+$/.test(f.id)) {
      problems.push(`fields[${i}].id: a custom field id must look like customfield_10030`);
    }
  });
  seed.boards.forEach((b, i) => {
    if (!projects.has(b.projectKey))
      problems.push(`boards[${i}].projectKey: unknown project '${b.projectKey}'`);
    if (b.estimationFieldId !== undefined && !fields.has(b.estimationFieldId)) {
      problems.push(`boards[${i}].estimationFieldId: unknown field '${b.estimationFieldId}'`);
    }
    if (b.rankFieldId !== RANK_FIELD_ID) {
      problems.push(`boards[${i}].rankFieldId: the local site ranks by ${RANK_FIELD_ID} only`);
    }
  });
  seed.sprints.forEach((s, i) => {
    if (!boards.has(s.boardId)) problems.push(`sprints[${i}].boardId: unknown board ${s.boardId}`);
  });

  let ranked = 0;
  const ranks = new Map<string, number>();
  seed.issues.forEach((issue, i) => {
    const at = `issues[${i}]`;
    const projectKey = issue.key.slice(0, issue.key.lastIndexOf('-'));
    if (!projects.has(projectKey)) problems.push(`${at}.key: no project has the key '${projectKey}'`);
    const f = issue.fields;
    if (f.project && f.project.key !== projectKey) {
      problems.push(`${at}.fields.project.key: '${f.project.key}' does not match the issue key ${issue.key}`);
    }
    if (f.parent && !issueKeys.has(f.parent.key))
      problems.push(`${at}.fields.parent.key: unknown issue '${f.parent.key}'`);
    if (f.parent?.id !== undefined && !issueIds.has(f.parent.id)) {
      problems.push(`${at}.fields.parent.id: unknown issue id '${f.parent.id}'`);
    }
    (f.issuelinks ?? []).forEach((link, j) => {
      const side = link.outwardIssue ? 'outwardIssue' : 'inwardIssue';
      const target = link.outwardIssue ?? link.inwardIssue;
      if (target && !issueKeys.has(target.key)) {
        problems.push(`${at}.fields.issuelinks[${j}].${side}.key: unknown issue '${target.key}'`);
      }
    });
    for (const role of ['assignee', 'reporter'] as const) {
      const user = f[role];
      if (user && !users.has(user.accountId))
        problems.push(`${at}.fields.${role}.accountId: unknown user '${user.accountId}'`);
    }
    const sprintValue = (f as Record<string, unknown>)[SPRINT_FIELD_ID];
    if (sprintValue !== undefined && sprintValue !== null) {
      if (!Array.isArray(sprintValue)) {
        problems.push(`${at}.fields.${SPRINT_FIELD_ID}: must be an array of sprints or null`);
      } else {
        sprintValue.forEach((s: unknown, j) => {
          const id = (s as { id?: unknown } | null)?.id;
          if (typeof id !== 'number' || !sprints.has(id)) {
            problems.push(`${at}.fields.${SPRINT_FIELD_ID}[${j}].id: unknown sprint ${JSON.stringify(id)}`);
          }
        });
      }
    }
    const rank = (f as Record<string, unknown>)[RANK_FIELD_ID];
    if (rank !== undefined && rank !== null) {
      ranked++;
      if (!isLexoRank(rank)) {
        problems.push(`${at}.fields.${RANK_FIELD_ID}: not a rank string like 0|i0000f:`);
      } else {
        const first = ranks.get(rank);
        if (first !== undefined)
          problems.push(`${at}.fields.${RANK_FIELD_ID}: same rank as issues[${first}]`);
        else ranks.set(rank, i);
      }
    }
    for (const [key, value] of Object.entries(issue.properties ?? {})) {
      const size = Buffer.byteLength(JSON.stringify(value ?? null), 'utf8');
      if (value === undefined || size > MAX_PROPERTY_BYTES) {
        problems.push(
          `${at}.properties.${key}: a property value must be JSON of at most ${MAX_PROPERTY_BYTES} bytes`,
        );
      }
    }
    (issue.changelog?.histories ?? []).forEach((h, j) => {
      if (!users.has(h.author.accountId)) {
        problems.push(
          `${at}.changelog.histories[${j}].author.accountId: unknown user '${h.author.accountId}'`,
        );
      }
    });
    (issue.comments ?? []).forEach((c, j) => {
      if (!users.has(c.author)) problems.push(`${at}.comments[${j}].author: unknown user '${c.author}'`);
    });
  });
  if (ranked > 0 && ranked < seed.issues.length) {
    const missing = seed.issues.findIndex((i) => {
      const r = (i.fields as Record<string, unknown>)[RANK_FIELD_ID];
      return r === undefined || r === null;
    });
    problems.push(
      `issues[${missing}].fields.${RANK_FIELD_ID}: either every issue carries a rank or none does`,
    );
  }
  return problems;
}
