import { afterEach, describe, expect, it } from 'vitest';
import {
  buildPredictionUrl,
  InferenceClient,
  maxPredictionResponseBytes,
} from '../../src/api/inference-client.js';
import { resourceUriFor } from '../../src/api/inference-resource-uri.js';
import type { BotError } from '../../src/errors.js';
import {
  findClosedPort,
  type StubServer,
  sendJson,
  silentLogger,
  startStubServer,
} from './stub-server.js';

let server: StubServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Returns the `host:port` of a stub, as a stage URL without scheme. */
function stageUrlOf(stub: StubServer): string {
  return stub.url.replace('http://', '');
}

describe('buildPredictionUrl', () => {
  it('uses https for an API Gateway stage', () => {
    expect(
      buildPredictionUrl('kr1-abc.api.nhncloudservice.com', '/mnist/v1/models/mnist/predict'),
    ).toBe('https://kr1-abc.api.nhncloudservice.com/mnist/v1/models/mnist/predict');
  });

  it('uses http for loopback stages', () => {
    for (const stageUrl of ['127.0.0.1:8080', 'localhost', '[::1]:8080', '127.255.0.9:1']) {
      expect(buildPredictionUrl(stageUrl, '/p')).toBe(`http://${stageUrl}/p`);
    }
  });

  it('rejects a stage URL with a scheme or a path', () => {
    for (const stageUrl of ['https://kr1-abc.api.nhncloudservice.com', 'host/path', '', 'a b']) {
      const run = () => buildPredictionUrl(stageUrl, '/p');
      expect(run, stageUrl).toThrow(/Invalid stage URL/);
    }
  });

  it('rejects a resource URI that is not a path', () => {
    for (const resourceUri of ['mnist/predict', '/a b', '/a#b', '']) {
      const run = () => buildPredictionUrl('kr1-abc.api.nhncloudservice.com', resourceUri);
      expect(run, resourceUri).toThrow(/Invalid resource URI/);
    }
  });
});

describe('resourceUriFor', () => {
  const withoutUri = { apigwResourceUri: '' };

  it('uses the configured resource URI', () => {
    const endpointModel = { apigwResourceUri: '/custom/path' };
    expect(resourceUriFor(endpointModel, 'mnist', { inputs: [] })).toBe('/custom/path');
  });

  it.each([
    ['instances', { instances: [[1, 2]] }, '/mnist/v1/models/mnist/predict'],
    [
      'inputs',
      { inputs: [{ name: 'x', shape: [1], datatype: 'FP32', data: [1] }] },
      '/mnist/v2/models/mnist/infer',
    ],
    ['model and prompt', { model: 'mnist', prompt: 'hi' }, '/mnist/v1/models/completions'],
    ['model and messages', { model: 'mnist', messages: [] }, '/mnist/v1/models/chat/completions'],
    ['an unknown shape', { data: 1 }, '/mnist/v1/models/mnist/predict'],
    ['an array', [1, 2], '/mnist/v1/models/mnist/predict'],
    ['a model without prompt or messages', { model: 'mnist' }, '/mnist/v1/models/mnist/predict'],
  ])('builds the fallback path for %s', (_case, body, expected) => {
    expect(resourceUriFor(withoutUri, 'mnist', body)).toBe(expected);
    expect(resourceUriFor({}, 'mnist', body)).toBe(expected);
  });

  it('percent-encodes the model name', () => {
    expect(resourceUriFor({ apigwResourceUri: null }, 'my model', { inputs: [] })).toBe(
      '/my%20model/v2/models/my%20model/infer',
    );
  });

  it('rejects an empty model name without a configured URI', () => {
    expect(() => resourceUriFor(withoutUri, '', {})).toThrow(/no model name/);
  });
});

describe('InferenceClient', () => {
  const client = new InferenceClient({ logger: silentLogger });

  it('posts the JSON body without an auth header and parses the JSON response', async () => {
    server = await startStubServer((_request, response) => {
      sendJson(response, 200, { predictions: [[0.1, 0.9]] });
    });

    const result = await client.predict({
      stageUrl: stageUrlOf(server),
      resourceUri: '/mnist/v1/models/mnist/predict',
      body: { instances: [[6.8, 2.8, 4.8, 1.4]] },
    });

    expect(result).toEqual({ status: 200, body: { predictions: [[0.1, 0.9]] }, truncated: false });
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/mnist/v1/models/mnist/predict');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.headers['x-nhn-authorization']).toBeUndefined();
    expect(JSON.parse(request?.body ?? '')).toEqual({ instances: [[6.8, 2.8, 4.8, 1.4]] });
  });

  it('returns an error status and a text body without raising', async () => {
    server = await startStubServer((_request, response) => {
      response.writeHead(503, { 'content-type': 'text/plain' });
      response.end('model is loading');
    });

    const result = await client.predict({
      stageUrl: stageUrlOf(server),
      resourceUri: '/p',
      body: {},
    });

    expect(result).toEqual({ status: 503, body: 'model is loading', truncated: false });
    expect(server.requests).toHaveLength(1);
  });

  it('cuts a response over 1 MiB and marks it', async () => {
    server = await startStubServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      // The odd-length prefix makes the cut fall inside a two-byte character.
      response.end(`["a${'é'.repeat(maxPredictionResponseBytes)}"]`);
    });

    const result = await client.predict({
      stageUrl: stageUrlOf(server),
      resourceUri: '/p',
      body: {},
    });

    expect(result.truncated).toBe(true);
    expect(typeof result.body).toBe('string');
    const text = result.body as string;
    expect(Buffer.byteLength(text)).toBe(maxPredictionResponseBytes - 1);
    expect(text.endsWith('é')).toBe(true);
  });

  it('keeps a response of exactly 1 MiB whole', async () => {
    const body = `"${'a'.repeat(maxPredictionResponseBytes - 2)}"`;
    server = await startStubServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(body);
    });

    const result = await client.predict({
      stageUrl: stageUrlOf(server),
      resourceUri: '/p',
      body: {},
    });

    expect(result.truncated).toBe(false);
    expect(result.body).toBe(JSON.parse(body));
  });

  it('sends a timed-out prediction once and raises ERR_INFERENCE', async () => {
    server = await startStubServer(() => {});

    const error = (await client
      .predict({ stageUrl: stageUrlOf(server), resourceUri: '/p', body: {}, timeoutMs: 200 })
      .catch((caught: unknown) => caught)) as BotError;

    expect(error.code).toBe('ERR_INFERENCE');
    expect(error.message).toContain('timed out after 200 ms');
    expect(server.requests).toHaveLength(1);
  });

  it('raises ERR_INFERENCE when nothing listens', async () => {
    const port = await findClosedPort();

    const error = (await client
      .predict({ stageUrl: `127.0.0.1:${port}`, resourceUri: '/p', body: {} })
      .catch((caught: unknown) => caught)) as BotError;

    expect(error.code).toBe('ERR_INFERENCE');
    expect(error.message).toContain('ECONNREFUSED');
  });
});
