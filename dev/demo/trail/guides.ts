import { bug, epic, story, task, type EpicFile } from '../model';

export const guides: EpicFile = {
  epic: epic('epic-guides', 'Guide onboarding', 'Guide Portal', {
    defaultTeam: 'Basecamp',
    release: '2027.2',
    status: 'In Progress',
    prio: 'High',
    bv: 13,
    tc: 8,
    rr: 13,
    d: `
      Supply is our bottleneck: in July we had more guests searching the Dolomites than tours to show them.
      Becoming a guide on Trailhead takes 9 days on average and 40% of applicants never publish a tour.

      ## Target
      - Median time from sign-up to first published tour: under 2 days
      - Applicants who publish a tour: from 60% to 80%

      ## Main steps of the journey
      1. Sign up and tell us about yourself
      2. Verify identity and qualifications (IFMGA, UIMLA, national certificates, first aid)
      3. Set up payouts
      4. Create the first tour
      5. Publish and get the first booking
    `,
  }),
  items: [
    story('guide-signup', 'As a guide, I want to sign up with my email or Google account', {
      status: 'Done',
      prio: 'High',
      d: `
        AC:
        - Email + password or Google
        - Email is verified before the guide can publish anything
      `,
    }),
    story(
      'guide-id-verification-retry',
      'As a guide, I want to retry identity verification when my photo was rejected, so that I am not stuck waiting for support',
      {
        sprint: 'active',
        status: 'Done',
        prio: 'High',
        sp: 3,
        bv: 8,
        tc: 5,
        rr: 8,
        assignee: 'dev',
        d: `
          ### Acceptance criteria
          [x] The rejection reason from the verification provider is shown in plain language
          [x] "Try again" starts a new verification session
          [x] After 3 failed attempts the guide is offered a call with support
        `,
      },
    ),
    story(
      'guide-qualifications-upload',
      'As a guide, I want to upload my qualifications, so that guests can trust that I am certified',
      {
        sprint: 'future',
        prio: 'High',
        moscow: 'Must',
        bv: 13,
        tc: 5,
        rr: 13,
        d: `
        ## Acceptance criteria
        - Guide can upload PDF or photo of each certificate with issuing body and expiry date
        - Trailhead staff approve or reject each certificate with a reason
        - Approved qualifications show as badges on the guide profile and tour pages
        - 30 days before a certificate expires, the guide is reminded to upload the renewed one
        - When it expires, the badge disappears and tours that require it are unpublished
      `,
      },
    ),
    story('guide-qualification-requirements', 'Require specific qualifications for some activities', {
      prio: 'High',
      labels: ['trust', 'legal'],
      d: `
        Glacier tours need an IFMGA/UIAGM mountain guide, sea kayak tours need a sea kayak leader award, etc.
        Our insurer asked for this.

        AC: guides cannot publish a tour in an activity unless they have the required qualification.
      `,
    }),
    story(
      'guide-onboarding-checklist',
      'As a new guide, I want a checklist of what is left to do before I can publish, so that I know where I am',
      {
        prio: 'High',
        moscow: 'Must',
        d: `
        The dashboard is empty for new guides and they don't know what to do next.

        ✅ Acceptance criteria
        [ ] Checklist: profile, identity, qualifications, payouts, first tour
        [ ] Each step links to the right page and shows done / waiting for review / to do
        [ ] Checklist disappears once the first tour is published
      `,
      },
    ),
    story(
      'guide-profile',
      'As a guide, I want a public profile with my photo, bio, languages and qualifications',
      {
        status: 'Done',
        prio: 'High',
        d: `
        AC:
        - Photo, bio (max 1,000 characters), languages, years of experience, qualifications
        - Profile URL with the guide's name
      `,
      },
    ),
    story('guide-tour-wizard', 'As a new guide, I want a step-by-step tour creation flow', {
      prio: 'High',
      moscow: 'Must',
      bv: 13,
      tc: 8,
      d: `
        The current tour form is one long page with 46 fields. Split it into steps and save after every step.

        ## Acceptance criteria
        1. Steps: basics, itinerary, photos, what's included, pricing, dates
        2. Progress is saved automatically; the guide can leave and continue later
        3. Only required fields block publishing: title, description, meeting point, one photo, price, one departure
        4. Preview shows the tour page as guests will see it
      `,
    }),
    story('guide-tour-templates', 'Tour templates by activity', {
      prio: 'Medium',
      d: `
        Pre-filled "what to bring" and "what's included" lists per activity, e.g. kayak: dry bag, spare clothes, sunscreen.

        ### Acceptance criteria
        - Templates for the 6 most common activities
        - The guide can edit or remove every pre-filled item
      `,
    }),
    story(
      'guide-photo-upload',
      'As a guide, I want to upload photos from my phone, so that I can add pictures right after a trip',
      {
        labels: ['mobile'],
        prio: 'Medium',
        d: `
        AC:
        - Upload up to 20 photos at once
        - Photos are resized and compressed on upload; originals kept for 30 days
        - HEIC from iPhones works
        - Guide can reorder and pick a cover photo
      `,
      },
    ),
    bug('guide-bug-heic', 'HEIC photos upload but show as broken images', {
      prio: 'High',
      labels: ['mobile'],
      d: `
        Steps:
        1. On an iPhone, upload a photo from the library to a tour
        2. Save the tour

        Expected: the photo appears in the gallery
        Actual: a broken image icon; the file in storage is a HEIC that browsers can't show
      `,
    }),
    story(
      'guide-meeting-point-map',
      'As a guide, I want to drop a pin for the meeting point, so that guests find the exact spot',
      {
        prio: 'Medium',
        d: `
        Address search is not enough for a trailhead car park. Let guides place a pin and add directions ("Park at the
        upper car park, we meet at the info board").

        Acceptance criteria
        - Pin can be placed and moved on a satellite map
        - Coordinates shown in decimal degrees and what3words
        - Directions text up to 500 characters
      `,
      },
    ),
    story('guide-import-from-other-platform', 'Import tours from another booking platform', {
      prio: 'Medium',
      moscow: 'Should',
      bv: 13,
      reach: 180,
      impact: 2,
      conf: 50,
      d: `
        Many guides already have their tours on another platform or their own website. Re-typing them is the main reason
        they give up. Import from a URL where we can, or from a CSV.

        ## Acceptance criteria
        - CSV import with a downloadable template
        - Imported tours are drafts; nothing is published automatically
        - Photos are imported from URLs in the CSV
        - Errors per row are shown and the rest of the file still imports
      `,
    }),
    story(
      'guide-co-guides',
      'As a guide company, I want to add the guides who work for me, so that each tour shows who actually leads it',
      {
        prio: 'Medium',
        moscow: 'Should',
        d: `
        Small companies (2-10 guides) are 30% of our supply.

        ## Acceptance criteria
        - Company account can invite guides by email
        - Each departure has a lead guide from the company
        - Guests see the lead guide's profile and qualifications on the booking
        - Payouts go to the company, not the individual guide
      `,
      },
    ),
    story('guide-insurance-upload', 'Guides upload proof of liability insurance', {
      prio: 'High',
      labels: ['legal', 'trust'],
      ac: `
        Given a guide without a valid insurance document
        When they try to publish a tour
        Then publishing is blocked with a link to upload the document

        Given an insurance document that expires in 30 days
        When the daily check runs
        Then the guide is reminded by email
      `,
    }),
    story('guide-review-queue', 'As Trailhead staff, I want a queue of guide applications to review', {
      prio: 'High',
      comp: ['Guide Portal', 'Platform'],
      d: `
        Today we review applications from an email inbox. Applications get lost and guides wait 9 days on average.

        AC:
        1. Queue with oldest first, showing what is waiting (identity, qualification, insurance)
        2. Approve / reject with a reason template
        3. The guide is notified immediately
        4. Target: 90% of applications reviewed within 2 working days
      `,
    }),
    story('guide-welcome-call', 'Offer new guides a 20-minute welcome call', {
      prio: 'Lowest',
      d: `
        Calendly link in the welcome email. Manual, no development needed beyond the email text.
      `,
    }),
    story('guide-first-tour-tips', 'Show tips while creating the first tour', {
      prio: 'Low',
      d: `
        "Tours with 5+ photos get 2x more bookings", "Mention the difficulty clearly", and so on.
      `,
    }),
    story(
      'guide-tour-quality-score',
      'As a guide, I want to see how complete my tour page is, so that I know what to improve',
      {
        prio: 'Medium',
        moscow: 'Could',
        d: `
        ### Acceptance criteria
        - Score 0-100 based on photos, description length, itinerary, what's included, reviews
        - Each missing item links to where it can be fixed
        - Score is only visible to the guide, not to guests
      `,
      },
    ),
    bug('guide-bug-save-lost', 'Tour description lost when session expires during editing', {
      prio: 'High',
      d: `
        Guide wrote a long itinerary for 40 minutes, pressed Save, got sent to the login page and lost everything.

        **Expected:** draft is kept (autosave or restore after login)
        **Actual:** changes gone

        ✅ Acceptance criteria
        - The form saves a draft every 30 seconds while the guide types
        - After logging in again, the guide returns to the form with the draft restored
      `,
    }),
    bug('guide-bug-price-decimal', 'Price field rejects comma as decimal separator', {
      prio: 'Medium',
      d: `
        Guides in Germany, Austria, Norway type "89,50". We show "Please enter a valid number".

        Expected: accept both "89,50" and "89.50" depending on the guide's locale.
      `,
    }),
    story(
      'guide-business-details',
      'As a guide, I want to enter my business details once, so that they appear on invoices and receipts',
      {
        prio: 'Medium',
        comp: ['Guide Portal', 'Payments'],
        d: `
        Company name, address, VAT number (validated against VIES for EU numbers).

        AC: VAT numbers are validated and the details appear on all documents.
      `,
      },
    ),
    story('guide-referral', 'As a guide, I want to invite other guides and get a reward', {
      prio: 'Low',
      moscow: 'Could',
      labels: ['marketing'],
      d: `
        € 100 credit on commission when an invited guide completes their first 3 departures.

        Acceptance criteria: referral link, tracking, credit applied automatically, etc.
      `,
    }),
    story('guide-onboarding-emails', 'Send onboarding emails to guides who get stuck', {
      prio: 'Medium',
      labels: ['email'],
      d: `
        If a guide hasn't completed a step for 3 days, send a short email about that step. Max 3 emails.

        AC:
        - Emails stop as soon as the guide publishes a tour
        - Each email is about exactly one missing step
      `,
    }),
    story('guide-languages-portal', 'Guide portal in German, Italian and French', {
      prio: 'Medium',
      labels: ['i18n'],
      d: `
        The guide portal is English only. 45% of applicants are from DACH and Italy. Guest site is already translated.

        **Acceptance criteria**
        - All guide portal screens and emails available in DE, IT, FR
        - The guide chooses the language in their settings; default from the browser
      `,
    }),
    task('guide-verification-provider', 'Spike: compare identity verification providers', {
      prio: 'Medium',
      labels: ['spike'],
      d: `
        Current provider rejects ~20% of genuine guides (glare on ID, older passports). Compare two alternatives on
        cost, pass rate and supported documents. 2 days.
      `,
    }),
    story(
      'guide-tour-duplicate',
      'As a guide, I want to duplicate a tour, so that I can create a similar one quickly',
      {
        prio: 'Medium',
        d: `
        AC:
        1. "Duplicate" copies everything except departures and reviews
        2. The copy is a draft with "(copy)" in the title
        3. The copy keeps the photos and the prices and the cancellation policy and shows up in the dashboard
      `,
      },
    ),
    story('guide-public-availability-badge', 'Show "Responds within X hours" on guide profiles', {
      prio: 'Low',
      comp: ['Guide Portal', 'Search'],
      d: `
        Based on the median response time to messages and booking requests over the last 90 days.
      `,
    }),
    story('guide-offboarding', 'As a guide leaving Trailhead, I want to close my account cleanly', {
      prio: 'Low',
      d: `
        ## Acceptance criteria
        - Guide can only close the account when there are no future departures with bookings
        - Final payout is made, statements stay downloadable for 24 months
        - Profile and tours are removed from the site; reviews stay anonymised
      `,
    }),
    story('guide-terms-acceptance', 'Guides accept the guide terms on sign-up and when they change', {
      prio: 'High',
      status: 'Done',
      labels: ['legal'],
    }),
    story('guide-portal-dashboard', 'Guide dashboard with upcoming departures and recent bookings', {
      prio: 'High',
      status: 'Done',
      d: `
        - Next 5 departures with number of participants
        - Last 10 bookings
        - Messages waiting for a reply
      `,
    }),
    story('guide-tour-translations', 'As a guide, I want to offer my tour description in several languages', {
      prio: 'Medium',
      labels: ['i18n'],
      d: `
        Either written by the guide or machine-translated with a label "Automatically translated".

        Acceptance Criteria:
        - Guide can add a translation per language
        - Guests see their language if available, otherwise the original
        - Machine translations are clearly marked and can be edited
      `,
    }),
    story('guide-trip-report', 'Guides can post a short trip report after a departure', {
      prio: 'Lowest',
      moscow: "Won't",
      d: `
        Nice for the community but no clear value for bookings right now.
      `,
    }),
    story(
      'guide-emergency-contacts',
      "As a guide, I want to see participants' emergency contacts on the day of the trip",
      {
        prio: 'High',
        labels: ['safety'],
        d: `
        Collected at checkout (optional today — should it be required?).

        AC:
        - Emergency contact name and phone per participant on the departure list
        - Available offline in the guide app (see mobile epic)
      `,
      },
    ),
    story('guide-profile-video', 'Short intro video on the guide profile', {
      prio: 'Low',
    }),
    story(
      'guide-bulk-departures',
      'As a guide, I want to create many departures at once, so that I can publish my whole season in one go',
      {
        prio: 'High',
        moscow: 'Must',
        epic: 'epic-availability',
        d: `
        "Every Tuesday and Saturday from 1 June to 15 September, 08:00". Today guides add each date by hand.

        AC:
        - Repeat weekly on chosen weekdays between two dates
        - Skip specific dates (holidays)
        - Preview of the dates before creating them
      `,
      },
    ),
  ],
};
