import { describe, expect, it } from 'vitest';
import type { RawValue } from '../../src/resources/field-schemas.js';
import { hyperparameterTuningCreate } from '../../src/resources/hyperparameter-tuning-create.js';
import type { CreateDescription } from '../../src/resources/resource-description.js';
import { validateParameters } from '../../src/resources/validate-parameters.js';

const create = hyperparameterTuningCreate as unknown as CreateDescription<unknown, unknown>;

const valid: Record<string, RawValue> = {
  hyperparameter_tuning_name: 'tune-lr',
  experiment_name: 'vision',
  image_name: 'Ubuntu 22.04 CPU TensorFlow Training',
  instance_type_name: 'm2.c4m8',
  source_dir_uri: 'nas://nas1:/src',
  entry_point: 'train.py',
  model_upload_uri: 'nas://nas1:/model',
  dataset_list: 'train=nas://nas1:/data',
  hyperparameter_spec_list:
    'learning_rate double 0.0001 0.1 0.01\nbatch_size int 16 128 16\noptimizer categorical adam,sgd',
  metric_list: 'loss,accuracy',
  objective_metric_name: 'loss',
  objective_type_code: 'minimize',
  tuning_strategy_name: 'GRID',
};

function messageFor(parameter: string, overrides: Record<string, RawValue>) {
  const result = validateParameters(create, { ...valid, ...overrides }, {});
  return result.ok
    ? undefined
    : result.issues.find((issue) => issue.parameter === parameter)?.message;
}

describe('hyperparameter tuning parameters', () => {
  it('accepts a complete GRID tuning', () => {
    const result = validateParameters(create, valid, {});
    expect(result.ok).toBe(true);
  });

  it('applies the SDK defaults for early stopping', () => {
    const result = validateParameters(create, valid, {});
    expect(result.ok).toBe(true);
    expect(result.ok && result.parameters).toMatchObject({
      early_stopping_algorithm: 'MEDIAN',
      early_stopping_min_trial_count: 3,
      early_stopping_start_step: 4,
      parallel_trial_count: 1,
    });
  });

  it('limits nodes times parallel trials to 10', () => {
    expect(
      messageFor('parallel_trial_count', {
        parallel_trial_count: '5',
        distributed_node_count: '2',
      }),
    ).toBeUndefined();
    expect(messageFor('parallel_trial_count', { parallel_trial_count: '11' })).toBe(
      'must be a whole number from 1 to 10',
    );
    expect(
      messageFor('parallel_trial_count', {
        parallel_trial_count: '4',
        distributed_node_count: '3',
      }),
    ).toBe('times distributed_node_count must be 10 or less (got 4 x 3 = 12)');
  });

  it('requires a step for ranges with GRID but not with RANDOM', () => {
    const specs = 'learning_rate double 0.0001 0.1';
    expect(messageFor('hyperparameter_spec_list', { hyperparameter_spec_list: specs })).toBe(
      'spec "learning_rate" needs a step with the GRID strategy',
    );
    expect(
      messageFor('hyperparameter_spec_list', {
        hyperparameter_spec_list: specs,
        tuning_strategy_name: 'random',
      }),
    ).toBeUndefined();
  });

  it('checks each spec line', () => {
    const cases: Array<[string, string]> = [
      [
        'lr float 1 2',
        'spec "lr float 1 2" must be "name int|double min max [step]" or "name discrete|categorical a,b,c"',
      ],
      ['batch int 16', 'spec "batch" must be "batch int min max [step]"'],
      ['batch int 1.5 3 1', 'spec "batch": min, max and step must be whole numbers'],
      ['lr double 0.5 0.1 0.1', 'spec "lr": min must not be above max'],
      ['lr double 0.1 0.5 0', 'spec "lr": step must be above 0'],
      ['layers discrete 1,two', 'spec "layers" is discrete, so its values must be numbers'],
      ['opt categorical', 'spec "opt" needs a comma-separated value list of 1 to 3000 characters'],
    ];
    for (const [line, message] of cases) {
      expect(messageFor('hyperparameter_spec_list', { hyperparameter_spec_list: line })).toBe(
        message,
      );
    }
  });

  it('accepts 100 specs and rejects 101', () => {
    const lines = (count: number) =>
      Array.from({ length: count }, (_, index) => `p${index} categorical a,b`).join('\n');
    expect(
      messageFor('hyperparameter_spec_list', { hyperparameter_spec_list: lines(100) }),
    ).toBeUndefined();
    expect(messageFor('hyperparameter_spec_list', { hyperparameter_spec_list: lines(101) })).toBe(
      'must have at most 100 specs (got 101)',
    );
  });

  it('accepts 10 metrics and rejects 11', () => {
    const names = (count: number) =>
      Array.from({ length: count }, (_, index) => `m${index}`).join(',');
    expect(
      messageFor('metric_list', { metric_list: names(10), objective_metric_name: 'm0' }),
    ).toBeUndefined();
    expect(messageFor('metric_list', { metric_list: names(11), objective_metric_name: 'm0' })).toBe(
      'must have at most 10 metrics (got 11)',
    );
  });

  it('requires the objective among the metrics', () => {
    expect(messageFor('objective_metric_name', { objective_metric_name: 'f1' })).toBe(
      'must be one of the metrics in metric_list',
    );
    expect(messageFor('objective_metric_name', { objective_metric_name: 'x'.repeat(37) })).toBe(
      'must be at most 36 characters',
    );
  });

  it('requires metrics for own code', () => {
    expect(messageFor('metric_list', { metric_list: '' })).toBe(
      'is required when the tuning runs your own code',
    );
  });

  it('names the allowed codes of a choice', () => {
    expect(messageFor('objective_type_code', { objective_type_code: 'smallest' })).toBe(
      'must be one of MINIMIZE, MAXIMIZE',
    );
    expect(messageFor('tuning_strategy_name', { tuning_strategy_name: 'annealing' })).toBe(
      'must be one of GRID, RANDOM, BAYESIAN_OPTIMIZATION',
    );
  });

  it('builds a body the API schema accepts', () => {
    const result = validateParameters(create, valid, {});
    if (!result.ok) throw new Error('expected valid parameters');
    const body = hyperparameterTuningCreate.buildCreateBody(
      result.parameters as never,
      {
        experiment_name: { id: 'exp1', name: 'vision' },
        image_name: { id: 'img1', name: 'image' },
        instance_type_name: { id: 'fl1', name: 'm2.c4m8' },
      },
      {},
    );
    expect(hyperparameterTuningCreate.bodySchema?.safeParse(body).success).toBe(true);
    expect(body).toMatchObject({
      instanceCount: 1,
      objectiveMetric: { name: 'loss' },
      objectiveTypeCode: 'MINIMIZE',
      hyperparameterSpecList: [
        {
          hyperparameterName: 'learning_rate',
          hyperparameterTypeCode: 'double',
          hyperparameterStep: '0.01',
        },
        { hyperparameterName: 'batch_size', hyperparameterTypeCode: 'int' },
        {
          hyperparameterName: 'optimizer',
          hyperparameterTypeCode: 'categorical',
          hyperparameterSpecifiedValues: 'adam,sgd',
        },
      ],
    });
  });
});
