/**
 * The demo product vision for Trailhead (project TRAIL), the tour-booking marketplace its backlog builds:
 * two versions of the Product Vision Board and six dated vision notes, written into the emulated Forge storage by `npm start` (dev/start.ts) so the Vision
 * tab has something to show. Records have exactly the shape src/store/vision.ts keeps.
 *
 * The app publishes a read copy of the vision to the project property `valuerank-vision` (ADR 5); the demo
 * seed of the site carries that copy of this demo vision ({@link demoPublishedVision}), and `npm start`
 * publishes again from storage ({@link publishStoredVision}), so `valuerank vision --project TRAIL` works.
 */
import {
  buildPublishedVision,
  PUBLISHED_VISION_PROPERTY,
  VisionBoardSchema,
  VisionNoteSchema,
  type PublishedVision,
  type VisionBoardInput,
  type VisionNoteInput,
} from '../../src/core/vision';
import { keyOf } from '../../src/store/keys';
import { StoredNoteSchema, StoredVersionSchema, VisionHeadSchema } from '../../src/store/vision';
import type { KvsStore } from '../harness/kvs';
import type { SiteState } from '../site/state';

const PROJECT = 'TRAIL';
const PO = { accountId: 'local-po', name: 'Amara Okafor' };
const DEV = { accountId: 'local-dev', name: 'Jonas Lindqvist' };

/** The goals of the current vision, by id: dev/demo/goals.ts tags backlog issues with them. */
export const DEMO_GOAL_IDS = ['conversion', 'guides', 'trust', 'mobile'] as const;
export type DemoGoalId = (typeof DEMO_GOAL_IDS)[number];

const FIRST: VisionBoardInput = {
  visionStatement: 'Guided outdoor trips, bookable online.',
  targetGroup: 'Guests who want a guided hike in the Alps.',
  needs: 'Find a guided tour and book it.',
  product: 'A booking site for guided tours.',
  goals: [
    {
      id: 'launch-alps',
      name: 'Launch in the Alps',
      target: '120 tours bookable in Austria and Switzerland',
      status: 'active',
      weight: 9,
    },
    {
      id: 'conversion',
      name: 'Guests book online',
      target: '20% checkout conversion',
      status: 'active',
      weight: 7,
    },
  ],
};

const CURRENT: VisionBoardInput = {
  visionStatement:
    'Anyone can book a great guided trip outdoors in two minutes, and every local guide can run their business on Trailhead.',
  targetGroup:
    'Guests: travellers and locals who book guided hikes, climbs and tours, alone, as families or as groups.\nGuides: independent local guides and small guiding companies who sell and run those trips.',
  needs:
    'Guests: find a tour that fits (date, level, group), trust the guide, book and pay without friction, and have the trip on their phone.\nGuides: fill their calendar, get paid on time, and spend their evenings guiding, not on admin.',
  product:
    'Trailhead: a tour-booking marketplace. Guests search, book and pay for guided tours (deposits, participants, changes); guides publish tours, manage availability and get paid out automatically; reviews and support keep both sides safe.',
  goals: [
    {
      id: 'conversion',
      name: 'Guests book in two minutes',
      target: 'Checkout conversion from 23% to 35% by release 2027.2',
      status: 'active',
      weight: 10,
    },
    {
      id: 'guides',
      name: 'Guides run their business here',
      target: '400 guides with a published tour; every payout within 3 days of the trip',
      status: 'active',
      weight: 8,
    },
    {
      id: 'trust',
      name: 'Guests trust what they book',
      target: 'Average rating 4.6 or more; every incident answered within 24 hours',
      status: 'active',
      weight: 6,
    },
    {
      id: 'mobile',
      name: 'The trip lives on the phone',
      target: '60% of bookings managed in the app',
      status: 'active',
      weight: 5,
    },
    {
      id: 'launch-alps',
      name: 'Launch in the Alps',
      target: '120 tours bookable in Austria and Switzerland',
      status: 'achieved',
      weight: 3,
    },
  ],
};

const NOTES: VisionNoteInput[] = [
  {
    id: 'demo-1',
    author: PO.accountId,
    createdAt: '2026-06-02T09:00:00Z',
    type: 'decision',
    title: 'Guest checkout before social login',
    text: 'The account wall loses 31% of guests at checkout. Guest checkout comes before any social login work.',
    tags: ['conversion', 'roadmap'],
    issueKeys: [],
  },
  {
    id: 'demo-2',
    author: DEV.accountId,
    createdAt: '2026-06-20T14:30:00Z',
    type: 'insight',
    title: 'Guests book on Thursday evenings',
    text: 'Bookings peak Thursday 19:00–22:00: weekend tours are booked mid-week, mostly on phones.',
    tags: ['analytics', 'mobile'],
    issueKeys: [],
  },
  {
    id: 'demo-3',
    author: PO.accountId,
    createdAt: '2026-07-08T10:15:00Z',
    type: 'stakeholder-feedback',
    title: 'Guides ask for faster payouts',
    text: 'At the guide meet-up in Innsbruck, late payouts were the first complaint: guides wait up to 30 days.',
    tags: ['guides', 'payments'],
    issueKeys: [],
  },
  {
    id: 'demo-4',
    author: PO.accountId,
    createdAt: '2026-08-15T08:45:00Z',
    type: 'pivot',
    title: 'From a booking site to a marketplace',
    text: 'Guides are our customers too: success is a booked trip and a guide paid on time. The vision changed accordingly.',
    tags: ['vision'],
    issueKeys: [],
  },
  {
    id: 'demo-5',
    author: DEV.accountId,
    createdAt: '2026-09-30T16:00:00Z',
    type: 'insight',
    title: 'Reviews decide the booking',
    text: 'Tours with ten or more reviews convert twice as well; a third of guests read the newest review first.',
    tags: ['trust', 'reviews'],
    issueKeys: [],
  },
  {
    id: 'demo-6',
    author: PO.accountId,
    createdAt: '2026-11-10T11:20:00Z',
    type: 'decision',
    title: 'Alps launch goal achieved',
    text: '134 tours are bookable in Austria and Switzerland. Weight lowered; focus moves to conversion and payouts.',
    tags: ['launch', 'goals'],
    issueKeys: [],
  },
];

/** Writes the demo vision into the store unless TRAIL already has one (e.g. with --persist). */
export function seedDemoVision(kvs: KvsStore): void {
  try {
    kvs.handle('/api/v1/entity/get', { entityName: 'vision-head', key: PROJECT });
    return; // already there
  } catch {
    // not there yet: seed below
  }
  const versions = [
    { version: 1, savedAt: '2026-05-20T09:00:00.000Z', by: PO, board: FIRST },
    { version: 2, savedAt: '2026-08-15T09:00:00.000Z', by: PO, board: CURRENT },
  ];
  for (const v of versions)
    kvs.handle('/api/v1/set', {
      key: keyOf('vision', PROJECT, 'v', v.version),
      value: {
        version: v.version,
        savedAt: v.savedAt,
        savedBy: v.by.accountId,
        board: VisionBoardSchema.parse(v.board),
      },
    });
  const last = versions[versions.length - 1] as (typeof versions)[number];
  kvs.handle('/api/v1/entity/set', {
    entityName: 'vision-head',
    key: PROJECT,
    value: {
      projectKey: PROJECT,
      version: last.version,
      savedAt: last.savedAt,
      savedBy: last.by.accountId,
    },
  });
  // People by account id only (ADR 9): the app reads their names from Jira when it shows them.
  for (const note of NOTES)
    kvs.handle('/api/v1/entity/set', {
      entityName: 'vision-note',
      key: `${PROJECT}:${note.id}`,
      value: { ...VisionNoteSchema.parse(note), projectKey: PROJECT },
    });
}

/** The demo vision's published copy, as the app would have written it after the last demo note. */
export function demoPublishedVision(): PublishedVision {
  const last = NOTES.reduce((a, b) => (a.createdAt > b.createdAt ? a : b));
  return buildPublishedVision({
    projectKey: PROJECT,
    current: {
      version: 2,
      savedAt: '2026-08-15T09:00:00.000Z',
      savedBy: PO.accountId,
      board: VisionBoardSchema.parse(CURRENT),
    },
    notes: NOTES.map((note) => VisionNoteSchema.parse(note)),
    publishedBy: PO.accountId,
    now: new Date(last.createdAt),
  });
}

/**
 * Publishes the vision stored for `projectKey` (if any) to the site's project property, as the app does after
 * every change: for `npm start -- --persist`, where storage may hold another vision than the demo seed's copy.
 */
export function publishStoredVision(kvs: KvsStore, state: SiteState, projectKey = PROJECT): boolean {
  const spaces = kvs.snapshot();
  const rawHead = spaces['entity:vision-head']?.[projectKey];
  const head = rawHead === undefined ? undefined : VisionHeadSchema.parse(rawHead);
  const rawVersion = head ? spaces.kvs?.[keyOf('vision', projectKey, 'v', head.version)] : undefined;
  const current = rawVersion === undefined ? undefined : StoredVersionSchema.parse(rawVersion);
  const notes = Object.values(spaces['entity:vision-note'] ?? {})
    .map((n) => StoredNoteSchema.parse(n))
    .filter((n) => n.projectKey === projectKey);
  if (!current && notes.length === 0) return false;
  const properties = state.projectProperties.get(projectKey);
  if (!properties) return false;
  const latest = [current?.savedAt, ...notes.map((n) => n.updatedAt ?? n.createdAt)]
    .filter((t): t is string => t !== undefined)
    .sort()
    .pop();
  properties.set(
    PUBLISHED_VISION_PROPERTY,
    buildPublishedVision({
      projectKey,
      current,
      notes,
      publishedBy: current?.savedBy ?? PO.accountId,
      now: latest ? new Date(latest) : new Date(),
    }),
  );
  state.touch();
  return true;
}
