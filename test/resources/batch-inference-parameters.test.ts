import { describe, expect, it } from 'vitest';
import { batchInferenceCreateBodySchema } from '../../src/api/schemas/batch-inference-create-body.js';
import { batchInferenceDescription } from '../../src/resources/batch-inference.js';
import { batchInferenceCreate } from '../../src/resources/batch-inference-create.js';
import type { RawValue } from '../../src/resources/field-schemas.js';
import { findDescriptionByWord } from '../../src/resources/index.js';
import type { CreateDescription } from '../../src/resources/resource-description.js';
import { validateParameters } from '../../src/resources/validate-parameters.js';

const create = batchInferenceCreate as unknown as CreateDescription<unknown, unknown>;

const obs = (path: string) =>
  `obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_t/bucket/${path}`;

const valid: Record<string, RawValue> = {
  batch_inference_name: 'nightly-scoring',
  model_id: 'mdl123456789',
  instance_type_name: 'm2.c4m8',
  batch_size: '32',
  inference_timeout_seconds: '60',
  input_data_uri: obs('input'),
  input_data_type: 'JSONL',
  output_upload_uri: obs('output'),
  data_storage_size: '300',
};

function issuesFor(overrides: Record<string, RawValue>) {
  const result = validateParameters(create, { ...valid, ...overrides }, {});
  return result.ok ? [] : result.issues;
}

function messageFor(parameter: string, overrides: Record<string, RawValue>) {
  return issuesFor(overrides).find((issue) => issue.parameter === parameter)?.message;
}

describe('batch inference parameters', () => {
  it('accepts a complete batch inference', () => {
    expect(issuesFor({})).toEqual([]);
  });

  it('applies the SDK defaults for instances, pods and timeout', () => {
    const result = validateParameters(create, valid, {});
    expect(result.ok).toBe(true);
    expect(result.ok && result.parameters).toMatchObject({
      instance_count: 1,
      pod_count: 1,
      timeout_hours: 720,
      use_log: false,
    });
  });

  describe('when a value sits at a published range edge', () => {
    const cases: Array<[string, string, string | undefined]> = [
      ['batch_inference_name', 'a'.repeat(50), undefined],
      ['batch_inference_name', 'a'.repeat(51), 'must be at most 50 characters'],
      ['description', 'd'.repeat(255), undefined],
      ['description', 'd'.repeat(256), 'must be at most 255 characters'],
      ['instance_count', '1', undefined],
      ['instance_count', '10', undefined],
      ['instance_count', '0', 'must be a whole number from 1 to 10'],
      ['instance_count', '11', 'must be a whole number from 1 to 10'],
      ['pod_count', '1', undefined],
      ['pod_count', '100', undefined],
      ['pod_count', '0', 'must be a whole number from 1 to 100'],
      ['pod_count', '101', 'must be a whole number from 1 to 100'],
      ['batch_size', '1', undefined],
      ['batch_size', '1000', undefined],
      ['batch_size', '0', 'must be a whole number from 1 to 1000'],
      ['batch_size', '1001', 'must be a whole number from 1 to 1000'],
      ['inference_timeout_seconds', '1', undefined],
      ['inference_timeout_seconds', '1200', undefined],
      ['inference_timeout_seconds', '0', 'must be a whole number from 1 to 1200 seconds'],
      ['inference_timeout_seconds', '1201', 'must be a whole number from 1 to 1200 seconds'],
      ['data_storage_size', '300', undefined],
      ['data_storage_size', '10000', undefined],
      ['data_storage_size', '299', 'must be a whole number from 300 to 10000 GB'],
      ['data_storage_size', '10001', 'must be a whole number from 300 to 10000 GB'],
      ['timeout_hours', '1', undefined],
      ['timeout_hours', '720', undefined],
      ['timeout_hours', '0', 'must be a whole number from 1 to 720 hours'],
      ['timeout_hours', '721', 'must be a whole number from 1 to 720 hours'],
      ['include_glob_pattern', 'i'.repeat(255), undefined],
      ['include_glob_pattern', 'i'.repeat(256), 'must be at most 255 characters'],
      ['exclude_glob_pattern', 'e'.repeat(255), undefined],
      ['exclude_glob_pattern', 'e'.repeat(256), 'must be at most 255 characters'],
      ['input_data_uri', `obs://${'i'.repeat(249)}`, undefined],
      ['input_data_uri', `obs://${'i'.repeat(250)}`, 'must be at most 255 characters'],
      ['output_upload_uri', `nas://${'o'.repeat(249)}`, undefined],
      ['output_upload_uri', `nas://${'o'.repeat(250)}`, 'must be at most 255 characters'],
      ['model_id', 'm'.repeat(36), undefined],
      ['model_id', 'm'.repeat(37), 'must be at most 36 characters'],
    ];
    it.each(
      cases.map(
        ([parameter, value, expected]) => [parameter, value.length, value, expected] as const,
      ),
    )('%s of length %i gives %j', (parameter, _length, value, expected) => {
      expect(messageFor(parameter, { [parameter]: value })).toBe(expected);
    });
  });

  it('accepts JSON and JSONL input in any case and rejects CSV', () => {
    expect(messageFor('input_data_type', { input_data_type: 'json' })).toBeUndefined();
    expect(messageFor('input_data_type', { input_data_type: 'JSONL' })).toBeUndefined();
    expect(messageFor('input_data_type', { input_data_type: 'CSV' })).toBe(
      'must be one of JSON, JSONL',
    );
  });

  it('requires the model, the batch size and the inference timeout', () => {
    expect(messageFor('model_id', { model_id: undefined })).toBe('is required');
    expect(messageFor('batch_size', { batch_size: undefined })).toBe('is required');
    expect(messageFor('inference_timeout_seconds', { inference_timeout_seconds: undefined })).toBe(
      'is required',
    );
    expect(messageFor('data_storage_size', { data_storage_size: undefined })).toBe('is required');
  });

  it('rejects a URI outside Object Storage and NAS', () => {
    expect(messageFor('input_data_uri', { input_data_uri: 'https://example.invalid/in' })).toBe(
      'must start with obs:// or nas://',
    );
  });

  it('takes a model chosen in the form by id', () => {
    const result = validateParameters(create, { ...valid, model_id: { id: 'mdl000000001' } }, {});
    expect(result.ok).toBe(true);
    expect(result.ok && result.parameters).toMatchObject({ model_id: { id: 'mdl000000001' } });
  });

  it('builds a wire body that passes the API schema', () => {
    const result = validateParameters(
      create,
      { ...valid, timeout_hours: '2', include_glob_pattern: '**/*.jsonl', use_log: 'true' },
      {},
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const body = create.buildCreateBody(
      result.parameters,
      {
        model_id: { id: 'mdl123456789', name: 'mnist' },
        instance_type_name: { id: '5f0a7c52-1b7e-4a8e-9f31-0c1d2e3f4a01', name: 'm2.c4m8' },
      },
      {},
    );
    expect(body).toMatchObject({
      batchInferenceName: 'nightly-scoring',
      modelId: 'mdl123456789',
      flavorId: '5f0a7c52-1b7e-4a8e-9f31-0c1d2e3f4a01',
      maxBatchSize: 32,
      inferenceTimeoutSeconds: 60,
      timeoutMinutes: 120,
      inputDataTypeCode: 'JSONL',
      includeGlobPattern: '**/*.jsonl',
      useLog: true,
    });
    expect(batchInferenceCreateBodySchema.safeParse(body).success).toBe(true);
  });
});

describe('batch inference description', () => {
  const batch = {
    batchInferenceId: 'bi0000000001',
    batchInferenceName: 'nightly-scoring',
    batchInferenceStatusCode: 'COMPLETE',
    inputFileCount: 3,
    processCount: 120,
    success2xxCount: 118,
    fail4xxCount: 1,
    fail5xxCount: 1,
    outputUploadUri: obs('output'),
  };

  it('is found by each of its command words', () => {
    for (const word of ['batch', 'batch-inference', 'batch-inferences']) {
      expect(findDescriptionByWord(word)?.kind).toBe('batch-inference');
    }
  });

  it('shows the request counters and the output URI in the result', () => {
    expect(batchInferenceDescription.summarizeResult(batch)).toEqual([
      { label: 'Input files', value: '3' },
      { label: 'Processed', value: '120' },
      { label: '2xx', value: '118' },
      { label: '4xx', value: '1' },
      { label: '5xx', value: '1' },
      { label: 'Output', value: obs('output') },
    ]);
  });

  it('counts missing counters as zero', () => {
    const progress = batchInferenceDescription.progressOf?.({
      ...batch,
      processCount: null,
      fail5xxCount: undefined,
    });
    expect(progress).toContainEqual({ label: 'Processed', value: '0' });
    expect(progress).toContainEqual({ label: '5xx', value: '0' });
  });
});
