import { StringDecoder } from 'node:string_decoder';
import { BotError } from '../errors.js';
import type { Logger } from '../logger.js';
import { type BoundedHttpExchange, sendBoundedRequest } from './bounded-http-exchange.js';
import { parseHostPort, schemeForHost } from './host-address.js';
import { TransportError } from './http-exchange.js';

/** Response bytes kept from a prediction. The rest is cut off. */
export const maxPredictionResponseBytes = 1024 * 1024;

export interface PredictRequest {
  /** `apigwStageUrl` of the stage: a host without scheme, such as `kr1-{id}.api.nhncloudservice.com`. */
  stageUrl: string;
  /** Path of the stage resource, starting with `/` (see `resourceUriFor`). */
  resourceUri: string;
  /** JSON body, such as `{ instances: [[6.8, 2.8, 4.8, 1.4]] }`. */
  body: unknown;
  /** Default 60000 ms. */
  timeoutMs?: number;
}

export interface PredictResponse {
  /** HTTP status. A non-2xx status is returned, not raised. */
  status: number;
  /** Parsed JSON, or the text when the body is not JSON or was cut. */
  body: unknown;
  /** True when the response passed `maxPredictionResponseBytes` and `body` is its first part. */
  truncated: boolean;
}

export interface InferenceClientOptions {
  logger: Logger;
}

/**
 * Builds the URL of a prediction: `https://{stageUrl}{resourceUri}`, or `http://` when the
 * stage host is a loopback address (127.0.0.0/8, `localhost`, `::1`), which is how a local
 * simulator serves its stages. Raises `ERR_INPUT_INVALID` for a stage URL that is not a bare
 * host or a resource URI that is not a path.
 */
export function buildPredictionUrl(stageUrl: string, resourceUri: string): string {
  const hostPort = parseHostPort(stageUrl);
  if (!hostPort) {
    throw new BotError(
      'ERR_INPUT_INVALID',
      `Invalid stage URL "${stageUrl}": expected a host without scheme or path`,
      { context: { stageUrl } },
    );
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds.
  if (!resourceUri.startsWith('/') || /[\s#\u0000-\u001f\u007f]/.test(resourceUri)) {
    throw new BotError(
      'ERR_INPUT_INVALID',
      `Invalid resource URI "${resourceUri}": expected a path starting with "/"`,
      { context: { resourceUri } },
    );
  }
  return `${schemeForHost(hostPort.host)}://${stageUrl}${resourceUri}`;
}

/**
 * Client of the prediction API that an endpoint stage serves through API Gateway. A prediction
 * is a JSON POST without an auth header (access rules live on the API Gateway stage). It is
 * sent once, never retried, because a prediction is not idempotent in general.
 */
export class InferenceClient {
  private readonly log: Logger;

  constructor(options: InferenceClientOptions) {
    this.log = options.logger.child({ component: 'inference-client' });
  }

  /**
   * Sends a prediction and returns its status and body whatever the status. Raises
   * `ERR_INFERENCE` when no response arrives (the model may still have run the request).
   */
  async predict(request: PredictRequest): Promise<PredictResponse> {
    const url = buildPredictionUrl(request.stageUrl, request.resourceUri);
    const timeoutMs = request.timeoutMs ?? 60_000;
    let exchange: BoundedHttpExchange;
    try {
      exchange = await sendBoundedRequest({
        method: 'POST',
        url,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'user-agent': 'easymaker-bot',
        },
        body: JSON.stringify(request.body),
        timeoutMs,
        maxBodyBytes: maxPredictionResponseBytes,
      });
    } catch (error) {
      if (!(error instanceof TransportError)) {
        throw error;
      }
      throw predictionFailure(url, timeoutMs, error);
    }
    const { statusCode: status, durationMs, truncated } = exchange;
    this.log.info(
      { stageUrl: request.stageUrl, resourceUri: request.resourceUri, status, durationMs },
      'prediction finished',
    );
    return { status, body: decodeBody(exchange.body, truncated), truncated };
  }
}

/** Decodes a body as JSON, or as text when it is not JSON or was cut. */
function decodeBody(bytes: Buffer, truncated: boolean): unknown {
  // The decoder holds back a character split by the cut, so the text ends on a whole one.
  const text = new StringDecoder('utf8').write(bytes);
  if (truncated || text.trim() === '') {
    return text;
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function predictionFailure(url: string, timeoutMs: number, error: TransportError): BotError {
  const context = { url, errorCode: error.code };
  if (error.kind === 'not-sent') {
    return new BotError('ERR_INFERENCE', `Prediction POST ${url} failed: ${error.message}`, {
      cause: error,
      context,
    });
  }
  const problem =
    error.kind === 'timeout' ? `timed out after ${timeoutMs} ms` : `failed: ${error.message}`;
  return new BotError(
    'ERR_INFERENCE',
    `Prediction POST ${url} ${problem}; the model may have run the request, which was not ` +
      'sent again',
    { cause: error, context },
  );
}
