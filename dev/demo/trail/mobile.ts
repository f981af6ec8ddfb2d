import { bug, epic, story, task, type EpicFile } from '../model';

export const mobile: EpicFile = {
  epic: epic('epic-mobile', 'Mobile app', 'Mobile App', {
    defaultTeam: 'Summit',
    release: '2027.2',
    status: 'In Progress',
    prio: 'High',
    bv: 13,
    tc: 5,
    rr: 5,
    labels: ['mobile'],
    childLabels: ['mobile'],
    d: `
      ## Why an app
      58% of bookings start on a phone, but the trip itself is where the app matters: no signal at the trailhead, the
      guest needs their ticket, the meeting point and the guide's number. Guides need their participant list offline.

      ## Guest app (iOS + Android, React Native)
      - Browse and book (same as mobile web, reuses the API)
      - Trips: tickets, meeting point, what to bring, offline
      - Messages with the guide, push notifications

      ## Guide mode
      - Today's departures, participant list with emergency contacts, check-in

      :::note
      We decided against a separate guide app for now (see decision log, 14 May).
      :::
    `,
  }),
  items: [
    story(
      'mobile-offline-ticket',
      'As a guest, I want my ticket and meeting point available offline, so that I can show them at the trailhead without signal',
      {
        sprint: 'active',
        status: 'In Review',
        prio: 'High',
        moscow: 'Must',
        sp: 5,
        bv: 13,
        tc: 8,
        rr: 5,
        assignee: 'dev',
        d: `
          ## Acceptance criteria
          - Trips in the next 14 days are stored on the device when the app is opened with a connection
          - Ticket QR code, meeting point map tile, directions, guide's phone number and what to bring work in airplane mode
          - A banner says "Offline · last updated 2 hours ago" when there is no connection
          - Cancelled bookings are removed from the device the next time the app connects
        `,
      },
    ),
    story('mobile-login', 'As a guest, I want to log in with email link, Apple or Google in the app', {
      status: 'Done',
      prio: 'High',
      d: `
        AC: same accounts as the website; magic link opens the app if installed.
      `,
    }),
    story('mobile-browse-book', 'As a guest, I want to search and book tours in the app', {
      status: 'Done',
      sprint: 'closed',
      prio: 'High',
      d: `
        Parity with mobile web for search, tour page and checkout. Apple Pay / Google Pay comes later.
      `,
    }),
    story('mobile-push-permission', 'Ask for push notification permission at a useful moment', {
      prio: 'Medium',
      comp: ['Mobile App', 'Notifications'],
      d: `
        Not on first launch. Ask after the first booking: "Get a message if your guide changes the meeting point?"

        AC:
        - Permission prompt only after a booking or when following a guide
        - If declined, don't ask again for 30 days
      `,
    }),
    story('mobile-trips-tab', 'As a guest, I want a Trips tab with my upcoming and past trips', {
      prio: 'High',
      status: 'Done',
      d: `
        Upcoming sorted by date, past trips below with a "Review" button if not reviewed yet.
      `,
    }),
    story('mobile-guide-checkin', 'As a guide, I want to check in participants by scanning their ticket', {
      prio: 'High',
      moscow: 'Should',
      bv: 8,
      tc: 5,
      rr: 8,
      comp: ['Mobile App', 'Guide Portal'],
      d: `
        ## Acceptance criteria
        1. Guide mode shows today's departures
        2. Scanning a ticket marks the booking's participants as present; already scanned shows a warning
        3. Works offline; check-ins sync when back online
        4. Guide can mark a participant as present by hand (forgotten phone)
        5. After the start time + 30 min, unchecked participants can be marked "no-show"
      `,
    }),
    story(
      'mobile-guide-participant-list',
      'As a guide, I want my participant list with emergency contacts offline',
      {
        prio: 'Highest',
        moscow: 'Must',
        labels: ['safety'],
        comp: ['Mobile App', 'Guide Portal'],
        d: `
        **Acceptance Criteria:**
        - Participant names, ages, custom answers (e.g. height, dietary), emergency contacts
        - Available offline for departures in the next 3 days
        - Tap a phone number to call
        - Data is deleted from the device 7 days after the departure
      `,
      },
    ),
    story('mobile-messages', 'As a guest, I want to message my guide from the app', {
      prio: 'Medium',
      comp: ['Mobile App', 'Notifications'],
      d: `
        Same conversations as on the website. Push notification for new messages.

        ## Acceptance criteria
        - Conversation list and conversation view
        - New messages arrive within 10 seconds while the app is open, as a push otherwise
        - Messages typed offline are sent when back online
      `,
    }),
    story('mobile-deep-links', 'Deep links from emails open the app', {
      prio: 'Medium',
      d: `
        Universal links (iOS) and App Links (Android) for tour pages, bookings and messages.

        AC:
        - Links open the right screen if the app is installed, the website otherwise
        - Works from Gmail and Apple Mail
      `,
    }),
    story('mobile-dark-mode', 'Dark mode', {
      prio: 'Lowest',
      moscow: 'Could',
      d: `
        Follow the system setting. Maps stay light.
      `,
    }),
    bug('mobile-bug-android-back', 'Android back button closes the app from the booking screen', {
      prio: 'High',
      d: `
        **Steps to reproduce**
        1. Open a tour
        2. Tap "Book"
        3. Press the Android back button

        **Expected:** back to the tour page
        **Actual:** the app closes

        Android 13 and 14, Pixel and Samsung.
      `,
    }),
    bug('mobile-bug-ios-keyboard', 'Keyboard covers the Pay button on iPhone SE', {
      prio: 'Medium',
      d: `
        On small iPhones the keyboard hides the Pay button and the screen doesn't scroll.
      `,
    }),
    bug(
      'mobile-bug-map-crash',
      'App crashes when opening the meeting point map without location permission',
      {
        sprint: 'future',
        prio: 'Highest',
        d: `
        Crash rate 1.8% of sessions on iOS since 2.3.0.

        1. Deny location permission
        2. Open a booking
        3. Tap the meeting point map

        Expected: map shows the meeting point without the user's location
        Actual: crash (Crashlytics issue attached)

        ## Acceptance criteria
        - Opening the map without location permission shows the meeting point and no crash
        - Crash-free sessions back above 99.5% on iOS within a week of the release
      `,
      },
    ),
    story('mobile-weather-forecast', 'As a guest, I want the weather forecast for my trip in the app', {
      prio: 'Low',
      moscow: 'Could',
      d: `
        Forecast for the meeting point from 5 days before the trip. Mountain weather at altitude if we can get it.

        AC:
        - Forecast shown from 5 days before the trip
        - Shows temperature, wind, precipitation etc.
      `,
    }),
    story('mobile-share-trip', 'Share trip details with family', {
      prio: 'Low',
      labels: ['safety'],
      d: `
        Guests want to tell someone where they'll be. Share a link with the tour, meeting point, guide name and expected return time.

        Acceptance criteria
        [ ] Share link with tour, date, meeting point, guide's name and expected return time
        [ ] The link stops working 24 hours after the trip ends
      `,
    }),
    story('mobile-app-store-listing', 'App store listing and screenshots', {
      prio: 'Medium',
      labels: ['marketing'],
      d: `
        Localised screenshots for EN, DE, IT, FR. Short and long descriptions.
      `,
    }),
    task('mobile-crash-reporting', 'Set up crash reporting and release health alerts', {
      status: 'Done',
      prio: 'High',
      d: `
        [x] Crashlytics on iOS and Android
        [x] Source maps for JS errors
        [x] Alert when crash-free sessions drop below 99.5%
      `,
    }),
    task('mobile-rn-upgrade', 'Upgrade React Native to the current release', {
      prio: 'Medium',
      labels: ['tech-debt'],
      d: `
        We're two major versions behind; Android target SDK requirement in the Play Store applies from next August.
      `,
    }),
    story('mobile-biometric-login', 'As a guest, I want to unlock the app with Face ID', {
      prio: 'Low',
      d: `
        Optional, for guests who keep payment methods saved.
      `,
    }),
    story('mobile-photo-sharing', 'As a guide, I want to share trip photos with my group after the tour', {
      prio: 'Low',
      moscow: "Won't",
      d: `
        Participants love this but storage and moderation costs are unclear. Later.
      `,
    }),
    story('mobile-calendar-sync', 'As a guide, I want my departures in my phone calendar', {
      prio: 'Medium',
      comp: ['Mobile App', 'Guide Portal'],
      d: `
        Calendar subscription (ICS feed) with all departures and number of participants.

        AC:
        - New bookings update the event within 1 hour
        - Feed URL can be reset if leaked
      `,
    }),
    story('mobile-rate-app-prompt', 'Ask happy guests to rate the app', {
      prio: 'Low',
      d: `
        After a 5-star review, ask for an app store rating using the native prompt.
      `,
    }),
    story('mobile-tablet-layout', 'Tablet layout for guide mode', {
      prio: 'Lowest',
    }),
    story('mobile-force-update', 'Force update when the app version is no longer supported', {
      prio: 'High',
      labels: ['tech-debt'],
      d: `
        We need this before the next breaking API change.

        ### Acceptance criteria
        - The API returns the minimum supported app version
        - Below it, the app shows a full-screen "Please update" with a store link
        - Between minimum and recommended, a dismissible banner
      `,
    }),
    story(
      'mobile-accessibility-screenreader',
      'As a blind guest, I want to book a tour with VoiceOver or TalkBack',
      {
        prio: 'High',
        labels: ['a11y', 'mobile'],
        epic: 'epic-a11y',
        comp: ['Mobile App'],
        d: `
        ## Acceptance criteria
        - Every interactive element has an accessible label
        - The booking flow can be completed with VoiceOver (iOS) and TalkBack (Android) in a test with a screen reader user
        - Focus order follows the visual order
        - Date picker announces the selected date and available/unavailable days
      `,
      },
    ),
    story('mobile-emergency-button', 'Emergency info screen during a trip', {
      prio: 'Medium',
      labels: ['safety'],
      d: `
        During a departure: local emergency number (112, etc.), the guide's phone, and the current GPS coordinates to read out.

        ### Acceptance criteria
        - Visible from the trip screen from 1 hour before the start to 2 hours after the planned end
        - Emergency number is correct for the country of the meeting point
        - Coordinates work without a data connection (GPS only)
      `,
    }),
    story(
      'mobile-wishlist-sync',
      'As a guest, I want my saved tours to sync between the app and the website',
      {
        prio: 'Low',
        comp: ['Mobile App', 'Search'],
        d: `
        AC: saved tours are the same on the website and in the app within 1 minute.
      `,
      },
    ),
    story('mobile-onboarding', 'App onboarding screens', {
      prio: 'Low',
      d: `
        Three screens explaining: find a guide, book safely, everything offline on the day. Skippable.

        AC: the onboarding screens look good and users understand the app.
      `,
    }),
    bug('mobile-bug-push-duplicate', 'Push notifications arrive twice on Android', {
      prio: 'Medium',
      comp: ['Mobile App', 'Notifications'],
      d: `
        Expected: one notification per message. Actual: two, a few seconds apart. Only on Android, since the FCM SDK update.
      `,
    }),
    story('mobile-app-size', 'Reduce the app download size below 40 MB', {
      prio: 'Low',
      labels: ['performance'],
      d: `
        Currently 78 MB on iOS. Large map assets and three icon fonts.
      `,
    }),
    task('mobile-e2e-tests', 'Automated end-to-end tests for the booking flow on both platforms', {
      prio: 'Medium',
      labels: ['tech-debt', 'testing'],
      d: `
        Detox or Maestro, run on every release branch.

        1. Search → tour → book with a test card
        2. Open trip offline
        3. Cancel booking
      `,
    }),
  ],
};
