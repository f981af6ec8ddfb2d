import { bug, story, task, type EpicFile } from '../model';

/** Technical work without an epic: infrastructure, security, tech debt. */
export const platform: EpicFile = {
  epic: null,
  items: [
    task('plat-postgres-upgrade', 'Upgrade Postgres from 13 to 16', {
      prio: 'High',
      labels: ['tech-debt'],
      comp: ['Platform'],
      due: '2027-02-01',
      d: `
        Postgres 13 reaches end of life; our provider will force-upgrade in February.

        ## Plan
        1. Restore last night's backup to a 16 instance and run the test suite against it
        2. Check the query plans of the 20 slowest queries
        3. Upgrade staging, soak for a week
        4. Upgrade production in a maintenance window (Tuesday 05:00 CET)

        Rollback: keep the 13 instance read-only for 48 hours.
      `,
    }),
    task('plat-secrets-rotation', 'Rotate all production secrets and move them to the secrets manager', {
      prio: 'High',
      labels: ['security', 'tech-debt'],
      comp: ['Platform'],
      d: `
        Some secrets are still in environment files on the deploy server. A former contractor had access.

        [x] List all secrets and where they are used
        [x] Move database and Stripe keys
        [ ] Move email and SMS provider keys
        [ ] Move map API keys
        [ ] Rotate everything that was in the env files
      `,
    }),
    task('plat-ci-speed', 'Make CI faster (currently 24 minutes)', {
      prio: 'Medium',
      labels: ['tech-debt', 'developer-experience'],
      comp: ['Platform'],
      d: `
        Split the test suite across 4 runners and cache dependencies. Goal: under 10 minutes.

        AC:
        - CI under 10 minutes for 90% of runs
        - No test is skipped to get there
      `,
    }),
    task('plat-staging-data', 'Anonymised production snapshot for staging', {
      prio: 'Medium',
      labels: ['tech-debt', 'security'],
      comp: ['Platform'],
      d: `
        Staging has 40 fake tours; bugs only show up with real data volumes. Weekly snapshot with names, emails, phone numbers
        and free text replaced.

        ### Acceptance criteria
        - No real email address, phone number or name in the staging database (checked by a script after each refresh)
        - Refresh runs every Sunday night
      `,
    }),
    story(
      'plat-2fa-guides',
      'As a guide, I want two-factor authentication, so that nobody can take over my account and my payouts',
      {
        prio: 'High',
        labels: ['security'],
        comp: ['Guide Portal', 'Platform'],
        bv: 8,
        tc: 5,
        rr: 20,
        d: `
        ### Acceptance criteria
        - TOTP app or SMS as second factor
        - Required for guides before they can change payout details
        - 10 recovery codes, shown once
        - Support can reset 2FA only after an identity check
      `,
      },
    ),
    task('plat-rate-limiting', 'Rate limit login, password reset and booking endpoints', {
      prio: 'High',
      labels: ['security'],
      comp: ['Platform'],
      d: `
        We saw credential stuffing on the login endpoint in September (40k attempts in an hour).

        AC:
        - Login: 5 attempts per account per 15 minutes, 100 per IP per hour
        - Password reset: 3 per account per hour
        - Responses use 429 with Retry-After
      `,
    }),
    task('plat-error-budget', 'Define SLOs and error budgets for booking and payments', {
      prio: 'Medium',
      comp: ['Platform'],
      d: `
        Proposal: 99.9% of checkout requests succeed over 28 days; p95 latency under 800 ms.
      `,
    }),
    task('plat-logging-pii', 'Remove personal data from application logs', {
      prio: 'High',
      labels: ['security', 'compliance'],
      comp: ['Platform'],
      d: `
        Guest emails and phone numbers appear in request logs. Mask them at the logger and purge the last 30 days of logs.
      `,
    }),
    task('plat-dependency-updates', 'Automate dependency updates', {
      prio: 'Low',
      labels: ['tech-debt'],
      comp: ['Platform'],
      d: `
        Weekly grouped PRs for minor and patch updates, security updates immediately.
      `,
    }),
    task('plat-monolith-split-bookings', 'Spike: extract the booking module from the monolith', {
      unscored: 'Needs an estimate: a spike is time-boxed, not estimated; the team sizes the follow-up work.',
      prio: 'Low',
      labels: ['tech-debt', 'spike'],
      comp: ['Platform', 'Booking'],
      d: `
        Not a rewrite. Find the seams, list the tables it owns, estimate the work. 5 days max.
      `,
    }),
    bug('plat-bug-session-fixation', 'Session id is not rotated after login', {
      prio: 'Highest',
      labels: ['security'],
      comp: ['Platform'],
      d: `
        Reported through our security.txt contact. The session cookie value is the same before and after login.

        **Expected:** a new session id is issued on login and on privilege change
        **Actual:** the pre-login session id stays valid and becomes authenticated

        ### Acceptance criteria
        - The session id changes on login, logout and password change
        - The old session id is rejected after login
        - Confirmed by the reporter's proof of concept no longer working
      `,
    }),
    bug('plat-bug-500-on-long-names', '500 error when a guest name is longer than 100 characters', {
      prio: 'Low',
      comp: ['Platform'],
      d: `
        Database column is varchar(100), form allows anything. Found by a guest with a very long Portuguese name.
      `,
    }),
    task('plat-backup-restore-drill', 'Quarterly backup restore drill', {
      prio: 'Medium',
      comp: ['Platform'],
      d: `
        Restore production into an isolated environment, check row counts and a sample of bookings, record the time it took.
      `,
    }),
    task('plat-feature-flags', 'Introduce a feature flag service', {
      prio: 'Medium',
      labels: ['developer-experience'],
      comp: ['Platform'],
      d: `
        We hide unfinished features with environment variables and redeploy to switch. Need per-user and percentage rollouts for deposits.
      `,
    }),
    task('plat-openapi', 'Publish an OpenAPI description of the public API used by the app', {
      prio: 'Low',
      labels: ['developer-experience'],
      comp: ['Platform', 'Mobile App'],
    }),
    task('plat-cookie-banner', 'Replace the cookie banner with a consent management platform', {
      prio: 'Medium',
      labels: ['legal'],
      comp: ['Platform'],
      d: `
        Our banner sets analytics cookies before consent. The DPA audit flagged it.

        ✅ Acceptance criteria
        - No non-essential cookies before consent
        - "Reject all" as prominent as "Accept all"
        - Consent is stored and can be changed from the footer
      `,
    }),
    bug('plat-bug-password-reset-expiry', 'Password reset links never expire', {
      prio: 'High',
      labels: ['security'],
      comp: ['Platform'],
      d: `
        Expected: links expire after 1 hour and after first use. Actual: a link from March still works.
      `,
    }),
    task('plat-observability', 'Distributed tracing across web, API and payment service', {
      prio: 'Medium',
      comp: ['Platform'],
      d: `
        When checkout is slow we can't tell which service is slow. OpenTelemetry with trace ids in logs.
      `,
    }),
    task('plat-node-upgrade', 'Upgrade Node.js on all services', {
      prio: 'Medium',
      labels: ['tech-debt'],
      comp: ['Platform'],
    }),
    task('plat-cost-review', 'Review cloud costs (up 40% since spring)', {
      prio: 'Medium',
      comp: ['Platform'],
      d: `
        Mostly image storage and the search cluster. Look for old originals, unused snapshots, oversized instances.
      `,
    }),
    story('plat-sso-staff', 'Staff log in to the admin with company SSO', {
      prio: 'Medium',
      labels: ['security'],
      comp: ['Platform'],
      d: `
        AC:
        - Admin login only through the company identity provider
        - Leaving the company removes access within 1 hour
      `,
    }),
    task('plat-pen-test', 'External penetration test of guest site, guide portal and API', {
      prio: 'High',
      labels: ['security', 'compliance'],
      comp: ['Platform'],
      due: '2027-03-31',
      d: `
        Needed for the insurer and for the bigger tour operators who want to sell through us.
      `,
    }),
    task('plat-flaky-tests', 'Fix or quarantine flaky end-to-end tests', {
      prio: 'Medium',
      labels: ['tech-debt', 'testing'],
      comp: ['Platform'],
      d: `
        11 tests failed at least once in the last 50 runs without code changes. People re-run CI until it's green.
      `,
    }),
  ],
};
