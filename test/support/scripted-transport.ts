import type { JiraRawResponse, JiraRequest, JiraTransport } from '../../src/jira/transport';

export interface ScriptedAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Responder = (request: JiraRequest, url: URL) => ScriptedAnswer;

/** A transport that answers from a script and records what was sent: for testing the client alone. */
export class ScriptedTransport implements JiraTransport {
  readonly description = 'scripted';
  readonly sent: JiraRequest[] = [];
  private readonly queue: ScriptedAnswer[] = [];

  constructor(private readonly responder?: Responder) {}

  /** Answers the next calls in order, before the responder. */
  enqueue(...answers: ScriptedAnswer[]): this {
    this.queue.push(...answers);
    return this;
  }

  async send(request: JiraRequest): Promise<JiraRawResponse> {
    this.sent.push(request);
    const url = new URL(request.path.value, 'https://example.atlassian.net');
    const answer = this.queue.shift() ?? this.responder?.(request, url);
    if (!answer) throw new Error(`No scripted answer for ${request.method} ${request.path.value}`);
    return {
      status: answer.status,
      headers: Object.fromEntries(Object.entries(answer.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
      text: answer.body === undefined ? '' : JSON.stringify(answer.body),
    };
  }
}

/** A clock whose sleeps pass instantly and are recorded. */
export class FakeClock {
  time = 1_000_000;
  readonly sleeps: number[] = [];
  now = (): number => this.time;
  sleep = async (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.time += ms;
  };
}
