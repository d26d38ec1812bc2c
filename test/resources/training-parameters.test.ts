import { describe, expect, it } from 'vitest';
import type { RawValue } from '../../src/resources/field-schemas.js';
import type {
  CreateDescription,
  ValidationContext,
} from '../../src/resources/resource-description.js';
import { trainingCreate } from '../../src/resources/training-create.js';
import { validateParameters } from '../../src/resources/validate-parameters.js';

const create = trainingCreate as unknown as CreateDescription<unknown, unknown>;

const valid: Record<string, RawValue> = {
  training_name: 'mnist-baseline',
  experiment_name: 'vision',
  image_name: 'Ubuntu 22.04 CPU TensorFlow Training',
  instance_type_name: 'm2.c4m8',
  source_dir_uri: 'obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_t/c/src',
  entry_point: 'train.py',
  model_upload_uri: 'obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_t/c/model',
  dataset_list: 'train=obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_t/c/data',
  data_storage_size: '300',
};

const flavorContext: ValidationContext = {
  lookups: {
    flavor: [
      { id: 'f-cpu', name: 'm2.c4m8', vcpus: 4, gpuFlavor: false, gpuCount: 0 },
      { id: 'f-gpu', name: 'g2.t4.c4m32', vcpus: 4, gpuFlavor: true, gpuCount: 1 },
    ],
  },
};

function issuesFor(overrides: Record<string, RawValue>, context: ValidationContext = {}) {
  const result = validateParameters(create, { ...valid, ...overrides }, context);
  return result.ok ? [] : result.issues;
}

function messageFor(
  parameter: string,
  overrides: Record<string, RawValue>,
  context?: ValidationContext,
) {
  return issuesFor(overrides, context).find((issue) => issue.parameter === parameter)?.message;
}

describe('training parameters', () => {
  it('accepts a complete own-code training', () => {
    expect(issuesFor({})).toEqual([]);
  });

  it('applies the SDK defaults for node count and timeout', () => {
    const result = validateParameters(create, valid, {});
    expect(result.ok).toBe(true);
    expect(result.ok && result.parameters).toMatchObject({
      distributed_node_count: 1,
      timeout_hours: 720,
    });
  });

  describe('when a value sits at a published range edge', () => {
    const cases: Array<[string, string, string | undefined]> = [
      ['training_name', 'a'.repeat(50), undefined],
      ['training_name', 'a'.repeat(51), 'must be at most 50 characters'],
      ['training_description', 'd'.repeat(255), undefined],
      ['training_description', 'd'.repeat(256), 'must be at most 255 characters'],
      ['experiment_name', 'e'.repeat(50), undefined],
      ['experiment_name', 'e'.repeat(51), 'must be at most 50 characters'],
      ['distributed_node_count', '1', undefined],
      ['distributed_node_count', '10', undefined],
      ['distributed_node_count', '0', 'must be a whole number from 1 to 10'],
      ['distributed_node_count', '11', 'must be a whole number from 1 to 10'],
      ['data_storage_size', '10000', undefined],
      ['data_storage_size', '299', 'must be a whole number from 300 to 10000 GB'],
      ['data_storage_size', '10001', 'must be a whole number from 300 to 10000 GB'],
      ['timeout_hours', '1', undefined],
      ['timeout_hours', '720', undefined],
      ['timeout_hours', '0', 'must be a whole number from 1 to 720 hours'],
      ['timeout_hours', '721', 'must be a whole number from 1 to 720 hours'],
      ['entry_point', 'e'.repeat(255), undefined],
      ['entry_point', 'e'.repeat(256), 'must be at most 255 characters'],
      ['model_upload_uri', `obs://${'m'.repeat(249)}`, undefined],
      ['model_upload_uri', `obs://${'m'.repeat(250)}`, 'must be at most 255 characters'],
      ['check_point_upload_uri', `nas://${'c'.repeat(249)}`, undefined],
      ['check_point_upload_uri', `nas://${'c'.repeat(250)}`, 'must be at most 255 characters'],
    ];
    it.each(
      cases.map(
        ([parameter, value, expected]) => [parameter, value.length, value, expected] as const,
      ),
    )('%s of length %i gives %j', (parameter, _length, value, expected) => {
      expect(messageFor(parameter, { [parameter]: value })).toBe(expected);
    });
  });

  it('rejects a count that is not a whole number', () => {
    expect(messageFor('distributed_node_count', { distributed_node_count: '2.5' })).toBe(
      'must be a whole number from 1 to 10',
    );
  });

  describe('when lists reach their limits', () => {
    const entries = (count: number, make: (index: number) => string) =>
      Array.from({ length: count }, (_, index) => make(index)).join('\n');

    it('accepts 100 hyperparameters and rejects 101', () => {
      expect(
        messageFor('hyperparameter_list', { hyperparameter_list: entries(100, (i) => `p${i}=1`) }),
      ).toBeUndefined();
      expect(
        messageFor('hyperparameter_list', { hyperparameter_list: entries(101, (i) => `p${i}=1`) }),
      ).toBe('must have at most 100 entries (got 101)');
    });

    it('checks hyperparameter name 255 and value 1000', () => {
      expect(
        messageFor('hyperparameter_list', {
          hyperparameter_list: `${'n'.repeat(255)}=${'v'.repeat(1000)}`,
        }),
      ).toBeUndefined();
      expect(
        messageFor('hyperparameter_list', { hyperparameter_list: `${'n'.repeat(256)}=1` }),
      ).toMatch(/must be at most 255 characters/);
      expect(
        messageFor('hyperparameter_list', { hyperparameter_list: `lr=${'v'.repeat(1001)}` }),
      ).toBe('value of "lr" must be at most 1000 characters');
    });

    it('accepts 10 datasets and rejects 11', () => {
      const dataset = (i: number) => `d${i}=obs://host/v1/AUTH_t/c/d${i}`;
      expect(messageFor('dataset_list', { dataset_list: entries(10, dataset) })).toBeUndefined();
      expect(messageFor('dataset_list', { dataset_list: entries(11, dataset) })).toBe(
        'must have at most 10 entries (got 11)',
      );
    });

    it('checks dataset name 36 characters', () => {
      expect(
        messageFor('dataset_list', { dataset_list: `${'n'.repeat(36)}=obs://h/c` }),
      ).toBeUndefined();
      expect(messageFor('dataset_list', { dataset_list: `${'n'.repeat(37)}=obs://h/c` })).toMatch(
        /must be at most 36 characters/,
      );
    });

    it('accepts 10 tags and rejects 11, with key 64 and value 255', () => {
      expect(messageFor('tag_list', { tag_list: entries(10, (i) => `k${i}=v`) })).toBeUndefined();
      expect(messageFor('tag_list', { tag_list: entries(11, (i) => `k${i}=v`) })).toBe(
        'must have at most 10 entries (got 11)',
      );
      expect(
        messageFor('tag_list', { tag_list: `${'k'.repeat(64)}=${'v'.repeat(255)}` }),
      ).toBeUndefined();
      expect(messageFor('tag_list', { tag_list: `${'k'.repeat(65)}=v` })).toMatch(/at most 64/);
      expect(messageFor('tag_list', { tag_list: `k=${'v'.repeat(256)}` })).toMatch(/at most 255/);
    });

    it('keeps commas inside values given one per line or with semicolons', () => {
      const lines = validateParameters(
        create,
        { ...valid, hyperparameter_list: 'betas=0.9,0.999\nlr=0.01' },
        {},
      );
      expect(
        lines.ok && (lines.parameters as { hyperparameter_list: unknown }).hyperparameter_list,
      ).toEqual([
        { key: 'betas', value: '0.9,0.999' },
        { key: 'lr', value: '0.01' },
      ]);
      const inline = validateParameters(
        create,
        { ...valid, hyperparameter_list: 'betas=0.9,0.999;lr=0.01' },
        {},
      );
      expect(
        inline.ok && (inline.parameters as { hyperparameter_list: unknown }).hyperparameter_list,
      ).toEqual([
        { key: 'betas', value: '0.9,0.999' },
        { key: 'lr', value: '0.01' },
      ]);
    });

    it('rejects an entry without a value', () => {
      expect(messageFor('tag_list', { tag_list: 'team' })).toBe(
        'entry "team" must have the form key=value',
      );
    });
  });

  describe('when fields depend on each other', () => {
    it('requires source and entry point without an algorithm', () => {
      expect(messageFor('source_dir_uri', { source_dir_uri: undefined })).toBe(
        'is required when no algorithm is chosen',
      );
      expect(messageFor('entry_point', { entry_point: '' })).toBe(
        'is required when no algorithm is chosen',
      );
    });

    it('rejects an algorithm together with own code', () => {
      expect(messageFor('algorithm_name', { algorithm_name: 'Image Classification' })).toBe(
        'use either an algorithm or source_dir_uri with entry_point, not both',
      );
    });

    it('accepts an algorithm alone', () => {
      expect(
        issuesFor({
          algorithm_name: 'Image Classification',
          source_dir_uri: undefined,
          entry_point: undefined,
        }),
      ).toEqual([]);
    });

    it('requires data storage size with Object Storage data', () => {
      expect(messageFor('data_storage_size', { data_storage_size: undefined })).toBe(
        'is required (300 to 10000 GB) when data is on Object Storage (obs://)',
      );
    });

    it('does not require data storage size with NAS only', () => {
      expect(
        issuesFor({
          data_storage_size: undefined,
          source_dir_uri: 'nas://nas123:/src',
          dataset_list: 'train=nas://nas123:/data',
        }),
      ).toEqual([]);
    });

    it('requires processes per node with torchrun', () => {
      expect(messageFor('nproc_per_node', { use_torchrun: true })).toBe(
        'is required with use_torchrun',
      );
    });

    it('limits processes per node to the CPUs of a CPU flavor', () => {
      const overrides = { use_torchrun: true, instance_type_name: { id: 'f-cpu' } };
      expect(
        messageFor('nproc_per_node', { ...overrides, nproc_per_node: '4' }, flavorContext),
      ).toBeUndefined();
      expect(
        messageFor('nproc_per_node', { ...overrides, nproc_per_node: '5' }, flavorContext),
      ).toBe('must be a whole number from 1 to 4 (the CPUs of m2.c4m8)');
    });

    it('limits processes per node to the GPUs of a GPU flavor', () => {
      const overrides = {
        use_torchrun: true,
        instance_type_name: { id: 'f-gpu' },
        nproc_per_node: '2',
      };
      expect(messageFor('nproc_per_node', overrides, flavorContext)).toBe(
        'must be a whole number from 1 to 1 (the GPUs of g2.t4.c4m32)',
      );
    });

    it('requires an experiment unless a default is configured', () => {
      expect(messageFor('experiment_id', { experiment_name: undefined })).toMatch(/^is required/);
      expect(issuesFor({ experiment_name: undefined }, { defaultExperimentId: 'exp123' })).toEqual(
        [],
      );
    });

    it('rejects both an experiment id and a new experiment name', () => {
      expect(messageFor('experiment_name', { experiment_id: { id: 'abc' } })).toMatch(/not both/);
    });

    it('rejects a URI outside Object Storage and NAS', () => {
      expect(
        messageFor('model_upload_uri', { model_upload_uri: 'https://example.invalid/m' }),
      ).toBe('must start with obs:// or nas://');
    });
  });

  it('reports a missing required value as required', () => {
    expect(messageFor('training_name', { training_name: '  ' })).toBe('is required');
    expect(messageFor('model_upload_uri', { model_upload_uri: undefined })).toBe('is required');
  });

  it('builds the wire body with hours as minutes and the fixed training type', () => {
    const result = validateParameters(
      create,
      { ...valid, timeout_hours: '2', tag_list: 'team=ml' },
      {},
    );
    if (!result.ok) throw new Error('expected valid parameters');
    const body = trainingCreate.buildCreateBody(
      result.parameters as never,
      {
        experiment_name: { id: 'exp1', name: 'vision' },
        image_name: { id: 'img1', name: 'image' },
        instance_type_name: { id: 'fl1', name: 'm2.c4m8' },
      },
      {},
    );
    expect(body).toMatchObject({
      trainingName: 'mnist-baseline',
      experimentId: 'exp1',
      imageId: 'img1',
      flavorId: 'fl1',
      instanceCount: 1,
      timeoutMinutes: 120,
      dataStorageSize: 300,
      trainingTypeCode: 'NORMAL',
      datasetList: [{ datasetName: 'train', dataUri: valid.dataset_list?.toString().slice(6) }],
      tagList: [{ tagKey: 'team', tagValue: 'ml' }],
    });
  });
});
