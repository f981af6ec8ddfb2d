/** The TRAIL backlog: every epic's file, in the order the epics were created, and the links between issues. */
import type { EpicFile, LinkDef } from '../model';
import { a11yPerf } from './a11y-perf';
import { availability } from './availability';
import { booking } from './booking';
import { guides } from './guides';
import { mobile } from './mobile';
import { notifications } from './notifications';
import { payments } from './payments';
import { platform } from './platform';
import { reviews } from './reviews';
import { search } from './search';
import { support } from './support';
import { unsorted } from './unsorted';

export const TRAIL_FILES: EpicFile[] = [
  search,
  booking,
  payments,
  guides,
  availability,
  mobile,
  notifications,
  reviews,
  a11yPerf,
  support,
  platform,
  unsorted,
];

const blocks = (from: string, to: string): LinkDef => ({ type: 'Blocks', from, to });

/**
 * Links between issues. Some blockers are deliberately ranked below what they block (a bug blocking a sprint
 * story, a migration blocking a bug fix planned for the next sprint), and one 3-cycle was entered by mistake:
 * notification preferences -> quiet hours -> in-app centre -> preferences.
 */
export const TRAIL_LINKS: LinkDef[] = [
  blocks('pay-stripe-connect-setup', 'pay-stripe-connect-payouts'),
  blocks('ops-stripe-webhook-prod', 'pay-stripe-connect-payouts'),
  blocks('pay-stripe-connect-payouts', 'pay-payout-schedule'),
  blocks('pay-stripe-connect-payouts', 'pay-payout-statement'),
  blocks('pay-commission-invoices', 'pay-commission-tiers'),
  blocks('booking-deposit', 'booking-balance-reminder'),
  blocks('booking-bug-balance-failed-silent', 'booking-deposit'),
  blocks('booking-participants', 'booking-waiver'),
  blocks('booking-participants', 'booking-add-participant'),
  blocks('avail-timezone-migration', 'avail-bug-dst'),
  blocks('avail-google-calendar-sync', 'avail-sync-conflicts'),
  blocks('guide-review-queue', 'guide-qualifications-upload'),
  blocks('guide-qualifications-upload', 'guide-qualification-requirements'),
  blocks('guide-tour-wizard', 'guide-tour-templates'),
  blocks('reviews-moderation', 'reviews-photos'),
  blocks('reviews-moderation', 'reviews-import'),
  blocks('search-save-search', 'search-alert-new-departures'),
  blocks('search-index-rebuild', 'search-typo-tolerance'),
  blocks('search-analytics-events', 'search-relevance-v2'),
  blocks('mobile-push-permission', 'mobile-messages'),
  blocks('mobile-force-update', 'mobile-rn-upgrade'),
  blocks('notif-templates-unified', 'notif-translations'),
  blocks('support-roles', 'support-impersonate'),
  blocks('support-audit-log', 'support-impersonate'),
  blocks('notif-preferences', 'notif-quiet-hours'),
  blocks('notif-quiet-hours', 'notif-in-app-center'),
  blocks('notif-in-app-center', 'notif-preferences'),
  { type: 'Relates', from: 'search-seo-landing-pages', to: 'search-structured-data' },
  { type: 'Relates', from: 'reviews-incident-report', to: 'reviews-safety-record' },
  { type: 'Relates', from: 'booking-promo-codes', to: 'booking-gift-vouchers' },
  { type: 'Relates', from: 'mobile-guide-participant-list', to: 'guide-emergency-contacts' },
  { type: 'Duplicate', from: 'reviews-response-time', to: 'guide-public-availability-badge' },
];
