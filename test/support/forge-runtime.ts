/**
 * The emulated Forge runtime (dev/harness/forge-runtime) for tests that run the REAL @forge/kvs,
 * @forge/api and @forge/events clients in-process, without the local server: test ids, no site (port 9
 * refuses), and a KVS store of the test's own.
 */
import { installForgeRuntime, type ForgeEnvironment } from '../../dev/harness/forge-runtime';
import { KvsStore } from '../../dev/harness/kvs';

/** A Forge installation on `kvs` (a fresh, empty store by default), not yet installed. */
export function testForgeEnvironment(kvs: KvsStore = new KvsStore()): ForgeEnvironment {
  return {
    siteUrl: () => 'http://127.0.0.1:9',
    cloudId: 'test-cloud',
    appId: 'test-app',
    environmentId: 'test-env',
    appVersion: '1.0.0',
    kvs,
    calls: [],
  };
}

/** Installs a Forge runtime on `kvs` (a fresh, empty store by default) and answers the store. */
export function installTestForge(kvs: KvsStore = new KvsStore()): KvsStore {
  installForgeRuntime(testForgeEnvironment(kvs));
  return kvs;
}
