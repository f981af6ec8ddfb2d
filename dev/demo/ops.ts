import { bug, task, type EpicFile } from './model';

/** OPS: the operations team's kanban (team-managed project). */
export const opsItems: EpicFile = {
  epic: null,
  items: [
    task('ops-stripe-webhook-prod', 'Set up the Stripe Connect webhook endpoint in production', {
      status: 'In Progress',
      prio: 'Highest',
      assignee: 'dev',
      labels: ['payments', 'infra'],
      d: `
        Needed before automatic payouts can go live (TRAIL payouts story).

        [x] Endpoint deployed behind the API gateway
        [x] Signing secret in the secrets manager
        [ ] Alert when webhook deliveries fail for more than 15 minutes
      `,
    }),
    task(
      'ops-guide-verification-backlog',
      'Guide verification queue: 34 applications waiting more than 5 days',
      {
        status: 'In Progress',
        prio: 'High',
        assignee: 'po',
        labels: ['guides'],
        d: `
        Summer peak. Mei and Amara take 2 hours each per day until the queue is under 10.
      `,
      },
    ),
    task('ops-refund-requests-october', 'Process refund requests from the October storm cancellations', {
      status: 'Done',
      prio: 'High',
      labels: ['payments', 'support'],
      d: `
        62 bookings across 14 departures in Norway. All refunded in full; guides informed.
      `,
    }),
    task('ops-payout-reconciliation-october', 'Weekly payout reconciliation failed for 3 guides', {
      status: 'To Do',
      prio: 'High',
      labels: ['payments', 'finance'],
      d: `
        Spreadsheet totals differ from the bank export for three guides (differences of € 12.40, € 87.00 and € 240.00).
        Find the bookings that cause it.
      `,
    }),
    task('ops-uptime-alerts', 'Uptime alerts for the booking API and checkout page', {
      status: 'Done',
      prio: 'High',
      labels: ['infra'],
      assignee: 'dev',
    }),
    task('ops-insurer-report', 'Quarterly incident report for the insurer', {
      status: 'To Do',
      prio: 'Medium',
      due: '2027-01-10',
      labels: ['safety'],
      d: `
        Numbers of departures, participants, incidents reported (by type), and actions taken.
      `,
    }),
    task('ops-guide-summit-2027', 'Organise the guide summit (March 2027, Innsbruck)', {
      status: 'To Do',
      prio: 'Low',
      labels: ['guides', 'community'],
    }),
    bug('ops-sms-credit-low', 'SMS provider credit ran out on Sunday', {
      status: 'Done',
      prio: 'Highest',
      labels: ['infra'],
      d: `
        No SMS sent for 9 hours. Auto top-up was disabled after the card expired. Card updated, auto top-up on, alert at 20% credit added.
      `,
    }),
    task('ops-dns-migration', 'Move DNS to the new provider', {
      status: 'To Do',
      prio: 'Medium',
      labels: ['infra'],
      d: `
        Lower TTLs to 300 s a week before, move records, check email (SPF/DKIM/DMARC) and the app's universal links.
      `,
    }),
    task('ops-fake-guide-investigation', 'Investigate reported fake guide profile in Lake Garda', {
      status: 'In Progress',
      prio: 'High',
      labels: ['trust', 'guides'],
      assignee: 'po',
      d: `
        Photos appear to be taken from another guide's website. Tours unpublished, 2 bookings on hold.
      `,
    }),
    task('ops-support-rota-winter', 'Support rota for the Christmas period', {
      status: 'To Do',
      prio: 'Medium',
      labels: ['support'],
    }),
    task(
      'ops-translation-review-it',
      'Review Italian translations of the checkout before the spring campaign',
      {
        status: 'To Do',
        prio: 'Low',
        labels: ['i18n'],
      },
    ),
    bug('ops-certificate-expiry', 'TLS certificate for the guide portal expires in 12 days', {
      status: 'Done',
      prio: 'High',
      labels: ['infra'],
      assignee: 'dev',
      d: `
        Auto-renewal failed because the DNS challenge record was removed. Renewed manually; renewal now monitored.
      `,
    }),
    task('ops-chargeback-evidence', 'Submit evidence for 2 open chargebacks', {
      status: 'To Do',
      prio: 'High',
      due: '2026-11-24',
      labels: ['payments'],
      d: `
        Deadlines 24 and 27 November. Waivers and check-in records are in the booking admin.
      `,
    }),
    task('ops-backup-check-november', 'Monthly backup restore check', {
      status: 'To Do',
      prio: 'Medium',
      labels: ['infra'],
      assignee: 'dev',
    }),
  ],
};

/** FIN: finance work, visible only to the Product Owner. */
export const finItems: EpicFile = {
  epic: null,
  items: [
    task('fin-q3-payout-reconciliation', 'Q3 guide payout reconciliation', {
      status: 'Done',
      prio: 'High',
      assignee: 'po',
      d: `
        All 3,412 payouts matched; 4 corrections booked in October.
      `,
    }),
    task('fin-vat-commission-eu', 'VAT treatment of commission for guides in other EU countries', {
      status: 'In Progress',
      prio: 'High',
      assignee: 'po',
      d: `
        Tax adviser confirms reverse charge for VAT-registered guides; small guides below the threshold are the open question.
      `,
    }),
    task('fin-chargeback-reserve', 'Decide the chargeback reserve policy for 2027', {
      status: 'To Do',
      prio: 'Medium',
      d: `
        Options: fixed reserve of € 20k, or 2% of each payout held for 60 days.
      `,
    }),
    task('fin-audit-payment-flows', 'Annual audit: evidence for payment flows', {
      status: 'To Do',
      prio: 'Medium',
      due: '2027-02-15',
    }),
    task('fin-pricing-experiment-budget', 'Budget for the commission pricing experiment', {
      status: 'To Do',
      prio: 'Low',
      d: `
        Expected cost if 10% commission for high-volume guides lowers our take by about € 38k a year.
      `,
    }),
  ],
};
