/** `valuerank --help`: every command and option, what scores and the vision copy are, exit codes, credentials. */
import { PUBLISHED_VISION_PROPERTY } from '../core/vision';

export const USAGE = `Usage: valuerank <command> [options]

Commands:
  boards  --project KEY                      the project's boards
  backlog --board ID                         the board's backlog, in rank order
  score   --board ID [--model M]             every backlog issue's business value score, best first,
                                             with its inputs (or why it is unscored)
  reorder --board ID [--model M] [--dry-run] reorders the board's Jira rank by score with the fewest
                                             rank calls, re-reads the backlog and checks the result;
                                             --dry-run only prints the calls it would make
  criteria --file F [--as issue|story|criterion]
                                             checks acceptance criteria in a JSON file: an array of
                                             Jira REST v3 issues or { id, text } objects, read as whole
                                             issues (default), user stories or single criteria
  criteria --issue KEY | --jql "..."         checks issues on the site (default configuration)
  vision  --project KEY [--notes N]          the project's product vision board and its most recent
                                             notes, as the app last published them
  questions --project KEY                    the project's open questions for the Product Owner, oldest
                                             first, with their age, the issue's rank and readiness

Options:
  --site URL      the Jira site (or env VALUERANK_SITE), e.g. https://your-domain.atlassian.net;
                  the local site is http://127.0.0.1:8080
  --as ACCOUNTID  on the local site, act as this user (default: the Product Owner)
  --model M       wsjf (default), rice, ice, value-effort, cd3, moscow (then WSJF inside a bucket),
                  moscow:<model>, or custom:<formula>, e.g. 'custom:businessValue / storyPoints'
  --file F        criteria: the JSON file to check (no site needed); there --as names what each item is
  --issue KEY     criteria: one issue on the site
  --jql QUERY     criteria: every issue the query finds (at most 1 000)
  --dry-run       reorder: plan only, change nothing
  --notes N       vision: show at most N notes (default 10); --json prints the published copy as is
  --json          print machine-readable JSON only
  -h, --help      this help

Scores: the CLI cannot read the app's Forge storage, so it ignores a project's saved mapping, model and
pins. It maps fields as the app proposes before a project admin saves a mapping (by field name, and the
board's estimation field for story points), and scores with --model, WSJF by default. Issue links of type
Blocks lift blockers above what they block, as in the app.

Vision: the app publishes a read copy of the vision (project property ${PUBLISHED_VISION_PROPERTY}) after
every change; anyone who can browse the project can read it. It holds the whole board and as many of the
most recent notes as fit in Jira's 32 KB; the rest are in the app.

reorder exits 1 when Jira's final order is not the planned one (issues Jira refused to rank are named), and
refuses to change anything when the model scores none of the backlog's issues.

Exit codes: 0 done; 1 failed, or nothing found (no boards, no issues, nothing to check; with --json the
empty result is still printed); 2 bad usage. Every error is one line on stderr: the cause, then the fix.

Credentials: JIRA_EMAIL and JIRA_API_TOKEN (not needed for the local site).`;
