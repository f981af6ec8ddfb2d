/**
 * JQL clauses: resolving a field name (`summary`, `cf[10016]`, `"Story Points"`, `issue.property[k].path`,
 * `text`) to its kind (./jql-handlers), and compiling `field op value` into a predicate and ORDER BY keys.
 */
import type { FieldDef } from './fields';
import type { FieldNode, Operator, ValueNode } from './jql';
import {
  handlerForField,
  lower,
  propertyHandler,
  textFields,
  textHandler,
  type Atom,
  type Handler,
  type JqlEnv,
  type JqlIssue,
  type Predicate,
  type ResolveContext,
  type SortKey,
  type Target,
} from './jql-handlers';
import { plainText, textQuery } from './jql-values';

export type { JqlEnv, JqlIssue, SortKey } from './jql-handlers';

// ------------------------------------------------------------------------------------------------ resolution

const PROPERTY_CLAUSE = /^issue\.property\[([^\]]+)\](?:\.(.+))?$/i;
const CF_CLAUSE = /^cf\[(\d+)\]$/i;
const clauseMaps = new WeakMap<readonly FieldDef[], Map<string, FieldDef>>();

function clauseMap(fields: readonly FieldDef[]): Map<string, FieldDef> {
  let map = clauseMaps.get(fields);
  if (!map) {
    map = new Map();
    for (const f of fields) {
      for (const name of f.clauseNames) if (!map.has(lower(name))) map.set(lower(name), f);
    }
    clauseMaps.set(fields, map);
  }
  return map;
}

interface Resolved {
  fieldId: string;
  handler: Handler;
}

/** True for `issue.property[key]` and `issue.property[key].path`: clauses that read an issue property. */
export function isPropertyField(node: FieldNode): boolean {
  return PROPERTY_CLAUSE.test(node.name);
}

function resolveField(node: FieldNode, env: JqlEnv): Resolved | undefined {
  const property = PROPERTY_CLAUSE.exec(node.name);
  if (property) {
    const key = (property[1] ?? '').replace(/^["']|["']$/g, '');
    const path = property[2] ? property[2].split('.') : [];
    return { fieldId: node.name, handler: propertyHandler(key, path) };
  }
  if (lower(node.name) === 'text') {
    const ids = textFields(env);
    return {
      fieldId: 'text',
      handler: textHandler((issue) => ids.map((id) => plainText(issue.fields[id])).join(' \n ')),
    };
  }
  const cf = CF_CLAUSE.exec(node.name);
  const def = cf
    ? env.fields.find((f) => f.custom && f.schema?.customId === Number(cf[1]))
    : clauseMap(env.fields).get(lower(node.name));
  return def ? { fieldId: def.id, handler: handlerForField(def, env) } : undefined;
}

function unknownField(node: FieldNode): string {
  return `Field '${node.name}' does not exist or you do not have permission to view it.`;
}

function resolveTargets(value: ValueNode, ctx: ResolveContext, handler: Handler): Target[] | undefined {
  switch (value.kind) {
    case 'empty':
      return [{ empty: true }];
    case 'list': {
      const all: Target[] = [];
      let ok = true;
      for (const item of value.items) {
        const targets = resolveTargets(item, ctx, handler);
        if (targets) all.push(...targets);
        else ok = false;
      }
      return ok ? all : undefined;
    }
    default:
      return handler.resolve(value, ctx);
  }
}

function matchesTarget(atom: Atom, t: Target): boolean {
  if (t.keys && atom.keys.some((k) => t.keys?.has(k))) return true;
  return (
    !t.keys && t.num !== undefined && atom.num === t.num && (t.scope === undefined || atom.scope === t.scope)
  );
}

function orderTest(op: Operator): (a: number, b: number) => boolean {
  switch (op) {
    case '>':
      return (a, b) => a > b;
    case '>=':
      return (a, b) => a >= b;
    case '<':
      return (a, b) => a < b;
    default:
      return (a, b) => a <= b;
  }
}

/** One clause as a predicate; pushes messages to `errors` (and returns a never-matching predicate). */
export function compileClause(
  field: FieldNode,
  op: Operator,
  value: ValueNode,
  env: JqlEnv,
  errors: string[],
): Predicate {
  const never: Predicate = () => false;
  const resolved = resolveField(field, env);
  if (!resolved) {
    errors.push(unknownField(field));
    return never;
  }
  const { handler } = resolved;
  const label = field.name;
  const effective: Operator =
    value.kind === 'empty' && op === '=' ? 'is' : value.kind === 'empty' && op === '!=' ? 'is not' : op;
  if (!handler.ops.has(effective)) {
    errors.push(`The operator '${op.toUpperCase()}' is not supported by the '${label}' field.`);
    return never;
  }
  if ((effective === 'in' || effective === 'not in') && value.kind !== 'list' && value.kind !== 'function') {
    errors.push(`The operator '${op.toUpperCase()}' requires a list of values for the field '${label}'.`);
    return never;
  }
  if (value.kind === 'list' && !['in', 'not in'].includes(effective)) {
    errors.push(
      `The operator '${op.toUpperCase()}' does not support the list value for the field '${label}'.`,
    );
    return never;
  }
  const ctx: ResolveContext = { env, label, errors };

  if (effective === 'is' || effective === 'is not') {
    const empty = (issue: JqlIssue): boolean =>
      handler.text
        ? handler.text(issue).trim() === '' && handler.atoms(issue).length === 0
        : handler.atoms(issue).length === 0;
    return effective === 'is' ? empty : (issue) => !empty(issue);
  }

  if (effective === '~' || effective === '!~') {
    if (value.kind !== 'literal') {
      errors.push(`The operator '${op}' requires a text value for the field '${label}'.`);
      return never;
    }
    const query = textQuery(value.text);
    if (!query) {
      errors.push(`The field '${label}' does not support searching for an empty string.`);
      return never;
    }
    const read =
      handler.text ??
      ((issue: JqlIssue) =>
        handler
          .atoms(issue)
          .flatMap((a) => a.keys)
          .join(' '));
    return effective === '~'
      ? (issue) => query(read(issue))
      : (issue) => {
          const text = read(issue);
          return text.trim() !== '' && !query(text);
        };
  }

  const targets = resolveTargets(value, ctx, handler);
  if (!targets) return never;
  const wantsEmpty = targets.some((t) => t.empty);
  const real = targets.filter((t) => !t.empty);

  if (effective === '=' || effective === 'in') {
    return (issue) => {
      const atoms = handler.atoms(issue);
      if (atoms.length === 0) return wantsEmpty;
      return atoms.some((a) => real.some((t) => matchesTarget(a, t)));
    };
  }
  if (effective === '!=' || effective === 'not in') {
    return (issue) => {
      const atoms = handler.atoms(issue);
      if (atoms.length === 0) return false;
      return !atoms.some((a) => real.some((t) => matchesTarget(a, t)));
    };
  }
  const test = orderTest(effective);
  const target = real[0];
  if (!target || target.num === undefined) {
    errors.push(`The operator '${op}' is not supported for the value given to the field '${label}'.`);
    return never;
  }
  const scope = target.scope;
  const bound = target.num;
  return (issue) =>
    handler
      .atoms(issue)
      .some((a) => a.num !== undefined && (scope === undefined || a.scope === scope) && test(a.num, bound));
}

/** One ORDER BY key. */
export function compileOrderKey(
  field: FieldNode,
  env: JqlEnv,
  errors: string[],
): { fieldId: string; isRank: boolean; value: (issue: JqlIssue) => SortKey } {
  const resolved = resolveField(field, env);
  if (!resolved) {
    errors.push(unknownField(field));
    return { fieldId: field.name, isRank: false, value: () => undefined };
  }
  return {
    fieldId: resolved.fieldId,
    isRank: resolved.handler.isRank === true,
    value: resolved.handler.sortKey,
  };
}
