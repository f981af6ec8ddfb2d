/**
 * The readiness rules resolvers on the local Jira site, run by the harness as Forge runs them (real
 * resolvers, real @forge/kvs): everyone who can browse TRAIL reads the rules; only its admin (the PO) saves
 * or resets them, the developer and the viewer are refused with nothing changed; invalid rules are refused
 * naming their paths; unsaved rules can be tried on a text; saved rules take effect in `readiness.check`.
 */
import { DEFAULT_CONFIG } from '../../src/core/criteria';
import { criteriaConfigKey } from '../../src/store/criteria';
import { invokeData, invokeResolver, refused } from '../support/invoke';
import { useLocalServer } from '../support/local-server';

const server = useLocalServer({ reset: ['kvs'] });

const invoke = (key: Parameters<typeof invokeResolver>[1], payload: unknown, accountId = 'local-po') =>
  invokeResolver(server.url, key, payload, accountId);

/** What TRAIL's rules are stored as (the record), or undefined. */
function stored(): unknown {
  try {
    return (
      server.harness.kvs.handle('/get', { key: criteriaConfigKey('TRAIL') }).body as { value?: unknown }
    ).value;
  } catch {
    return undefined;
  }
}

describe('readiness.rules.get', () => {
  it('answers the defaults, the default vocabularies and the text custom fields; the PO may edit', async () => {
    const view = await invokeData(server.url, 'readiness.rules.get', { projectKey: 'TRAIL' });
    expect(view).toMatchObject({
      projectKey: 'TRAIL',
      config: DEFAULT_CONFIG,
      defaults: DEFAULT_CONFIG,
      stored: false,
      problems: [],
      canEdit: true,
    });
    expect(view.updatedBy).toBeUndefined();
    expect(view.fields).toEqual([
      {
        id: 'customfield_10037',
        name: 'Acceptance Criteria',
        type: 'com.atlassian.jira.plugin.system.customfieldtypes:textarea',
      },
    ]);
    expect(view.vocabulary.loophole).toContain('if possible');
  });

  it('is read-only for the developer and the viewer, and refused to someone outside the project', async () => {
    for (const who of ['local-dev', 'local-viewer']) {
      const view = await invokeData(server.url, 'readiness.rules.get', { projectKey: 'TRAIL' }, who);
      expect(view.canEdit).toBe(false);
    }
    const outsider = refused(await invoke('readiness.rules.get', { projectKey: 'TRAIL' }, 'local-outsider'));
    expect(['forbidden', 'not-found']).toContain(outsider.code);
  });

  it('shows the problems of an invalid stored config and answers the defaults', async () => {
    await server.harness.kvs.handle('/set', {
      key: criteriaConfigKey('TRAIL'),
      value: { bounds: { min: 'two' } },
    });
    const view = await invokeData(server.url, 'readiness.rules.get', { projectKey: 'TRAIL' });
    expect(view).toMatchObject({ stored: true, config: DEFAULT_CONFIG });
    expect(view.problems).toEqual([expect.stringMatching(/^bounds\.min: /)]);
  });
});

describe('readiness.rules.save and reset', () => {
  it('the PO saves: stored minimal with who and when, read back by everyone', async () => {
    const config = {
      ...DEFAULT_CONFIG,
      severity: { ...DEFAULT_CONFIG.severity, negative: 'off' as const },
      bounds: { min: 1, max: 6 },
      criteriaFieldId: 'customfield_10037',
    };
    const saved = await invokeData(server.url, 'readiness.rules.save', { projectKey: 'TRAIL', config });
    expect(saved).toMatchObject({ config, updatedBy: 'local-po', updatedByName: 'Amara Okafor' });
    expect(Date.parse(saved.updatedAt)).not.toBeNaN();
    expect(stored()).toEqual({
      config: {
        severity: { negative: 'off' },
        bounds: { min: 1, max: 6 },
        criteriaFieldId: 'customfield_10037',
      },
      savedBy: 'local-po',
      savedAt: saved.updatedAt,
    });
    const asDev = await invokeData(server.url, 'readiness.rules.get', { projectKey: 'TRAIL' }, 'local-dev');
    expect(asDev).toMatchObject({
      config,
      stored: true,
      canEdit: false,
      updatedBy: 'local-po',
      updatedByName: 'Amara Okafor',
      updatedAt: saved.updatedAt,
    });
  });

  it('refuses the developer and the viewer clearly, and nothing changes', async () => {
    await invokeData(server.url, 'readiness.rules.save', {
      projectKey: 'TRAIL',
      config: { bounds: { max: 9 } },
    });
    const before = stored();
    for (const who of ['local-dev', 'local-viewer']) {
      const save = refused(
        await invoke(
          'readiness.rules.save',
          { projectKey: 'TRAIL', config: { severity: { 'gwt-incomplete': 'off' } } },
          who,
        ),
      );
      expect(save).toMatchObject({ code: 'forbidden' });
      expect(save.message).toBe(
        'Only administrators of project TRAIL can change its readiness rules. Nothing was changed.',
      );
      const reset = refused(await invoke('readiness.rules.reset', { projectKey: 'TRAIL' }, who));
      expect(reset).toMatchObject({ code: 'forbidden' });
      expect(reset.message).toContain('Nothing was changed.');
    }
    expect(stored()).toEqual(before);
    const view = await invokeData(server.url, 'readiness.rules.get', { projectKey: 'TRAIL' });
    expect(view.config.bounds.max).toBe(9);
  });

  it('refuses invalid rules naming each bad path, and writes nothing', async () => {
    const error = refused(
      await invoke('readiness.rules.save', {
        projectKey: 'TRAIL',
        config: { bounds: { min: 8, max: 3 }, severity: { negative: 'loud' }, duplicateOverlap: 0.1 },
      }),
    );
    expect(error.code).toBe('invalid-payload');
    expect(error.message).toMatch(/^The rules were not saved: these settings are not valid: /);
    expect(error.message).toContain('severity.negative');
    expect(error.message).toContain('duplicateOverlap');
    expect(error.details).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^severity\.negative: /),
        expect.stringMatching(/^duplicateOverlap: /),
        'bounds: bounds.min must not exceed bounds.max',
      ]),
    );
    const field = refused(
      await invoke('readiness.rules.save', {
        projectKey: 'TRAIL',
        config: { criteriaFieldId: 'customfield_10016' },
      }),
    );
    expect(field).toMatchObject({ code: 'invalid-payload' });
    expect(field.details).toEqual([expect.stringMatching(/^criteriaFieldId: /)]);
    expect(stored()).toBeUndefined();
  });

  it('the PO resets to the defaults', async () => {
    await invokeData(server.url, 'readiness.rules.save', {
      projectKey: 'TRAIL',
      config: { severity: { negative: 'off' } },
    });
    expect(await invokeData(server.url, 'readiness.rules.reset', { projectKey: 'TRAIL' })).toEqual({
      config: DEFAULT_CONFIG,
    });
    expect(stored()).toBeUndefined();
    const view = await invokeData(server.url, 'readiness.rules.get', { projectKey: 'TRAIL' });
    expect(view).toMatchObject({ stored: false, config: DEFAULT_CONFIG });
  });
});

describe('readiness.rules.try', () => {
  it('answers the findings the unsaved rules give on a text, without storing anything', async () => {
    const text = 'The page loads quickly and shows the results etc.';
    const base = await invokeData(
      server.url,
      'readiness.rules.try',
      { projectKey: 'TRAIL', config: {}, text, as: 'criterion' },
      'local-viewer',
    );
    expect(base.findings.map((f) => f.kind)).toEqual(expect.arrayContaining(['ambiguous', 'open-ended']));
    const quieter = await invokeData(server.url, 'readiness.rules.try', {
      projectKey: 'TRAIL',
      config: { severity: { ambiguous: 'off', 'open-ended': 'error' } },
      text,
      as: 'criterion',
    });
    expect(quieter.findings.map((f) => f.kind)).not.toContain('ambiguous');
    expect(quieter.findings.find((f) => f.kind === 'open-ended')).toMatchObject({ severity: 'error' });
    expect(quieter.ready).toBe(false);
    const f = quieter.findings.find((x) => x.kind === 'open-ended')!;
    expect(quieter.texts[0]!.slice(f.start, f.end)).toBe(f.words);

    const issue = await invokeData(server.url, 'readiness.rules.try', {
      projectKey: 'TRAIL',
      config: { bounds: { min: 3 } },
      text: 'Acceptance criteria\n- Saves the draft\n- Shows a toast within 2 s',
      as: 'issue',
    });
    expect(issue.texts).toHaveLength(2);
    expect(issue.findings.map((x) => x.kind)).toContain('too-few-criteria');

    const story = await invokeData(server.url, 'readiness.rules.try', {
      projectKey: 'TRAIL',
      config: {},
      text: 'As a hiker, I want to see the trail map',
      as: 'story',
    });
    expect(story.findings.map((x) => x.kind)).toContain('story-no-benefit');
    expect(stored()).toBeUndefined();
  });

  it('refuses invalid rules and a text over the limit', async () => {
    const bad = refused(
      await invoke('readiness.rules.try', {
        projectKey: 'TRAIL',
        config: { bounds: { min: -1 } },
        text: 'x',
        as: 'issue',
      }),
    );
    expect(bad).toMatchObject({ code: 'invalid-payload' });
    expect(bad.details).toEqual([expect.stringMatching(/^bounds\.min: /)]);
    const long = refused(
      await invoke('readiness.rules.try', {
        projectKey: 'TRAIL',
        config: {},
        text: 'x'.repeat(20_001),
        as: 'issue',
      }),
    );
    expect(long).toMatchObject({ code: 'invalid-payload' });
    expect(long.details).toEqual(['text: at most 20000 characters']);
  });
});

describe('saved rules take effect', () => {
  it('criteria.check on TRAIL-83 loses its open-ended findings when the PO turns that smell off', async () => {
    const check = (accountId = 'local-po') =>
      invokeData(server.url, 'readiness.check', { issueKey: 'TRAIL-83' }, accountId, {
        moduleKey: 'valuerank-criteria-panel',
        extension: { issue: { key: 'TRAIL-83' } },
      });
    const before = await check();
    expect(before.findings.map((f) => f.kind)).toContain('open-ended');
    await invokeData(server.url, 'readiness.rules.save', {
      projectKey: 'TRAIL',
      config: { severity: { 'open-ended': 'off', ambiguous: 'error' } },
    });
    const after = await check('local-dev');
    expect(after.findings.map((f) => f.kind)).not.toContain('open-ended');
    expect(after.findings.filter((f) => f.kind === 'ambiguous').every((f) => f.severity === 'error')).toBe(
      true,
    );
    expect(after.verdict.ready).toBe(false);
    await invokeData(server.url, 'readiness.rules.reset', { projectKey: 'TRAIL' });
    expect((await check()).findings.map((f) => f.kind)).toContain('open-ended');
  });
});
