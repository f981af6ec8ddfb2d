import { bug, epic, story, task, type EpicFile } from '../model';

export const a11yPerf: EpicFile = {
  epic: epic('epic-a11y', 'Accessibility & performance', 'Platform', {
    defaultTeam: 'Basecamp',
    release: '2027.2',
    prio: 'High',
    bv: 8,
    tc: 13,
    rr: 13,
    labels: ['a11y', 'performance'],
    d: `
      Two goals that share one theme: everyone can use Trailhead, on any device and connection.

      ## Accessibility
      The European Accessibility Act applies to our booking flow from June 2025; an external audit in September found
      34 issues, 9 of them "critical" (keyboard traps, missing labels, contrast). Target: WCAG 2.2 AA on the guest site.

      ## Performance
      Core Web Vitals on mobile: LCP 4.1 s, INP 380 ms, CLS 0.21 (75th percentile). Target: all "good"
      (LCP ≤ 2.5 s, INP ≤ 200 ms, CLS ≤ 0.1).
    `,
  }),
  items: [
    story(
      'a11y-checkout-keyboard',
      'As a keyboard user, I want to complete checkout without a mouse, so that I can book a tour on my own',
      {
        sprint: 'active',
        status: 'To Do',
        prio: 'High',
        moscow: 'Must',
        sp: 5,
        bv: 8,
        tc: 13,
        rr: 13,
        labels: ['a11y'],
        comp: ['Booking'],
        d: `
          From the audit: the date picker and the participant stepper are keyboard traps (findings A-03, A-07).

          ### Acceptance criteria
          - Every step of checkout can be completed with Tab, Shift+Tab, Enter, Space and arrow keys only
          - No keyboard traps: focus can always leave a component
          - Focus is visible on every interactive element (3:1 contrast against the background)
          - After moving to the next step, focus goes to the step's heading
        `,
      },
    ),
    story('a11y-contrast', 'Fix colour contrast issues from the accessibility audit', {
      prio: 'High',
      labels: ['a11y', 'design'],
      d: `
        12 findings, mostly grey text on light backgrounds and white text on photos.

        AC: all text meets 4.5:1 (3:1 for large text) as measured with the contrast checker.
      `,
    }),
    story('a11y-form-labels', 'All form fields have visible labels and error messages linked to them', {
      prio: 'High',
      labels: ['a11y'],
      d: `
        ## Acceptance criteria
        - Every input has a visible label (placeholders are not labels)
        - Errors are announced by screen readers and linked with aria-describedby
        - Error summary at the top of the form on submit, with links to the fields
      `,
    }),
    story('a11y-alt-text', 'As a screen reader user, I want photos to have useful descriptions', {
      prio: 'Medium',
      labels: ['a11y'],
      comp: ['Guide Portal'],
      d: `
        Guides upload photos without descriptions. Ask for a short description on upload and suggest one automatically.

        AC:
        - Description field on upload (optional, with a suggestion)
        - Decorative images have empty alt
        - Tour cover photos without a description use "Photo of <tour title>"
      `,
    }),
    story('a11y-date-picker', 'Accessible date picker', {
      prio: 'High',
      labels: ['a11y'],
      d: `
        Replace our custom date picker with an accessible one that also lets people type a date.
      `,
      ac: `
        | Given | When | Then |
        |---|---|---|
        | focus is on the date field | I press the down arrow | the calendar opens and focus is on today or the selected date |
        | the calendar is open | I press the arrow keys | focus moves by day (left/right) and by week (up/down) |
        | I am using a screen reader | I move to a date with no departures | it is announced as "not available" |
        | the calendar is open | I press Escape | the calendar closes and focus returns to the field |
      `,
    }),
    story('a11y-skip-link', 'Add a "Skip to content" link', {
      prio: 'Low',
      labels: ['a11y'],
    }),
    story('a11y-map-alternative', 'Text alternative for map-only information', {
      prio: 'Medium',
      labels: ['a11y'],
      comp: ['Search'],
      d: `
        Meeting points and search-by-map are map-only today. Provide the same information as text.

        Acceptance criteria
        - Meeting point address, coordinates and directions are always shown as text
        - The map search has a list view with the same results
      `,
    }),
    story('a11y-statement', 'Publish an accessibility statement', {
      prio: 'Medium',
      labels: ['a11y', 'legal'],
      due: '2026-12-15',
      d: `
        Required by the EAA. Lists conformance level, known issues and a contact for problems.

        ## Acceptance criteria
        - Statement page linked from the footer on every page
        - Lists known issues with planned fix dates
        - Contact form for accessibility problems answered within 5 working days
      `,
    }),
    story('a11y-reduced-motion', 'Respect reduced motion settings', {
      prio: 'Low',
      labels: ['a11y'],
      d: `
        Disable the photo carousel auto-play and parallax headers when prefers-reduced-motion is set.

        AC: no animation longer than 200 ms when reduced motion is set.
      `,
    }),
    story('a11y-screenreader-tour-page', 'Tour page structure works for screen readers', {
      prio: 'Medium',
      labels: ['a11y'],
      d: `
        Headings in the right order, landmarks, price and "Book" announced together.

        ✅ Acceptance criteria
        1. One h1 (tour title), sections as h2
        2. Price, duration and difficulty are in a description list
        3. Tested with NVDA + Firefox and VoiceOver + Safari
      `,
    }),
    task('a11y-automated-checks', 'Run automated accessibility checks in CI', {
      prio: 'Medium',
      labels: ['a11y', 'testing'],
      reporter: 'dev',
      d: `
        axe-core on the 10 main pages in the Playwright suite. Fail the build on new serious/critical violations.
      `,
    }),
    story(
      'perf-lcp-tour-page',
      'As a guest on a phone, I want tour pages to load fast, so that I do not give up before I see the tour',
      {
        prio: 'High',
        moscow: 'Must',
        labels: ['performance', 'mobile'],
        bv: 13,
        tc: 8,
        rr: 5,
        reach: 41000,
        impact: 1,
        conf: 80,
        d: `
        ## Acceptance criteria
        - LCP of the tour page ≤ 2.5 s at the 75th percentile on mobile (field data, 28 days)
        - Cover photo served in AVIF/WebP with the right size for the viewport
        - The cover photo is preloaded; other photos are lazy-loaded
        - No layout shift when the price and availability load
      `,
      },
    ),
    story('perf-image-cdn', 'Serve all images through an image CDN with automatic resizing', {
      prio: 'High',
      labels: ['performance'],
      d: `
        Guides upload 8-12 MB photos; we serve them at full size on the tour page gallery.

        ### Acceptance criteria
        - All image URLs go through the CDN with width and format parameters
        - Images are served as AVIF or WebP where the browser supports them
        - Total image bytes on the tour page down by at least 60% on mobile
      `,
    }),
    story('perf-js-bundle', 'Reduce JavaScript on the tour page', {
      prio: 'Medium',
      labels: ['performance', 'tech-debt'],
      d: `
        830 KB of JS (gzipped) on the tour page, of which the map library is 310 KB and only used below the fold.

        AC: the site should be faster.
      `,
    }),
    story('perf-cls-search', 'Fix layout shift on search results', {
      prio: 'Medium',
      labels: ['performance'],
      comp: ['Search'],
      d: `
        Cards jump when the "Next date" loads. Reserve the space.

        Given the results page is loading
        When the availability dates arrive
        Then no card moves
      `,
    }),
    story('perf-api-caching', 'Cache tour pages at the edge', {
      prio: 'Medium',
      labels: ['performance'],
      d: `
        Tour content changes rarely; availability often. Cache the HTML for 5 minutes and load availability separately.

        ### Acceptance criteria
        - Cache hit rate above 80% for tour pages
        - A guide's edit is visible to guests within 5 minutes
        - Availability and price are never served from the HTML cache
      `,
    }),
    story('perf-inp', 'Improve responsiveness of filters (INP)', {
      prio: 'Medium',
      labels: ['performance'],
      comp: ['Search'],
      d: `
        Changing a filter blocks the main thread for ~400 ms on mid-range Android phones.

        AC:
        - INP of the search page ≤ 200 ms at the 75th percentile on mobile
        - Filter changes are debounced and results render without blocking input
      `,
    }),
    task('perf-monitoring', 'Real user monitoring for Core Web Vitals', {
      status: 'Done',
      prio: 'High',
      labels: ['performance'],
      d: `
        [x] web-vitals library sending to analytics
        [x] Dashboard per page type and device

        AC: dashboard shows LCP, INP and CLS at the 75th percentile per page type.
      `,
    }),
    bug('perf-bug-memory-leak', 'Search page gets slower the longer it stays open', {
      prio: 'Medium',
      labels: ['performance'],
      comp: ['Search'],
      d: `
        Memory grows by ~50 MB every 10 filter changes; map markers are never removed. After ~15 minutes the tab becomes sluggish.

        Expected: memory stays flat. Actual: grows until the tab crashes on low-memory phones.
      `,
    }),
    story('perf-db-indexes', 'Add missing database indexes for availability queries', {
      prio: 'High',
      labels: ['performance', 'tech-debt'],
      d: `
        Departures table has 120k rows; the availability query does a sequential scan. p95 of the availability endpoint is 1.9 s.

        AC:
        - p95 of GET /tours/:id/availability below 300 ms
        - No query on the departures table takes more than 100 ms in the slow query log for a week
      `,
    }),
    story('perf-fonts', 'Self-host fonts and subset them', {
      prio: 'Low',
      labels: ['performance'],
      d: `
        Acceptance criteria: fonts should not block rendering and the text should not flash or jump.
      `,
    }),
    story('a11y-language-attributes', 'Mark the language of translated content', {
      prio: 'Low',
      labels: ['a11y', 'i18n'],
      d: `
        Tour descriptions in another language than the page need a lang attribute so screen readers pronounce them correctly.
      `,
    }),
    story('a11y-zoom', 'Pages work at 200% zoom and 320 px width', {
      prio: 'Medium',
      labels: ['a11y'],
      d: `
        AC: no horizontal scrolling and no cut-off content at 320 CSS px width; it should just work.
      `,
    }),
    story('a11y-guide-portal', 'Accessibility audit of the guide portal', {
      prio: 'Low',
      labels: ['a11y'],
      comp: ['Guide Portal'],
      d: `
        The audit only covered the guest site. We have at least one guide who uses a screen reader.
      `,
    }),
    story('perf-offline-web', 'Basic offline support on mobile web (service worker)', {
      prio: 'Low',
      labels: ['performance', 'mobile'],
      moscow: 'Could',
      d: `
        Cache the booking page for upcoming trips so guests without the app can open it without signal.
      `,
    }),
    bug('a11y-bug-modal-focus', 'Focus escapes the login modal', {
      prio: 'Medium',
      labels: ['a11y'],
      d: `
        Tab from the last field in the login modal goes to the page behind it. Screen reader users don't know the modal is open.

        **Expected:** focus stays inside the modal until it's closed; Esc closes it
      `,
    }),
    story('perf-load-testing', 'Load test the booking flow before the spring campaign', {
      prio: 'High',
      labels: ['performance'],
      due: '2027-02-15',
      comp: ['Booking', 'Platform'],
      d: `
        Last spring the site was slow for two hours after the newsletter went out.

        Acceptance criteria:
        - 500 concurrent checkouts with p95 response time under 1 s
        - No errors other than "sold out"
        - Results written up with the bottlenecks we found
      `,
    }),
  ],
};
