import { describe, expect, it } from 'vitest';
import { pipelineRunCreateBodySchema } from '../../src/api/schemas/pipeline-run-create-body.js';
import type { RawValue } from '../../src/resources/field-schemas.js';
import { findDescriptionByWord } from '../../src/resources/index.js';
import { pipelineRunCreate } from '../../src/resources/pipeline-run-create.js';
import type {
  CreateDescription,
  ValidationContext,
} from '../../src/resources/resource-description.js';
import { validateParameters } from '../../src/resources/validate-parameters.js';

const create = pipelineRunCreate as unknown as CreateDescription<unknown, unknown>;

const valid: Record<string, RawValue> = {
  pipeline_run_name: 'weekly-retrain',
  pipeline_id: 'ppl123456789',
  experiment_name: 'pipelines',
  instance_type_name: 'm2.c4m8',
  boot_storage_size: '50',
};

function issuesFor(overrides: Record<string, RawValue>, context: ValidationContext = {}) {
  const result = validateParameters(create, { ...valid, ...overrides }, context);
  return result.ok ? [] : result.issues;
}

function messageFor(parameter: string, overrides: Record<string, RawValue>) {
  return issuesFor(overrides).find((issue) => issue.parameter === parameter)?.message;
}

const lines = (count: number, make: (index: number) => string) =>
  Array.from({ length: count }, (_, index) => make(index)).join('\n');

describe('pipeline run parameters', () => {
  it('accepts a complete pipeline run', () => {
    expect(issuesFor({})).toEqual([]);
  });

  it('defaults to one instance and no parameters or NAS mounts', () => {
    const result = validateParameters(create, valid, {});
    expect(result.ok).toBe(true);
    expect(result.ok && result.parameters).toMatchObject({
      instance_count: 1,
      parameter_list: [],
      nas_list: [],
    });
  });

  describe('when a value sits at a published range edge', () => {
    const cases: Array<[string, string, string | undefined]> = [
      ['pipeline_run_name', 'a'.repeat(50), undefined],
      ['pipeline_run_name', 'a'.repeat(51), 'must be at most 50 characters'],
      ['description', 'd'.repeat(255), undefined],
      ['description', 'd'.repeat(256), 'must be at most 255 characters'],
      ['pipeline_id', 'p'.repeat(36), undefined],
      ['pipeline_id', 'p'.repeat(37), 'must be at most 36 characters'],
      ['experiment_name', 'e'.repeat(50), undefined],
      ['experiment_name', 'e'.repeat(51), 'must be at most 50 characters'],
      ['instance_count', '1', undefined],
      ['instance_count', '10', undefined],
      ['instance_count', '0', 'must be a whole number from 1 to 10'],
      ['instance_count', '11', 'must be a whole number from 1 to 10'],
      ['boot_storage_size', '50', undefined],
      ['boot_storage_size', '49', 'must be a whole number, at least 50 GB'],
      ['boot_storage_size', '100000', undefined],
    ];
    it.each(
      cases.map(
        ([parameter, value, expected]) => [parameter, value.length, value, expected] as const,
      ),
    )('%s of length %i gives %j', (parameter, _length, value, expected) => {
      expect(messageFor(parameter, { [parameter]: value })).toBe(expected);
    });
  });

  it('rejects a boot storage size that is not a whole number', () => {
    expect(messageFor('boot_storage_size', { boot_storage_size: '50.5' })).toBe(
      'must be a whole number, at least 50 GB',
    );
    expect(messageFor('boot_storage_size', { boot_storage_size: undefined })).toBe('is required');
  });

  describe('pipeline parameters', () => {
    it('checks name 255 and value 1000', () => {
      const edge = `${'n'.repeat(255)}=${'v'.repeat(1000)}`;
      expect(messageFor('parameter_list', { parameter_list: edge })).toBeUndefined();
      expect(messageFor('parameter_list', { parameter_list: `${'n'.repeat(256)}=1` })).toMatch(
        /must be at most 255 characters/,
      );
      expect(messageFor('parameter_list', { parameter_list: `x=${'v'.repeat(1001)}` })).toBe(
        'value of "x" must be at most 1000 characters',
      );
    });

    it('keeps commas and equals signs of JSON values', () => {
      const result = validateParameters(
        create,
        { ...valid, parameter_list: 'layers=[64,32,16]\nconfig={"a":1,"b":"x=y"}\nempty=' },
        {},
      );
      expect(result.ok).toBe(true);
      expect(result.ok && result.parameters).toMatchObject({
        parameter_list: [
          { name: 'layers', value: '[64,32,16]' },
          { name: 'config', value: '{"a":1,"b":"x=y"}' },
          { name: 'empty', value: '' },
        ],
      });
    });

    it('rejects an entry without a name and a name given twice', () => {
      expect(messageFor('parameter_list', { parameter_list: '=1' })).toBe(
        'entry "=1" must have the form name=value',
      );
      expect(messageFor('parameter_list', { parameter_list: 'epochs=1\nepochs=2' })).toBe(
        'parameter "epochs" is given twice',
      );
    });
  });

  describe('NAS mounts', () => {
    const mount = (index: number) => `dir${index}=nas://nas-${index}:/data`;

    it('accepts 10 mounts and rejects 11', () => {
      expect(messageFor('nas_list', { nas_list: lines(10, mount) })).toBeUndefined();
      expect(messageFor('nas_list', { nas_list: lines(11, mount) })).toBe(
        'must have at most 10 entries (got 11)',
      );
    });

    it('checks mount directory 64 and URI 255', () => {
      expect(
        messageFor('nas_list', { nas_list: `${'d'.repeat(64)}=nas://n:/${'p'.repeat(246)}` }),
      ).toBeUndefined();
      expect(messageFor('nas_list', { nas_list: `${'d'.repeat(65)}=nas://n:/p` })).toMatch(
        /must be at most 64 characters/,
      );
      expect(messageFor('nas_list', { nas_list: `d=nas://n:/${'p'.repeat(247)}` })).toBe(
        'URI of "d" must be at most 255 characters',
      );
    });

    it('requires the nas://{NAS ID}:/{path} form', () => {
      expect(messageFor('nas_list', { nas_list: 'data=obs://bucket/data' })).toBe(
        'URI of "data" must have the form nas://{NAS ID}:/{path}',
      );
      expect(messageFor('nas_list', { nas_list: 'data' })).toBe(
        'entry "data" must have the form mount_dir=nas://{NAS ID}:/{path}',
      );
      expect(messageFor('nas_list', { nas_list: 'a=nas://n:/x,a=nas://n:/y' })).toBe(
        'mount directory "a" is given twice',
      );
    });
  });

  describe('experiment', () => {
    it('requires an experiment unless a default is configured', () => {
      expect(messageFor('experiment_id', { experiment_name: undefined })).toMatch(/^is required/);
      expect(issuesFor({ experiment_name: undefined }, { defaultExperimentId: 'exp1' })).toEqual(
        [],
      );
    });

    it('rejects both an experiment id and a new experiment name', () => {
      expect(messageFor('experiment_name', { experiment_id: { id: 'exp1' } })).toMatch(/not both/);
    });
  });

  it('builds a wire body that passes the API schema', () => {
    const result = validateParameters(
      create,
      {
        ...valid,
        instance_count: '2',
        parameter_list: 'epochs=10\nlayers=[1,2]',
        nas_list: 'data=nas://nas1:/datasets',
      },
      {},
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const body = create.buildCreateBody(
      result.parameters,
      {
        pipeline_id: { id: 'ppl123456789', name: 'mnist' },
        experiment_name: { id: 'exp123456789', name: 'pipelines' },
        instance_type_name: { id: '5f0a7c52-1b7e-4a8e-9f31-0c1d2e3f4a01', name: 'm2.c4m8' },
      },
      {},
    );
    expect(body).toMatchObject({
      pipelineRunOrRecurringRunName: 'weekly-retrain',
      pipelineId: 'ppl123456789',
      experimentId: 'exp123456789',
      instanceCount: 2,
      bootStorageSize: 50,
      parameterList: [
        { parameterName: 'epochs', parameterValue: '10' },
        { parameterName: 'layers', parameterValue: '[1,2]' },
      ],
      nasList: [{ mountDirName: 'data', nasUri: 'nas://nas1:/datasets' }],
    });
    expect(pipelineRunCreateBodySchema.safeParse(body).success).toBe(true);
  });

  it('is found by each of its command words', () => {
    for (const word of ['run', 'runs', 'pipeline-run', 'pipeline-runs']) {
      expect(findDescriptionByWord(word)?.kind).toBe('pipeline-run');
    }
  });
});
