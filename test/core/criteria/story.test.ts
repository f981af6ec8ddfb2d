import { checkIssue, checkStory, CriteriaConfigSchema, parseStory } from '../../../src/core/criteria';
import { doc, h, p, ul } from './adf-builders';

const part = (text: string, piece: string) => {
  const start = text.indexOf(piece);
  return { text: piece, start, end: start + piece.length };
};

describe('parseStory', () => {
  it('finds role, goal and benefit with offsets', () => {
    const s = 'As a trail runner, I want to save a route, so that I can run it again.';
    expect(parseStory(s)).toEqual({
      role: part(s, 'trail runner'),
      goal: part(s, 'save a route'),
      benefit: part(s, 'I can run it again'),
    });
  });

  it('reads the usual variants', () => {
    expect(
      parseStory('As an admin I need to be able to lock a board so the team stops editing it'),
    ).toMatchObject({
      role: { text: 'admin' },
      goal: { text: 'lock a board' },
      benefit: { text: 'the team stops editing it' },
    });
    expect(parseStory("As the owner, I'd like a weekly summary in order to plan")).toMatchObject({
      role: { text: 'owner' },
      goal: { text: 'a weekly summary' },
      benefit: { text: 'plan' },
    });
    expect(parseStory("As a visitor, I don't want to see ads.")).toMatchObject({
      goal: { text: "don't want to see ads" },
    });
    expect(parseStory('I want dark mode')).toEqual({ goal: { text: 'dark mode', start: 7, end: 16 } });
    expect(parseStory('Fix the login bug')).toEqual({});
  });
});

describe('story findings', () => {
  const kinds = (s: string) => checkStory(s).findings.map((f) => [f.kind, f.detail ?? '']);

  it('a well-formed story has no findings', () => {
    expect(
      kinds('As a coach, I want to see who trained this week, so that I can plan the next session'),
    ).toEqual([]);
  });

  it('story-no-role: missing, not a user of the product, weak', () => {
    expect(kinds('I want to export my runs so that I can back them up')).toContainEqual([
      'story-no-role',
      'missing',
    ]);
    expect(kinds('As the system, I want to purge old logs so that the disk does not fill up')).toContainEqual(
      ['story-no-role', 'invalid-role'],
    );
    // a developer is a human actor, a valid role (issue 12: annotators accept it)
    expect(kinds('As a backend developer, I want a cache so that pages load in 1 s')).toEqual([]);
    const weak = checkStory('As a user, I want to export my runs so that I can back them up').findings;
    expect(weak.map((f) => [f.kind, f.detail, f.severity])).toEqual([['story-no-role', 'weak-role', 'info']]);
  });

  it('story-no-goal and story-no-benefit', () => {
    expect(kinds('As a coach, so that I can plan')).toContainEqual(['story-no-goal', '']);
    expect(kinds('As a coach, I want to see the team calendar')).toEqual([['story-no-benefit', '']]);
  });

  it('story-not-atomic: a conjunction joining goals', () => {
    const s = 'As a coach, I want to plan sessions and send them to players, so that everyone knows the plan';
    const f = checkStory(s).findings.find((x) => x.kind === 'story-not-atomic');
    expect(f).toMatchObject({ words: 'and', start: s.indexOf('and send'), detail: 'verbs' });
    expect(kinds('As a coach, I want to see the distance between start and finish, so that I plan')).toEqual(
      [],
    );
  });

  it('story-not-minimal: brackets, examples, extra sentences', () => {
    expect(kinds('As a coach, I want to see a chart (like Strava) so that I can compare')).toContainEqual([
      'story-not-minimal',
      'brackets',
    ]);
    expect(kinds('As a coach, I want filters, e.g. by date, so that I can compare')).toContainEqual([
      'story-not-minimal',
      'example',
    ]);
    expect(
      kinds('As a coach, I want filters so that I can compare. The old page had them too.'),
    ).toContainEqual(['story-not-minimal', 'extra-text']);
  });

  it('story-vague: a judgement or loophole in the goal, with offsets into the story', () => {
    const s = 'As a coach, I want an intuitive planner if possible, so that I save time';
    const f = checkStory(s).findings.filter((x) => x.kind === 'story-vague');
    expect(f).toHaveLength(1);
    expect(s.slice(f[0]?.start, f[0]?.end)).toBe('intuitive');
    expect(kinds('As a coach, I want to see 3 upcoming sessions, so that I can plan')).toEqual([]);
  });
});

describe('story checks with the tagger (issue 12)', () => {
  const kinds = (s: string) => checkStory(s).findings.map((f) => [f.kind, f.detail ?? '']);

  it.each([
    'developer',
    'data analyst',
    'product manager',
    'admin',
    'support team',
    'company',
    'repository manager',
  ])('story-no-role accepts the human or organisational role "%s"', (role) => {
    expect(kinds(`As a ${role}, I want to export the report, so that I can share it`)).toEqual([]);
  });

  it('story-no-role still rejects the product itself as the role', () => {
    expect(kinds('As the application, I want to cache pages so that they load')).toContainEqual([
      'story-no-role',
      'invalid-role',
    ]);
  });

  it.each([
    ["As a coach, I'm able to export the plan, so that I can print it", 'export the plan'],
    ['As a coach, I would be able to export the plan, so that I can print it', 'export the plan'],
    ['As a coach, I am able to export the plan, so that I can print it', 'export the plan'],
  ])('story-no-goal: "be able to" forms give the goal (%s)', (s, goal) => {
    expect(parseStory(s).goal?.text).toBe(goal);
    expect(kinds(s)).toEqual([]);
  });

  it('story-not-atomic: one action on several things is atomic; two actions are not', () => {
    expect(
      kinds('As a nurse, I want the robot to deliver blood and urine samples, so that I save time'),
    ).toEqual([]);
    expect(
      kinds('As a nurse, I want to deliver items using the robot to reduce my workload and improve care'),
    ).toEqual([['story-no-benefit', '']]);
    expect(kinds('As a coach, I want to plan and send sessions, so that players know')).toContainEqual([
      'story-not-atomic',
      'verbs',
    ]);
  });

  it('story-not-atomic: a participle is a modifier, so the action after "to" is still the goal (round 3)', () => {
    // "equipped", "AI-powered" describe the drones; "analyze and predict" are two actions
    expect(
      kinds(
        'As a planner, I want drones equipped with AI to analyze and predict enemy movements, so that I plan',
      ),
    ).toContainEqual(['story-not-atomic', 'verbs']);
    expect(
      kinds('As an analyst, I want AI-powered drones to detect and respond to threats, so that we stay safe'),
    ).toContainEqual(['story-not-atomic', 'verbs']);
    // a verb the tagger reads as a noun, before an adjective or participle of its object
    expect(
      kinds('As an analyst, I want the system to detect and report coordinated campaigns, so that I can act'),
    ).toContainEqual(['story-not-atomic', 'verbs']);
    // still one action on a modified thing
    expect(
      kinds('As a nurse, I want the robot to deliver blood and urine samples, so that I save time'),
    ).toEqual([]);
  });

  it("story-not-atomic: verb lists, a light verb's complement and a verb read as an adjective (round 4)", () => {
    // "create, update and delete": a list of verbs, not a participle clause after a comma
    expect(
      kinds(
        'As a manager, I want to create, update and delete records in my repository, so that I keep it tidy',
      ),
    ).toContainEqual(['story-not-atomic', 'verbs']);
    // after a light verb's noun, "to …" names the action itself, not a purpose
    expect(
      kinds(
        'As an archivist, I want to have a method to add and remove people from groups, so that I can manage access',
      ),
    ).toContainEqual(['story-not-atomic', 'verbs']);
    expect(
      kinds('As a researcher, I want to have the ability to locate and access data, so that I can reuse it'),
    ).toContainEqual(['story-not-atomic', 'verbs']);
    // an adjective with an object pronoun after it is a verb
    expect(
      kinds(
        'As a member, I want to upload data to the repository and associate it with a paper, so that I get credit',
      ),
    ).toContainEqual(['story-not-atomic', 'verbs']);
    // a purpose clause after an ordinary verb's object is still why, not what
    expect(
      kinds(
        'As a nurse, I want to deliver parcels with the robot to reduce my workload and improve care, so that I rest',
      ),
    ).toEqual([]);
  });

  it('story-not-minimal: acronyms in brackets and "such as" examples are not extra detail', () => {
    expect(kinds('As a driver, I want Autonomous Vehicles (AVs) to brake, so that I am safe')).toEqual([]);
    expect(kinds('As a coach, I want filters such as dates, so that I can compare')).toEqual([]);
    expect(kinds('As a coach, I want a chart (like Strava), so that I can compare')).toContainEqual([
      'story-not-minimal',
      'brackets',
    ]);
  });

  it('story-vague: not "more" alone, not an adverb of manner; still a judgement', () => {
    expect(kinds('As a coach, I want more filters, so that I can compare')).toEqual([]);
    expect(kinds('As a coach, I want to easily export the plan, so that I can print it')).toEqual([]);
    expect(kinds('As a coach, I want a better planner, so that I save time')).toContainEqual([
      'story-vague',
      'comparative',
    ]);
  });
});

describe('stories in issues', () => {
  it('reads the story from the description when the summary is not one', () => {
    const r = checkIssue({
      summary: 'Route saving',
      description: doc(
        p('As a trail runner,'),
        p('I want to save a route'),
        p('so that I can run it again.'),
        h(2, 'Acceptance criteria'),
        ul('Saved routes appear under "My routes"', 'A saved route can be renamed'),
      ),
    });
    expect(r.story).toMatchObject({
      origin: 'description',
      role: { text: 'trail runner' },
      benefit: { text: 'I can run it again' },
    });
    expect(r.findings).toEqual([]);
  });

  it('asks stories for the statement only when configured', () => {
    const input = {
      summary: 'Route saving',
      issueType: 'Story',
      description: doc(h(2, 'AC'), ul('Rule one holds', 'Rule two holds')),
    };
    expect(checkIssue(input).findings).toEqual([]);
    const strict = CriteriaConfigSchema.parse({ story: { requireFormat: true } });
    expect(checkIssue(input, strict).findings.map((f) => [f.kind, f.detail])).toEqual([
      ['story-no-role', 'missing-statement'],
    ]);
    expect(checkIssue({ ...input, issueType: 'Bug' }, strict).findings).toEqual([]);
  });
});
