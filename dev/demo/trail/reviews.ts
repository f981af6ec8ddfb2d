import { bug, epic, story, task, type EpicFile } from '../model';

export const reviews: EpicFile = {
  epic: epic('epic-reviews', 'Reviews & trust', 'Platform', {
    defaultTeam: 'Pathfinders',
    release: '2027.2',
    prio: 'Medium',
    bv: 8,
    tc: 3,
    rr: 8,
    labels: ['trust'],
    d: `
      Guests are trusting a stranger with their safety in the mountains. Reviews, verified qualifications and a clear
      safety record are what make them book. Only verified participants can review, and guides can reply.

      ### Open questions
      - Do we show reviews of a guide across all their tours, or per tour? (Probably both.)
      - How do we handle reviews of trips cancelled for weather?
    `,
  }),
  items: [
    story(
      'reviews-post-trip',
      'As a guest, I want to review my tour after the trip, so that other guests know what to expect',
      {
        status: 'Done',
        prio: 'High',
        d: `
        AC:
        - Review invitation 1 day after the departure
        - Stars (1-5) and text (optional)
        - Only the booker and participants with an email can review
      `,
      },
    ),
    story('reviews-guide-reply', 'As a guide, I want to reply publicly to a review', {
      prio: 'Medium',
      moscow: 'Should',
      d: `
        ### Acceptance criteria
        - One reply per review, editable for 48 hours
        - Reply is shown under the review with the guide's name and photo
        - The reviewer is notified of the reply
      `,
    }),
    story('reviews-sub-ratings', 'As a guest, I want to rate safety, communication and value separately', {
      prio: 'Medium',
      d: `
        Sub-ratings next to the overall stars. Averages shown on the tour page once there are 5 reviews.

        Acceptance Criteria:
        - Three sub-ratings, each 1-5, optional
        - Averages hidden until 5 reviews have them
      `,
    }),
    story('reviews-photos', 'As a guest, I want to add photos to my review', {
      prio: 'Low',
      moscow: 'Could',
      labels: ['mobile'],
      d: `
        Up to 6 photos. Photos are checked by the moderation service before they're shown.
      `,
    }),
    story('reviews-moderation', 'As Trailhead staff, I want to moderate reported reviews', {
      prio: 'High',
      moscow: 'Must',
      comp: ['Platform'],
      d: `
        Guides can report a review (insulting, not about the tour, personal data). We review it within 3 working days.

        ## Acceptance criteria
        1. Report button for guides, with a reason
        2. Moderation queue in the admin, oldest first
        3. Staff can keep, hide, or edit out personal data, with a note
        4. Both the guide and the reviewer are told the outcome
        5. Hidden reviews do not count in the average rating
      `,
    }),
    story('reviews-verified-badge', 'Show a "Verified booking" badge on every review', {
      prio: 'Low',
      d: `
        All reviews are from bookings anyway, but guests don't know that. A small badge and a tooltip.

        AC:
        - Badge on every review
        - Tooltip explains it
      `,
    }),
    story(
      'reviews-import',
      'As a guide, I want to import my reviews from other platforms, so that I am not starting from zero',
      {
        prio: 'Medium',
        moscow: 'Should',
        bv: 13,
        tc: 8,
        rr: 5,
        comp: ['Guide Portal'],
        d: `
        New guides get very few bookings without reviews. Competitors allow importing with a link to the source.

        Acceptance criteria
        - Import from a public profile URL on two named platforms
        - Imported reviews are marked "Imported from …" with the original date
        - They count in the rating with half weight
        - We check that the profile belongs to the guide (code in the bio) if possible
      `,
      },
    ),
    story('reviews-sort-filter', 'Sort and filter reviews on the tour page', {
      prio: 'Low',
      d: `
        Most recent / highest / lowest, and filter by language.

        AC: sorting and filtering work together and the choice is kept when paging.
      `,
    }),
    story('reviews-reminder', 'Send a review reminder if the guest has not reviewed after 5 days', {
      prio: 'Medium',
      labels: ['email'],
      d: `
        AC: one reminder, not sent if the trip was cancelled or the guest already reviewed.
      `,
    }),
    story('reviews-fake-detection', 'Detect suspicious review patterns', {
      prio: 'Medium',
      labels: ['fraud'],
      d: `
        Same device or card for many 5-star reviews of one guide, reviews from bookings that were refunded in full, etc.
        Flag for moderation, don't block automatically.

        ### Acceptance criteria
        - Rules run nightly over the last 30 days of reviews
        - Flagged reviews go to the moderation queue with the rule that matched
        - Nothing is hidden automatically
      `,
    }),
    story(
      'reviews-guide-rating-profile',
      "Show the guide's overall rating across all tours on their profile",
      {
        prio: 'Medium',
        d: `
        ✅ Acceptance criteria
        - Average of all reviews of all the guide's tours, with the total count
        - Updated within 5 minutes of a new review
      `,
      },
    ),
    story('reviews-safety-record', "As a guest, I want to see a guide's safety record", {
      prio: 'Medium',
      moscow: 'Could',
      labels: ['safety'],
      d: `
        Years guiding, number of trips on Trailhead, incidents reported. Needs legal review before we show incidents publicly.
      `,
    }),
    story('reviews-incident-report', 'As a guide, I want to report an incident that happened on a trip', {
      prio: 'High',
      labels: ['safety'],
      d: `
        Required by our insurer: any injury, rescue call or near miss must be reported within 48 hours.

        ## Acceptance criteria
        - Form with date, departure, what happened, injuries, emergency services involved (yes/no)
        - Sent to safety@ and stored with the departure
        - Guide gets a copy by email
        - Only staff with the safety role can read reports
      `,
    }),
    bug('reviews-bug-avg-rounding', 'Tour with ratings 5, 5, 4 shows 4.6 instead of 4.7', {
      prio: 'Lowest',
      d: `
        We truncate instead of rounding. Expected 4.7 (4.666… rounded to one decimal).
      `,
    }),
    bug('reviews-bug-deleted-guest', 'Review page crashes when the reviewer deleted their account', {
      prio: 'High',
      d: `
        **Steps to reproduce:**
        1. Guest leaves a review
        2. Guest deletes their account
        3. Open the tour page

        **Expected:** review shown as "Former guest"
        **Actual:** 500 error on the whole tour page

        :bug: 3 tour pages are currently broken because of this.

        AC:
        1. Tour pages with reviews from deleted accounts load without errors
        2. These reviews show "Former guest" and no photo
      `,
    }),
    story('reviews-guest-rating-by-guide', 'Guides rate guests (private)', {
      prio: 'Lowest',
      moscow: "Won't",
      d: `
        Guides want to warn each other about no-shows. Privacy concerns; not now.
      `,
    }),
    story('reviews-response-time', 'As a guest, I want to know how quickly a guide answers messages', {
      prio: 'Low',
    }),
    story('reviews-summary-ai', 'Summarise reviews into pros and cons', {
      prio: 'Low',
      d: `
        E.g. "Guests love: the views, the guide's knowledge. Mentioned: long approach walk."
      `,
    }),
    task('reviews-backfill-ratings', 'Backfill rating aggregates for all tours', {
      prio: 'Medium',
      labels: ['tech-debt'],
      d: `
        Aggregates were introduced in April; older tours compute the average on every page view.
      `,
    }),
    story('reviews-report-guest', 'As a guest, I want to report a safety concern about a guide privately', {
      prio: 'High',
      labels: ['safety'],
      d: `
        Separate from reviews, goes to the safety team only.

        AC:
        - Link "Report a safety concern" on the booking page and the review page
        - Reporter gets an acknowledgement within 1 working day
        - The guide is not told who reported
      `,
    }),
    story('reviews-trust-page', 'A "How we vet guides" page', {
      prio: 'Medium',
      labels: ['seo', 'marketing'],
      d: `
        Explains identity checks, qualification checks, insurance, reviews. Linked from tour pages and checkout.
      `,
    }),
    story(
      'reviews-qualification-badges-tour',
      "Show the guide's qualification badges on tour cards in search",
      {
        prio: 'Medium',
        comp: ['Search'],
        d: `
        AC:
        - Up to 2 badges, the most relevant for the activity first
        - Badges are looked nice and clear on small screens
      `,
      },
    ),
    story('reviews-edit-own', 'As a guest, I want to edit my review within 14 days', {
      prio: 'Low',
      d: `
        Given I posted a review less than 14 days ago
        When I open it from my account
        Then I can change the stars and the text
      `,
    }),
    story('reviews-weather-cancelled', "Don't ask for reviews of departures cancelled for weather", {
      prio: 'Medium',
      status: 'Done',
      sprint: 'closed',
      d: `
        AC: no review invitation for cancelled departures; guests get a "Sorry the weather didn't play along" email instead.
      `,
    }),
    story('reviews-translations', 'Translate reviews', {
      prio: 'Low',
      labels: ['i18n'],
      d: `
        "Show original" / "Translate" per review, using the same translation service as tour descriptions.
      `,
    }),
    story('reviews-guide-insights', 'As a guide, I want insights from my reviews', {
      prio: 'Low',
      comp: ['Guide Portal'],
      d: `
        Rating over time, sub-ratings, words that come up often.
      `,
    }),
  ],
};
