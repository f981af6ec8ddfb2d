/**
 * Readers for the shared, human-labelled reference data (`../shared/data`, or VALUERANK_SHARED_DATA):
 * requirement smells (ARTA DS2/DS4), user-story quality labels (UStAI), annotated user stories (Dalpiaz
 * backlogs), real Jira issues (wiki markup) and ADF documents. Files are read in place, never copied.
 */
import { parseCsvRecords } from '../csv';
import fs from 'node:fs';
import path from 'node:path';
import { SMELL_KINDS, type SmellKind } from '../../src/core/criteria/types';
import { sharedDataPath } from '../shared-data';

export function readCsv(file: string): Record<string, string>[] {
  return parseCsvRecords(fs.readFileSync(file, 'utf8'));
}

/** The smells the two files label (every smell kind but `uncertain-verb`, which they do not mark). */
export type LabelledSmell = Exclude<SmellKind, 'uncertain-verb'>;
export const LABELLED_SMELLS: readonly LabelledSmell[] = SMELL_KINDS.filter(
  (k): k is LabelledSmell => k !== 'uncertain-verb',
);

/** Smell labels: for each smell, the marked words in lower case (empty when the cell is `-`). */
export interface LabelledRequirement {
  text: string;
  labels: Record<LabelledSmell, string[]>;
}

/** Column names of each file, per smell (the two files name them differently). */
export const SMELL_COLUMNS: Record<'DS2' | 'DS4', { text: string; smells: Record<LabelledSmell, string> }> = {
  DS2: {
    text: 'text',
    smells: {
      subjective: 'subjective_language',
      ambiguous: 'ambiguous_adverbs_adjectives',
      loophole: 'loopholes',
      'open-ended': 'open_ended',
      superlative: 'superlatives',
      comparative: 'comparatives',
      negative: 'negative_statements',
      'vague-pronoun': 'vague_pronouns',
    },
  },
  DS4: {
    text: 'Requirement',
    smells: {
      subjective: 'Subjective Language',
      ambiguous: 'Ambiguouse_adverb_and_adjective',
      loophole: 'looples',
      'open-ended': 'Open ended NonVarifiable',
      superlative: 'superlative',
      comparative: 'Compratives',
      negative: 'negative_sentence',
      'vague-pronoun': 'vague_pronuns',
    },
  },
};

export function readSmells(name: 'DS2' | 'DS4'): LabelledRequirement[] {
  const cols = SMELL_COLUMNS[name];
  return readCsv(sharedDataPath('smells', `${name}.csv`)).map((row) => {
    const labels = {} as Record<LabelledSmell, string[]>;
    for (const [smell, column] of Object.entries(cols.smells) as [LabelledSmell, string][]) {
      const cell = (row[column] ?? '').trim();
      labels[smell] =
        cell === '-' || cell === ''
          ? []
          : cell
              .split('*')
              .map((w) => w.trim().toLowerCase())
              .filter((w) => w !== '' && w !== '-');
    }
    return { text: row[cols.text] ?? '', labels };
  });
}

export interface UstaiStory {
  id: string;
  text: string;
  atomic: string;
  minimal: string;
  sound: string;
  unambiguous: string;
}

export function readUstai(): UstaiStory[] {
  return readCsv(sharedDataPath('stories', 'ustai', 'ustai-dev.csv')).map((r) => ({
    id: r.ID ?? '',
    text: r['User story'] ?? '',
    atomic: (r.atomic ?? '').trim(),
    minimal: (r.minimal ?? '').trim(),
    sound: (r['Conceptually sound'] ?? '').trim(),
    unambiguous: (r.Unambiguous ?? '').trim(),
  }));
}

export interface Span {
  start: number;
  end: number;
}

export interface AnnotatedStory {
  file: string;
  /** The story without its `#Gnn#` backlog prefix; spans are offsets into this text. */
  text: string;
  role?: Span;
  goal?: Span;
  benefit?: Span;
  /** The Action spans (verbs the annotators marked) of the goal, outside the benefit. */
  actions: Span[];
}

interface RawEntity {
  label: string;
  start_offset: number;
  end_offset: number;
}

/**
 * Gold spans: role = the Persona span; benefit = the Benefit span; goal = from the first to the last
 * Action/Entity that lies outside the benefit. Offsets are shifted past the `#Gnn#` prefix.
 */
export function readDalpiaz(): AnnotatedStory[] {
  const dir = sharedDataPath('stories', 'dalpiaz-annotated');
  const out: AnnotatedStory[] = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const rec = JSON.parse(line) as { text: string; entities: RawEntity[] };
      const prefix = /^\s*#G\d+#\s*/.exec(rec.text)?.[0] ?? '';
      const shift = prefix.length;
      const text = rec.text.slice(shift);
      const span = (e: RawEntity): Span => ({
        start: Math.max(0, e.start_offset - shift),
        end: Math.max(0, e.end_offset - shift),
      });
      const persona = rec.entities
        .filter((e) => e.label === 'Persona')
        .sort((a, b) => a.start_offset - b.start_offset)[0];
      const benefit = rec.entities
        .filter((e) => e.label === 'Benefit')
        .sort((a, b) => a.start_offset - b.start_offset)[0];
      const b = benefit ? span(benefit) : undefined;
      const actions = rec.entities
        .filter((e) => e.label === 'Action' || e.label === 'Entity')
        .map(span)
        .filter((s) => !b || s.end <= b.start || s.start >= b.end)
        .filter((s) => !b || s.start < b.start);
      const goal =
        actions.length > 0
          ? { start: Math.min(...actions.map((s) => s.start)), end: Math.max(...actions.map((s) => s.end)) }
          : undefined;
      const goalActions = rec.entities
        .filter((e) => e.label === 'Action')
        .map(span)
        .filter((s) => !b || s.end <= b.start);
      out.push({
        file,
        text,
        role: persona ? span(persona) : undefined,
        goal,
        benefit: b,
        actions: goalActions,
      });
    }
  }
  return out;
}

export interface BacklogIssue {
  file: string;
  key: string;
  title: string;
  description: string;
}

export function readBacklogs(): BacklogIssue[] {
  const dir = sharedDataPath('backlogs');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .flatMap((file) =>
      readCsv(path.join(dir, file)).map((r) => ({
        file,
        key: r.issuekey ?? '',
        title: r.title ?? '',
        description: r.description === 'NULL' ? '' : (r.description ?? ''),
      })),
    );
}

/** Every ADF document in the `adf` folder: a file's root doc, or each `{type:'doc'}` object found inside. */
export function readAdfDocuments(): { file: string; doc: unknown }[] {
  const dir = sharedDataPath('adf');
  const out: { file: string; doc: unknown }[] = [];
  const visit = (file: string, value: unknown, depth: number) => {
    if (depth > 50 || value === null || typeof value !== 'object') return;
    if (!Array.isArray(value) && (value as { type?: unknown }).type === 'doc') {
      out.push({ file, doc: value });
      return;
    }
    for (const v of Object.values(value)) visit(file, v, depth + 1);
  };
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const json: unknown = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    const before = out.length;
    visit(file, json, 0);
    if (out.length === before) out.push({ file, doc: json });
  }
  return out;
}
