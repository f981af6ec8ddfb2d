/**
 * User stories ("As a <role>, I want <goal>, so that <benefit>"): the parts with character offsets, and
 * the checks of the Quality User Story framework (Lucassen et al.) that a text can support: well-formed
 * (role, goal), benefit present, atomic, minimal, valid role, unambiguous goal.
 */
import { DEFAULT_CONFIG, type CriteriaConfig } from './config';
import { isVerbForm, sentences, tokenize } from './nlp';
import { detectSmells } from './smells';
import { tag } from './tagger';
import type { Finding, FindingKind, ParsedStory, Part, Severity, SmellKind } from './types';

const ROLE_START = /^[\s"'“*_>#-]*as\s+(?:(?:an?|the|one|some)\s+)?/i;
/** "I want", "I'd like to", "we need to be able to", ... The goal starts after it. */
const WANT =
  /\b(?:i|we)\s*(?:(?:only|also|really|just|always|still)\s+)?(?:['’]d\s+like|would\s+(?:like|love|want)|(?:(?<neg>do\s+not|don['’]t|never)\s+)?(?:want|need|wish|require|expect|prefer|desire)|(?:should|must|shall|will|would|could)\s+be\s+able|(?:can|could|should|must|shall|will|may)(?!\s+be\s+able)|(?:['’]m|am|are|['’]re)\s+able)\b(?:\s+to\b)?(?:\s+be\s+able\s+to\b)?\s*/di;
/** The benefit starts after it. */
const SO_THAT =
  /(?:,\s*|\s+)(?:so\s+that|so\s+as\s+to|in\s+order\s+to|in\s+order\s+that|so(?=\s+(?:i|we|they|he|she|it|you|my|our|the|users?|that)\b))\s*/i;

const trimPart = (text: string, start: number, end: number): Part | undefined => {
  let s = start;
  let e = end;
  while (s < e && /[\s,;:"'“”*_]/.test(text[s] ?? '')) s++;
  while (e > s && /[\s,;:.!"'“”*_]/.test(text[e - 1] ?? '')) e--;
  return e > s ? { text: text.slice(s, e), start: s, end: e } : undefined;
};

/** Role, goal and benefit of a user story, with offsets into `text`; parts that are absent are undefined. */
export function parseStory(text: string): ParsedStory {
  const out: ParsedStory = {};
  const role = ROLE_START.exec(text);
  const firstSo = SO_THAT.exec(text);
  const found = WANT.exec(text);
  // "I can …" inside the benefit is not the goal
  const want = found && !(firstSo && firstSo.index < found.index) ? found : null;
  const roleStart = role ? role[0].length : -1;
  if (role) {
    let end = want && want.index > roleStart ? want.index : text.length;
    const comma = text.indexOf(',', roleStart);
    if (comma >= 0 && comma < end) end = comma;
    const nl = text.indexOf('\n', roleStart);
    if (nl >= 0 && nl < end) end = nl;
    const part = trimPart(text, roleStart, end);
    if (part) out.role = part;
  }
  if (want && (roleStart < 0 || want.index >= roleStart)) {
    const negation = want.indices?.groups?.neg;
    const goalStart = negation ? negation[0] : want.index + want[0].length;
    SO_THAT.lastIndex = 0;
    const rest = text.slice(goalStart);
    const so = SO_THAT.exec(rest);
    const sentenceEnd = sentences(rest)[0]?.end ?? rest.length;
    const goalEnd = so && so.index < sentenceEnd + 1 ? goalStart + so.index : goalStart + sentenceEnd;
    const goal = trimPart(text, goalStart, goalEnd);
    if (goal) out.goal = goal;
    if (so && so.index < sentenceEnd + 1) {
      const bStart = goalStart + so.index + so[0].length;
      const bRest = text.slice(bStart);
      const bEnd = bStart + (sentences(bRest)[0]?.end ?? bRest.length);
      const benefit = trimPart(text, bStart, bEnd);
      if (benefit) out.benefit = benefit;
    }
  } else if (role) {
    const so = SO_THAT.exec(text.slice(roleStart));
    if (so) {
      const bStart = roleStart + so.index + so[0].length;
      const benefit = trimPart(text, bStart, text.length);
      if (benefit) out.benefit = benefit;
    }
  }
  return out;
}

/** Whether a text reads as a user story (starts with "As a …" or has "I want …"). */
export function looksLikeStory(text: string): boolean {
  return /^[\s"'“*_>#-]*as\s+(?:an?|the)\s+\S/i.test(text) || (ROLE_START.test(text) && WANT.test(text));
}

const POST_MODIFIER =
  /\s+(?:of|in|for|with|who|that|which|working|using|from|at|on|to|responsible|interested)\b.*$/i;

/** The head of a role: "software developer of wearables" → "software developer". */
export function roleHead(role: string): string {
  return role
    .toLowerCase()
    .replace(/^(?:an?|the)\s+/, '')
    .replace(POST_MODIFIER, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim();
}

const endsWithPhrase = (head: string, phrases: readonly string[]) =>
  phrases.some((p) => {
    const q = p.toLowerCase().trim();
    return head === q || head.endsWith(` ${q}`);
  });

/** Words of a goal that describe building the product rather than using it. */
const BUILDER_GOAL =
  /^(?:develop|build|implement|code|program|train|deploy|engineer|architect|integrate|fine-tune)\b/i;

function sev(config: CriteriaConfig, kind: FindingKind): Severity | undefined {
  const s = config.severity[kind];
  return s === 'off' ? undefined : s;
}

export interface StoryCheck {
  story: ParsedStory;
  findings: Finding[];
}

/** The story findings of one user-story text (offsets into `text`). */
export function checkStory(text: string, config: CriteriaConfig = DEFAULT_CONFIG): StoryCheck {
  const story = parseStory(text);
  const findings: Finding[] = [];
  const add = (kind: FindingKind, f: Omit<Finding, 'kind' | 'severity'>, severity?: Severity) => {
    const s = severity ?? sev(config, kind);
    if (s && config.severity[kind] !== 'off') findings.push({ kind, severity: s, ...f });
  };
  const { role, goal, benefit } = story;
  if (!role)
    add('story-no-role', {
      message: 'The story does not say who it is for ("As a <role>").',
      suggestion: 'Start with "As a <role>, …", naming the kind of user who benefits.',
      detail: 'missing',
    });
  else {
    const head = roleHead(role.text);
    const where = { words: role.text, start: role.start, end: role.end };
    if (endsWithPhrase(head, config.story.invalidRoles))
      add('story-no-role', {
        ...where,
        message: `"${role.text}" is not a user of the product: a story speaks for someone who benefits from it.`,
        suggestion: 'Name the person who uses the feature; put technical work in a task, not a story.',
        detail: 'invalid-role',
      });
    else if (goal && BUILDER_GOAL.test(goal.text))
      add('story-no-role', {
        ...where,
        message: `"${role.text}" acts as the builder here ("${goal.text.split(/\s+/)[0]} …"), not as a user.`,
        suggestion: 'Write the story from the point of view of whoever uses the result.',
        detail: 'builder-goal',
      });
    else if (config.story.weakRoles.some((w) => w.toLowerCase() === head))
      add(
        'story-no-role',
        {
          ...where,
          message: `"${role.text}" is valid but weak: it says nothing about who needs this.`,
          suggestion: 'Name a specific role (e.g. "returning customer", "support agent").',
          detail: 'weak-role',
        },
        'info',
      );
  }
  if (!goal)
    add('story-no-goal', {
      message: 'The story does not say what is wanted ("I want …").',
      suggestion: 'Add "I want <goal>" with the one thing the role wants to do or have.',
    });
  if (!benefit)
    add('story-no-benefit', {
      message: 'The story does not say why ("so that …").',
      suggestion: 'Add "so that <benefit>": the reason lets the team find a simpler solution.',
    });
  if (goal) {
    const join = storyConjunction(goal.text);
    if (join)
      add('story-not-atomic', {
        words: join.words,
        start: goal.start + join.start,
        end: goal.start + join.end,
        message: `"${join.words}" in the goal joins two things: the story may hold more than one feature.`,
        suggestion: 'Split the story so that each one has a single goal.',
        detail: join.detail,
      });
    const goalTokens = tokenize(goal.text);
    const { pos } = tag(goal.text, goalTokens);
    const posAt = (start: number) => pos[goalTokens.findIndex((t) => t.start === start)];
    const vague = detectSmells(goal.text, config, goalTokens).filter(
      (m) =>
        STORY_VAGUE.has(m.smell) &&
        // "more" or "less" alone asks for an amount, not a judgement ("more filters")
        !(m.smell === 'comparative' && /^(?:more|less|fewer)$/i.test(m.words)) &&
        // an adverb of manner ("easily", "quickly") says how, the goal is still one thing to do
        !(m.smell === 'subjective' && posAt(m.start) === 'ADV'),
    );
    const v = vague[0];
    if (v)
      add('story-vague', {
        words: v.words,
        start: goal.start + v.start,
        end: goal.start + v.end,
        message: `The goal uses the vague term "${v.words}" (${v.smell}).`,
        suggestion: 'Say exactly what the role wants; move qualities into measurable acceptance criteria.',
        detail: v.smell,
      });
  }
  const minimal = notMinimal(text, story);
  if (minimal) add('story-not-minimal', minimal);
  return { story, findings };
}

/**
 * Vague in a story goal: judgements (subjective, superlative, comparative) and loopholes. Scope words
 * ("support", "such as") and amounts ("multiple") are normal in a story and are refined in its criteria.
 */
const STORY_VAGUE = new Set<SmellKind>(['subjective', 'superlative', 'comparative', 'loophole']);

/** Verbs that carry a noun rather than an action ("have the ability to …"). */
const LIGHT_VERBS = new Set(['have', 'get', 'need', 'be', 'want']);

const ACTION_SKIP = new Set([
  'to',
  'also',
  'then',
  'later',
  'not',
  'be',
  'able',
  'can',
  'could',
  'will',
  'would',
]);

/**
 * The Quality User Story rule for atomicity, read as "one action": a conjunction ("and", "or", "&", "+")
 * in the main clause of the goal — before a purpose clause ("… to reduce my workload and improve care" is
 * why, not what) or a comma after the first verb — that joins a second action: the word after it (past
 * adverbs and "to") is a verb (`verbs`: "plan and send sessions") or starts a clause (`clauses`). Several
 * things joined ("blood and urine samples") are one action; "between … and …", "both … and …" name one
 * relation, "and/or" is an open-ended term. Parts of speech come from the tagger.
 */
export function storyConjunction(
  goal: string,
): { words: string; start: number; end: number; detail: string } | undefined {
  const tokens = tokenize(goal);
  const { pos } = tag(goal, tokens);
  let verbs = 0;
  let lightOnly = true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token1;
    // a participle is a modifier ("AI-powered drones", "drones equipped with AI"), not the action
    if (pos[i] === 'VERB' && !t.lower.endsWith('ed')) {
      // a purpose clause after the action: "… to protect them from hacking and attacks" — but not after a
      // light verb's noun ("have the ability to locate and access data", "a method to add and remove
      // people": what the thing is for is the action)
      if (verbs > 0 && tokens[i - 1]?.lower === 'to' && !(lightOnly && pos[i - 2] === 'NOUN'))
        return undefined;
      verbs++;
      if (!LIGHT_VERBS.has(t.lower)) lightOnly = false;
    } else if (pos[i] === 'AUX' && LIGHT_VERBS.has(t.lower)) verbs++;
    if (t.text === ',' && verbs > 0 && !/^(and|or)$/.test(tokens[i + 1]?.lower ?? '')) {
      // a list goes on after a comma ("A, B and C"), verbs too ("create, update and delete records");
      // a participle clause does not
      const verbList =
        pos[i - 1] === 'VERB' && pos[i + 1] === 'VERB' && !/ing$/.test(tokens[i + 1]?.lower ?? '');
      if (!verbList && (pos[i + 1] === 'VERB' || /ing$/.test(tokens[i + 1]?.lower ?? ''))) return undefined;
    }
    if (t.lower !== 'and' && t.lower !== 'or' && t.text !== '&' && t.text !== '+') continue;
    if (tokens[i + 1]?.text === '/' || tokens[i - 1]?.text === '/') continue;
    const before = tokens.slice(Math.max(0, i - 5), i).map((w) => w.lower);
    if (t.lower === 'and' && (before.includes('between') || before.includes('both'))) continue;
    let k = i + 1;
    while (
      k < tokens.length &&
      (tokens[k]?.text === ',' || pos[k] === 'ADV' || ACTION_SKIP.has(tokens[k]?.lower ?? ''))
    )
      k++;
    // a verb the tagger read as a noun: a verb of the list with an object after it ("search and view the log")
    const verbLike =
      pos[k] === 'NOUN' &&
      isVerbForm(tokens[k]?.lower ?? '') &&
      (pos[k + 1] === 'DET' ||
        pos[k + 1] === 'PRON' ||
        tokens[k + 1] === undefined ||
        // its object opens with an adjective or a participle ("detect and report coordinated campaigns")
        ((pos[k + 1] === 'ADJ' || pos[k + 1] === 'VERB' || pos[k + 1] === 'NOUN') && pos[i - 1] === 'VERB'));
    // an adjective with an object pronoun after it is a verb ("… and associate it with a publication")
    const adjVerb = pos[k] === 'ADJ' && isVerbForm(tokens[k]?.lower ?? '') && pos[k + 1] === 'PRON';
    const next = verbLike || adjVerb ? 'VERB' : pos[k];
    const detail =
      next === 'VERB'
        ? 'verbs'
        : (next === 'PRON' && (pos[k + 1] === 'VERB' || pos[k + 1] === 'AUX')) || next === 'AUX'
          ? 'clauses'
          : 'conjunction';
    // several things joined ('blood and urine samples') are still one action
    if (detail === 'conjunction') continue;
    return { words: t.text, start: t.start, end: t.end, detail };
  }
  return undefined;
}

/** Brackets, examples or text beyond the role–goal–benefit sentence. */
function notMinimal(text: string, story: ParsedStory): Omit<Finding, 'kind' | 'severity'> | undefined {
  // an acronym in brackets ("Autonomous Vehicles (AVs)") names a thing, it adds no detail
  const bracket = [...text.matchAll(/[([{][^)\]}]*[)\]}]?/g)].find(
    (m) =>
      !/^[([{]\s*[\p{Lu}\p{N}][\p{L}\p{N}&./-]{0,11}\s*[)\]}]$/u.test(m[0]) || !/\p{Lu}.*\p{Lu}/u.test(m[0]),
  );
  if (bracket)
    return {
      words: bracket[0],
      start: bracket.index,
      end: bracket.index + bracket[0].length,
      message: 'The story has text in brackets: extra detail that belongs elsewhere.',
      suggestion: 'Keep the story to role, goal and benefit; move details to the description or criteria.',
      detail: 'brackets',
    };
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token1;
    const next = tokens[i + 1];
    const isExample =
      (t.lower === 'e' && next?.text === '.' && tokens[i + 2]?.lower === 'g') ||
      (t.lower === 'i' && next?.text === '.' && tokens[i + 2]?.lower === 'e') ||
      (t.lower === 'for' && (next?.lower === 'example' || next?.lower === 'instance')) ||
      t.lower === 'etc';
    if (isExample) {
      const end = next && t.lower === 'for' ? next.end : t.end;
      return {
        words: text.slice(t.start, end),
        start: t.start,
        end,
        message: 'The story lists examples: detail that belongs in the acceptance criteria.',
        suggestion: 'Keep the story to role, goal and benefit; turn the examples into criteria.',
        detail: 'example',
      };
    }
  }
  const last = story.benefit ?? story.goal;
  if (last) {
    const after = text.slice(last.end).replace(/^[\s.!?]+/, '');
    if (/\p{L}{2,}/u.test(after) && after.split(/\s+/).length >= 3) {
      const start = text.length - after.length;
      return {
        words: text.slice(start).trim(),
        start,
        end: text.trimEnd().length,
        message: 'The story goes on after its benefit: extra sentences make it harder to read.',
        suggestion: 'Keep the story to one sentence; move the rest to the description.',
        detail: 'extra-text',
      };
    }
  }
  return undefined;
}

type Token1 = ReturnType<typeof tokenize>[number];
