import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EasyMakerApiError } from '../../src/api/easymaker-api-error.js';
import { readEnvelope, readEnvelopeHeader } from '../../src/api/envelope.js';
import type { BotError } from '../../src/errors.js';

const request = { method: 'POST', path: '/trainings', httpStatus: 400 };
const itemSchema = z.object({ trainingId: z.string() });

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('readEnvelope', () => {
  it('returns the validated payload without unknown keys', () => {
    const body = {
      header: { isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' },
      training: { trainingId: 'abc123', extra: 1 },
    };
    expect(readEnvelope(body, 'training', itemSchema, request)).toEqual({ trainingId: 'abc123' });
  });

  it('raises EasyMakerApiError on isSuccessful false', () => {
    const body = {
      header: {
        isSuccessful: false,
        resultCode: 4000302,
        resultMessage: 'invalid experiment name',
      },
    };

    const error = caught(() => readEnvelope(body, 'training', itemSchema, request));

    expect(error).toBeInstanceOf(EasyMakerApiError);
    const apiError = error as EasyMakerApiError;
    expect(apiError.code).toBe('ERR_EASYMAKER_API');
    expect(apiError.resultCode).toBe(4000302);
    expect(apiError.resultMessage).toBe('invalid experiment name');
    expect(apiError.httpStatus).toBe(400);
    expect(apiError.method).toBe('POST');
    expect(apiError.path).toBe('/trainings');
    expect(apiError.message).toBe(
      'EasyMaker API POST /trainings failed: 4000302 invalid experiment name',
    );
  });

  it('names the key and issue paths of a schema mismatch', () => {
    const body = { header: { isSuccessful: true, resultCode: 0 }, trainingList: [{ id: 'x' }] };

    const error = caught(() =>
      readEnvelope(body, 'trainingList', z.array(itemSchema), { ...request, httpStatus: 200 }),
    ) as BotError;

    expect(error.code).toBe('ERR_EASYMAKER_RESPONSE_INVALID');
    expect(error.message).toContain('"trainingList"');
    expect(error.message).toContain('trainingList[0].trainingId');
    expect(error.context.issuePaths).toEqual(['trainingList[0].trainingId']);
  });

  it('rejects a missing payload key', () => {
    const body = { header: { isSuccessful: true, resultCode: 0 } };

    const error = caught(() => readEnvelope(body, 'training', itemSchema, request)) as BotError;

    expect(error.code).toBe('ERR_EASYMAKER_RESPONSE_INVALID');
    expect(error.message).toContain('training: ');
  });
});

describe('readEnvelopeHeader', () => {
  it('rejects a body without header', () => {
    const error = caught(() => readEnvelopeHeader({ training: {} }, request)) as BotError;

    expect(error.code).toBe('ERR_EASYMAKER_RESPONSE_INVALID');
    expect(error.message).toContain('header');
  });
});
