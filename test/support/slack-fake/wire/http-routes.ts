import type { IncomingMessage, ServerResponse } from 'node:http';
import { receiveDownload } from '../methods/file-info.js';
import { receiveUpload } from '../methods/files.js';
import { receiveResponseUrlPost } from '../methods/response-url.js';
import type { FakeState } from '../state/fake-state.js';
import { dispatchApiCall } from './api-dispatch.js';
import { decodeApiRequest, readBody, sendJson } from './request-body.js';

/**
 * HTTP routes of the fake: `/api/<method>` (Web API), `/response/<id>` (response URLs),
 * `/upload/<file id>` (external file uploads) and `/files-pri/<team>-<file id>/...` (file
 * downloads). Everything else is 404.
 */
export async function routeRequest(
  state: FakeState,
  baseUrl: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', baseUrl);
  const body = await readBody(request);
  const [, area, name] = url.pathname.split('/');

  if (
    area === 'api' &&
    name !== undefined &&
    (request.method === 'POST' || request.method === 'GET')
  ) {
    const decoded = await decodeApiRequest(request, body, url);
    const answer = dispatchApiCall(state, decodeURIComponent(name), decoded, baseUrl);
    sendJson(response, answer.status, answer.body, answer.headers);
    return;
  }
  if (area === 'response' && name !== undefined && request.method === 'POST') {
    const answer = receiveResponseUrlPost(state, name, `${baseUrl}response/${name}`, body);
    sendJson(response, answer.status, answer.body);
    return;
  }
  if (area === 'upload' && name !== undefined && request.method === 'POST') {
    // `@slack/web-api` sends the bytes as a form field named `body` (multipart for Buffers).
    const decoded = await decodeApiRequest(request, body, url);
    const field = decoded.args.body;
    const content =
      typeof field === 'string' ? Buffer.from(field) : Buffer.isBuffer(field) ? field : body;
    const answer = receiveUpload(state, name, content);
    response.writeHead(answer.status, { 'content-type': 'text/plain' });
    response.end(answer.text);
    return;
  }
  if (area === 'files-pri' && name !== undefined && request.method === 'GET') {
    const answer = receiveDownload(state, name, request.headers.authorization);
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
    return;
  }
  sendJson(response, 404, { ok: false, error: 'not_found' });
}
