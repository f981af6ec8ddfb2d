import { bug, epic, story, task, type EpicFile } from '../model';

export const payments: EpicFile = {
  epic: epic('epic-payments', 'Payments & payouts', 'Payments', {
    defaultTeam: 'Switchback',
    release: '2027.1',
    status: 'In Progress',
    prio: 'Highest',
    bv: 13,
    tc: 20,
    rr: 13,
    labels: ['payments'],
    childLabels: ['payments'],
    d: `
      Guests pay Trailhead; Trailhead keeps its commission (12%) and pays the rest out to the guide.
      We move from manual monthly bank transfers (a spreadsheet and a lot of Amara's Fridays) to Stripe Connect
      with automatic payouts.

      ## Must be true when this epic is done
      - Guides are paid automatically, on a schedule they choose, after the trip took place
      - Refunds and cancellations adjust the guide's payout without manual work
      - Finance can reconcile every payout with the bookings it contains
      - We are compliant with PSD2 / SCA and do not store card data ourselves

      :::warning
      The current payout spreadsheet process does not scale beyond ~300 active guides. We are at 260.
      :::
    `,
  }),
  items: [
    task('pay-stripe-connect-setup', 'Set up Stripe Connect (Express accounts) for guides', {
      status: 'Done',
      prio: 'Highest',
      assignee: 'dev',
      d: `
        [x] Platform account and Connect settings
        [x] Express onboarding link from the guide portal
        [x] Webhooks for account.updated
        [x] Test mode accounts for the 5 pilot guides
      `,
    }),
    story(
      'pay-stripe-connect-payouts',
      'As a guide, I want my earnings paid out automatically after each trip, so that I do not have to chase Trailhead for money',
      {
        sprint: 'active',
        status: 'In Review',
        prio: 'Highest',
        moscow: 'Must',
        bv: 20,
        tc: 20,
        rr: 13,
        sp: 8,
        reach: 260,
        impact: 3,
        conf: 80,
        assignee: 'dev',
        comp: ['Payments', 'Guide Portal'],
        d: `
          ## Acceptance criteria
          | Given | When | Then |
          |---|---|---|
          | a departure that took place and had no open disputes | 48 hours have passed since its end | a transfer of the guide's share is created for each booking |
          | a booking cancelled with a 50% refund | the payout is calculated | the guide receives 50% of their share for that booking |
          | a guide whose Stripe account is restricted | a transfer is due | no transfer is made, the guide sees "Action needed" and support is alerted |
          | a transfer that fails | Stripe reports the failure | we retry once after 24 hours and then alert support |

          Payout schedule (daily / weekly / monthly) is a separate story.
        `,
      },
    ),
    story(
      'pay-refund-partial',
      'As a support agent, I want to refund part of a booking, so that I can settle complaints without cancelling the booking',
      {
        sprint: 'active',
        status: 'In Progress',
        prio: 'High',
        sp: 5,
        bv: 8,
        tc: 8,
        rr: 5,
        assignee: 'dev',
        comp: ['Payments'],
        d: `
          Examples: the guide cut a tour short because of weather, a kayak was missing, the guest was charged for a
          child as an adult.

          AC:
          1. Support can enter an amount (up to the amount paid) and a reason from a list
          2. The guest gets an email with the amount and reason
          3. The guide's payout is reduced by their share of the refund, unless support ticks "Trailhead covers this"
          4. The refund appears in the booking's payment history
        `,
      },
    ),
    bug(
      'pay-bug-double-charge-retry',
      'Guest charged twice when the payment page is retried after a timeout',
      {
        sprint: 'active',
        status: 'In Progress',
        prio: 'Highest',
        sp: 3,
        assignee: 'dev',
        rank: 'top',
        d: `
        4 cases last week, all on slow mobile connections.

        **Steps to reproduce**
        1. Throttle the network to "Slow 3G"
        2. Start payment for any tour
        3. When the spinner shows for > 30 s, tap "Pay" again

        **Expected:** one charge; the second tap is ignored or returns the first result
        **Actual:** two PaymentIntents are created and both are captured

        **Fix idea:** send an idempotency key per checkout session and disable the button while a request is in flight.

        ### Acceptance criteria
        [x] Idempotency key per checkout session sent with every PaymentIntent request
        [ ] Pay button disabled while a request is in flight
        [ ] A retried request returns the result of the first one
        [ ] Refund the 4 guests charged twice last week
      `,
      },
    ),
    story('pay-payout-schedule', 'As a guide, I want to choose how often I get paid (weekly or monthly)', {
      prio: 'Medium',
      moscow: 'Should',
      comp: ['Payments', 'Guide Portal'],
      d: `
        Daily payouts cost us more in fees; offer weekly (Monday) and monthly (1st). Default weekly.

        AC:
        - Guide can change the schedule in the payout settings
        - The change applies from the next payout
      `,
    }),
    story(
      'pay-payout-statement',
      'As a guide, I want a statement for each payout, so that I can match it with my bank account',
      {
        sprint: 'future',
        prio: 'High',
        comp: ['Payments', 'Guide Portal'],
        d: `
        ## Acceptance criteria
        - One statement per payout listing every booking, refund and fee it contains
        - Totals match the amount that arrived in the guide's bank account
        - Downloadable as PDF and CSV
        - Available for the last 24 months
      `,
      },
    ),
    story('pay-tax-export', 'As a guide, I want a yearly export of my earnings for my tax return', {
      prio: 'Medium',
      comp: ['Payments', 'Guide Portal'],
      due: '2027-01-31',
      d: `
        Guides in Norway, Austria and Italy asked for this before the tax deadlines.

        Acceptance Criteria:
        - CSV per calendar year: date, booking reference, gross amount, commission, net amount, currency
        - Commission invoices from Trailhead attached
        - Available by 31 January for the previous year
      `,
    }),
    story('pay-commission-invoices', 'Generate monthly commission invoices for guides', {
      prio: 'High',
      labels: ['finance'],
      d: `
        Finance needs a proper invoice from Trailhead to each guide for the commission we keep, with VAT where it applies.
      `,
      ac: `
        - One invoice per guide per month with at least one booking
        - Sequential invoice numbers per legal entity, no gaps
        - VAT rules: reverse charge for business guides in other EU countries, local VAT otherwise
        - Invoices are immutable; corrections are credit notes
      `,
    }),
    story('pay-dispute-handling', 'As support, I want to see and respond to card disputes in our admin', {
      prio: 'High',
      comp: ['Payments'],
      d: `
        Today disputes arrive as Stripe emails that only Amara gets. We've lost two disputes by missing the deadline.

        ### Acceptance criteria
        - Disputes appear in the support admin with booking, guest and deadline
        - Support can upload evidence (booking details, waiver, messages) from the admin
        - A reminder is sent 3 days before the evidence deadline
        - The guide's payout for that booking is held while the dispute is open
      `,
    }),
    story('pay-currency-support', 'Support payouts in NOK, SEK, CHF and GBP', {
      prio: 'Medium',
      d: `
        Most guides outside the eurozone lose 2-3% on conversion. Stripe can pay out in local currency if the tour is priced in it.

        AC:
        - Tours can be priced in EUR, NOK, SEK, CHF or GBP
        - Payouts are made in the tour's currency if the guide's bank account is in that currency
      `,
    }),
    story(
      'pay-saved-cards',
      'As a returning guest, I want to use a card I saved before, so that I do not have to type it again',
      {
        prio: 'Low',
        labels: ['web'],
        d: `
        AC:
        - Guests with an account can save cards (stored at Stripe, we keep only brand and last 4)
        - Saved cards can be removed from the account page
      `,
      },
    ),
    story('pay-guide-fees-transparency', 'Show guides the fees before they publish a tour', {
      prio: 'Medium',
      comp: ['Payments', 'Guide Portal'],
      d: `
        When setting the price: "Guest pays € 90 · Trailhead commission € 10.80 · You receive € 79.20".

        Acceptance criteria
        - The calculation updates as the guide types
        - Shows the deposit split too if deposits are on
      `,
    }),
    story('pay-refund-to-voucher', 'Offer a voucher instead of a refund when a guest cancels', {
      prio: 'Low',
      moscow: 'Could',
      d: `
        With a 10% bonus, to keep the money on the platform. Only if the guest chooses it.
      `,
    }),
    bug('pay-bug-refund-rounding', 'Partial refund of 33% leaves 1 cent difference in the payout', {
      prio: 'Low',
      d: `
        Booking € 100.00, refund 33% = € 33.00; guide share calculated from € 66.99 instead of € 67.00.
        We round guest refund and guide share separately.

        Expected: guest refund + guide share + commission = amount paid, to the cent.
      `,
    }),
    bug('pay-bug-webhook-order', 'Payout marked failed although it succeeded (webhooks out of order)', {
      prio: 'High',
      d: `
        Stripe sent payout.paid before payout.failed for a retried payout. We process them in arrival order, so the final
        state is "failed" and support contacted the guide for nothing.

        Expected: we use the event's created time and the object's current status, not arrival order.

        Acceptance criteria:
        - The payout status we show always equals the status in Stripe after all events are processed
        - Handling the same event twice has no effect
      `,
    }),
    task(
      'pay-reconciliation-report',
      'Daily reconciliation report between bookings, Stripe balance and payouts',
      {
        prio: 'High',
        labels: ['finance'],
        reporter: 'po',
        d: `
        Finance asked for this before the automatic payouts go live. Anything that doesn't match should be listed with the
        booking references so they can investigate.

        ## Acceptance criteria
        - Runs every day at 06:00 UTC for the previous day
        - Lists: bookings without a charge, charges without a booking, payouts that don't add up
        - Sent to finance@ as CSV; empty report says "All matched"
      `,
      },
    ),
    story(
      'pay-guide-payout-dashboard',
      'As a guide, I want to see my upcoming payouts, so that I can plan my cash flow',
      {
        prio: 'Medium',
        moscow: 'Should',
        comp: ['Payments', 'Guide Portal'],
        d: `
        **AC:**
        1. List of upcoming payouts with expected date and amount
        2. Each payout expands to the bookings in it
        3. Amounts on hold (disputes, trip not yet taken place) shown separately
      `,
      },
    ),
    story('pay-weather-cancellation-refunds', 'Automatic full refunds when a guide cancels for weather', {
      prio: 'High',
      moscow: 'Must',
      comp: ['Payments', 'Booking'],
      d: `
        Given a guide cancels a departure with the reason "Weather / conditions"
        When the cancellation is confirmed
        Then every participant gets a full refund within 1 hour
        And the guide is not charged a cancellation fee
      `,
    }),
    story(
      'pay-guide-cancellation-fee',
      'Charge guides a fee when they cancel for reasons other than weather',
      {
        prio: 'Low',
        moscow: 'Could',
        d: `
        Controversial. Needs agreement with the guide advisory board first.
      `,
      },
    ),
    story('pay-sca-exemptions', 'Use SCA exemptions for low-value balance charges', {
      prio: 'Medium',
      labels: ['tech-debt'],
      d: `
        Balance charges are merchant-initiated; many banks still challenge them. Flag them correctly as MIT and
        set up the mandate at deposit time.

        AC: the decline rate of balance charges drops (we will see).
      `,
    }),
    story('pay-tipping', 'As a guest, I want to tip my guide after the tour', {
      prio: 'Medium',
      moscow: 'Could',
      bv: 5,
      reach: 3500,
      impact: 0.5,
      conf: 80,
      d: `
        Tips go 100% to the guide (we pay the card fee).

        ### Acceptance criteria
        - Tip option in the post-trip email and the review page
        - Suggested amounts 5%, 10%, 15% or custom
        - Tip is paid out with the next payout and listed separately on the statement
      `,
    }),
    story('pay-refund-status-guest', 'Guests can see the status of their refund', {
      prio: 'Medium',
      d: `
        "Refund of € 120.00 started on 3 March. Banks usually take 5-10 days."

        ✅ Acceptance criteria
        - Refund amount, date started and status (pending, succeeded, failed) on the booking page
        - Failed refunds are shown to support, not to the guest
      `,
    }),
    task('pay-pci-saq', 'Complete PCI DSS SAQ A for 2027', {
      prio: 'High',
      due: '2027-02-28',
      labels: ['security', 'compliance'],
      reporter: 'po',
      d: `
        Yearly self-assessment. We only use Stripe Elements so SAQ A applies; confirm that no page loads the payment
        iframe from a script we host.
      `,
    }),
    story('pay-split-payment', 'As a group, we want to split the payment between participants', {
      prio: 'Medium',
      moscow: 'Should',
      bv: 8,
      tc: 2,
      rr: 3,
      d: `
        The organiser books and pays their part; others get a link to pay their part within 48 hours. If not everyone pays,
        the organiser pays the rest or the booking is reduced.

        Acceptance criteria
        - Works for groups of up to 12
        - Spots are held for 48 hours
        - Organiser sees who has paid
        - If someone doesn't pay, they are reminded and eventually removed and it's all handled correctly
      `,
    }),
    story('pay-payout-hold-new-guides', 'Hold payouts of new guides until their first 3 trips are reviewed', {
      prio: 'Medium',
      labels: ['trust'],
      d: `
        Fraud prevention after the "ghost guide" case in August. First payout only after 3 completed departures without
        complaints, or 30 days, whichever comes first.

        AC:
        1. New guides see "Your first payout will be made after 3 completed trips" in the payout settings
        2. Support can release the hold early
      `,
    }),
    bug('pay-bug-statement-timezone', 'Payout statement shows bookings on the wrong day around midnight', {
      prio: 'Low',
      d: `
        Bookings made between 00:00 and 01:00 CET appear on the previous day's statement.
      `,
    }),
    story('pay-invoice-download-guest', 'As a guest, I want to download a receipt for my booking', {
      status: 'Done',
      prio: 'Medium',
      d: `
        AC:
        - PDF receipt from the booking page
        - Shows the guide's business details and VAT if they are VAT registered
      `,
    }),
    task('pay-stripe-api-upgrade', 'Upgrade Stripe API version and SDK', {
      prio: 'Medium',
      labels: ['tech-debt'],
      d: `
        We're on an API version from 2023. A few webhook payloads we rely on change shape.

        1. Pin the new version on a test webhook endpoint
        2. Run the payment test suite against it
        3. Switch the account default
      `,
    }),
    story('pay-klarna', 'Pay later with Klarna', {
      prio: 'Low',
      moscow: "Won't",
      d: `
        Asked for by two big guides in Sweden. Fees are high and deposits already spread the cost. Revisit in 2027.
      `,
    }),
    story('pay-guide-bank-change-alert', 'Notify guides when their payout bank account changes', {
      prio: 'High',
      labels: ['security'],
      d: `
        Security measure: if someone takes over a guide's account and changes the bank details, the guide must know.

        ✅ Acceptance criteria
        - Email and SMS to the guide's verified contacts when bank details change
        - Payouts are held for 72 hours after a change
        - The email has a "This wasn't me" link that freezes payouts and opens a support ticket
      `,
    }),
    story('pay-commission-tiers', 'Lower commission for guides with high volume', {
      prio: 'Medium',
      d: `
        12% up to € 50k per year, 10% above. Needs finance and the commission invoices first.
      `,
    }),
  ],
};
