/**
 * A project's acceptance-criteria rules in Forge storage, through the REAL @forge/kvs client on the local
 * KVS: only valid configs are stored (nothing is written otherwise), only what differs from the defaults,
 * with who saved them when; hand-written bare configs still read; reset deletes.
 */
import fc from 'fast-check';
import { kvs } from '@forge/kvs';
import { CriteriaConfigSchema, DEFAULT_CONFIG, FINDING_KINDS } from '../../src/core/criteria';
import {
  criteriaConfigKey,
  getCriteriaConfig,
  minimalConfig,
  resetCriteriaConfig,
  saveCriteriaConfig,
} from '../../src/store/criteria';
import { installTestForge } from '../support/forge-runtime';

beforeEach(() => installTestForge());

const PO = { accountId: 'local-po' };
const AT = new Date('2026-11-18T12:00:00.000Z');

describe('criteria config store', () => {
  it('answers the defaults when nothing is stored', async () => {
    expect(await getCriteriaConfig('TRAIL')).toEqual({ config: DEFAULT_CONFIG, problems: [], stored: false });
  });

  it('stores only what differs from the defaults, with the saver and time, and reads it back whole', async () => {
    const input = {
      severity: { negative: 'off', 'open-ended': 'warning' },
      bounds: { min: 1, max: 8 },
      vocabulary: { subjective: { add: ['snappy'], remove: ['nice'] } },
      story: { requireFormat: true },
    };
    const { config, record } = await saveCriteriaConfig('TRAIL', input, PO, AT);
    expect(config).toEqual(CriteriaConfigSchema.parse(input));
    expect(record).toEqual({
      config: input,
      savedBy: 'local-po',
      savedAt: '2026-11-18T12:00:00.000Z',
    });
    expect(await kvs.get(criteriaConfigKey('TRAIL'))).toEqual(record);
    expect(await getCriteriaConfig('TRAIL')).toEqual({
      config,
      problems: [],
      stored: true,
      savedBy: 'local-po',
      savedAt: '2026-11-18T12:00:00.000Z',
    });
    // Another project is untouched.
    expect((await getCriteriaConfig('OTHER')).stored).toBe(false);
  });

  it("reads a record saved with the saver's display name (before ADR 9), dropping the name", async () => {
    const old = {
      config: { bounds: { min: 2 } },
      savedBy: 'local-po',
      savedByName: 'Amara Okafor',
      savedAt: '2026-11-18T12:00:00.000Z',
    };
    await kvs.set(criteriaConfigKey('TRAIL'), old);
    const read = await getCriteriaConfig('TRAIL');
    expect(read).toMatchObject({ stored: true, problems: [], savedBy: 'local-po' });
    expect(read.config.bounds.min).toBe(2);
    expect(read).not.toHaveProperty('savedByName');
  });

  it('stores the full default config as an empty one', async () => {
    await saveCriteriaConfig('TRAIL', DEFAULT_CONFIG, PO, AT);
    expect(await kvs.get(criteriaConfigKey('TRAIL'))).toMatchObject({ config: {} });
  });

  it('refuses an invalid config and writes nothing (the earlier config stays)', async () => {
    await saveCriteriaConfig('TRAIL', { bounds: { min: 1 } }, PO, AT);
    const before = await kvs.get(criteriaConfigKey('TRAIL'));
    await expect(saveCriteriaConfig('TRAIL', { bounds: { min: 9, max: 3 } }, PO)).rejects.toThrow(
      'bounds.min must not exceed bounds.max',
    );
    await expect(saveCriteriaConfig('TRAIL', { severity: { negative: 'loud' } }, PO)).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ['severity', 'negative'] })],
    });
    await expect(saveCriteriaConfig('TRAIL', { duplicateOverlap: 2 }, PO)).rejects.toThrow();
    expect(await kvs.get(criteriaConfigKey('TRAIL'))).toEqual(before);
    expect(await saveCriteriaConfig('NEW', { bounds: { min: 'two' } }, PO).catch(() => 'refused')).toBe(
      'refused',
    );
    expect(await kvs.get(criteriaConfigKey('NEW'))).toBeUndefined();
  });

  it('refuses a config too large for Forge storage and writes nothing', async () => {
    const add = Array.from({ length: 1000 }, (_, i) => `${'x'.repeat(110)}${i}`);
    const huge = {
      vocabulary: Object.fromEntries(
        ['subjective', 'ambiguous', 'loophole'].map((k) => [k, { add, remove: add }]),
      ),
    };
    await expect(saveCriteriaConfig('TRAIL', huge, PO)).rejects.toThrow(RangeError);
    expect(await kvs.get(criteriaConfigKey('TRAIL'))).toBeUndefined();
  });

  it('reads a bare config written by hand, and falls back to the defaults with the problems of an invalid one', async () => {
    await kvs.set(criteriaConfigKey('TRAIL'), { severity: { negative: 'off' } });
    const bare = await getCriteriaConfig('TRAIL');
    expect(bare).toMatchObject({ stored: true, problems: [] });
    expect(bare.config.severity.negative).toBe('off');
    expect(bare.savedBy).toBeUndefined();

    await kvs.set(criteriaConfigKey('TRAIL'), {
      config: { bounds: { min: 5, max: 1 } },
      savedBy: 'local-po',
      savedAt: AT.toISOString(),
    });
    const invalid = await getCriteriaConfig('TRAIL');
    expect(invalid).toMatchObject({ config: DEFAULT_CONFIG, stored: true, savedBy: 'local-po' });
    expect(invalid.problems).toEqual(['bounds: bounds.min must not exceed bounds.max']);
  });

  it('reset deletes the stored config: the defaults apply again', async () => {
    await saveCriteriaConfig('TRAIL', { severity: { negative: 'off' } }, PO, AT);
    await resetCriteriaConfig('TRAIL');
    expect(await kvs.get(criteriaConfigKey('TRAIL'))).toBeUndefined();
    expect(await getCriteriaConfig('TRAIL')).toEqual({ config: DEFAULT_CONFIG, problems: [], stored: false });
    await resetCriteriaConfig('TRAIL'); // nothing stored: still fine
  });
});

describe('minimalConfig', () => {
  const severity = fc.record(
    Object.fromEntries(FINDING_KINDS.map((k) => [k, fc.constantFrom('error', 'warning', 'info', 'off')])),
    { requiredKeys: [] },
  );
  const words = fc.array(fc.stringMatching(/^[a-z][a-z ~#^!-]{0,20}[a-z]$/), { maxLength: 4 });
  const input = fc.record(
    {
      severity,
      bounds: fc
        .tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 20 }))
        .map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) })),
      headings: words,
      criteriaFieldId: fc.constantFrom('customfield_10050', 'customfield_1'),
      comparativeReference: fc.constantFrom('number', 'any', 'none'),
      duplicateOverlap: fc.double({ min: 0.5, max: 1, noNaN: true }),
      vocabulary: fc.record({ subjective: fc.record({ add: words, remove: words }) }, { requiredKeys: [] }),
      story: fc.record({ issueTypes: words, requireFormat: fc.boolean() }, { requiredKeys: [] }),
    },
    { requiredKeys: [] },
  );

  it('parses back to the same config, for any valid config', () => {
    fc.assert(
      fc.property(input, (raw) => {
        const config = CriteriaConfigSchema.parse(raw);
        expect(CriteriaConfigSchema.parse(minimalConfig(config))).toEqual(config);
      }),
    );
  });

  it('is empty for the defaults and keeps only changed leaves', () => {
    expect(minimalConfig(DEFAULT_CONFIG)).toEqual({});
    const config = CriteriaConfigSchema.parse({ severity: { negative: 'off' }, bounds: { max: 20 } });
    expect(minimalConfig(config)).toEqual({ severity: { negative: 'off' }, bounds: { max: 20 } });
  });
});
