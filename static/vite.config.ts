/**
 * ONE React app, one page per Custom UI entry. The entries come from manifest.yml's `ui` resource
 * (`resources: - key: ui, entry: { <name>: <name>.html }`), so the manifest and the build cannot drift:
 * adding a module is its manifest lines plus static/<name>.html (loading src/modules/<name>/main.tsx).
 * The Atlassian design-token themes are emitted as a CSS file (virtual:ds-tokens.css), not JS.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { parse } from 'yaml';

const staticDir = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

interface ManifestResource {
  key?: string;
  path?: string;
  entry?: Record<string, string>;
}

/** manifest.yml's `ui` resource entries → Vite inputs (`{ 'project-page': static/project-page.html }`). */
function manifestEntries(): Record<string, string> {
  const manifest = parse(readFileSync(path.join(staticDir, '..', 'manifest.yml'), 'utf8')) as {
    resources?: ManifestResource[];
  };
  const ui = manifest.resources?.find((r) => r.key === 'ui');
  if (!ui?.entry) throw new Error('manifest.yml: no `ui` resource with an `entry` map');
  if (ui.path !== 'static/build')
    throw new Error(`manifest.yml: the ui resource must be at static/build, not ${ui.path}`);
  const inputs: Record<string, string> = {};
  for (const [name, file] of Object.entries(ui.entry)) {
    const html = path.join(staticDir, file);
    if (!existsSync(html))
      throw new Error(`manifest.yml names entry ${name} → ${file}, but static/${file} is missing`);
    inputs[name] = html;
  }
  return inputs;
}

/** The design-token themes as one CSS file; each theme applies under Forge's html[data-theme] attributes. */
function designTokens(themes: string[]): Plugin {
  const id = 'virtual:ds-tokens.css';
  return {
    name: 'valuerank-ds-tokens',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      return themes
        .map((t) => {
          const mod = require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${t}.js`) as { default: string };
          return mod.default;
        })
        .join('\n');
    },
  };
}

export default defineConfig({
  root: staticDir,
  base: './',
  logLevel: 'warn',
  plugins: [
    designTokens([
      'atlassian-light',
      'atlassian-dark',
      'atlassian-spacing',
      'atlassian-shape',
      'atlassian-typography',
    ]),
  ],
  // A production bundle even when NODE_ENV says otherwise (jest sets it to `test`).
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'build',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: { input: manifestEntries() },
  },
});
