import { bug, epic, story, task, type EpicFile } from '../model';

export const search: EpicFile = {
  epic: epic('epic-search', 'Tour discovery & search', 'Search', {
    defaultTeam: 'Pathfinders',
    release: '2027.1',
    status: 'In Progress',
    prio: 'High',
    bv: 20,
    tc: 8,
    rr: 5,
    labels: ['web', 'seo'],
    d: `
      ## Why
      Most guests arrive with a place and a weekend in mind, not with a guide's name. Today 61% of sessions
      that start a search end without opening a single tour page. This epic makes it easy to go from
      "somewhere near Chamonix, next Saturday, not too hard" to a short list of tours that can actually be booked.

      ## Scope
      - Location search (place names, map area, "near me")
      - Filters: dates, activity, difficulty, price, group size, language
      - Sorting and relevance
      - Landing pages that search engines can index

      ## Out of scope
      - Personalised recommendations (see the discovery experiments later in the year)

      ## Success measures
      - Search-to-tour-page rate from 39% to 55%
      - Search-to-booking rate from 2.1% to 3%
    `,
  }),
  items: [
    story(
      'search-place-autocomplete',
      'As a guest, I want place names to autocomplete while I type, so that I find tours without knowing the exact spelling',
      {
        status: 'Done',
        prio: 'High',
        labels: ['web'],
        d: `
          Guests type "Chamoni", "Lofotn", "Dolomiti". We should suggest places as they type, using the places
          table we already geocoded for tour meeting points.

          ### Acceptance criteria
          - Suggestions appear after 2 characters
          - Up to 8 suggestions, towns before regions before countries
          - Misspellings within one edit still match ("Lofotn" suggests "Lofoten")
          - Keyboard: arrow keys move, Enter selects, Esc closes
        `,
      },
    ),
    story(
      'search-map-area',
      'As a hiker, I want to search by dragging the map, so that I can see tours in the area I am exploring',
      {
        prio: 'Medium',
        labels: ['web'],
        d: `
        Many guests don't know the name of the valley they want. Let them pan and zoom the map and show tours whose
        meeting point is inside the visible area.

        **Acceptance Criteria:**
        1. A "Search this area" button appears after the map moves by more than 20% of its width
        2. Results contain only tours whose meeting point lies inside the visible bounds
        3. The list and the pins show the same tours in the same order
        4. Zooming out beyond country level shows clusters, not individual pins
      `,
      },
    ),
    story(
      'search-date-filter-bookable',
      'As a guest, I want the date filter to show only tours with free spots on those dates, so that I do not fall in love with a full tour',
      {
        sprint: 'active',
        status: 'To Do',
        prio: 'High',
        moscow: 'Must',
        bv: 13,
        tc: 8,
        rr: 3,
        sp: 5,
        d: `
          Right now the date filter checks whether a tour _runs_ on a date, not whether it still has spots. Support
          sees about 40 tickets a month from guests who picked a tour and found it sold out at checkout.

          ## Acceptance criteria
          Given a departure on 14 June with 0 free spots
          When I filter for 14 June
          Then that tour is not in the results

          Given a departure on 14 June with 2 free spots
          And I set the group size to 3
          When I filter for 14 June
          Then that tour is not in the results

          Given a tour with a departure on 14 June that has free spots
          When I filter for 13-15 June
          Then the tour is shown with "14 Jun" as its next date
        `,
      },
    ),
    story(
      'search-difficulty-filter',
      'As a hiker, I want to filter tours by difficulty, so that I only see trips that match my fitness',
      {
        prio: 'Medium',
        moscow: 'Should',
        d: `
        Guides already grade tours 1-5 (easy to very demanding) but search ignores it.

        AC:
        - Filter with the five grades as checkboxes
        - Grade shown on every result card
        - Tours without a grade are shown when no grade is selected, hidden otherwise
      `,
      },
    ),
    story('search-activity-type', 'Filter by activity type', {
      prio: 'Medium',
      d: `
        Hiking, kayaking, climbing, via ferrata, ski touring, canyoning, etc.

        Acceptance criteria: the filter works and the results update.
      `,
    }),
    story(
      'search-price-range',
      'As a budget traveller, I want to set a price range, so that I only see tours I can afford',
      {
        prio: 'Low',
        moscow: 'Could',
        d: `
          ## Acceptance criteria
          - Slider with min and max, defaults to the cheapest and most expensive tour in the current results
          - Prices are compared per person, in the guest's currency
          - Tours priced per group are converted using the selected group size
        `,
      },
    ),
    story(
      'search-sort-options',
      'As a guest, I want to sort results by price, rating or next date, so that I can compare tours quickly',
      {
        sprint: 'closed',
        rank: 'low',
        prio: 'Medium',
        d: `
        Default stays "Recommended". Add "Price: low to high", "Price: high to low", "Rating", "Next available date".

        ### Acceptance criteria
        [ ] Sort menu with the five options
        [ ] Selected sort is kept in the URL so a shared link shows the same order
        [ ] Tours with fewer than 3 reviews sort after rated tours when sorting by rating
      `,
      },
    ),
    story('search-relevance-v2', 'Improve search relevance', {
      prio: 'High',
      moscow: 'Must',
      rank: 'high',
      d: `
        Results feel random. Guests searching "kayak Norway" get hiking tours in Sweden on page one.

        We should make the results better and more relevant. Ideas: weight the title more, boost tours with
        good reviews, penalise tours with no departures.

        ✅ Acceptance criteria
        - Results are relevant
        - Search is fast
        - Works for all languages etc.
      `,
    }),
    story(
      'search-no-results',
      'As a guest, I want helpful suggestions when my search has no results, so that I do not leave the site',
      {
        prio: 'Medium',
        moscow: 'Should',
        d: `
          Today an empty search shows "No tours found." and nothing else.

          Acceptance criteria
          Given my search for "Lofoten kayak 3-5 January" returns nothing
          When the results page loads
          Then I see up to 3 suggestions, each relaxing one filter (dates ±7 days, nearby region, another activity)
          And each suggestion shows how many tours it would return
          But suggestions that would also return nothing are not shown
        `,
      },
    ),
    story(
      'search-save-search',
      'As a returning guest, I want to save a search, so that I can come back to it later',
      {
        prio: 'Low',
        moscow: 'Could',
        d: `
        AC:
        - Logged-in guests can save the current search with a name
        - Saved searches are listed in the account
      `,
      },
    ),
    story(
      'search-alert-new-departures',
      'As a guest, I want to be alerted when a saved search gets new departures, so that I can book before they sell out',
      {
        prio: 'Low',
        epic: 'epic-search',
        labels: ['email'],
        d: `
          Depends on saved searches. Weekly digest at most, never more than one email a day.

          **Acceptance criteria**
          - Alert email lists only departures created since the last alert
          - Unsubscribe link in every email removes the alert in one click
          - No email when there is nothing new
        `,
      },
    ),
    story(
      'search-language-filter',
      'As a guest, I want to filter tours by the language the guide speaks, so that I can understand the safety briefing',
      {
        prio: 'Medium',
        moscow: 'Should',
        bv: 8,
        d: `
        Guides list the languages they speak on their profile. A tour should inherit the languages of its guide(s).

        ## Acceptance criteria
        1. Language filter lists only languages that appear on at least one tour in the current results
        2. Selecting several languages shows tours in _any_ of them
        3. The tour card shows flags or codes for the languages, max 3 plus "+n"
      `,
      },
    ),
    story(
      'search-group-size',
      'As an organiser of a group, I want to search for tours that fit my whole group, so that we can go together',
      {
        prio: 'Medium',
        d: `
        Group size input next to the dates (1-20). Tours whose next departures can't take the group are hidden.

        AC: a group of 8 never sees a tour with a maximum group size of 6.
      `,
      },
    ),
    story(
      'search-near-me',
      'As a guest on my phone, I want a "near me" option, so that I find tours around where I am right now',
      {
        labels: ['mobile', 'web'],
        prio: 'Medium',
        d: `
        ### Acceptance criteria
        - Uses the browser / device location only after the guest taps "Near me"
        - If permission is denied, we fall back to the text search and say why
        - Default radius 50 km, adjustable to 10, 25, 50, 100 km
      `,
      },
    ),
    story(
      'search-seo-landing-pages',
      'As a marketing lead, I want indexable landing pages per region and activity, so that we rank for "guided hikes in <region>"',
      {
        sprint: 'future',
        labels: ['seo', 'web'],
        prio: 'High',
        moscow: 'Must',
        bv: 20,
        tc: 5,
        rr: 13,
        reach: 48000,
        impact: 2,
        conf: 50,
        d: `
        About 70% of our organic traffic lands on individual tour pages today. Region pages like
        "Guided hikes in the Dolomites" are where the search volume is.

        ## Acceptance criteria
        - A page per region × activity that has at least 3 published tours, at /tours/<activity>/<region>
        - Server-rendered: the tour list is in the HTML without JavaScript
        - Unique title and meta description per page, no duplicate content warnings in Search Console
        - Pages with fewer than 3 tours return 404 and are removed from the sitemap
        - Canonical link on filtered variants points to the unfiltered page
      `,
      },
    ),
    task('search-sitemap', 'Generate XML sitemap for tours, guides and landing pages', {
      labels: ['seo'],
      prio: 'Medium',
      d: `
        Split into sitemap files of max 50,000 URLs, regenerate nightly, ping search engines after each run.

        [x] Tours
        [x] Guide profiles
        [ ] Landing pages (waits for the landing pages story)
      `,
    }),
    story('search-structured-data', 'Add schema.org structured data to tour pages', {
      labels: ['seo'],
      prio: 'Medium',
      d: `
        Use TouristTrip / Offer / AggregateRating so search results can show price and stars.

        Acceptance Criteria:
        - Google Rich Results test passes for 10 sample tours
        - Price and currency match the tour page
        - No rating markup on tours with fewer than 3 reviews
      `,
    }),
    story(
      'search-recently-viewed',
      'As a guest, I want to see the tours I recently viewed, so that I can get back to one I liked',
      {
        prio: 'Low',
        labels: ['web'],
        d: `
        Show the last 6 tours on the home page and below the search results. Stored in the browser for
        anonymous guests, in the account when logged in.

        AC:
        - Shows at most 6 tours, most recent first
        - Unpublished tours are removed from the list
      `,
      },
    ),
    story('search-compare', 'As a guest, I want to compare two or three tours side by side', {
      prio: 'Low',
      moscow: "Won't",
      d: `
        Price, duration, difficulty, group size, what's included, cancellation policy.

        Not planned this year: we saw little use of the same feature on the old site.

        Acceptance criteria (if we ever do it): compare works and is easy to use.
      `,
    }),
    story('search-wishlist', 'Wishlist', {
      prio: 'Medium',
      sp: null,
      unscored:
        'Needs an estimate: the wishlist was never refined, and Jonas wants a spike on keeping it for guests without an account first.',
    }),
    story(
      'search-results-speed',
      'As a guest, I want search results to load quickly, so that I keep browsing instead of waiting',
      {
        prio: 'High',
        moscow: 'Must',
        labels: ['performance'],
        d: `
          Search p95 is 2.4 s today, measured at the API. On mobile networks the page often takes 5 s or more.

          ## Acceptance criteria
          - The search API returns results in under 800 ms for 95% of searches, measured over 7 days in production
          - The first 12 results render in under 2.5 s (LCP) on a throttled "Fast 3G" profile
          - No regression in the relevance test set (NDCG@10 ≥ current value)
        `,
      },
    ),
    task('search-index-rebuild', 'Spike: evaluate moving search from Postgres full-text to OpenSearch', {
      prio: 'Medium',
      labels: ['tech-debt', 'spike'],
      d: `
        Timebox: 3 days.

        Questions to answer:
        1. Can OpenSearch handle our geo + date availability filter in one query?
        2. What does it cost per month at our size (~9,000 tours, ~120,000 departures)?
        3. How do we keep the index in sync when a guide edits a departure?

        Output: a short write-up with a recommendation, attached to this ticket.
      `,
    }),
    bug('search-bug-pagination-dupes', 'Search results repeat tours on page 2', {
      prio: 'High',
      d: `
        **Steps to reproduce**
        1. Search "Dolomites", no filters
        2. Sort by "Recommended"
        3. Go to page 2

        **Expected:** page 2 shows tours 13-24, none of which were on page 1
        **Actual:** 3-5 tours from page 1 appear again on page 2, and some tours never appear at all

        Probably the sort is not stable: many tours have the same score and we order by score only.

        AC:
        - Paging through all results of any search shows every matching tour exactly once
        - Ties in the score are broken by tour id
      `,
    }),
    bug('search-bug-umlaut', 'Searching "Zürich" returns nothing but "Zurich" works', {
      prio: 'Medium',
      d: `
        Steps:
        1. Type "Zürich" in the search box and press Enter

        Expected: the 14 tours around Zürich
        Actual: "No tours found"

        Same for "Garmisch-Partenkirchen" vs "Garmisch Partenkirchen". Looks like we don't normalise accents or hyphens.

        ### Acceptance criteria
        - "Zürich", "Zurich" and "zurich" return the same tours
        - Hyphens and spaces are treated the same in place names
      `,
    }),
    bug('search-bug-map-pins', 'Map pins disappear after changing the date filter', {
      prio: 'Medium',
      labels: ['web'],
      d: `
        1. Search "Lake District"
        2. Open the map view
        3. Change the date filter

        Expected: pins update to the new results. Actual: the map is empty until you pan it.
        Happens in Firefox and Safari, not Chrome.
      `,
    }),
    bug('search-bug-currency-filter', 'Price filter compares prices in different currencies', {
      prio: 'High',
      d: `
        A tour priced at 900 NOK is shown when filtering "under 100 EUR". We compare the raw amounts.

        Expected: amounts are converted to the guest's currency before filtering.
      `,
    }),
    story('search-tour-card-redesign', 'Redesign the tour card in search results', {
      prio: 'Medium',
      labels: ['web', 'design'],
      d: `
        New card from the design review: photo, title, region, duration, difficulty, price from, rating, next date.

        Acceptance criteria:
        - Card looks nice and clean
        - Matches the Figma design
        - Works on mobile too
      `,
    }),
    story(
      'search-filters-url',
      'As a guest, I want my filters kept in the page address, so that I can share a search with my friends',
      {
        prio: 'Medium',
        labels: ['web'],
        d: `
        ### Acceptance criteria
        [x] Every filter and the sort order are encoded in the query string
        [ ] Opening the link shows the same results (for the same availability)
        [ ] Back button steps through filter changes
        [ ] Invalid parameters are ignored, not an error page
      `,
      },
    ),
    story(
      'search-guide-search',
      'As a guest, I want to search for a guide by name, so that I can rebook the guide I had last year',
      {
        prio: 'Medium',
        moscow: 'Should',
        d: `
        Guests tell support they "can't find Lena from last summer". Guide names should match in the main search box.

        AC:
        - Guide names appear in autocomplete under a "Guides" heading
        - Selecting a guide opens their profile with their upcoming tours
        - Only guides with at least one published tour are searchable
      `,
      },
    ),
    story(
      'search-family-friendly',
      'As a parent, I want to find tours suitable for children, so that the whole family can join',
      {
        prio: 'Medium',
        d: `
        Guides can set a minimum age. Add a "Family friendly" filter (minimum age 12 or lower, difficulty 1-2).

        Given I enable "Family friendly"
        When the results load
        Then every tour shown has a minimum age of 12 or lower
      `,
      },
    ),
    story('search-multi-day', 'Filter multi-day tours and single-day tours', {
      prio: 'Low',
      d: `
        Duration filter: half day, full day, 2-3 days, 4+ days.
      `,
    }),
    story(
      'search-accommodation-included',
      'As a guest, I want to see whether accommodation is included, so that I know what else I need to book',
      {
        prio: 'Low',
        moscow: 'Could',
        d: `
        Acceptance criteria: a badge "Accommodation included" on tour cards and a filter.
      `,
      },
    ),
    story(
      'search-popular-nearby',
      'Show popular tours near the searched place when the place has few tours',
      {
        prio: 'Low',
        d: `
        If a search returns fewer than 5 tours, add a section "Popular within 100 km".

        Given a search that returns 3 tours
        When the results page loads
        Then a "Popular within 100 km" section shows up to 6 other tours, most booked first
      `,
      },
    ),
    task('search-analytics-events', 'Track search events (query, filters, result count, clicked position)', {
      prio: 'High',
      labels: ['analytics'],
      d: `
        We can't measure the epic's success without this. Send to the analytics pipeline, no personal data in the query text.

        ## Acceptance criteria
        - One event per search with: query, filters, sort, result count, response time
        - One event per result click with the position
        - Queries that contain an email address or phone number are dropped
      `,
    }),
    story(
      'search-typo-tolerance',
      'As a guest, I want search to understand small typos, so that "kayk" still finds kayak tours',
      {
        prio: 'Medium',
        moscow: 'Should',
        d: `
        ### Acceptance criteria
        | Given | When | Then |
        |---|---|---|
        | a tour titled "Sea kayak day in Lofoten" | I search "kayk lofoten" | the tour is in the top 5 results |
        | a tour titled "Via ferrata for beginners" | I search "via feratta" | the tour is in the top 5 results |
        | a search term of 3 letters or fewer | I search "kay" | no typo correction is applied |
      `,
      },
    ),
    story('search-season-hint', 'Show when a tour is in season', {
      prio: 'Lowest',
      d: `
        Ski touring in July should say "Season: December - April" instead of just "No dates".

        AC: the season is shown for tours without upcoming dates, taken from the guide's season settings.
      `,
    }),
    story(
      'search-instant-book-filter',
      'As a guest, I want to filter for tours I can book instantly, so that I do not wait for a guide to confirm',
      {
        prio: 'Medium',
        moscow: 'Should',
        d: `
          About a third of guides confirm bookings manually. Guests in a hurry want instant confirmation.

          AC:
          1. "Instant booking" toggle in the filter bar
          2. Tour cards show a lightning icon when instant booking is on
        `,
      },
    ),
    story(
      'search-mobile-filter-sheet',
      'As a guest on a phone, I want the filters in a bottom sheet, so that they do not cover the results',
      {
        labels: ['mobile', 'web'],
        prio: 'Medium',
        d: `
        ## Acceptance criteria
        - Filters open in a bottom sheet on screens narrower than 768 px
        - "Show 23 tours" button updates the count live as filters change
        - Closing the sheet without applying keeps the previous filters
      `,
      },
    ),
    bug('search-bug-past-departures', 'Tours with only past departures still appear in search', {
      prio: 'Medium',
      status: 'Done',
      d: `
        Expected: tours without future departures are hidden (or shown as "No upcoming dates" if the guest searches by name).
        Actual: they rank normally and lead to an empty booking calendar.
      `,
    }),
    story('search-ranking-reviews', 'Boost tours with recent good reviews in the default ranking', {
      prio: 'Medium',
      d: `
        A mix of average rating and number of reviews in the last 12 months. Brand new tours should get a small
        boost for their first 60 days so they have a chance to be seen.
      `,
      ac: `
        - Rating boost uses a Bayesian average with a prior of 4.2 stars and 5 reviews
        - New tours (published < 60 days) get the same boost as a 4.5 star tour
        - Boosts are applied after filters, never to tours that don't match the filters
      `,
    }),
    story('search-voice', 'Voice search', {
      prio: 'Lowest',
      moscow: "Won't",
      sp: null,
      bv: 1,
      unscored: "Needs an estimate: parked as Won't have; nobody has looked at it since.",
    }),
  ],
};
