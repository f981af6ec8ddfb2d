/**
 * Runs the local Jira site alone (no app harness):
 *
 *   npx tsx dev/site/main.ts                       demo seed (dev/demo), port 8080 (env PORT)
 *   npx tsx dev/site/main.ts --seed my.json        another seed file (or env VALUERANK_SEED)
 *   npx tsx dev/site/main.ts --large 10000 --port 0
 */
import { buildDemoSeed, buildLargeSeed } from '../demo';
import { loadSeedFile, parseSeed, startJiraSite } from './index';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const valueOf = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const seedFile = valueOf('--seed') ?? (process.env.VALUERANK_SEED || undefined);
  const large = valueOf('--large');
  const seed = seedFile
    ? loadSeedFile(seedFile)
    : large !== undefined
      ? parseSeed(buildLargeSeed(Number(large)), `buildLargeSeed(${large})`)
      : parseSeed(buildDemoSeed(), 'dev/demo');
  const port = Number(valueOf('--port') ?? process.env.PORT ?? 8080);
  const { url, site } = await startJiraSite({ seed, port });
  console.log(`Local Jira site on ${url} (${site.state.issuesInRankOrder().length} issues)`);
  for (const user of site.state.users.values()) {
    const you = user.accountId === site.state.defaultUser ? ' (default: no auth needed)' : '';
    console.log(
      `  ${user.displayName}: -u ${user.emailAddress}:${user.apiToken}  or  -H 'X-Local-User: ${user.accountId}'${you}`,
    );
  }
  console.log(`  the app itself: -H 'X-Local-Actor: app'`);
  console.log(`Try: curl -s '${url}/rest/agile/1.0/board' | head -c 400`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
