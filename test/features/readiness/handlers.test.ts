/**
 * The criteria function handlers with real issues from the local site: the Definition of Ready validator
 * (`{ result, errorMessage? }`) and the readiness trigger, both acting as the app (`X-Local-Actor: app`).
 */
import { startJiraSite, parseSeed } from '../../../dev/site';
import { buildDemoSeed } from '../../../dev/demo';
import { defaultConfig, READINESS_PROPERTY_KEY, type CriteriaDeps } from '../../../src/features/readiness';
import { onIssueEvent, validateReady } from '../../../src/features/readiness/handlers';
import { DEFAULT_CONFIG, CriteriaConfigSchema } from '../../../src/core/criteria';
import { JiraClient } from '../../../src/jira/client';
import { httpTransport } from '../../../src/jira/http-transport';

let site: Awaited<ReturnType<typeof startJiraSite>>;
let deps: CriteriaDeps;

beforeAll(async () => {
  site = await startJiraSite({ seed: parseSeed(buildDemoSeed(), 'dev/demo'), port: 0 });
  deps = {
    jira: new JiraClient(httpTransport({ siteUrl: site.url, headers: { 'X-Local-Actor': 'app' } })),
    configs: defaultConfig,
  };
});
afterAll(() => site.close());

// The handlers log what they could not do; the tests check their answers instead.
beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
afterEach(() => jest.restoreAllMocks());

const event = (key: string) => ({
  issue: { id: '1', key, fields: {} },
  transition: { from: { id: '1' }, to: { id: '3' } },
  workflow: { workflowId: 'x', workflowName: 'TRAIL workflow' },
});

describe('Definition of Ready (jira:workflowValidator)', () => {
  it('lets a ready issue through (TRAIL-48)', async () => {
    await expect(validateReady(event('TRAIL-48'), deps)).resolves.toEqual({ result: true });
  });

  it('blocks an issue without criteria and says what is missing (TRAIL-7)', async () => {
    const answer = await validateReady(event('TRAIL-7'), deps);
    expect(answer.result).toBe(false);
    expect(answer.errorMessage).toMatch(/^TRAIL-7 is not ready \(Definition of Ready\)\. Missing:/);
    expect(answer.errorMessage).toMatch(/acceptance criteria/i);
  });

  it('lists at most the top 3 blocking findings, naming the criterion', async () => {
    const strict: CriteriaDeps = {
      ...deps,
      configs: {
        config: async () =>
          CriteriaConfigSchema.parse({
            severity: {
              ...DEFAULT_CONFIG.severity,
              ambiguous: 'error',
              'open-ended': 'error',
              negative: 'error',
            },
          }),
      },
    };
    const answer = await validateReady(event('TRAIL-83'), strict);
    expect(answer.result).toBe(false);
    const lines = answer.errorMessage!.split('\n');
    expect(lines.filter((l) => l.startsWith('• ')).length).toBeGreaterThanOrEqual(2);
    expect(lines.filter((l) => l.startsWith('• ')).length).toBeLessThanOrEqual(3);
    expect(answer.errorMessage).toMatch(/criterion \d+\): "/);
  });

  it('blocks a scenario without Then (TRAIL-53)', async () => {
    const answer = await validateReady(event('TRAIL-53'), deps);
    expect(answer).toMatchObject({ result: false });
  });

  it('does not lock the workflow when the issue cannot be read, nor on a malformed event', async () => {
    await expect(validateReady(event('TRAIL-99999'), deps)).resolves.toEqual({ result: true });
    await expect(validateReady({}, deps)).resolves.toEqual({ result: true });
  });
});

describe('readiness trigger', () => {
  it('writes the readiness property of the event issue', async () => {
    await onIssueEvent({ issue: { id: '10053', key: 'TRAIL-53' }, atlassianId: 'local-po' }, deps);
    expect(await deps.jira.getIssueProperty('TRAIL-53', READINESS_PROPERTY_KEY)).toMatchObject({
      ready: 'false',
      // one scenario without Then, and fewer criteria than the project's minimum of 2
      blocking: ['gwt-incomplete', 'too-few-criteria'],
    });
  });

  it('ignores an event without an issue and never throws', async () => {
    await expect(onIssueEvent({ nothing: true }, deps)).resolves.toBeUndefined();
    await expect(onIssueEvent({ issue: { key: 'TRAIL-99999' } }, deps)).resolves.toBeUndefined();
  });
});
