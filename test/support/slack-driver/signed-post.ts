import { createHmac } from 'node:crypto';

/** Signed HTTP requests to the bot, timed against Slack's 3-second acknowledgement deadline. */

/** Slack gives up on an acknowledgement after 3 seconds. */
export const ackDeadlineMs = 3000;

export interface AckResult {
  status: number;
  body: string;
  /** The parsed body when the bot answered with `application/json`. */
  json?: unknown;
  elapsedMs: number;
}

/** Returns `v0=` + HMAC-SHA256 hex of `v0:<timestamp>:<body>`, Slack's request signature. */
export function signatureFor(signingSecret: string, timestamp: number, body: string): string {
  const digest = createHmac('sha256', signingSecret)
    .update(`v0:${timestamp}:${body}`)
    .digest('hex');
  return `v0=${digest}`;
}

export function unixSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export interface SignedPost {
  url: string;
  signingSecret: string;
  body: string;
  contentType: string;
  timestamp?: number;
  /** Sent as is instead of the computed signature, to test rejection. */
  signature?: string;
  deadlineMs: number;
}

/**
 * Sends the body with `X-Slack-Request-Timestamp` and `X-Slack-Signature` and returns the bot's
 * answer. Throws when the bot takes longer than the deadline, because Slack would then show
 * the user `operation_timeout` whatever the bot answers later.
 */
export async function postSigned(request: SignedPost): Promise<AckResult> {
  const timestamp = request.timestamp ?? unixSeconds();
  const signature =
    request.signature ?? signatureFor(request.signingSecret, timestamp, request.body);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.deadlineMs);
  const started = performance.now();
  let status: number;
  let body: string;
  let contentType: string;
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: {
        'content-type': request.contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signature,
      },
      body: request.body,
      signal: controller.signal,
    });
    body = await response.text();
    status = response.status;
    contentType = response.headers.get('content-type') ?? '';
  } catch (error) {
    if (controller.signal.aborted) {
      throw new Error(`bot did not acknowledge within ${request.deadlineMs} ms (${request.url})`, {
        cause: error,
      });
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
  const elapsedMs = performance.now() - started;
  if (elapsedMs > request.deadlineMs) {
    throw new Error(
      `bot acknowledged after ${Math.round(elapsedMs)} ms, over the ${request.deadlineMs} ms deadline`,
    );
  }
  const isJson = contentType.startsWith('application/json') && body !== '';
  return { status, body, elapsedMs, ...(isJson ? { json: JSON.parse(body) as unknown } : {}) };
}

/** Encodes an interactivity payload as Slack does: one form field named `payload`. */
export function payloadForm(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
