import { bug, epic, story, task, type EpicFile } from '../model';

export const support: EpicFile = {
  epic: epic('epic-support', 'Admin & support tools', 'Platform', {
    defaultTeam: 'Basecamp',
    release: '2027.3',
    prio: 'Medium',
    bv: 5,
    tc: 3,
    rr: 8,
    d: `
      Support is three people answering ~600 tickets a month. They work in the database admin tool and Stripe's
      dashboard because our admin can't do most things. Every fix here frees time and reduces the risk of someone
      changing the wrong row in production.

      Top ticket reasons (October):
      | Reason | Tickets | Needs a developer today? |
      |---|---|---|
      | Change or cancel a booking | 182 | No, but 6 clicks in 3 tools |
      | Refund questions | 121 | Sometimes |
      | Guide payout questions | 87 | Yes, for corrections |
      | Login problems | 64 | No |
      | Tour content issues | 41 | No |
    `,
  }),
  items: [
    story(
      'support-booking-search',
      'As a support agent, I want to find a booking by reference, email or phone, so that I can help a caller quickly',
      {
        prio: 'High',
        moscow: 'Must',
        d: `
        ## Acceptance criteria
        - One search box accepting booking reference, guest email, guest phone or guide name
        - Results in under 1 second
        - Shows the booking, departure, payment status and the last 3 messages
      `,
      },
    ),
    story('support-impersonate', 'As a support agent, I want to see the site as a specific guest or guide', {
      prio: 'Medium',
      labels: ['security'],
      d: `
        Read-only "view as" mode; every use is logged with the agent and the reason.

        AC:
        - Agent must enter a reason (ticket number)
        - No actions possible while impersonating (read-only)
        - Banner on every page while impersonating
        - Audit log entry with agent, user, reason, start and end time
      `,
    }),
    story('support-audit-log', 'Audit log of admin actions', {
      prio: 'High',
      labels: ['security', 'compliance'],
      d: `
        Who changed what and when, for bookings, payouts, refunds and guide verifications.
      `,
      ac: `
        1. Every admin action writes an entry: who, what, when, before and after values
        2. Entries can't be edited or deleted, also not by admins
        3. Searchable by user, booking and date range
        4. Kept for 7 years
      `,
    }),
    story(
      'support-refund-admin',
      'As a support agent, I want to refund a booking from the admin without opening Stripe',
      {
        prio: 'High',
        comp: ['Platform', 'Payments'],
        d: `
        Full refund, partial refund (see the partial refund story), with reason. Payout adjustments happen automatically.
      `,
      },
    ),
    story('support-roles', 'Admin roles and permissions', {
      prio: 'Medium',
      labels: ['security'],
      d: `
        Everyone in the admin can do everything today. Roles: support, finance, safety, admin.

        ✅ Acceptance criteria
        - Each admin page and action requires a permission
        - Roles grant sets of permissions
        - Refunds above € 500 need the finance role
      `,
    }),
    story('support-macro-replies', 'Saved replies for common questions', {
      prio: 'Low',
      d: `
        Support copies answers from a Google Doc. Saved replies with placeholders (guest name, booking reference, tour).

        AC:
        - Agents can create, edit and share saved replies
        - Placeholders are filled from the ticket's booking
      `,
    }),
    story('support-guide-notes', 'As a support agent, I want to add internal notes to a guide or guest', {
      prio: 'Medium',
      d: `
        AC:
        - Notes visible to all support agents, never to the guide or guest
        - Notes show author and date
      `,
    }),
    story(
      'support-unpublish-tour',
      'As Trailhead staff, I want to unpublish a tour immediately, so that unsafe or misleading tours disappear from the site',
      {
        prio: 'High',
        labels: ['safety', 'trust'],
        d: `
        Given a published tour with future bookings
        When a staff member unpublishes it with a reason
        Then the tour is removed from search and its page returns "This tour is no longer available" within 1 minute
        And existing bookings are not cancelled automatically
        And the guide receives the reason by email
      `,
      },
    ),
    story('support-gdpr-export', 'Export all data about a user on request (GDPR)', {
      prio: 'High',
      labels: ['legal', 'compliance'],
      d: `
        We get about 4 requests a month and a developer spends half a day on each.

        ## Acceptance criteria
        - Admin button creates a ZIP with all personal data we hold about the user (account, bookings, messages, reviews, payments metadata)
        - The export is ready within 24 hours and downloadable for 7 days
        - The request and the export are logged
      `,
    }),
    story('support-gdpr-delete', "Delete a user's personal data on request", {
      prio: 'High',
      labels: ['legal', 'compliance'],
      d: `
        Anonymise instead of deleting where we must keep records (bookings, invoices for 10 years).

        AC:
        - Name, email, phone and free-text answers are removed or anonymised
        - Financial records are kept with a pseudonymous id
        - Reviews stay but show "Former guest"
      `,
    }),
    bug('support-bug-admin-timeout', 'Admin booking list times out for guides with many bookings', {
      prio: 'Medium',
      d: `
        The booking list for our largest guide (4,300 bookings) times out after 30 s. No pagination.
      `,
    }),
    story('support-helpdesk-integration', 'Show booking details in the helpdesk sidebar', {
      prio: 'Medium',
      moscow: 'Should',
      bv: 5,
      tc: 2,
      rr: 3,
      reach: 1800,
      impact: 1,
      conf: 80,
      d: `
        When a ticket comes in from a guest email, the helpdesk sidebar shows their bookings with links to the admin.
      `,
    }),
    story('support-bulk-message', 'Message all participants of a departure from the admin', {
      prio: 'Medium',
      d: `
        For emergencies when the guide can't be reached (road closed, avalanche warning).

        ### Acceptance criteria
        - Message goes by SMS and email to every booker of the departure
        - Requires the support role and a reason
        - Copy of the message is added to each booking's conversation
      `,
    }),
    story('support-fraud-flags', 'Flag suspicious bookings for review', {
      prio: 'Medium',
      labels: ['fraud'],
      comp: ['Platform', 'Payments'],
      d: `
        Rules to start with: card country different from IP country and booking > € 1,000, more than 3 cards tried, booking by
        a guest created less than 1 hour ago for a departure tomorrow.

        AC:
        - Flagged bookings appear in a queue; payment is authorised but not captured until reviewed
        - Review decision within 4 hours during office hours
      `,
    }),
    story('support-guide-payout-correction', 'As finance, I want to correct a guide payout in the admin', {
      prio: 'Medium',
      labels: ['finance'],
      comp: ['Platform', 'Payments'],
      d: `
        **Acceptance criteria:**
        - Add a positive or negative adjustment with a reason
        - Adjustment is included in the next payout and shown on the statement
        - Requires the finance role
      `,
    }),
    story('support-status-page', 'Public status page', {
      prio: 'Low',
    }),
    task('support-admin-framework', 'Spike: replace the hand-built admin with an admin framework', {
      prio: 'Low',
      labels: ['tech-debt', 'spike'],
      d: `
        The admin is 40 hand-written pages. Look at whether a framework would let us build the stories in this epic faster. 3 days.
      `,
    }),
    story(
      'support-login-help',
      'As a support agent, I want to send a login link to a guest who is locked out',
      {
        prio: 'Medium',
        d: `
        AC: the link is sent to the email on the account only, never to an address the agent types.
      `,
      },
    ),
    story('support-metrics-dashboard', 'Support metrics in the admin dashboard', {
      prio: 'Lowest',
      d: `
        Tickets per reason, time to first reply, refunds per week, etc.
      `,
    }),
    story('support-guide-suspension', 'Suspend a guide account', {
      prio: 'High',
      labels: ['safety', 'trust'],
      d: `
        Acceptance criteria
        - Suspended guides can't log in to the portal and their tours are hidden
        - Future bookings are listed for support to handle (rebook with another guide or refund)
        - Payouts are held until support releases them
        - The guide is told why, unless a safety investigation requires otherwise
      `,
    }),
  ],
};
