/**
 * Reads manifest.yml the way the harness needs it: the Custom UI modules (which resource entry each
 * one frames, which resolver function it calls), the function handlers, the queue consumers and the
 * custom entities. Everything the harness runs is found here, so the manifest stays the one source.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const MANIFEST_PATH = path.join(REPO_ROOT, 'manifest.yml');

/** A module that renders Custom UI in an iframe (project page, issue panel, gadget…). */
export interface UiModule {
  /** The module type, e.g. `jira:projectPage`. */
  type: string;
  key: string;
  title: string;
  /** The resource key and entry name, from `resource: ui/project-page`. */
  resourceKey: string;
  entry: string;
  /** The HTML file of the entry inside the resource's build directory, e.g. `project-page.html`. */
  entryFile: string;
  /** The gadget edit view (`edit.resource`), when the module has one. */
  edit?: { entry: string; entryFile: string };
  /** The function key of the module's resolver, when it has one. */
  resolverFunction: string | undefined;
  /** Everything else the manifest says about the module (for the extension context). */
  raw: Record<string, unknown>;
}

export interface FunctionDef {
  key: string;
  /** `index.handler` → file `src/index`, export `handler`. */
  file: string;
  exportName: string;
}

export interface ConsumerDef {
  key: string;
  queue: string;
  /** `function: key` (events v2: the handler gets the AsyncEvent). */
  functionKey: string;
  /** `resolver: { function, method }` (events v1: a resolver definition gets `{ payload, context }`). */
  resolverMethod: string | undefined;
}

/** A product trigger (`trigger`): the function that runs on the named product events. */
export interface TriggerDef {
  key: string;
  functionKey: string;
  /** e.g. `avi:jira:updated:issue`. */
  events: string[];
  /** `filter: { ignoreSelf: true }`: events the app's own calls caused do not run it. */
  ignoreSelf: boolean;
}

/** A Forge custom field the app declares (`jira:customField`): Jira lists it among the site's fields. */
export interface AppCustomField {
  key: string;
  name: string;
  description: string | undefined;
  /** number, string, user, group, date, datetime. */
  type: string;
  collection: string | undefined;
  readOnly: boolean;
}

export type EntityAttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'any';

export interface EntityIndex {
  name: string;
  range: string[];
  partition: string[];
}

export interface EntityDef {
  name: string;
  attributes: Record<string, EntityAttributeType>;
  indexes: EntityIndex[];
}

export interface AppManifest {
  appId: string;
  uiResources: Record<string, { path: string; entries: Record<string, string> }>;
  uiModules: UiModule[];
  functions: Record<string, FunctionDef>;
  consumers: ConsumerDef[];
  triggers: TriggerDef[];
  customFields: AppCustomField[];
  entities: EntityDef[];
  /** `permissions.content.styles` contains `unsafe-inline`. */
  allowsInlineStyles: boolean;
  scopes: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Module types that are not Custom UI (no iframe). */
const NON_UI_TYPES = new Set([
  'function',
  'consumer',
  'trigger',
  'webtrigger',
  'scheduledTrigger',
  'jira:customField',
  'jira:entityProperty',
]);

function splitResource(ref: string): { resourceKey: string; entry: string } {
  const slash = ref.indexOf('/');
  return slash < 0
    ? { resourceKey: ref, entry: '' }
    : { resourceKey: ref.slice(0, slash), entry: ref.slice(slash + 1) };
}

export function parseManifest(text: string): AppManifest {
  const doc: unknown = parse(text);
  if (!isObj(doc)) throw new Error('manifest.yml is not a YAML mapping');
  const modules = isObj(doc.modules) ? doc.modules : {};
  const app = isObj(doc.app) ? doc.app : {};

  const uiResources: AppManifest['uiResources'] = {};
  for (const r of Array.isArray(doc.resources) ? doc.resources : []) {
    if (!isObj(r) || !str(r.key) || !str(r.path)) continue;
    const entries: Record<string, string> = {};
    if (isObj(r.entry))
      for (const [name, file] of Object.entries(r.entry)) if (str(file)) entries[name] = file as string;
    uiResources[r.key as string] = { path: r.path as string, entries };
  }

  const entryFile = (resourceKey: string, entry: string, moduleKey: string): string => {
    const resource = uiResources[resourceKey];
    if (!resource) throw new Error(`Module ${moduleKey}: no resource ${resourceKey} in manifest.yml`);
    if (!entry) return 'index.html';
    const file = resource.entries[entry];
    if (!file) throw new Error(`Module ${moduleKey}: resource ${resourceKey} has no entry ${entry}`);
    return file;
  };

  const uiModules: UiModule[] = [];
  const functions: Record<string, FunctionDef> = {};
  const consumers: ConsumerDef[] = [];
  const triggers: TriggerDef[] = [];
  const customFields: AppCustomField[] = [];
  for (const [type, list] of Object.entries(modules)) {
    if (!Array.isArray(list)) continue;
    for (const m of list) {
      if (!isObj(m) || !str(m.key)) continue;
      const key = m.key as string;
      if (type === 'function') {
        const handler = str(m.handler) ?? '';
        const dot = handler.lastIndexOf('.');
        if (dot < 0) throw new Error(`Function ${key}: handler must be <file>.<export>, got ${handler}`);
        functions[key] = { key, file: handler.slice(0, dot), exportName: handler.slice(dot + 1) };
      } else if (type === 'consumer') {
        const resolver = isObj(m.resolver) ? m.resolver : undefined;
        const functionKey = str(m.function) ?? str(resolver?.function);
        if (!functionKey || !str(m.queue)) continue;
        consumers.push({ key, queue: m.queue as string, functionKey, resolverMethod: str(resolver?.method) });
      } else if (type === 'trigger') {
        const events = Array.isArray(m.events)
          ? m.events.filter((e): e is string => typeof e === 'string')
          : [];
        const ignoreSelf = isObj(m.filter) && m.filter.ignoreSelf === true;
        if (str(m.function)) triggers.push({ key, functionKey: m.function as string, events, ignoreSelf });
      } else if (type === 'jira:customField') {
        customFields.push({
          key,
          name: str(m.name) ?? key,
          description: str(m.description),
          type: str(m.type) ?? 'string',
          collection: str(m.collection),
          readOnly: m.readOnly === true,
        });
      } else if (!NON_UI_TYPES.has(type) && str(m.resource)) {
        const { resourceKey, entry } = splitResource(m.resource as string);
        const edit =
          isObj(m.edit) && str(m.edit.resource) ? splitResource(m.edit.resource as string) : undefined;
        uiModules.push({
          type,
          key,
          title: str(m.title) ?? key,
          resourceKey,
          entry,
          entryFile: entryFile(resourceKey, entry, key),
          ...(edit
            ? { edit: { entry: edit.entry, entryFile: entryFile(edit.resourceKey, edit.entry, key) } }
            : {}),
          resolverFunction: isObj(m.resolver) ? str(m.resolver.function) : undefined,
          raw: m,
        });
      }
    }
  }

  const storage = isObj(app.storage) ? app.storage : {};
  const entities: EntityDef[] = [];
  for (const e of Array.isArray(storage.entities) ? storage.entities : []) {
    if (!isObj(e) || !str(e.name)) continue;
    const attributes: Record<string, EntityAttributeType> = {};
    if (isObj(e.attributes)) {
      for (const [name, spec] of Object.entries(e.attributes)) {
        const t = isObj(spec) ? str(spec.type) : undefined;
        attributes[name] = (t as EntityAttributeType | undefined) ?? 'any';
      }
    }
    const indexes: EntityIndex[] = [];
    for (const ix of Array.isArray(e.indexes) ? e.indexes : []) {
      if (typeof ix === 'string') indexes.push({ name: ix, range: [ix], partition: [] });
      else if (isObj(ix) && str(ix.name)) {
        const list = (v: unknown) =>
          Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
        indexes.push({ name: ix.name as string, range: list(ix.range), partition: list(ix.partition) });
      }
    }
    entities.push({ name: e.name as string, attributes, indexes });
  }

  const permissions = isObj(doc.permissions) ? doc.permissions : {};
  const content = isObj(permissions.content) ? permissions.content : {};
  const styles = Array.isArray(content.styles) ? content.styles : [];
  return {
    appId: str(app.id) ?? 'ari:cloud:ecosystem::app/00000000-0000-4000-8000-000000000000',
    uiResources,
    uiModules,
    functions,
    consumers,
    triggers,
    customFields,
    entities,
    allowsInlineStyles: styles.includes('unsafe-inline'),
    scopes: Array.isArray(permissions.scopes)
      ? permissions.scopes.filter((s): s is string => typeof s === 'string')
      : [],
  };
}

export function loadManifest(file = MANIFEST_PATH): AppManifest {
  return parseManifest(readFileSync(file, 'utf8'));
}
