import { bug, epic, story, task, type EpicFile } from '../model';

export const booking: EpicFile = {
  epic: epic('epic-booking', 'Booking & checkout', 'Booking', {
    defaultTeam: 'Switchback',
    release: '2027.1',
    status: 'In Progress',
    prio: 'Highest',
    bv: 20,
    tc: 13,
    rr: 8,
    d: `
      ## Goal
      A guest who has found the right tour can book it in under two minutes, on any device, and knows exactly
      what happens next.

      Checkout conversion is 23% today (tour page "Book" click to paid booking). Competitors we benchmarked sit
      around 35%. The biggest drop-offs are the account wall (-31%) and the participant details form (-18%).

      ## Themes
      1. Guest checkout without an account
      2. Deposits and paying the balance later
      3. Booking for other people (participants, waivers)
      4. Changes and cancellations by the guest
      5. Clear cancellation policies shown _before_ paying

      :::info
      Payment collection and payouts to guides are in the "Payments & payouts" epic.
      :::
    `,
  }),
  items: [
    story(
      'booking-guest-checkout',
      'As a guest, I want to book without creating an account, so that I can pay quickly',
      {
        status: 'Done',
        sprint: 'closed',
        prio: 'Highest',
        moscow: 'Must',
        bv: 20,
        d: `
        ## Acceptance criteria
        - Checkout asks only for name, email and phone of the booker
        - After paying, the guest gets a magic link to manage the booking
        - If the email already has an account, we offer to log in but do not force it
      `,
      },
    ),
    story(
      'booking-deposit',
      'As a guest, I want to pay a 30% deposit when I book, so that I can secure a spot on a trip months away without paying everything now',
      {
        sprint: 'carried',
        status: 'In Progress',
        prio: 'Highest',
        moscow: 'Must',
        bv: 20,
        tc: 13,
        rr: 5,
        sp: 8,
        reach: 6200,
        impact: 2,
        conf: 80,
        assignee: 'dev',
        d: `
          Guides can choose per tour: full payment, or deposit + balance. Deposit percentage is fixed at 30% for now.
          The balance is charged automatically 14 days before the departure.

          ### Acceptance criteria
          [x] Tour settings have "Allow deposit" (off by default)
          [x] Checkout shows "Pay 30% now (€ 87.00), € 203.00 on 2 June" when the tour allows it
          [ ] The saved card is charged for the balance 14 days before departure, at 10:00 local time of the tour
          [ ] If the departure is less than 14 days away, the deposit option is hidden
          [ ] The booking page shows "Paid" and "Still to pay" amounts

          Carried over from Sprint 13: the scheduled balance charge is not done yet.
        `,
      },
    ),
    story(
      'booking-balance-reminder',
      'As a guest who paid a deposit, I want a reminder before the balance is charged, so that I am not surprised by the payment',
      {
        sprint: 'active',
        status: 'To Do',
        prio: 'High',
        sp: 3,
        bv: 8,
        tc: 13,
        labels: ['email'],
        d: `
          AC:
          - Email 3 days before the balance charge with amount, date and the card's last 4 digits
          - Link to update the card
          - No reminder if the balance was paid manually already
        `,
      },
    ),
    bug(
      'booking-bug-balance-failed-silent',
      'Failed balance charge leaves booking as "Confirmed" with nothing paid',
      {
        prio: 'Highest',
        labels: ['payments'],
        d: `
        Found in staging while testing deposits.

        **Steps to reproduce**
        1. Book a deposit tour with test card 4000 0000 0000 0341 (attaches, then declines)
        2. Move the clock to 14 days before departure
        3. Run the balance job

        **Expected:** booking becomes "Payment due", guest gets an email with a link to pay, guide is told
        **Actual:** job logs a decline, booking stays "Confirmed", nobody is told

        :warning: Not live yet (deposits are behind a flag), but must be fixed before we switch it on.

        ## Acceptance criteria
        Given a balance charge is declined
        When the balance job runs
        Then the booking status becomes "Payment due"
        And the guest gets an email with a payment link valid for 72 hours
        And the guide sees the booking as "Payment due" on the departure list
      `,
      },
    ),
    story(
      'booking-participants',
      'As a booker, I want to enter details for each participant, so that the guide knows who is coming',
      {
        sprint: 'future',
        prio: 'High',
        moscow: 'Must',
        d: `
        Name and age for every participant; anything else is configured per tour (height for via ferrata harnesses,
        shoe size for crampons, dietary needs on multi-day tours).

        ## Acceptance criteria
        1. Booker can enter participant details at checkout _or_ later from the booking page
        2. Guide sees missing details as a warning on the departure's participant list
        3. The guest gets a reminder 7 days before the trip if details are still missing
        4. Custom questions can be text, number, or a single choice
      `,
      },
    ),
    story(
      'booking-waiver',
      'As a guide, I want every participant to accept my liability waiver before the trip',
      {
        prio: 'High',
        labels: ['legal'],
        d: `
        Guides upload their waiver text (or use ours). Each participant has to accept it, adults for themselves,
        parents for minors.

        Acceptance criteria:
        - Waiver must be accepted before the booking is complete
        - Store who accepted, when, and which version of the text
        - Guide can download all signed waivers for a departure as one PDF
        - If the guide changes the waiver, existing bookings keep the version they accepted
      `,
      },
    ),
    story(
      'booking-cancellation-policy-display',
      'As a guest, I want to see the cancellation policy before I pay, so that I know what I get back if plans change',
      {
        status: 'Done',
        prio: 'High',
        moscow: 'Must',
        d: `
          ✅ Acceptance criteria
          - Policy summary on the tour page and at the top of the payment step
          - Shows the actual dates for this departure ("Free cancellation until 3 May")
        `,
      },
    ),
    story(
      'booking-guest-cancel',
      'As a guest, I want to cancel my booking online, so that I do not have to email the guide',
      {
        prio: 'High',
        moscow: 'Must',
        bv: 13,
        tc: 5,
        rr: 8,
        d: `
        Refund follows the tour's cancellation policy. Today guests email support, who email the guide, who asks us to refund.

        ## Acceptance criteria
        Given a booking inside the free cancellation window
        When I cancel it from the booking page
        Then I see the full refund amount before confirming
        And the refund is started immediately
        And the spots are released for other guests

        Given a booking outside the free cancellation window
        When I open "Cancel booking"
        Then I see how much I would get back, according to the policy
      `,
      },
    ),
    story('booking-change-date', 'As a guest, I want to move my booking to another date of the same tour', {
      prio: 'Medium',
      moscow: 'Should',
      d: `
        Only if the other departure has enough free spots and the price is the same or lower. Price differences are out of scope for the first version.

        AC:
        1. "Change date" shows only departures of the same tour with enough free spots
        2. Guide is notified and can reject within 48 hours, otherwise the change is accepted
        3. The original spots are released only after the change is accepted
      `,
    }),
    story('booking-promo-codes', 'Promo codes at checkout', {
      prio: 'Medium',
      labels: ['marketing'],
      d: `
        Marketing wants codes for the spring campaign. Percentage or fixed amount, with expiry date and usage limit.
        Who pays the discount, us or the guide? To be decided with finance.

        Acceptance criteria:
        - Codes can be percentage or fixed amount, with expiry and usage limit
        - Invalid or expired codes show a clear message
        - Discounts appear on the receipt and in reporting
        - Guides see the full price in their payout unless the guide created the code
      `,
    }),
    story(
      'booking-gift-vouchers',
      'As a guest, I want to buy a gift voucher, so that I can give a tour as a present',
      {
        prio: 'Medium',
        moscow: 'Could',
        bv: 8,
        reach: 2100,
        impact: 1,
        conf: 50,
        d: `
        Vouchers for a fixed amount (50, 100, 200, custom), valid 2 years, usable on any tour.

        ### Acceptance criteria
        - Voucher PDF with a code and the giver's message
        - Can be sent by email on a chosen date
        - Partially used vouchers keep their remaining balance
        - Etc.
      `,
      },
    ),
    story(
      'booking-private-tour-request',
      'As a group organiser, I want to request a private departure for my group',
      {
        prio: 'Medium',
        d: `
        For tours where the guide allows private bookings, the organiser picks a date and group size, and the guide
        confirms with a price. Payment happens after the guide confirms.

        ### Acceptance criteria
        1. Request form: date, group size, message
        2. The guide can confirm with a price or decline within 72 hours
        3. The guest pays within 48 hours of the guide's confirmation, otherwise the request lapses
      `,
      },
    ),
    story(
      'booking-waitlist',
      'As a guest, I want to join a waitlist for a full departure, so that I can get a spot if someone cancels',
      {
        prio: 'Medium',
        moscow: 'Should',
        bv: 8,
        tc: 3,
        rr: 2,
        d: `
        **Acceptance Criteria:**
        - "Join waitlist" replaces "Book" on full departures
        - When a spot frees up, the first person on the list gets an email and has 12 hours to book
        - After 12 hours the offer passes to the next person
        - Guests can leave the waitlist from the email
      `,
      },
    ),
    story('booking-summary-sidebar', 'Checkout summary should always be visible', {
      prio: 'Low',
      labels: ['web', 'design'],
      d: `
        Keep the booking summary (tour, date, participants, price) visible while scrolling through checkout.

        AC: summary is always visible and up to date.
      `,
    }),
    story(
      'booking-add-ons',
      'As a guest, I want to add rental gear to my booking, so that I do not have to bring my own',
      {
        prio: 'Medium',
        d: `
        Guides define add-ons per tour (e.g. "Helmet rental € 8", "Wetsuit € 15"), per participant or per booking.

        Acceptance criteria
        - Add-ons shown after the participant step, with per-participant quantities
        - Add-ons are included in the deposit calculation
        - Guide sees add-ons per participant on the departure list
        - Stock limits if possible
      `,
      },
    ),
    story(
      'booking-confirmation-page',
      'As a guest, I want a clear confirmation page after paying, so that I know my booking went through and what to do next',
      {
        status: 'Done',
        prio: 'High',
        d: `
        Booking reference, meeting point with map link, what to bring, guide's contact, add to calendar.
      `,
      },
    ),
    story('booking-add-to-calendar', 'As a guest, I want to add my tour to my calendar', {
      prio: 'Low',
      d: `
        ICS download plus Google Calendar link. Event includes meeting point, start time in the tour's time zone and the booking link.

        AC:
        - Times are correct for guests in other time zones
        - The event updates if the guide changes the start time (ICS with the same UID)
      `,
    }),
    story(
      'booking-manual-confirmation',
      'As a guide, I want to approve booking requests before the guest is charged',
      {
        prio: 'High',
        moscow: 'Must',
        comp: ['Booking', 'Guide Portal'],
        d: `
        ## Acceptance criteria
        - Tours have "Instant booking" or "Request to book"
        - For requests, we authorise the card but only capture on approval
        - Guide has 48 hours to approve; after that the request expires and the authorisation is released
        - The guest sees "Waiting for guide" with the deadline
      `,
      },
    ),
    story('booking-request-expiry-reminder', 'Remind guides of pending booking requests', {
      prio: 'Medium',
      labels: ['email'],
      d: `
        Reminder after 24 hours and 4 hours before the request expires.
      `,
    }),
    story('booking-multi-currency', 'As a guest from abroad, I want to pay in my own currency', {
      prio: 'Medium',
      labels: ['payments'],
      d: `
        Show prices in the guest's currency (from browser locale, switchable), charge in the tour's currency.
        Show "You will be charged NOK 1,450 (about € 125)".

        AC:
        - Currency switcher in the header
        - Exchange rates updated daily
        - The charged amount and currency are always stated before paying
      `,
    }),
    story(
      'booking-checkout-steps',
      'As a guest, I want a shorter checkout, so that booking takes less time',
      {
        prio: 'High',
        moscow: 'Must',
        bv: 13,
        rr: 3,
        d: `
        Today: 5 steps (date, participants, details, waiver, payment). Design proposal merges details and waiver
        and puts date selection on the tour page.

        ### Acceptance criteria
        - Checkout has at most 3 steps
        - Median time from "Book" to payment under 2 minutes in the usability test with 8 participants
        - Conversion from checkout start to payment is measured per step
      `,
      },
    ),
    story('booking-apple-google-pay', 'As a guest, I want to pay with Apple Pay or Google Pay', {
      prio: 'High',
      labels: ['payments', 'mobile'],
      comp: ['Booking', 'Payments'],
      d: `
        Payment Request Button from Stripe. Should reduce typing on mobile a lot.

        AC:
        - Button shown when the device supports it, hidden otherwise
        - Works for deposits as well as full payments
      `,
    }),
    bug('booking-bug-double-spot', 'Two guests could book the last spot at the same time', {
      prio: 'Highest',
      status: 'Done',
      sprint: 'closed',
      d: `
        Happened on 12 Oct, departure of "Trolltunga sunrise hike": capacity 8, 9 paid bookings.

        Steps (staging):
        1. Departure with 1 spot left
        2. Two browsers, both start checkout
        3. Both pay within a few seconds

        Expected: the second payment is refused before capture ("This spot was just taken")
        Actual: both bookings confirmed

        Fix: reserve the spot when payment starts (10 minute hold), check again inside the transaction.
      `,
    }),
    bug(
      'booking-bug-timezone-display',
      "Booking confirmation shows start time in the guest's time zone, not the tour's",
      {
        sprint: 'active',
        status: 'To Do',
        sp: 2,
        prio: 'High',
        d: `
        Guest in New York booked a hike in Norway starting 07:00. Confirmation says 01:00.

        **Expected:** "07:00 (local time in Norway)"
        **Actual:** "01:00"

        AC: every time shown to guests (pages, emails, calendar files) is in the tour's local time with the time zone named.
      `,
      },
    ),
    bug('booking-bug-back-button', 'Browser back button on payment step empties the participant form', {
      prio: 'Medium',
      labels: ['web'],
      d: `
        1. Fill in 4 participants
        2. Continue to payment
        3. Press the browser back button

        Expected: participants still filled in. Actual: all fields empty.
      `,
    }),
    bug('booking-bug-age-validation', 'Participant age accepts negative numbers', {
      prio: 'Low',
      d: `
        Entering -3 as age is accepted and shown to the guide as "-3 years".
      `,
    }),
    story(
      'booking-minimum-participants',
      'As a guide, I want a departure to go ahead only if enough people book',
      {
        prio: 'Medium',
        comp: ['Booking', 'Guide Portal'],
        d: `
        Some tours need at least 4 participants to be worth running. Guests should know the tour is "Not yet confirmed"
        and what happens if it doesn't fill.

        ## Acceptance criteria
        - Guide sets a minimum per tour and a decision date (default 7 days before)
        - Tour page shows "3 of 4 needed to run" for such departures
        - On the decision date, if the minimum isn't reached, the departure is cancelled and everyone gets a full refund automatically
        - The guide can confirm a departure early even below the minimum
      `,
      },
    ),
    story('booking-edit-participants', 'Guests can edit participant details after booking', {
      prio: 'Medium',
      d: `
        Until 48 hours before the start. After that, the guest has to contact the guide.

        Given a booking that starts in more than 48 hours
        When I change a participant's name or answers
        Then the guide sees the updated details on the participant list

        Given a booking that starts in less than 48 hours
        When I open the participant details
        Then they are read-only with a "Contact your guide" link
      `,
    }),
    story('booking-add-participant', 'As a guest, I want to add a friend to my existing booking', {
      prio: 'Medium',
      moscow: 'Could',
      d: `
        Acceptance Criteria:
        Given my booking has 2 participants and the departure has free spots
        When I add one participant
        Then I pay only for the extra participant
        And the participant has to accept the waiver
      `,
    }),
    task('booking-reservation-hold-job', 'Clean up expired reservation holds every minute', {
      prio: 'High',
      labels: ['tech-debt'],
      d: `
        Holds from abandoned checkouts currently expire only when someone else tries to book. Free spots
        look taken on the tour page.

        Acceptance criteria
        - Expired holds are released within 1 minute
        - Job runtime under 5 seconds
      `,
    }),
    story(
      'booking-invoice-company',
      'As a company booking a team day, I want an invoice with our company details',
      {
        prio: 'Low',
        d: `
        VAT number, company name and address on the invoice. Pay by card still; bank transfer is separate.
      `,
      },
    ),
    story('booking-bank-transfer', 'Pay by bank transfer for large group bookings', {
      prio: 'Lowest',
      moscow: "Won't",
      labels: ['payments'],
    }),
    story(
      'booking-price-per-group',
      'As a guide, I want to price some tours per group instead of per person',
      {
        prio: 'Medium',
        comp: ['Booking', 'Guide Portal'],
        d: `
        E.g. "Private kayak lesson, € 240 for up to 3 people".

        AC:
        1. Tour pricing option: per person or per group with maximum group size
        2. Search and tour card show "€ 240 per group (up to 3)"
        3. Deposits work the same way
      `,
      },
    ),
    story('booking-child-prices', 'Child prices', {
      prio: 'Medium',
      d: `
        Guides ask for reduced prices for children under 12 and under 16.

        AC:
        Given a tour with a child price for under 12s
        When a parent books for one adult and one 9-year-old
      `,
    }),
    story(
      'booking-abandoned-checkout-email',
      'As marketing, we want to email guests who abandon checkout, so that more of them come back and book',
      {
        prio: 'Medium',
        labels: ['email', 'marketing'],
        d: `
        Only for guests who gave their email and consented to marketing. One email, 2 hours after abandoning.

        ### Acceptance criteria
        - Email links back to checkout with the same tour, date and participants
        - No email if the guest booked in the meantime or the departure is full
        - We measure recovered bookings
      `,
      },
    ),
    story(
      'booking-hold-for-friends',
      'As a guest, I want to hold spots for friends for 24 hours while they decide',
      {
        prio: 'Low',
        moscow: "Won't",
        d: `
        Guides were split on this in the survey. Parking it.
      `,
      },
    ),
    story('booking-manage-page', 'As a guest, I want one page where I can see and manage my booking', {
      prio: 'High',
      status: 'Done',
      d: `
        Details, participants, payments, cancellation, contact the guide.

        ## Acceptance criteria
        - Reachable from the confirmation email without logging in (signed link, valid until 30 days after the trip)
        - Shows everything in the confirmation plus payment history
      `,
    }),
    story('booking-sca-retry', 'Handle 3-D Secure failures gracefully during checkout', {
      prio: 'High',
      labels: ['payments'],
      comp: ['Booking', 'Payments'],
      d: `
        When the bank's 3-D Secure challenge fails or the guest closes it, we show a generic error and the guest
        has to start over. Keep the booking data and let them try again or use another card.

        AC:
        - The guest stays on the payment step with everything filled in
        - Error message says what happened ("Your bank didn't confirm the payment") and what to do
        - The spot hold is extended by 5 minutes, once
      `,
    }),
  ],
};
