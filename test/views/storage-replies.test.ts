import { describe, expect, it } from 'vitest';
import { BotError } from '../../src/errors.js';
import {
  buildFilePostFailedReply,
  buildStorageFailedReply,
  describeStorageError,
} from '../../src/views/storage-replies.js';

const URI = 'obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_t/bucket/a.json';

function storageError(httpStatus: number | undefined): BotError {
  return new BotError('ERR_OBJECT_STORAGE', 'Object Storage GET "bucket/a.json" failed', {
    context: { httpStatus },
  });
}

describe('describeStorageError', () => {
  it('passes a client error on as it is', () => {
    expect(describeStorageError(storageError(404))).toBe(
      'Object Storage GET "bucket/a.json" failed',
    );
  });

  it.each([500, 503, 429, undefined])('asks to try again after status %s', (status) => {
    expect(describeStorageError(storageError(status))).toMatch(/Try again in a minute\.$/);
  });

  it('points at the credentials after an identity 401', () => {
    const error = new BotError('ERR_OBJECT_STORAGE_AUTH', 'token request failed: HTTP 401', {
      context: { httpStatus: 401 },
    });
    expect(describeStorageError(error)).toContain('OBJECT_STORAGE_PASSWORD');
  });

  it('asks to try again when the identity service is unreachable', () => {
    const error = new BotError('ERR_OBJECT_STORAGE_AUTH', 'token request failed: ECONNREFUSED');
    expect(describeStorageError(error)).toBe(
      'token request failed: ECONNREFUSED. Try again in a minute.',
    );
  });

  it('leaves unknown errors undescribed', () => {
    expect(describeStorageError(new Error('boom'))).toBeUndefined();
    expect(describeStorageError(new BotError('ERR_EASYMAKER_API', 'boom'))).toBeUndefined();
  });
});

describe('buildStorageFailedReply', () => {
  it('hides an unknown error behind a reference', () => {
    const reply = buildStorageFailedReply('fetch', URI, new Error('secret detail'), 'ab12cd34');
    expect(reply.text).not.toContain('secret detail');
    expect(reply.text).toContain('`ab12cd34`');
  });

  it('escapes the error message', () => {
    const error = new BotError('ERR_INPUT_INVALID', 'bad <!channel> & more');
    const reply = buildStorageFailedReply('list', URI, error, 'ab12cd34');
    expect(reply.text).toContain('bad &lt;!channel&gt; &amp; more');
  });
});

describe('buildFilePostFailedReply', () => {
  it('explains a channel the bot is not in', () => {
    expect(buildFilePostFailedReply(URI, 'not_in_channel', 'r').text).toContain(
      'the bot is not in this channel; invite it and try again',
    );
  });

  it('names an unknown Slack error', () => {
    expect(buildFilePostFailedReply(URI, 'fatal_error', 'r').text).toContain(
      'Slack returned the error fatal_error',
    );
  });
});
