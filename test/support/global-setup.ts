/**
 * jest globalSetup: builds the Custom UI once per test run when static/build is missing or older than
 * its inputs (static/src, the entry HTML, the Vite config, manifest.yml); skips when fresh. A failed build
 * is reported but does not stop the run: only the tests that need the build fail.
 */
import { buildUi, uiBuildIsFresh } from '../../dev/harness/build-ui';

export default async function globalSetup(): Promise<void> {
  if (uiBuildIsFresh()) return;
  try {
    const { ms } = await buildUi({ quiet: true });
    console.log(`\n[global-setup] built the Custom UI in ${(ms / 1000).toFixed(1)} s`);
  } catch (error) {
    console.error(`\n[global-setup] the Custom UI build failed:\n${(error as Error).message}`);
  }
}
