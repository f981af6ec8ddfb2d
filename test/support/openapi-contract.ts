/**
 * A contract checker for Jira REST traffic, driven by Atlassian's published OpenAPI 3.0 specs (Jira platform
 * REST v3 and Jira Software / Agile 1.0). The specs are read at test time from the shared data directory and
 * never copied into the repo. Schemas are converted from OpenAPI 3.0 to JSON Schema (draft-07) for Ajv and
 * compiled lazily per operation.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { findSharedData, sharedDataCandidates } from '../../eval/shared-data';

export interface HttpExchangeRequest {
  method: string;
  /** Path plus optional query, e.g. '/rest/agile/1.0/board/1/backlog?startAt=0&maxResults=50'. */
  url: string;
  body?: unknown;
}

export interface HttpExchangeResponse {
  status: number;
  /** Parsed JSON, or undefined for an empty body. */
  body?: unknown;
}

export interface OperationMatch {
  spec: 'platform' | 'software';
  pathTemplate: string;
  method: string;
  operationId?: string;
}

export interface JiraContract {
  /** The operation whose path template matches, e.g. /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}. */
  match(method: string, url: string): OperationMatch | undefined;
  /** [] when valid; else human-readable problems. */
  checkRequest(req: HttpExchangeRequest): string[];
  checkResponse(req: HttpExchangeRequest, res: HttpExchangeResponse): string[];
  /** Throws an Error listing the problems. */
  assertRequest(req: HttpExchangeRequest): void;
  assertResponse(req: HttpExchangeRequest, res: HttpExchangeResponse): void;
}

type SpecName = OperationMatch['spec'];
type JsonObject = Record<string, unknown>;

const SPEC_FILES: Readonly<Record<SpecName, string>> = {
  platform: 'jira-platform-v3.json',
  software: 'jira-software-v3.json',
};
const SCHEMA_ID_BASE = 'https://valuerank.invalid/jira-openapi/';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
/** Media types whose schema describes a JSON body, in order of preference. */
const JSON_MEDIA_TYPES = ['application/json', '*/*'];
/** OpenAPI-only or annotation keywords that JSON Schema validation must not see. */
const DROPPED_KEYWORDS = new Set([
  'nullable',
  'discriminator',
  'example',
  'examples',
  'xml',
  'externalDocs',
  'deprecated',
  'readOnly',
  'writeOnly',
]);
const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties']);
const SCHEMA_KEYWORDS = new Set(['items', 'additionalProperties', 'not']);
const SCHEMA_LIST_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf']);
const MAX_PROBLEMS = 25;

/**
 * Response schemas the Agile spec leaves out (only an example string is given) although the component exists
 * and the sibling POST /rest/agile/1.0/board/{boardId}/issue documents it. Applied only while the spec has
 * no schema for that response.
 */
const MISSING_RESPONSE_SCHEMAS: ReadonlyArray<{
  spec: SpecName;
  operation: string;
  status: string;
  ref: string;
}> = [
  {
    spec: 'software',
    operation: 'PUT /rest/agile/1.0/issue/rank',
    status: '207',
    ref: '#/components/schemas/PartialSuccessBean',
  },
  {
    spec: 'software',
    operation: 'POST /rest/agile/1.0/backlog/{boardId}/issue',
    status: '207',
    ref: '#/components/schemas/PartialSuccessBean',
  },
];

// ---------------------------------------------------------------------------------------------------------
// Small JSON helpers

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mapValues(object: JsonObject, fn: (value: unknown) => unknown): JsonObject {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, fn(value)]));
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

function isEmptyBody(body: unknown): boolean {
  return body === undefined || body === '';
}

// ---------------------------------------------------------------------------------------------------------
// Loading the specs

/** The directory holding the Jira OpenAPI specs; VALUERANK_SHARED_DATA overrides the shared/data directory. */
function jiraOpenApiDir(): string {
  return path.join(findSharedData() ?? (sharedDataCandidates()[0] as string), 'jira-openapi');
}

interface OpenApiDoc {
  paths: JsonObject;
  schemas: JsonObject;
}

function readSpec(spec: SpecName): OpenApiDoc {
  const file = path.join(jiraOpenApiDir(), SPEC_FILES[spec]);
  if (!fs.existsSync(file)) {
    throw new Error(
      `Jira OpenAPI spec not found at ${file} (set VALUERANK_SHARED_DATA to the shared/data dir)`,
    );
  }
  const doc: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!isObject(doc) || !isObject(doc.paths)) throw new Error(`${file} is not an OpenAPI document`);
  const components = isObject(doc.components) ? doc.components : {};
  return { paths: doc.paths, schemas: isObject(components.schemas) ? components.schemas : {} };
}

// ---------------------------------------------------------------------------------------------------------
// OpenAPI 3.0 schema -> JSON Schema (draft-07)

function schemaDocId(spec: SpecName): string {
  return `${SCHEMA_ID_BASE}${spec}.json`;
}

/** Local component refs become absolute refs into the spec's registered components document. */
function rewriteRef(ref: string, spec: SpecName): string {
  return ref.startsWith('#/') ? `${schemaDocId(spec)}${ref}` : ref;
}

function hasComposition(schema: JsonObject): boolean {
  return [...SCHEMA_LIST_KEYWORDS].some((keyword) => Array.isArray(schema[keyword]));
}

function convertKeyword(keyword: string, value: unknown, spec: SpecName): unknown {
  if (SCHEMA_MAP_KEYWORDS.has(keyword) && isObject(value)) {
    return mapValues(value, (sub) => convertSchema(sub, spec));
  }
  if (SCHEMA_KEYWORDS.has(keyword)) return convertSchema(value, spec);
  if (SCHEMA_LIST_KEYWORDS.has(keyword) && Array.isArray(value)) {
    return value.map((sub) => convertSchema(sub, spec));
  }
  return value;
}

/**
 * Atlassian quirks that would make every instance invalid:
 * - `additionalProperties: false` next to oneOf/anyOf/allOf: the branches declare the properties, so the
 *   parent's closed object would reject them all (draft-07 has no unevaluatedProperties).
 * - `{type: object, additionalProperties: false}` without properties: the generator's rendering of an
 *   opaque Java type (e.g. report beans); treated as any object.
 * - `enum` of scalars on an array schema (the enum belongs to the items).
 * - `oneOf` with a discriminator: the branches overlap (no `const` on the discriminator), so use anyOf.
 */
function fixQuirks(converted: JsonObject, original: JsonObject): void {
  const closedWithoutProperties = !isObject(converted.properties) && !isObject(converted.patternProperties);
  if (converted.additionalProperties === false && (hasComposition(converted) || closedWithoutProperties)) {
    delete converted.additionalProperties;
  }
  if (converted.type === 'array' && Array.isArray(converted.enum) && !converted.enum.some(Array.isArray)) {
    delete converted.enum;
  }
  if (original.discriminator !== undefined && Array.isArray(converted.oneOf) && !converted.anyOf) {
    converted.anyOf = converted.oneOf;
    delete converted.oneOf;
  }
}

/** `nullable: true`: add 'null' to the type (and enum); otherwise null skips the schema via if/then/else. */
function makeNullable(schema: JsonObject): JsonObject {
  if (typeof schema.type !== 'string' || hasComposition(schema)) {
    return { if: { type: 'null' }, then: true, else: schema };
  }
  const enumValues =
    Array.isArray(schema.enum) && !schema.enum.includes(null) ? [...schema.enum, null] : schema.enum;
  return {
    ...schema,
    type: [schema.type, 'null'],
    ...(enumValues === undefined ? {} : { enum: enumValues }),
  };
}

/** Converts an OpenAPI 3.0 schema object to JSON Schema for Ajv. */
function convertSchema(schema: unknown, spec: SpecName): unknown {
  if (!isObject(schema)) return schema;
  // OpenAPI 3.0: siblings of $ref are ignored.
  if (typeof schema.$ref === 'string') return { $ref: rewriteRef(schema.$ref, spec) };
  const converted: JsonObject = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (DROPPED_KEYWORDS.has(keyword) || keyword.startsWith('x-')) continue;
    converted[keyword] = convertKeyword(keyword, value, spec);
  }
  fixQuirks(converted, schema);
  return schema.nullable === true ? makeNullable(converted) : converted;
}

function collectFormats(schema: unknown, into: Set<string>): void {
  if (Array.isArray(schema)) {
    for (const item of schema) collectFormats(item, into);
  } else if (isObject(schema)) {
    if (typeof schema.format === 'string') into.add(schema.format);
    for (const value of Object.values(schema)) collectFormats(value, into);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Operations

type ParamLocation = 'path' | 'query' | 'header' | 'cookie';

interface ParameterDef {
  name: string;
  location: ParamLocation;
  required: boolean;
  /** Converted JSON Schema, simplified for string-encoded values. */
  schema: JsonObject;
}

interface BodyDef {
  required: boolean;
  /** undefined when the body is not JSON or has no schema: any body is accepted. */
  schema: unknown;
}

interface ResponseDef {
  hasContent: boolean;
  /** undefined when no JSON schema is documented. */
  schema: unknown;
}

interface OperationDef extends OperationMatch {
  label: string;
  parameters: ParameterDef[];
  requestBody: BodyDef | undefined;
  responses: Map<string, ResponseDef>;
}

function derefComponent(schema: unknown, doc: OpenApiDoc): unknown {
  if (!isObject(schema) || typeof schema.$ref !== 'string') return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return derefComponent(doc.schemas[name], doc);
}

/**
 * A parameter arrives as a string, so object schemas (Atlassian renders enums and string lists of some Agile
 * query parameters as `{type: object, additionalProperties: false}`) are taken to be plain strings.
 */
function simplifyParamSchema(schema: unknown, doc: OpenApiDoc): unknown {
  const resolved = derefComponent(schema, doc);
  if (!isObject(resolved)) return {};
  if (resolved.type === 'object' || isObject(resolved.properties)) return { type: 'string' };
  if (resolved.type === 'array') return { ...resolved, items: simplifyParamSchema(resolved.items, doc) };
  return resolved;
}

function parameterDef(raw: unknown, spec: SpecName, doc: OpenApiDoc): ParameterDef | undefined {
  if (!isObject(raw) || typeof raw.name !== 'string' || typeof raw.in !== 'string') return undefined;
  const converted = convertSchema(simplifyParamSchema(raw.schema, doc), spec);
  return {
    name: raw.name,
    location: raw.in as ParamLocation,
    required: raw.required === true || raw.in === 'path',
    schema: isObject(converted) ? converted : {},
  };
}

/** Operation-level parameters override path-level ones with the same name and location. */
function parameterDefs(
  pathItem: JsonObject,
  operation: JsonObject,
  spec: SpecName,
  doc: OpenApiDoc,
): ParameterDef[] {
  const all = [pathItem.parameters, operation.parameters].flatMap((list) =>
    Array.isArray(list) ? list : [],
  );
  const byKey = new Map<string, ParameterDef>();
  for (const raw of all) {
    const def = parameterDef(raw, spec, doc);
    if (def) byKey.set(`${def.location}:${def.name}`, def);
  }
  return [...byKey.values()];
}

function jsonMedia(content: unknown): JsonObject | undefined {
  if (!isObject(content)) return undefined;
  return JSON_MEDIA_TYPES.map((type) => content[type]).find(isObject);
}

function requestBodyDef(raw: unknown, spec: SpecName): BodyDef | undefined {
  if (!isObject(raw)) return undefined;
  const media = jsonMedia(raw.content);
  const schema = media && 'schema' in media ? convertSchema(media.schema, spec) : undefined;
  return { required: raw.required === true, schema };
}

function missingResponseSchema(spec: SpecName, label: string, status: string): unknown {
  const patch = MISSING_RESPONSE_SCHEMAS.find(
    (p) => p.spec === spec && p.operation === label && p.status === status,
  );
  return patch ? convertSchema({ $ref: patch.ref }, spec) : undefined;
}

function responseDef(raw: unknown, spec: SpecName, label: string, status: string): ResponseDef {
  const content = isObject(raw) && isObject(raw.content) ? raw.content : {};
  const media = jsonMedia(content);
  const documented = media && 'schema' in media ? convertSchema(media.schema, spec) : undefined;
  const schema = documented ?? (media ? missingResponseSchema(spec, label, status) : undefined);
  return { hasContent: Object.keys(content).length > 0, schema };
}

function operationDef(
  spec: SpecName,
  pathTemplate: string,
  method: string,
  pathItem: JsonObject,
  doc: OpenApiDoc,
): OperationDef {
  const operation = isObject(pathItem[method]) ? pathItem[method] : {};
  const upper = method.toUpperCase();
  const label = `${upper} ${pathTemplate}`;
  const responses = Object.entries(isObject(operation.responses) ? operation.responses : {});
  return {
    spec,
    pathTemplate,
    method: upper,
    ...(typeof operation.operationId === 'string' ? { operationId: operation.operationId } : {}),
    label,
    parameters: parameterDefs(pathItem, operation, spec, doc),
    requestBody: requestBodyDef(operation.requestBody, spec),
    responses: new Map(responses.map(([status, raw]) => [status, responseDef(raw, spec, label, status)])),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Path matching

type Segment = { literal: string } | { param: string };

interface PathEntry {
  spec: SpecName;
  template: string;
  segments: Segment[];
  /** 'L' per literal and 'P' per templated segment: sorting these puts literal segments first. */
  precedence: string;
  pathItem: JsonObject;
  methods: string[];
}

function parseTemplate(template: string): Segment[] {
  return template.split('/').map((part) => {
    const param = /^\{([^{}]+)\}$/.exec(part);
    return param?.[1] !== undefined ? { param: param[1] } : { literal: part };
  });
}

function pathEntries(spec: SpecName, doc: OpenApiDoc): PathEntry[] {
  return Object.entries(doc.paths).flatMap(([template, pathItem]) => {
    if (!isObject(pathItem)) return [];
    const segments = parseTemplate(template);
    return [
      {
        spec,
        template,
        segments,
        precedence: segments.map((segment) => ('literal' in segment ? 'L' : 'P')).join(''),
        pathItem,
        methods: HTTP_METHODS.filter((method) => isObject(pathItem[method])).map((m) => m.toUpperCase()),
      },
    ];
  });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

interface ParsedUrl {
  segments: string[];
  query: URLSearchParams;
}

function parseUrl(url: string): ParsedUrl {
  const withoutOrigin = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  const withoutHash = withoutOrigin.split('#')[0] ?? '';
  const queryStart = withoutHash.indexOf('?');
  const pathname = queryStart < 0 ? withoutHash : withoutHash.slice(0, queryStart);
  const search = queryStart < 0 ? '' : withoutHash.slice(queryStart + 1);
  return { segments: pathname.split('/').map(safeDecode), query: new URLSearchParams(search) };
}

/** The path parameter values when the entry's template matches, else undefined. */
function matchSegments(entry: PathEntry, segments: string[]): Map<string, string> | undefined {
  if (entry.segments.length !== segments.length) return undefined;
  const values = new Map<string, string>();
  for (const [index, segment] of entry.segments.entries()) {
    const actual = segments[index] ?? '';
    if ('literal' in segment) {
      if (segment.literal !== actual) return undefined;
    } else {
      if (actual === '') return undefined;
      values.set(segment.param, actual);
    }
  }
  return values;
}

// ---------------------------------------------------------------------------------------------------------
// Value coercion for path and query parameters

function schemaType(schema: unknown): string | undefined {
  if (!isObject(schema)) return undefined;
  if (typeof schema.type === 'string') return schema.type;
  return Array.isArray(schema.type) ? schema.type.find((type): type is string => type !== 'null') : undefined;
}

/** Turns a string into the scalar the schema asks for; leaves it alone when it cannot, so Ajv reports it. */
function coerceScalar(text: string, schema: unknown): unknown {
  const type = schemaType(schema);
  const numeric = /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text);
  if ((type === 'integer' || type === 'number') && numeric) return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** Arrays may be given comma-separated, repeated, or both. */
function coerceParam(values: string[], schema: JsonObject): unknown {
  if (schemaType(schema) === 'array') {
    return values.flatMap((value) => value.split(',')).map((item) => coerceScalar(item, schema.items));
  }
  return coerceScalar(values[0] ?? '', schema);
}

// ---------------------------------------------------------------------------------------------------------
// Ajv

function createAjv(formats: Set<string>): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const format of formats) {
    if (ajv.formats[format] === undefined) ajv.addFormat(format, true);
  }
  return ajv;
}

function describeError(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(root)' : error.instancePath;
  const message = error.message ?? `fails ${error.keyword}`;
  const params: Record<string, unknown> = error.params;
  if (error.keyword === 'additionalProperties') {
    return `${where} ${message} '${String(params.additionalProperty)}'`;
  }
  if (error.keyword === 'enum') return `${where} ${message}: ${JSON.stringify(params.allowedValues)}`;
  return `${where} ${message}`;
}

/** Errors of the `if` keyword only repeat the errors of the nullable wrapper's else branch. */
function describeErrors(label: string, errors: ErrorObject[] | null | undefined): string[] {
  const relevant = (errors ?? []).filter((error) => error.keyword !== 'if');
  const described = [...new Set(relevant.map(describeError))].map((text) => `${label}: ${text}`);
  if (described.length <= MAX_PROBLEMS) return described;
  return [...described.slice(0, MAX_PROBLEMS), `${label}: ... and ${described.length - MAX_PROBLEMS} more`];
}

function isTrivialSchema(schema: unknown): boolean {
  return schema === true || (isObject(schema) && Object.keys(schema).length === 0);
}

function isSuccessStatus(status: number): boolean {
  return status >= 100 && status < 400;
}

// ---------------------------------------------------------------------------------------------------------
// The contract

interface Resolved {
  op: OperationDef;
  pathValues: Map<string, string>;
  query: URLSearchParams;
}

class Contract implements JiraContract {
  private readonly ajv: Ajv;
  private readonly docs: Record<SpecName, OpenApiDoc>;
  private readonly entries: PathEntry[];
  private readonly operations = new Map<string, OperationDef>();
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(docs: Record<SpecName, OpenApiDoc>) {
    this.docs = docs;
    const formats = new Set<string>();
    for (const doc of Object.values(docs)) collectFormats(doc.paths, formats);
    const components = (Object.keys(docs) as SpecName[]).map((spec) => {
      const schemas = mapValues(docs[spec].schemas, (schema) => convertSchema(schema, spec));
      collectFormats(schemas, formats);
      return { $id: schemaDocId(spec), components: { schemas } };
    });
    this.ajv = createAjv(formats);
    for (const doc of components) this.ajv.addSchema(doc);
    this.entries = (Object.keys(docs) as SpecName[])
      .flatMap((spec) => pathEntries(spec, docs[spec]))
      .sort((a, b) => (a.precedence < b.precedence ? -1 : a.precedence > b.precedence ? 1 : 0));
  }

  match = (method: string, url: string): OperationMatch | undefined => {
    const resolved = this.resolve(method, url);
    if (typeof resolved === 'string') return undefined;
    const { spec, pathTemplate, method: upper, operationId } = resolved.op;
    return { spec, pathTemplate, method: upper, ...(operationId === undefined ? {} : { operationId }) };
  };

  checkRequest = (req: HttpExchangeRequest): string[] => {
    const resolved = this.resolve(req.method, req.url);
    if (typeof resolved === 'string') return [resolved];
    return [
      ...this.checkPath(resolved),
      ...this.checkQuery(resolved),
      ...this.checkBody(resolved.op, req.body),
    ];
  };

  checkResponse = (req: HttpExchangeRequest, res: HttpExchangeResponse): string[] => {
    const resolved = this.resolve(req.method, req.url);
    if (typeof resolved === 'string') return [resolved];
    const { op } = resolved;
    const label = `${op.label} ${res.status}`;
    const response = this.responseFor(op, res.status);
    if (!response) {
      const documented = [...op.responses.keys()].join(', ');
      return [`${label}: status ${res.status} is not documented (documented: ${documented})`];
    }
    return this.checkResponseBody(label, response, res);
  };

  assertRequest = (req: HttpExchangeRequest): void => {
    throwIfProblems(`${req.method.toUpperCase()} ${req.url} request`, this.checkRequest(req));
  };

  assertResponse = (req: HttpExchangeRequest, res: HttpExchangeResponse): void => {
    throwIfProblems(
      `${req.method.toUpperCase()} ${req.url} ${res.status} response`,
      this.checkResponse(req, res),
    );
  };

  /**
   * The matched operation, or a problem describing why there is none. The most literal template wins; the
   * method then picks among templates of the same shape (the platform spec splits e.g. GET/PUT
   * /notificationscheme/{id} and DELETE /notificationscheme/{notificationSchemeId}).
   */
  private resolve(method: string, url: string): Resolved | string {
    const upper = method.toUpperCase();
    const { segments, query } = parseUrl(url);
    const matches = this.entries.flatMap((entry) => {
      const pathValues = matchSegments(entry, segments);
      return pathValues ? [{ entry, pathValues }] : [];
    });
    const best = matches.filter(({ entry }) => entry.precedence === matches[0]?.entry.precedence);
    const found = best.find(({ entry }) => entry.methods.includes(upper));
    if (found) return { op: this.operation(found.entry, upper), pathValues: found.pathValues, query };
    const supported = best.map(({ entry }) => `${entry.template} supports ${entry.methods.join(', ')}`);
    const detail = supported.length > 0 ? ` (${supported.join('; ')})` : '';
    return `no operation ${upper} ${url} in the Jira specs${detail}`;
  }

  private operation(entry: PathEntry, method: string): OperationDef {
    const key = `${entry.spec} ${method} ${entry.template}`;
    let op = this.operations.get(key);
    if (!op) {
      const lower = method.toLowerCase();
      op = operationDef(entry.spec, entry.template, lower, entry.pathItem, this.docs[entry.spec]);
      this.operations.set(key, op);
    }
    return op;
  }

  private validator(key: string, schema: unknown): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(isObject(schema) || typeof schema === 'boolean' ? schema : {});
      this.validators.set(key, validate);
    }
    return validate;
  }

  private validate(key: string, schema: unknown, label: string, value: unknown): string[] {
    const validate = this.validator(key, schema);
    return validate(value) ? [] : describeErrors(label, validate.errors);
  }

  private paramsSchema(op: OperationDef, location: ParamLocation): JsonObject {
    const params = op.parameters.filter((param) => param.location === location);
    return {
      type: 'object',
      properties: Object.fromEntries(params.map((param) => [param.name, param.schema])),
    };
  }

  private checkPath({ op, pathValues }: Resolved): string[] {
    const values: JsonObject = {};
    for (const param of op.parameters.filter((p) => p.location === 'path')) {
      const value = pathValues.get(param.name);
      if (value !== undefined) values[param.name] = coerceScalar(value, param.schema);
    }
    const key = `${op.spec} ${op.label} path`;
    return this.validate(key, this.paramsSchema(op, 'path'), `${op.label} path`, values);
  }

  private checkQuery({ op, query }: Resolved): string[] {
    const params = new Map(op.parameters.filter((p) => p.location === 'query').map((p) => [p.name, p]));
    const problems: string[] = [];
    const values: JsonObject = {};
    for (const name of new Set(query.keys())) {
      const param = params.get(name);
      const given = query.getAll(name);
      if (!param) {
        problems.push(`${op.label}: unknown query parameter '${name}'`);
      } else if (given.length > 1 && schemaType(param.schema) !== 'array') {
        problems.push(
          `${op.label}: query parameter '${name}' given ${given.length} times but is not an array`,
        );
      } else {
        values[name] = coerceParam(given, param.schema);
      }
    }
    for (const param of params.values()) {
      if (param.required && !query.has(param.name)) {
        problems.push(`${op.label}: missing required query parameter '${param.name}'`);
      }
    }
    const key = `${op.spec} ${op.label} query`;
    return [...problems, ...this.validate(key, this.paramsSchema(op, 'query'), `${op.label} query`, values)];
  }

  private checkBody(op: OperationDef, body: unknown): string[] {
    const label = `${op.label} request body`;
    if (!op.requestBody)
      return isEmptyBody(body) ? [] : [`${label}: the operation takes no body but got one`];
    if (isEmptyBody(body)) return op.requestBody.required ? [`${label}: required body is missing`] : [];
    if (op.requestBody.schema === undefined) return [];
    return this.validate(`${op.spec} ${label}`, op.requestBody.schema, label, body);
  }

  private responseFor(op: OperationDef, status: number): ResponseDef | undefined {
    const code = String(status);
    const range = `${code.charAt(0)}XX`;
    return (
      op.responses.get(code) ??
      op.responses.get(range) ??
      op.responses.get(range.toLowerCase()) ??
      op.responses.get('default')
    );
  }

  /**
   * A response documented without content must be empty when successful. Error responses without content
   * are not checked: Atlassian leaves the error body out of most operations although Jira always sends one.
   */
  private checkResponseBody(label: string, response: ResponseDef, res: HttpExchangeResponse): string[] {
    if (!response.hasContent) {
      const unexpected = isSuccessStatus(res.status) && !isEmptyBody(res.body);
      return unexpected ? [`${label}: documented without a body but got ${describeValue(res.body)}`] : [];
    }
    if (response.schema === undefined) return [];
    if (isEmptyBody(res.body))
      return isTrivialSchema(response.schema) ? [] : [`${label}: expected a JSON body`];
    return this.validate(`response ${label}`, response.schema, label, res.body);
  }
}

function throwIfProblems(what: string, problems: string[]): void {
  if (problems.length > 0) {
    throw new Error(`Jira contract violation in ${what}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

let cached: JiraContract | undefined;

/** The contract for both Jira specs; loaded once per module registry (the first call parses ~3 MB of JSON). */
export function loadJiraContract(): JiraContract {
  cached ??= new Contract({ platform: readSpec('platform'), software: readSpec('software') });
  return cached;
}
