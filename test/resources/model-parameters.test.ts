import { describe, expect, it } from 'vitest';
import { modelCreateBodySchema } from '../../src/api/schemas/model-create-body.js';
import type { RawValue } from '../../src/resources/field-schemas.js';
import { lookupDescriptions } from '../../src/resources/lookups.js';
import { modelDescription } from '../../src/resources/model.js';
import { type ModelParameters, modelCreate } from '../../src/resources/model-create.js';
import type {
  CreateDescription,
  ResolvedReferences,
} from '../../src/resources/resource-description.js';
import { validateParameters } from '../../src/resources/validate-parameters.js';

const create = modelCreate as unknown as CreateDescription<unknown, unknown>;
const URI = 'obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_t/c/model';

const fromUri: Record<string, RawValue> = {
  model_name: 'mnist',
  model_upload_uri: URI,
  model_format_code: 'TENSORFLOW',
};

function issuesFor(raw: Record<string, RawValue>) {
  const result = validateParameters(create, raw, {});
  return result.ok ? [] : result.issues;
}

function messageFor(parameter: string, raw: Record<string, RawValue>) {
  return issuesFor(raw).find((issue) => issue.parameter === parameter)?.message;
}

function bodyFor(raw: Record<string, RawValue>, resolved: ResolvedReferences = {}) {
  const result = validateParameters(modelCreate, raw, {});
  if (!result.ok) {
    throw new Error(JSON.stringify(result.issues));
  }
  return modelCreate.buildCreateBody(result.parameters as ModelParameters, resolved, {});
}

describe('model parameters', () => {
  it('accepts a model from an artifact URI', () => {
    expect(issuesFor(fromUri)).toEqual([]);
  });

  describe('when a value sits at a published range edge', () => {
    const cases: Array<[string, string, string | undefined]> = [
      ['model_name', 'a'.repeat(50), undefined],
      ['model_name', 'a'.repeat(51), 'must be at most 50 characters'],
      ['description', 'd'.repeat(255), undefined],
      ['description', 'd'.repeat(256), 'must be at most 255 characters'],
      ['model_upload_uri', `obs://${'m'.repeat(249)}`, undefined],
      ['model_upload_uri', `obs://${'m'.repeat(250)}`, 'must be at most 255 characters'],
      ['model_upload_uri', `nas://${'m'.repeat(249)}`, undefined],
      ['model_upload_uri', 'https://example.invalid/model', 'must start with obs:// or nas://'],
    ];
    it.each(
      cases.map(
        ([parameter, value, expected]) => [parameter, value.length, value, expected] as const,
      ),
    )('%s of length %i gives %j', (parameter, _length, value, expected) => {
      expect(messageFor(parameter, { ...fromUri, [parameter]: value })).toBe(expected);
    });
  });

  describe('when serving parameters reach their limits', () => {
    const lines = (count: number) =>
      Array.from({ length: count }, (_, index) => `p${index}=v`).join('\n');

    it('accepts 10 parameters and rejects 11', () => {
      expect(messageFor('parameter_list', { ...fromUri, parameter_list: lines(10) })).toBe(
        undefined,
      );
      expect(messageFor('parameter_list', { ...fromUri, parameter_list: lines(11) })).toBe(
        'must have at most 10 entries (got 11)',
      );
    });

    it('checks name 64 and value 255', () => {
      const edge = `${'n'.repeat(64)}=${'v'.repeat(255)}`;
      expect(messageFor('parameter_list', { ...fromUri, parameter_list: edge })).toBe(undefined);
      expect(
        messageFor('parameter_list', { ...fromUri, parameter_list: `${'n'.repeat(65)}=v` }),
      ).toBe(`name "${'n'.repeat(37)}..." must be at most 64 characters`);
      expect(
        messageFor('parameter_list', { ...fromUri, parameter_list: `n=${'v'.repeat(256)}` }),
      ).toBe('value of "n" must be at most 255 characters');
    });

    it('rejects a name given twice', () => {
      expect(messageFor('parameter_list', { ...fromUri, parameter_list: 'a=1\na=2' })).toBe(
        'name "a" is given twice',
      );
    });
  });

  describe('when choosing the source', () => {
    it('requires one source', () => {
      expect(messageFor('training_id', { model_name: 'm', model_format_code: 'PYTORCH' })).toBe(
        'is required: choose one source of training_id, hyperparameter_tuning_id, model_upload_uri, hugging_face_model_id',
      );
    });

    it('rejects a second source', () => {
      expect(messageFor('model_upload_uri', { ...fromUri, training_id: 'tr1' })).toBe(
        'cannot be combined with training_id: a model has exactly one source',
      );
      expect(
        messageFor('hugging_face_model_id', { ...fromUri, hugging_face_model_id: 'bert-base' }),
      ).toBe('cannot be combined with model_upload_uri: a model has exactly one source');
    });

    it('requires the format for every source but Hugging Face', () => {
      for (const source of ['training_id', 'hyperparameter_tuning_id', 'model_upload_uri']) {
        const value = source === 'model_upload_uri' ? URI : 'abc123';
        expect(messageFor('model_format_code', { model_name: 'm', [source]: value })).toMatch(
          /^is required: one of TENSORFLOW, PYTORCH, SCIKIT_LEARN, TENSORFLOW_TRITON/,
        );
      }
    });

    it('rejects a format that is not offered', () => {
      expect(messageFor('model_format_code', { ...fromUri, model_format_code: 'KERAS' })).toBe(
        'must be one of TENSORFLOW, PYTORCH, SCIKIT_LEARN, TENSORFLOW_TRITON, PYTORCH_TRITON, ONNX_TRITON',
      );
    });

    it('reads the guide name SKLEARN as SCIKIT_LEARN', () => {
      expect(bodyFor({ ...fromUri, model_format_code: 'sklearn' }).modelTypeCode).toBe(
        'SCIKIT_LEARN',
      );
    });

    it('rejects a format with a Hugging Face model', () => {
      expect(
        messageFor('model_format_code', {
          model_name: 'm',
          hugging_face_model_id: 'bert-base',
          model_format_code: 'PYTORCH',
        }),
      ).toBe('is not used with hugging_face_model_id, whose format is HUGGING_FACE');
    });

    it('checks the Hugging Face model id at 255 characters', () => {
      const huggingFace = (id: string) => ({ model_name: 'm', hugging_face_model_id: id });
      expect(messageFor('hugging_face_model_id', huggingFace(`org/${'b'.repeat(251)}`))).toBe(
        undefined,
      );
      expect(messageFor('hugging_face_model_id', huggingFace(`org/${'b'.repeat(252)}`))).toBe(
        'must be at most 255 characters',
      );
    });

    it('rejects a malformed Hugging Face model id', () => {
      expect(
        messageFor('hugging_face_model_id', { model_name: 'm', hugging_face_model_id: 'a b' }),
      ).toBe('must be a Hugging Face model id, such as distilbert-base-uncased or org/model');
    });

    it('keeps one parameter slot for the Hugging Face model id', () => {
      const huggingFace = { model_name: 'm', hugging_face_model_id: 'org/bert' };
      const lines = (count: number) =>
        Array.from({ length: count }, (_, index) => `p${index}=v`).join('\n');
      expect(messageFor('parameter_list', { ...huggingFace, parameter_list: lines(9) })).toBe(
        undefined,
      );
      expect(messageFor('parameter_list', { ...huggingFace, parameter_list: lines(10) })).toBe(
        'must have at most 9 entries with a Hugging Face model, whose id takes the 10th (got 10)',
      );
      expect(messageFor('parameter_list', { ...huggingFace, parameter_list: 'model_id=x' })).toBe(
        'must not set model_id: hugging_face_model_id sets it',
      );
    });
  });

  describe('wire body', () => {
    it('sends a training source with its format', () => {
      const body = bodyFor(
        { model_name: 'm', training_id: 'tr1', model_format_code: 'TENSORFLOW' },
        { training_id: { id: 'tr1', name: 'mnist-training' } },
      );
      expect(body).toEqual({
        modelName: 'm',
        description: undefined,
        modelTypeCode: 'TENSORFLOW',
        trainingId: 'tr1',
        hyperparameterTuningId: undefined,
        modelUploadUri: undefined,
        parameterList: undefined,
      });
      expect(modelCreateBodySchema.safeParse(body).success).toBe(true);
    });

    it('sends a tuning source as hyperparameterTuningId', () => {
      const body = bodyFor(
        { model_name: 'm', hyperparameter_tuning_id: 'hp1', model_format_code: 'PYTORCH' },
        { hyperparameter_tuning_id: { id: 'hp1', name: 'search' } },
      );
      expect(body.hyperparameterTuningId).toBe('hp1');
      expect(modelCreateBodySchema.safeParse(body).success).toBe(true);
    });

    it('sends an artifact URI with modelTypeCode and parameters', () => {
      const body = bodyFor({ ...fromUri, parameter_list: 'max_batch_size=8' });
      expect(body.modelUploadUri).toBe(URI);
      expect(body.modelTypeCode).toBe('TENSORFLOW');
      expect(body.parameterList).toEqual([
        { parameterName: 'max_batch_size', parameterValue: '8' },
      ]);
      expect(modelCreateBodySchema.safeParse(body).success).toBe(true);
    });

    it('sends a Hugging Face model as HUGGING_FACE with model_id first', () => {
      const body = bodyFor({
        model_name: 'm',
        hugging_face_model_id: 'distilbert-base-uncased',
        parameter_list: 'task=fill-mask',
      });
      expect(body.modelTypeCode).toBe('HUGGING_FACE');
      expect(body.parameterList).toEqual([
        { parameterName: 'model_id', parameterValue: 'distilbert-base-uncased' },
        { parameterName: 'task', parameterValue: 'fill-mask' },
      ]);
      expect(body.modelUploadUri).toBeUndefined();
      expect(modelCreateBodySchema.safeParse(body).success).toBe(true);
    });

    it('passes the API schema at every range edge', () => {
      const body = bodyFor({
        model_name: 'a'.repeat(50),
        description: 'd'.repeat(255),
        model_upload_uri: `obs://${'m'.repeat(249)}`,
        model_format_code: 'ONNX_TRITON',
        parameter_list: Array.from(
          { length: 10 },
          (_, index) => `${String(index).padEnd(64, 'n')}=${'v'.repeat(255)}`,
        ).join('\n'),
      });
      expect(modelCreateBodySchema.safeParse(body).success).toBe(true);
    });
  });

  describe('lookups', () => {
    it('offers only COMPLETE trainings and tunings', () => {
      const training = lookupDescriptions.training;
      const tuning = lookupDescriptions['hyperparameter-tuning'];
      const keepsTraining = training.includes as (object: unknown) => boolean;
      const keepsTuning = tuning.includes as (object: unknown) => boolean;
      expect(keepsTraining({ trainingStatusCode: 'COMPLETE' })).toBe(true);
      expect(keepsTraining({ trainingStatusCode: 'RUNNING' })).toBe(false);
      expect(keepsTuning({ hyperparameterTuningStatusCode: 'COMPLETE' })).toBe(true);
      expect(keepsTuning({ hyperparameterTuningStatusCode: 'FAIL_HYPERPARAMETER_TUNING' })).toBe(
        false,
      );
    });

    it('resolves the training and tuning through their lookups', () => {
      expect(modelCreate.references).toEqual([
        { parameter: 'training_id', lookup: 'training' },
        { parameter: 'hyperparameter_tuning_id', lookup: 'hyperparameter-tuning' },
      ]);
      expect(modelCreate.formLookups).toEqual(['training', 'hyperparameter-tuning']);
    });
  });

  describe('description', () => {
    it('tracks until ACTIVE', () => {
      expect(modelDescription.statuses.success).toEqual(['ACTIVE']);
      expect(modelDescription.statuses.going).toContain('CREATE_IN_PROGRESS');
      expect(modelDescription.statuses.failure).toEqual(['CREATE_FAILED', 'DELETE_FAILED']);
    });

    it('names the source of a model', () => {
      const fields = modelDescription.summarizeResult({
        modelId: 'm1',
        modelName: 'mnist',
        modelStatusCode: 'ACTIVE',
        modelTypeCode: 'TENSORFLOW',
        modelUploadUri: URI,
        training: { trainingName: 'mnist-training' },
      });
      expect(fields).toEqual([
        { label: 'Format', value: 'TENSORFLOW' },
        { label: 'Source', value: 'training mnist-training' },
        { label: 'Artifacts', value: URI },
      ]);
    });
  });
});
