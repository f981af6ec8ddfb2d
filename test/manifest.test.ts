/**
 * manifest.yml, checked offline with the pinned validators Forge's own CLI runs: @forge/manifest's full
 * validation (schema, modules, resources, handlers, permissions) and @forge/lint's client-side linters
 * (missing handlers, deprecated APIs, permissions). No network, no login.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Ajv from 'ajv';
import { parse } from 'yaml';
import { validate, type ManifestSchema } from '@forge/manifest';
import { getClientSideLintersOnly, parseSourceFile, tsParser, type LintResult } from '@forge/lint';
import { sharedDataDir } from '../eval/shared-data';

/**
 * Each of @forge/manifest's validation processors (the full validation here, and five of the linters) builds
 * its own Ajv and compiles the same 2 MB manifest schema: ~5 s each. In this file Ajv compiles a schema once
 * per content and options, and every validator gets the same compiled function: what each checks is
 * unchanged (same schema, same Ajv options, same formats and vocabulary), the compiling is done once.
 */
jest.mock('ajv', () => {
  const actual = jest.requireActual<{ default: typeof Ajv }>('ajv');
  type Options = ConstructorParameters<typeof actual.default>[0];
  const compiled = new Map<string, unknown>();
  class CompileOnceAjv extends actual.default {
    constructor(options: Options = {}) {
      super(options);
      const compile = this.compile.bind(this);
      const optionsKey = JSON.stringify(options);
      this.compile = ((schema: object | boolean, meta?: boolean) => {
        if (typeof schema !== 'object') return compile(schema, meta);
        const key = `${optionsKey}\u0000${String(meta)}\u0000${JSON.stringify(schema)}`;
        if (!compiled.has(key)) compiled.set(key, compile(schema, meta));
        return compiled.get(key);
      }) as typeof this.compile;
    }
  }
  return { ...actual, __esModule: true, default: CompileOnceAjv, Ajv: CompileOnceAjv };
});

const root = path.resolve(__dirname, '..');
const manifestPath = path.join(root, 'manifest.yml');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/**
 * The permission linter reads Atlassian's REST specs; offline it takes them from files
 * (USE_LOCAL_SWAGGER). Jira's come from ../shared/data; the products ValueRank does not call get none.
 */
function useLocalSwagger(): void {
  const specs = sharedDataDir();
  const none = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vr-swagger-')), 'none.json');
  fs.writeFileSync(none, JSON.stringify({ paths: {} }));
  Object.assign(process.env, {
    USE_LOCAL_SWAGGER: 'true',
    LOCAL_JIRA_SWAGGER: path.join(specs, 'jira-openapi/jira-platform-v3.json'),
    LOCAL_JSW_SWAGGER: path.join(specs, 'jira-openapi/jira-software-v3.json'),
    LOCAL_JSM_SWAGGER: none,
    LOCAL_CONF_SWAGGER: none,
    LOCAL_CONF_V2_SWAGGER: none,
    LOCAL_BB_SWAGGER: none,
  });
}
useLocalSwagger();

const logger = {
  info: () => undefined,
  debug: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  trace: () => undefined,
};
/** What Forge's feature-flag service tells the linter offline: the runtimes it has retired. */
const offlineStatsig = { getDeprecatedRuntimes: async () => ['nodejs18.x', 'nodejs20.x'] };

function problems(results: LintResult[]) {
  return results.flatMap((r) =>
    [...r.errors, ...r.warnings].map(
      (p) => `${path.relative(root, r.file)}:${p.line}:${p.column} ${p.message}`,
    ),
  );
}

describe('manifest.yml', () => {
  const manifest = parse(fs.readFileSync(manifestPath, 'utf8')) as ManifestSchema;

  it('passes @forge/manifest full validation', async () => {
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const result = await validate(false, manifestPath);
      const errors = (result.errors ?? []).map((e) => `${e.level}: ${e.message} (line ${e.line ?? '?'})`);
      expect(errors).toEqual([]);
      expect(result.success).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  it('the validator does refuse a handler file that does not exist', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vr-manifest-'));
    try {
      const broken = fs
        .readFileSync(manifestPath, 'utf8')
        .replace('handler: index.handler', 'handler: ghost.run');
      fs.writeFileSync(path.join(tmp, 'manifest.yml'), broken);
      const result = await validate(false, path.join(tmp, 'manifest.yml'));
      expect(result.success).toBe(false);
      expect((result.errors ?? []).map((e) => e.message).join('\n')).toMatch(/ghost/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('runs on nodejs22.x with only the scopes the app uses', () => {
    expect(manifest.app.runtime?.name).toBe('nodejs22.x');
    expect([...((manifest.permissions?.scopes ?? []) as string[])].sort()).toEqual(
      [
        'read:board-scope.admin:jira-software',
        'read:board-scope:jira-software',
        'read:issue-details:jira',
        'read:jira-user',
        'read:jira-work',
        'read:project:jira',
        'storage:app',
        'write:comment:jira',
        'write:comment.property:jira',
        'write:issue:jira',
        'write:issue:jira-software',
        'write:issue.property:jira',
        'write:project.property:jira',
      ].sort(),
    );
    // The classic write scope would also let the app edit, transition and delete issues (ADR 2).
    expect(manifest.permissions?.scopes).not.toContain('write:jira-work');
  });

  it('the readiness trigger ignores the events the app itself causes (ignoreSelf)', () => {
    const triggers = (
      manifest.modules as { trigger?: Array<{ key: string; filter?: { ignoreSelf?: boolean } }> }
    ).trigger;
    expect(triggers?.find((t) => t.key === 'valuerank-readiness-trigger')?.filter).toEqual({
      ignoreSelf: true,
    });
  });

  it('the Custom UI needs no inline styles (no unsafe-inline in the content security policy)', () => {
    const content = (manifest.permissions as { content?: { styles?: string[] } } | undefined)?.content;
    expect(content?.styles ?? []).not.toContain('unsafe-inline');
  });

  it('passes @forge/lint client-side linters over every source file', async () => {
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const linters = await getClientSideLintersOnly(
        manifest,
        'development',
        logger,
        offlineStatsig as never,
      );
      const files = sourceFiles(path.join(root, 'src')).map((f) => path.relative(root, f));
      const inputs = await Promise.all(files.map((f) => parseSourceFile(f, tsParser)));
      await Promise.all(linters.map((l) => l.bootstrap()));
      const results = (await Promise.all(linters.map((l) => l.batchExecute(inputs)))).flat();
      expect(problems(results)).toEqual([]);
      expect(files.length).toBeGreaterThan(5);
    } finally {
      process.chdir(cwd);
    }
  }, 180_000); // type-aware parsing of every source file: well over jest's default 30 s on a loaded machine

  it('the linters do catch a missing handler and a deprecated storage API', async () => {
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const broken = structuredClone(manifest) as ManifestSchema & {
        modules: { function: Array<{ key: string; handler: string }> };
      };
      broken.modules.function.push({ key: 'ghost', handler: 'index.ghostHandler' });
      const tmp = fs.mkdtempSync(path.join(root, 'test', 'lint-probe-'));
      const deprecated = path.join(tmp, 'old.ts');
      fs.writeFileSync(
        deprecated,
        "import { storage } from '@forge/api';\nexport const read = () => storage.get('x');\n",
      );
      try {
        const linters = await getClientSideLintersOnly(
          broken,
          'development',
          logger,
          offlineStatsig as never,
        );
        const inputs = [
          await parseSourceFile('src/index.ts', tsParser),
          await parseSourceFile(path.relative(root, deprecated), tsParser),
        ];
        await Promise.all(linters.map((l) => l.bootstrap()));
        const found = problems((await Promise.all(linters.map((l) => l.batchExecute(inputs)))).flat()).join(
          '\n',
        );
        expect(found).toMatch(/ghostHandler/);
        expect(found).toMatch(/storage/i);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    } finally {
      process.chdir(cwd);
    }
  });
});
