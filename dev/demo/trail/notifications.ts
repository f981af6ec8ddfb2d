import { bug, epic, story, task, type EpicFile } from '../model';

export const notifications: EpicFile = {
  epic: epic('epic-notifications', 'Notifications', 'Notifications', {
    defaultTeam: 'Basecamp',
    release: '2027.1',
    prio: 'Medium',
    bv: 8,
    tc: 5,
    rr: 3,
    d: `
      Emails, SMS and push messages for guests and guides, with one place to manage preferences.

      Today we send 11 different emails from three systems with three different looks, and SMS only for cancellations.
      Guides complain they miss booking requests; guests miss meeting point changes.

      ## Principles
      - Transactional messages (booking, payment, changes to your trip) always go out; marketing only with consent
      - Every message says what happened and what, if anything, the reader has to do
      - One template system, in the reader's language
    `,
  }),
  items: [
    story(
      'notif-booking-confirmation-email',
      'As a guest, I want a booking confirmation email with everything I need for the day, so that I do not have to log in to find it',
      {
        sprint: 'active',
        status: 'Done',
        prio: 'High',
        sp: 3,
        bv: 8,
        tc: 5,
        rr: 3,
        labels: ['email'],
        assignee: 'dev',
        d: `
          ## Acceptance criteria
          - Contains: booking reference, tour, date and local start time, meeting point with map link, what to bring, guide's name and phone, amount paid and still to pay, cancellation deadline
          - Sent within 1 minute of payment
          - Renders correctly in Gmail, Outlook and Apple Mail (checked with the email testing tool)
          - Plain-text version included
        `,
      },
    ),
    story(
      'notif-meeting-point-change',
      'As a guest, I want an SMS when the guide changes the meeting point or time, so that I do not go to the wrong place',
      {
        sprint: 'future',
        prio: 'Highest',
        moscow: 'Must',
        labels: ['sms', 'safety'],
        bv: 13,
        tc: 13,
        rr: 8,
        d: `
        Last summer a group of 6 waited at the old meeting point for 40 minutes.

        AC:
        1. Changes to meeting point or start time within 7 days of the departure send an SMS and an email to every booker
        2. The message shows old and new values
        3. The guide sees "Participants have been notified" after saving
      `,
      },
    ),
    story('notif-preferences', 'As a user, I want to choose which notifications I get and how', {
      prio: 'Medium',
      moscow: 'Should',
      d: `
        ### Acceptance criteria
        - Preferences page with categories: bookings, messages, reviews, news and offers
        - Per category: email, SMS, push (where available)
        - Transactional messages about a booking can't be turned off completely (at least one channel)
      `,
    }),
    story(
      'notif-guide-new-booking',
      'As a guide, I want to be notified immediately of new bookings and requests',
      {
        status: 'Done',
        prio: 'High',
        d: `
        Email + push (if the app is installed). Booking requests also by SMS.
      `,
      },
    ),
    story('notif-pre-trip-reminder', 'Send guests a reminder 2 days before the trip', {
      prio: 'High',
      status: 'Done',
      sprint: 'closed',
      d: `
        ✅ Acceptance criteria
        - Sent 48 hours before the start time
        - Contains the same day-of information as the confirmation and the weather forecast link
      `,
    }),
    story('notif-templates-unified', 'Move all emails to one template system', {
      prio: 'Medium',
      labels: ['tech-debt', 'email'],
      d: `
        Three systems today: the monolith's mailer, the payments service and the marketing tool. Consolidate transactional emails in the notification service.

        [x] Inventory of all emails (11 transactional, 4 marketing)
        [x] Pick templating (MJML)
        [ ] Migrate booking emails
        [ ] Migrate payment emails
        [ ] Migrate guide emails
        [ ] Remove the old mailer
      `,
    }),
    story('notif-translations', "Send emails in the recipient's language", {
      prio: 'Medium',
      labels: ['i18n', 'email'],
      d: `
        Use the language of the account, or of the site when the booking was made for guests without an account.

        AC: all transactional emails exist in EN, DE, IT, FR, NO.
      `,
    }),
    story('notif-sms-international', 'SMS to international numbers', {
      prio: 'Medium',
      labels: ['sms'],
      d: `
        We only send SMS to EU numbers today. Guests from the US, UK and Australia miss cancellation texts.

        ### Acceptance criteria
        - SMS can be sent to numbers in the 30 countries our guests come from most
        - Cost per country is tracked
        - Countries where delivery is unreliable fall back to email only
      `,
    }),
    bug('notif-bug-wrong-language', 'Cancellation email sent in German to an English guest', {
      prio: 'Medium',
      d: `
        Guest booked on the English site, but the guide's portal language is German and the email used the guide's language.

        Expected: guest emails in the guest's language.
      `,
    }),
    bug('notif-bug-unsubscribe', 'Unsubscribe link in newsletter leads to a 404', {
      prio: 'High',
      labels: ['email', 'legal'],
      d: `
        **Steps:** click "Unsubscribe" at the bottom of any newsletter
        **Expected:** unsubscribed with a confirmation page
        **Actual:** 404, and the guest stays subscribed

        This is a legal problem (GDPR / CAN-SPAM). Please fix asap.

        AC:
        - Unsubscribe works in one click, without logging in
        - Everyone who clicked the broken link since it broke is unsubscribed
      `,
    }),
    story('notif-digest-guides', 'Daily digest email for guides', {
      prio: 'Low',
      d: `
        One email per morning with today's and tomorrow's departures, new bookings, unanswered messages. Optional.

        AC:
        - Sent at 06:30 in the guide's time zone
        - Not sent on days with nothing to report
      `,
    }),
    story('notif-in-app-center', 'In-app notification centre', {
      prio: 'Low',
      moscow: 'Could',
      comp: ['Notifications', 'Mobile App'],
      labels: ['mobile'],
      d: `
        Bell icon with the last 30 notifications on web and app. Read / unread.

        Given I have unread notifications
        When I open the notification centre
        Then they are listed newest first
        And the unread counter is cleared
      `,
    }),
    story(
      'notif-message-email-reply',
      'As a guide, I want to reply to guest messages by replying to the email',
      {
        prio: 'Medium',
        moscow: 'Should',
        d: `
        Reply-by-email with a unique reply-to address per conversation. Strip quoted text and signatures.

        AC:
        - Replies appear in the conversation within 1 minute
        - Quoted text and signatures are removed in most cases
        - Replies from an address that isn't the guide's are rejected with an explanation
      `,
      },
    ),
    story('notif-whatsapp', 'WhatsApp messages instead of SMS', {
      prio: 'Low',
      d: `
        Cheaper than SMS in many countries and guests read them. Requires WhatsApp Business API approval.
      `,
    }),
    story('notif-delivery-monitoring', 'Alert when email or SMS delivery rates drop', {
      prio: 'Medium',
      comp: ['Notifications', 'Platform'],
      d: `
        Acceptance criteria
        - Dashboard with sent / delivered / bounced / complained per message type, per day
        - Alert to the on-call channel if the delivery rate of any transactional message drops below 95% over 1 hour
      `,
    }),
    task('notif-spf-dkim', 'Set up DMARC reporting and fix SPF for the new mail provider', {
      prio: 'High',
      labels: ['email'],
      reporter: 'dev',
      d: `
        Some booking confirmations land in spam at Outlook. SPF record is over the 10-lookup limit.
      `,
    }),
    story('notif-waitlist-spot-free', 'Notify waitlisted guests when a spot frees up', {
      prio: 'Medium',
      comp: ['Notifications', 'Booking'],
      d: `
        Email + push. Covered in the waitlist story; this is the message itself.

        AC:
        - Email and push within 1 minute of the spot freeing up
        - Message states the 12-hour deadline in the guest's time zone
      `,
    }),
    story('notif-quiet-hours', 'Do not send push notifications at night', {
      prio: 'Low',
      d: `
        Between 22:00 and 07:00 in the recipient's time zone, except safety-related changes for trips in the next 24 hours.

        AC: nothing is sent between 22:00 and 07:00 unless it is urgent.
      `,
    }),
    story('notif-guide-sms-request', 'SMS guides about booking requests that expire in 4 hours', {
      prio: 'Medium',
      labels: ['sms'],
      d: `
        Given a booking request expires in 4 hours
        And the guide has not opened it
        When the reminder job runs
        Then the guide gets an SMS with a link to approve or decline
      `,
    }),
    story('notif-marketing-consent', 'Collect marketing consent separately at checkout', {
      prio: 'High',
      labels: ['legal'],
      status: 'Done',
      d: `
        Unticked checkbox, separate from the terms.
      `,
    }),
    story('notif-post-trip-thank-you', 'Thank-you email after the trip with photos link and review request', {
      prio: 'Low',
      labels: ['email'],
    }),
    story('notif-email-preview-tool', 'Internal tool to preview all emails in all languages', {
      prio: 'Low',
      labels: ['tech-debt'],
      d: `
        For support and translators. Renders each template with sample data.
      `,
    }),
  ],
};
