/**
 * Strategic fit in the Prioritize analysis, on the local site: an issue tagged (valuerank-goals) with a
 * weighted active goal scores higher when the model weighs fit, and exactly the same when it does not.
 */
import type { FieldMapping, ModelConfig } from '../../../src/core/scoring';
import type { VisionBoard } from '../../../src/core/vision';
import { GOALS_PROPERTY, goalsValue } from '../../../src/features/goals';
import { JiraClient } from '../../../src/jira/client';
import { httpTransport } from '../../../src/jira/http-transport';
import { analyzeBoard, proposedMapping } from '../../../src/features/prioritize/analyze';
import type { SettingsSource } from '../../../src/features/prioritize/sources';
import { resetLocalServer, useLocalServer } from '../../support/local-server';

const server = useLocalServer();
let asPo: JiraClient;

beforeAll(async () => {
  asPo = new JiraClient(httpTransport({ siteUrl: server.url, headers: { 'X-Local-User': 'local-po' } }));
  await resetLocalServer(server.url, ['site']);
});

const BOARD = {
  visionStatement: 'v',
  targetGroup: 't',
  needs: 'n',
  product: 'p',
  goals: [
    { id: 'g1', name: 'Retention', target: 'x', status: 'active', weight: 8 },
    { id: 'g2', name: 'Growth', target: 'y', status: 'active', weight: 2 },
  ],
} as VisionBoard;

const settings = (mapping: FieldMapping, model: ModelConfig): SettingsSource => ({
  mapping: async () => mapping,
  model: async () => model,
  pins: async () => [],
  vision: async () => BOARD,
});

it('an issue serving a weighted active goal scores higher with fitWeight > 0, equal with 0', async () => {
  const mapping = { ...(await proposedMapping(asPo)), strategicFit: true };
  const plain = await analyzeBoard({ jira: asPo, settings: settings(mapping, { kind: 'wsjf' }) }, 1);
  const scored = plain.scores.filter((s) => s.status === 'scored');
  const key = scored[0]?.key as string;
  expect(key).toBeDefined();
  await asPo.setIssueProperty(key, GOALS_PROPERTY, goalsValue(['g1']));

  const value = async (model: ModelConfig) => {
    const a = await analyzeBoard({ jira: asPo, settings: settings(mapping, model) }, 1);
    expect(a.vision?.tags.get(key)).toEqual(['g1']);
    const s = a.scores.find((x) => x.key === key);
    return s?.status === 'scored' ? s.value : NaN;
  };
  const base = scored[0]?.status === 'scored' ? scored[0].value : NaN;
  expect(await value({ kind: 'wsjf', fitWeight: 0 })).toBe(base);
  expect(await value({ kind: 'wsjf' })).toBe(base);
  expect(await value({ kind: 'wsjf', fitWeight: 1 })).toBeCloseTo(base * (1 + 0.8));
});
