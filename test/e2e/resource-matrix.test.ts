import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ackText,
  CPU_FLAVOR_ID,
  formValues,
  openForm,
  replyContaining,
  send,
  threadOf,
} from './e2e-flows.js';
import { ALERTS_CHANNEL, ALICE, CHANNEL, type Harness, startHarness } from './harness.js';

/** A Kubeflow Pipelines spec without input parameters, enough for an upload. */
const SPEC = [
  '# PIPELINE DEFINITION',
  'pipelineInfo:',
  '  name: matrix',
  'root:',
  '  dag:',
  '    tasks: {}',
  'schemaVersion: 2.1.0',
  '',
].join('\n');
const START = '2030-01-01T00:00:00+09:00';

interface FailureCase {
  resource: string;
  name: string;
  status: string;
  command(): string;
  /** A control API fault to queue first, for resources that no name prefix fails. */
  fault?: Record<string, unknown>;
}

describe('resource creation and failure tracking from Slack', () => {
  let harness: Harness;
  let modelId = '';
  let pipelineId = '';
  const endpointIds = new Map<string, string>();

  beforeAll(async () => {
    harness = await startHarness({ speed: 20 });
    // A stage that fails makes its endpoint UPDATE_FAILED, and such an endpoint takes no new
    // stage, so each failing stage gets an endpoint of its own.
    const seeded = (await harness.control('POST', '/_simulator/seed', {
      models: [{ modelName: 'matrix-model' }],
      endpoints: ['matrix-stage-deploy', 'matrix-stage-create'].map((endpointName) => ({
        endpointName,
        modelName: 'matrix-model',
      })),
      pipelines: [{ pipelineName: 'matrix-pipeline' }],
    })) as {
      seeded: {
        modelList: Array<{ modelId: string }>;
        endpointList: Array<{ endpointId: string; endpointName: string }>;
        pipelineList: Array<{ pipelineId: string }>;
      };
    };
    modelId = seeded.seeded.modelList[0]?.modelId ?? '';
    pipelineId = seeded.seeded.pipelineList[0]?.pipelineId ?? '';
    for (const endpoint of seeded.seeded.endpointList) {
      endpointIds.set(endpoint.endpointName, endpoint.endpointId);
    }
  });

  afterAll(async () => {
    await harness?.stop();
  });

  afterEach(() => {
    harness.fake.clearViews(ALICE);
  });

  function runArguments(): string {
    return `pipeline_id=${pipelineId} experiment_name=matrix-pipelines instance_type_name=m2.c4m8 boot_storage_size=50`;
  }

  function stageCommand(stageName: string, endpointName: string): string {
    return `stage add endpoint_id=${endpointIds.get(endpointName)} stage_name=${stageName} instance=m2.c4m8 resources="model=${modelId} cpu=0.5 memory=512Mi"`;
  }

  describe('create through the form', () => {
    it('creates an experiment and tracks it until ACTIVE', async () => {
      const view = await openForm(harness, 'experiment create', 'experiment');
      const ack = await harness.driver.submitView({
        viewId: view.id,
        userId: ALICE,
        values: formValues({ experiment_name: 'matrix-form-experiment', description: 'form' }),
      });
      expect(ack.body).toBe('');
      const parent = await threadOf(harness, 'matrix-form-experiment');
      const final = await replyContaining(harness, parent, 'is ready');
      expect(final.text).toContain('*ACTIVE*');
      expect(final.text).toContain(`<@${ALICE}>`);
    });

    it('creates an endpoint and tracks it until ACTIVE', async () => {
      const view = await openForm(harness, 'endpoint create', 'endpoint');
      const ack = await harness.driver.submitView({
        viewId: view.id,
        userId: ALICE,
        values: formValues({
          endpoint_name: 'matrix-form-endpoint',
          instance_type_name: CPU_FLAVOR_ID,
          endpoint_model_resource_list: `model=${modelId} cpu=1 memory=2Gi`,
        }),
      });
      expect(ack.body).toBe('');
      const parent = await threadOf(harness, 'matrix-form-endpoint');
      const final = await replyContaining(harness, parent, 'is ready');
      expect(final.text).toContain('*ACTIVE*');
      expect(final.text).toContain(`<@${ALICE}>`);
      expect(JSON.stringify(final.blocks)).toContain('matrix-model');
    });

    it('creates a tuning and tracks it until COMPLETE', async () => {
      const view = await openForm(harness, 'tuning run', 'hyperparameter-tuning');
      const ack = await harness.driver.submitView({
        viewId: view.id,
        userId: ALICE,
        values: formValues({
          hyperparameter_tuning_name: 'matrix-form-tuning',
          experiment_name: 'matrix-tunings',
          image_name: 'imgtfcpu2150',
          instance_type_name: CPU_FLAVOR_ID,
          source_dir_uri: 'nas://nas1:/src',
          entry_point: 'train.py',
          dataset_list: 'train=nas://nas1:/data',
          model_upload_uri: 'nas://nas1:/model',
          hyperparameter_spec_list: 'learning_rate double 0.001 0.1 0.01\nbatch_size int 16 64 16',
          metric_list: 'loss,accuracy',
          objective_metric_name: 'loss',
          objective_type_code: 'MINIMIZE',
          tuning_strategy_name: 'GRID',
          max_trial_count: '6',
        }),
      });
      expect(ack.body).toBe('');
      const parent = await threadOf(harness, 'matrix-form-tuning');
      const final = await replyContaining(harness, parent, 'completed');
      expect(final.text).toContain('*COMPLETE*');
      expect(final.text).toContain(`<@${ALICE}>`);
      expect(await harness.countRequests('POST', '/hyperparameter-tunings')).toBe(1);
    });
  });

  const failures: FailureCase[] = [
    {
      resource: 'experiment',
      name: 'matrix-doomed-experiment',
      status: 'CREATE_FAILED',
      command: () => 'experiment create experiment_name=matrix-doomed-experiment',
      fault: {
        kind: 'fail-resource',
        resource: 'experiment',
        namePattern: 'matrix-doomed-experiment',
        status: 'CREATE_FAILED',
      },
    },
    {
      resource: 'model',
      name: 'createfail-matrix-model',
      status: 'CREATE_FAILED',
      command: () =>
        'model create model_name=createfail-matrix-model model_format_code=TENSORFLOW model_upload_uri=nas://nas1:/model',
    },
    {
      resource: 'endpoint',
      name: 'fail-matrix-endpoint',
      status: 'UPDATE_FAILED',
      command: () =>
        `endpoint create endpoint_name=fail-matrix-endpoint instance=m2.c4m8 resources="model=${modelId} cpu=1 memory=2Gi"`,
    },
    {
      resource: 'endpoint',
      name: 'createfail-matrix-endpoint',
      status: 'CREATE_FAILED',
      command: () =>
        `endpoint create endpoint_name=createfail-matrix-endpoint instance=m2.c4m8 resources="model=${modelId} cpu=1 memory=2Gi"`,
    },
    {
      resource: 'endpoint stage',
      name: 'failmatrix',
      status: 'DEPLOY_FAILED',
      command: () => stageCommand('failmatrix', 'matrix-stage-deploy'),
    },
    {
      resource: 'endpoint stage',
      name: 'createfailmatrix',
      status: 'CREATE_FAILED',
      command: () => stageCommand('createfailmatrix', 'matrix-stage-create'),
    },
    {
      resource: 'pipeline',
      name: 'createfail-matrix-pipeline',
      status: 'CREATE_FAILED',
      command: () => {
        const file = harness.fake.addUserFile({
          userId: ALICE,
          name: 'matrix.yaml',
          content: SPEC,
          channels: [CHANNEL],
        });
        return `pipeline upload pipeline_name=createfail-matrix-pipeline file=${file.id}`;
      },
    },
    {
      resource: 'pipeline run',
      name: 'fail-matrix-run',
      status: 'FAIL_PIPELINE_RUN',
      command: () => `run create pipeline_run_name=fail-matrix-run ${runArguments()}`,
    },
    {
      resource: 'pipeline run',
      name: 'createfail-matrix-run',
      status: 'CREATE_FAILED',
      command: () => `run create pipeline_run_name=createfail-matrix-run ${runArguments()}`,
    },
    {
      resource: 'recurring run',
      name: 'createfail-matrix-schedule',
      status: 'CREATE_FAILED',
      command: () =>
        `schedule create pipeline_recurring_run_name=createfail-matrix-schedule ${runArguments()} schedule_cron_expression="0 0 * * * ?" schedule_start_datetime=${START}`,
    },
  ];

  describe('tracking to failure', () => {
    for (const failure of failures) {
      it(`tracks a failing ${failure.resource} to ${failure.status}`, async () => {
        const { fake } = harness;
        if (failure.fault !== undefined) {
          await harness.control('POST', '/_simulator/faults', failure.fault);
        }
        const ack = await send(harness, failure.command());
        expect(ackText(ack)).toContain(failure.name);
        const parent = await threadOf(harness, failure.name);
        const final = await replyContaining(harness, parent, 'failed with');
        expect(final.text).toContain(`*${failure.status}*`);
        expect(final.text).toContain(`<@${ALICE}>`);
        const alert = await fake.waitFor(
          () =>
            fake
              .messages(ALERTS_CHANNEL)
              .find((message) => message.text.includes(`\`${failure.name}\``)),
          5000,
        );
        expect(alert.text).toContain(`*${failure.status}*`);
        expect(alert.text).toContain(`/archives/${CHANNEL}/p${parent.ts.replace('.', '')}`);
        await fake.waitFor(
          () => fake.message(CHANNEL, parent.ts)?.text.includes(failure.status),
          5000,
        );
      });
    }
  });
});
