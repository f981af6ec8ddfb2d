/**
 * The app's Forge custom fields (`jira:customField` in manifest.yml) as the local site must list them: on
 * Jira, installing the app adds each to `GET /rest/api/3/field` with an ordinary `customfield_N` id and a
 * `schema.custom` naming the app, its environment and the module key
 * (`ari:cloud:ecosystem::extension/<app>/<environment>/static/<module key>`). Only the app may write them
 * (`POST /rest/api/3/app/field/value`), which the site enforces.
 */
import type { Seed, SeedField } from '../site/seed-schema';
import type { AppCustomField, AppManifest } from './manifest';

/** The first id the site gives app fields (ids in use are skipped). */
export const FIRST_APP_FIELD_ID = 10500;
export const LOCAL_ENVIRONMENT_ID = 'local-development';

/** Forge's field types → the `schema.type` Jira reports. */
const SCHEMA_TYPE: Record<string, string> = {
  number: 'number',
  string: 'string',
  user: 'user',
  group: 'group',
  date: 'date',
  datetime: 'datetime',
};

export function appFieldSeeds(
  fields: readonly AppCustomField[],
  options: { appId: string; environmentId?: string; taken?: ReadonlySet<string> },
): SeedField[] {
  const app = options.appId.split('/').pop() ?? options.appId;
  const env = options.environmentId ?? LOCAL_ENVIRONMENT_ID;
  const taken = new Set(options.taken ?? []);
  let next = FIRST_APP_FIELD_ID;
  return fields.map((f) => {
    while (taken.has(`customfield_${next}`)) next += 1;
    const customId = next;
    next += 1;
    const base = SCHEMA_TYPE[f.type] ?? 'string';
    const type = f.collection === 'list' ? 'array' : base;
    return {
      id: `customfield_${customId}`,
      key: `${app}__${env}__${f.key}`,
      name: f.name,
      custom: true,
      schema: {
        type,
        ...(type === 'array' ? { items: base } : {}),
        custom: `ari:cloud:ecosystem::extension/${app}/${env}/static/${f.key}`,
        customId,
      },
    };
  });
}

/** The seed with the manifest's app fields added (when it does not list them already). */
export function withAppFields(seed: Seed, manifest: Pick<AppManifest, 'appId' | 'customFields'>): Seed {
  const known = new Set(seed.fields.map((f) => f.schema?.custom).filter(Boolean));
  const fresh = appFieldSeeds(manifest.customFields, {
    appId: manifest.appId,
    taken: new Set(seed.fields.map((f) => f.id)),
  }).filter((f) => !known.has(f.schema?.custom));
  return fresh.length === 0 ? seed : { ...seed, fields: [...seed.fields, ...fresh] };
}
