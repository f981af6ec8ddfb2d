import { bug, story, task, type EpicFile } from '../model';

/**
 * Items nobody has put into an epic yet: stakeholder requests, ideas from the team, bugs from support. Some
 * are well written, some are one-liners, as in every real backlog.
 */
export const unsorted: EpicFile = {
  epic: null,
  items: [
    story(
      'misc-loyalty',
      'As a frequent guest, I want to earn rewards for my trips, so that I keep booking with Trailhead',
      {
        prio: 'Medium',
        labels: ['marketing'],
        d: `
        Marketing idea from the offsite. Every 5th trip 10% off? Points? Not defined yet.

        AC: to be defined with marketing.
      `,
      },
    ),
    story('misc-corporate-offsites', 'Corporate team events', {
      prio: 'Medium',
      labels: ['b2b'],
      d: `
        Companies ask for team days (20-60 people) with several guides. We turn them away today.

        Acceptance criteria
        - Request form for groups of 20 or more
        - Requests go to a sales inbox and are answered within 2 working days
      `,
    }),
    story(
      'misc-trip-insurance',
      'As a guest, I want to add travel insurance when I book, so that I am covered if I get injured or have to cancel',
      {
        prio: 'Medium',
        moscow: 'Could',
        labels: ['partnership'],
        comp: ['Booking'],
        bv: 8,
        tc: 3,
        rr: 2,
        reach: 5200,
        impact: 1,
        conf: 50,
        d: `
        Partner would pay us 20% commission on the premium.

        **Acceptance Criteria:**
        - Insurance offer after the participant step, clearly optional
        - Price per participant from the partner's quote API
        - Policy documents emailed by the partner, not us
        - If the quote API is down, checkout continues without the offer
      `,
      },
    ),
    story('misc-blog', 'Outdoor guides blog / inspiration articles', {
      prio: 'Low',
      labels: ['seo', 'marketing'],
      comp: ['Search'],
    }),
    story('misc-carbon-info', 'Show how to reach the meeting point by public transport', {
      prio: 'Low',
      labels: ['sustainability'],
      comp: ['Booking'],
      d: `
        Nearest train/bus stop and a link to the journey planner. Guests asked for it in the spring survey (14% of comments).

        AC:
        - Nearest stop within 2 km shown on the tour page and the booking
        - Link opens the regional journey planner with the meeting point as destination
      `,
    }),
    bug('misc-bug-footer-links', 'Footer links to "Careers" and "Press" are broken', {
      prio: 'Lowest',
      comp: ['Platform'],
    }),
    story('misc-partner-hotels', 'Hotels can recommend tours to their guests and earn a commission', {
      prio: 'Medium',
      labels: ['b2b', 'partnership'],
      d: `
        Pilot with 3 hotels in Chamonix and 2 in the Dolomites. Tracking link + monthly commission statement.

        Acceptance criteria
        - Partner links with a code; bookings within 30 days are attributed
        - Partners see their bookings and commission in a simple portal
        - It works for all partners
      `,
    }),
    story('misc-gift-experience-box', 'Physical gift boxes sold in shops', {
      unscored: 'Needs a business value: Amara scores it after the call with two outdoor shops in January.',
      lacks: ['bv'],
      prio: 'Lowest',
      moscow: "Won't",
    }),
    story('misc-referral-guests', 'As a guest, I want to invite friends and both get a discount', {
      prio: 'Medium',
      labels: ['marketing'],
      comp: ['Booking'],
      d: `
        € 15 off for the friend's first booking, € 15 credit for the inviter after the friend's trip.

        Given I share my invite link
        When my friend books their first tour with it
        Then my friend gets € 15 off
        And I get € 15 credit once the trip has taken place
        But no credit if the booking is cancelled
      `,
    }),
    story('misc-conditions-info', 'Trail conditions from guides', {
      prio: 'Low',
      d: `
        Guides know the current conditions better than anyone. A short "Conditions" note on the tour page, dated.
      `,
    }),
    task('misc-analytics-funnel', 'Build the booking funnel dashboard', {
      prio: 'High',
      labels: ['analytics'],
      comp: ['Booking'],
      d: `
        Sessions → search → tour page → checkout start → each checkout step → paid. By device and traffic source.
        Needed to measure the checkout work.

        AC:
        - Dashboard updated hourly
        - Numbers match the booking database within 1%
      `,
    }),
    story('misc-social-login-facebook', 'Log in with Facebook', {
      prio: 'Lowest',
      moscow: "Won't",
      d: `
        Asked for by a few guests. Fewer than 2% of sign-ups on comparable sites; not worth the data-sharing concerns.
      `,
    }),
    story(
      'misc-pricing-insights',
      'As a guide, I want to know what similar tours cost, so that I can price mine well',
      {
        prio: 'Medium',
        comp: ['Guide Portal'],
        d: `
        Median and range of prices for the same activity, region and duration. Only if there are at least 5 comparable tours.

        ### Acceptance criteria
        - Shown next to the price field when creating or editing a tour
        - Based on published tours in the same activity and region with similar duration
        - Hidden when fewer than 5 comparable tours exist
      `,
      },
    ),
    bug(
      'misc-bug-search-console-errors',
      'Search Console reports 1,200 pages with "Duplicate without user-selected canonical"',
      {
        prio: 'Medium',
        labels: ['seo'],
        comp: ['Search'],
        d: `
        Tour pages are reachable with and without trailing slash and with tracking parameters.
      `,
      },
    ),
    story('misc-onboarding-survey', 'Ask new guests what kind of trips they like', {
      prio: 'Low',
      d: `
        Three questions after sign-up. Could feed recommendations later.
      `,
    }),
    story('misc-recommendations', 'Personalised tour recommendations', {
      unscored: 'Needs an estimate: waiting for the data spike on what we know about guests.',
      prio: 'Medium',
      moscow: 'Could',
      comp: ['Search'],
      d: `
        "Guests who booked this also booked", then personalised on the home page. We probably need more data first.

        AC: recommendations are relevant and people like them.
      `,
    }),
    story(
      'misc-accessibility-filter',
      'As a guest with limited mobility, I want to find tours that suit me',
      {
        prio: 'Medium',
        labels: ['a11y'],
        comp: ['Search'],
        d: `
        Guides describe accessibility (step-free meeting point, wheelchair-accessible vehicle, adaptive equipment) with a checklist; guests filter by it.
      `,
      },
    ),
    story('misc-guide-community', 'Guide community forum', {
      prio: 'Low',
      moscow: "Won't",
      d: `
        A place for guides to exchange tips. We would need moderation; a WhatsApp group does the job for now.
      `,
    }),
    bug('misc-bug-phone-format', 'Phone numbers without country code are stored as is', {
      prio: 'Medium',
      comp: ['Booking'],
      d: `
        SMS to "0176 1234567" fails. Normalise to E.164 using the country of the booking, ask the guest if unsure.
      `,
    }),
    story('misc-affiliate-program', 'Affiliate program for outdoor bloggers', {
      prio: 'Low',
      labels: ['marketing', 'partnership'],
    }),
    story('misc-customer-support-chat', 'Live chat on the website', {
      prio: 'Medium',
      d: `
        Support would like chat during office hours for questions before booking. Needs someone to staff it.

        AC:
        - Chat widget visible Monday-Friday 09:00-17:00 CET
        - Outside those hours the widget offers email instead
      `,
    }),
    task('misc-terms-update-2027', 'Update guest terms and privacy policy for 2027', {
      prio: 'High',
      labels: ['legal'],
      due: '2026-12-20',
      reporter: 'po',
      d: `
        Changes from legal: deposits, automatic balance charges, waiver storage, new payment provider.
        Guests must be informed 30 days before the terms change.
      `,
    }),
    story('misc-multi-activity-packages', 'Packages combining several tours (e.g. 3-day "Dolomites week")', {
      prio: 'Low',
      comp: ['Booking'],
    }),
    story('misc-b2b-invoicing', 'Monthly invoicing for business customers', {
      prio: 'Low',
      labels: ['b2b'],
      comp: ['Payments'],
    }),
    bug('misc-bug-og-images', 'Shared tour links show the Trailhead logo instead of the tour photo', {
      prio: 'Medium',
      labels: ['marketing', 'seo'],
      d: `
        **Steps:** paste any tour link into WhatsApp or Slack
        **Expected:** tour cover photo, title and price
        **Actual:** generic logo and "Trailhead - Guided adventures"
      `,
    }),
    story('misc-season-planning-report', 'As a guide, I want a season report, so that I can plan next year', {
      prio: 'Low',
      comp: ['Guide Portal'],
      d: `
        Bookings per tour and month, cancellations, no-shows, revenue, compared with last year.
      `,
    }),
    story('misc-price-display-incl-fees', 'Show the total price including all fees from the start', {
      prio: 'High',
      labels: ['legal'],
      comp: ['Booking', 'Search'],
      d: `
        A consumer protection complaint says our search shows prices without the service fee. Search, tour page and checkout must show the same total.

        ## Acceptance criteria
        - The price on the search card, the tour page and the first checkout step is the same for the same selection
        - Any optional extras are clearly marked as optional
        - No fee is added at the payment step
      `,
    }),
    story('misc-guest-profile', 'Guest profile with experience level', {
      prio: 'Lowest',
    }),
    story('misc-cleanup-old-tours', 'Archive tours that have had no departures for 2 years', {
      prio: 'Low',
      labels: ['tech-debt'],
      comp: ['Guide Portal'],
      d: `
        ~1,100 tours. Email the guide first, archive after 30 days unless they object.

        AC:
        - Guides are emailed 30 days before archiving
        - Archived tours can be restored by the guide
      `,
    }),
    story('misc-nps-survey', 'NPS survey after the trip', {
      prio: 'Low',
      d: `
        One question in the review email. Helps us measure the product, not the guide.

        AC: one question, 0-10, and an optional comment. Results in the analytics dashboard.
      `,
    }),
    story('misc-better-ux', 'Improve the user experience of the website', {
      prio: 'Medium',
      sp: null,
      unscored:
        'Needs an estimate and a problem statement: "more modern" is not something the team can size.',
      d: `
        Feedback from the board meeting: the site feels old. Make it more modern and user friendly.
      `,
    }),
    bug('misc-bug-newsletter-double-optin', 'Newsletter sign-up skips the confirmation email', {
      prio: 'High',
      labels: ['email', 'legal'],
      d: `
        Sign-ups from the footer form are added directly to the list. Double opt-in is required in Germany.
      `,
    }),
    story('misc-instagram-feed', "Show the guide's Instagram photos on their profile", {
      prio: 'Lowest',
    }),
  ],
};
