import { bug, epic, story, task, type EpicFile } from '../model';

export const availability: EpicFile = {
  epic: epic('epic-availability', 'Guide calendar & availability', 'Guide Portal', {
    defaultTeam: 'Switchback',
    release: '2027.1',
    status: 'In Progress',
    prio: 'High',
    bv: 13,
    tc: 13,
    rr: 8,
    d: `
      Guides work with several booking channels, a paper diary and the weather. If the availability on Trailhead is
      wrong, guests book dates the guide can't do and the guide cancels: 7% of our cancellations last season were
      "guide not available", the worst kind for trust.

      ## In this epic
      - Seasonal schedules and bulk departures
      - Blocking dates (holidays, other bookings)
      - Calendar sync with Google / Outlook / iCal
      - Capacity per departure and per guide
    `,
  }),
  items: [
    story(
      'avail-seasonal',
      'As a guide, I want to set seasonal opening periods for each tour, so that guests cannot book outside the season',
      {
        sprint: 'carried',
        status: 'In Progress',
        prio: 'High',
        moscow: 'Must',
        sp: 5,
        bv: 13,
        tc: 13,
        rr: 5,
        assignee: 'po',
        d: `
          ## Acceptance criteria
          1. A tour can have one or more seasons (start and end date, repeating yearly)
          2. Departures outside the season can't be created and are hidden from search
          3. Outside the season, the tour page shows "Next season starts 1 June" and a "Notify me" button
          4. Existing bookings outside a newly set season stay valid; the guide is warned about them
        `,
      },
    ),
    story('avail-block-dates', 'As a guide, I want to block dates when I am not available', {
      sprint: 'future',
      prio: 'High',
      moscow: 'Must',
      d: `
        **Acceptance criteria**
        - Block a single day or a range, with an optional note (only visible to the guide)
        - Blocked dates hide all the guide's departures on those dates from search and booking
        - If a blocked date has bookings, the guide must cancel them or undo the block
      `,
    }),
    story(
      'avail-google-calendar-sync',
      'As a guide, I want my Google Calendar events to block my Trailhead availability',
      {
        prio: 'High',
        moscow: 'Should',
        bv: 13,
        tc: 8,
        rr: 13,
        reach: 220,
        impact: 2,
        conf: 80,
        d: `
        Two-way sync is out of scope; we read busy times only.

        ### Acceptance criteria
        - Guide connects a Google account and selects which calendars count as busy
        - Busy events block departures that overlap them within 10 minutes of the event being created
        - Trailhead departures with bookings are written to a separate "Trailhead" calendar
        - Disconnecting removes our access token and the Trailhead calendar
      `,
      },
    ),
    story('avail-outlook-sync', 'Outlook / Microsoft 365 calendar sync', {
      prio: 'Medium',
      d: `
        Same as the Google sync, for Microsoft 365. About 25% of guides asked for it in the survey.

        Acceptance criteria: same as the Google Calendar sync.
      `,
    }),
    story('avail-ical-feed-import', 'Import availability from an iCal feed (other booking platforms)', {
      prio: 'Medium',
      moscow: 'Should',
      d: `
        Many guides also sell on other platforms that offer an iCal export. Polling every 15 minutes would prevent most double bookings.

        AC:
        - Guide pastes an iCal URL
        - Events in the feed block departures that overlap
        - Sync status and last sync time are shown; errors are emailed to the guide
      `,
    }),
    story('avail-capacity-per-departure', 'As a guide, I want to change the capacity of a single departure', {
      prio: 'Medium',
      d: `
        E.g. a second guide joins, so capacity goes from 8 to 14 for one date.

        Acceptance criteria
        - Capacity can be increased at any time
        - Capacity can't go below the number of booked participants
      `,
    }),
    story('avail-calendar-view', 'As a guide, I want a month view of all my departures and bookings', {
      prio: 'High',
      status: 'Done',
      sprint: 'closed',
      d: `
        AC:
        - Month and week view
        - Departures show booked / capacity
        - Click opens the participant list
      `,
    }),
    story('avail-cutoff-time', 'As a guide, I want to stop bookings a number of hours before the start', {
      prio: 'Medium',
      d: `
        Default 12 hours, configurable per tour from 0 to 7 days. Guests see "Book until Friday 18:00".

        Given a tour with a 24-hour cutoff
        When a guest opens a departure that starts in 20 hours
        Then the departure is shown as "Booking closed"
      `,
    }),
    story('avail-private-slots', 'Offer time slots for private tours instead of fixed departures', {
      prio: 'Medium',
      moscow: 'Could',
      d: `
        For private tours, guides define available time windows and guests pick a start time.

        AC:
        1. Guide defines weekly time windows and the duration of the private tour
        2. Guests see start times every 30 minutes within the windows
        3. A booked slot blocks overlapping slots including a 60-minute buffer
      `,
    }),
    bug('avail-bug-dst', 'Departures shift by one hour after the daylight saving change', {
      sprint: 'future',
      prio: 'Highest',
      d: `
        Departures created in summer for dates after 25 October show one hour later than the guide set.

        **Steps to reproduce**
        1. In August, create a departure for 2 November at 08:00 (Europe/Oslo)
        2. Look at the tour page

        **Expected:** 08:00
        **Actual:** 09:00

        We store local time with the summer offset. Two groups arrived an hour late last weekend.

        **Acceptance Criteria:**
        | Given | When | Then |
        |---|---|---|
        | a departure created in August for 2 November at 08:00 Europe/Oslo | a guest opens the tour page | the start time shows 08:00 |
        | a departure on the night of the clock change at 02:30 | the guide saves it | the guide is asked to pick 02:30 before or after the change |
        | existing departures with the wrong offset | the fix is deployed | they are corrected and affected guests are emailed the right time |
      `,
    }),
    bug('avail-bug-calendar-overlap', "Blocked dates don't hide departures that start the evening before", {
      prio: 'Medium',
      d: `
        Overnight tours starting at 18:00 the day before a blocked date are still bookable.
      `,
    }),
    story(
      'avail-weather-hold',
      'As a guide, I want to put a departure "on weather hold" and decide by a deadline',
      {
        prio: 'Medium',
        moscow: 'Should',
        labels: ['safety'],
        d: `
        Guests get a message "Your guide will confirm by 18:00 tomorrow whether the trip goes ahead".

        ## Acceptance criteria
        - Guide sets a decision deadline (at most 48 hours before the start)
        - Guests are notified immediately and again at the decision
        - If the guide does nothing by the deadline, the departure goes ahead and support is alerted
      `,
      },
    ),
    story('avail-multi-guide-capacity', 'Capacity based on number of guides available', {
      prio: 'Low',
      d: `
        For companies: each guide can lead up to N participants; departure capacity follows the guides assigned.

        Given a company tour with 2 guides assigned and 6 participants per guide
        When a third guide is assigned
        Then the departure capacity becomes 18
      `,
    }),
    story('avail-availability-api', 'Public API for availability', {
      prio: 'Low',
      moscow: "Won't",
      d: `
        For partners and guides' own websites. Not this year.
      `,
    }),
    story('avail-embed-widget', 'As a guide, I want a booking widget for my own website', {
      prio: 'Medium',
      moscow: 'Could',
      bv: 8,
      reach: 120,
      impact: 2,
      conf: 50,
      d: `
        A script tag the guide copies into their site, showing the calendar and a "Book" button that opens our checkout.

        AC:
        - Widget works on any site (no dependency on the host page's CSS)
        - Bookings through the widget have a lower commission (8%)
        - The widget looks good and is easy to install
      `,
    }),
    story('avail-resource-equipment', 'Track equipment capacity (kayaks, harnesses) per departure', {
      prio: 'Low',
      d: `
        A guide has 6 double kayaks; two tours on the same day share them.
      `,
    }),
    story('avail-copy-week', 'Copy a week of departures to another week', {
      prio: 'Low',
      d: `
        Guides asked for this at the summit. When they copy it, it should keep them and update the others accordingly.
      `,
    }),
    task('avail-timezone-migration', 'Migrate departure times to UTC + IANA time zone', {
      prio: 'High',
      labels: ['tech-debt'],
      reporter: 'dev',
      d: `
        Root cause of the DST bug. Store start time as local date-time + tour time zone, derive UTC when needed.

        1. Add columns, backfill from the tour's meeting point time zone
        2. Dual write for one release
        3. Switch reads
        4. Drop old columns

        :warning: Needs a maintenance window for step 1 (about 20 minutes).
      `,
    }),
    story('avail-last-minute-discount', 'Last-minute discount for departures with free spots', {
      prio: 'Low',
      labels: ['marketing'],
      d: `
        Guides can set a discount that applies automatically 72 hours before the start if there are free spots.
      `,
    }),
    story('avail-guide-vacation-mode', 'Vacation mode', {
      prio: 'Low',
      d: `
        One switch that hides all departures for a period and answers messages with an auto-reply.

        ✅ Acceptance criteria
        - Vacation mode has a start and end date
        - Departures with bookings in the period must be handled before it can be switched on
      `,
    }),
    story('avail-next-available-date', 'Show the next available date on tour cards', {
      prio: 'Medium',
      comp: ['Search'],
    }),
    story(
      'avail-sync-conflicts',
      'Warn guides about conflicts between synced calendars and booked departures',
      {
        prio: 'Medium',
        d: `
        If a calendar event appears that overlaps a departure that already has bookings, we can't just hide it.

        AC:
        - Email and dashboard warning with the departure and the conflicting event
        - The guide can keep the departure or cancel it with refunds
      `,
      },
    ),
  ],
};
