import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CPU_FLAVOR_ID,
  confirmOperation,
  replyContaining,
  resourceIdOf,
  seedPipeline,
  send,
  threadOf,
} from './e2e-flows.js';
import { ALICE, type Harness, startHarness } from './harness.js';

const START = '2030-01-01T00:00:00+09:00';
const CRON = '0 0 * * * ?';

function tuneCommand(name: string): string {
  return [
    `tuning run hyperparameter_tuning_name=${name} experiment_name=matrix-tunings`,
    'image="Ubuntu 22.04 CPU TensorFlow Training" instance=m2.c4m8',
    'source_dir_uri=nas://nas1:/src entry_point=train.py model_upload_uri=nas://nas1:/model',
    'dataset_list=train=nas://nas1:/data',
    'hyperparameter_spec_list="learning_rate double 0.001 0.1 0.01; batch_size int 16 64 16"',
    'metric_list=loss,accuracy objective_metric_name=loss objective_type_code=MINIMIZE',
    'tuning_strategy_name=GRID max_trial_count=6',
  ].join(' ');
}

function withArticle(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

interface StopCase {
  word: string;
  noun: string;
  collectionPath: string;
  name: string;
  /** `PUT /_simulator/timing` body that keeps the job RUNNING long enough to stop it. */
  timing: Record<string, Record<string, number>>;
  command(): string;
}

interface DeleteCase {
  word: string;
  noun: string;
  collectionPath: string;
  name: string;
  /** Makes the resource through the simulator and returns its id once it can be deleted. */
  create(): Promise<string>;
}

describe('resource stop, delete and list from Slack', () => {
  let harness: Harness;
  let pipelineId = '';

  beforeAll(async () => {
    harness = await startHarness({ speed: 20 });
    pipelineId = await seedPipeline(harness, 'matrix-pipeline');
  });

  afterAll(async () => {
    await harness?.stop();
  });

  afterEach(async () => {
    await harness.control('PUT', '/_simulator/timing', {});
  });

  function runArguments(): string {
    return `pipeline_id=${pipelineId} experiment_name=matrix-pipelines instance_type_name=m2.c4m8 boot_storage_size=50`;
  }

  async function listText(word: string): Promise<string> {
    const ack = await send(harness, `${word} list`);
    const post = await harness.fake.waitFor(
      () => harness.fake.responseUrlPosts().find((candidate) => candidate.url === ack.responseUrl),
      5000,
    );
    return JSON.stringify(post.body);
  }

  /** Lists, deletes with confirmation, checks that the resource is gone, and lists again. */
  async function deleteAndList(
    target: Pick<DeleteCase, 'word' | 'noun' | 'collectionPath' | 'name'>,
    id: string,
  ) {
    const listed = `\`${target.name}\`  \`${id}\``;
    expect(await listText(target.word)).toContain(listed);
    const done = await confirmOperation(
      harness,
      `${target.word} delete ${id}`,
      `Delete ${target.noun} \`${id}\`?`,
    );
    expect(done).toContain(`Deleted ${target.noun} \`${id}\``);
    const lookup = await harness.easymaker('GET', `${target.collectionPath}/${id}`);
    expect((lookup.header as { isSuccessful: boolean }).isSuccessful).toBe(false);
    expect(await listText(target.word)).not.toContain(listed);
  }

  const stops: StopCase[] = [
    {
      word: 'tuning',
      noun: 'tuning',
      collectionPath: '/hyperparameter-tunings',
      name: 'matrix-stopped-tuning',
      timing: { hyperparameterTuning: { RUNNING: 60_000 } },
      command: () => tuneCommand('matrix-stopped-tuning'),
    },
    {
      word: 'run',
      noun: 'pipeline run',
      collectionPath: '/pipeline-runs',
      name: 'matrix-stopped-run',
      timing: { pipelineRun: { RUNNING: 60_000 } },
      command: () => `run create pipeline_run_name=matrix-stopped-run ${runArguments()}`,
    },
  ];

  describe('stop', () => {
    for (const stop of stops) {
      it(`stops a running ${stop.noun} and deletes it`, async () => {
        await harness.control('PUT', '/_simulator/timing', stop.timing);
        await send(harness, stop.command());
        const parent = await threadOf(harness, stop.name);
        const id = await resourceIdOf(harness, parent);
        await replyContaining(harness, parent, '*RUNNING*', 15_000);

        const done = await confirmOperation(
          harness,
          `${stop.word} stop ${id}`,
          `Stop ${stop.noun} \`${id}\`?`,
        );
        expect(done).toContain(`Stop requested for ${stop.noun} \`${id}\``);
        const stopped = await replyContaining(harness, parent, 'was stopped', 20_000);
        expect(stopped.text).toContain('*STOPPED*');
        expect(stopped.text).toContain(`<@${ALICE}>`);
        expect(await harness.countRequests('PUT', `${stop.collectionPath}/${id}/stop`)).toBe(1);

        await deleteAndList(stop, id);
      });
    }
  });

  const deletes: DeleteCase[] = [
    {
      word: 'training',
      noun: 'training',
      collectionPath: '/trainings',
      name: 'matrix-deleted-training',
      create: async () => {
        const experiment = await harness.easymaker('POST', '/experiments', {
          experimentName: 'matrix-trainings',
        });
        await harness.control('POST', '/_simulator/clock', { advanceSeconds: 60 });
        const created = await harness.easymaker('POST', '/trainings', {
          trainingName: 'matrix-deleted-training',
          experimentId: (experiment.experiment as { experimentId: string }).experimentId,
          imageId: 'imgtfcpu2150',
          flavorId: CPU_FLAVOR_ID,
          instanceCount: 1,
          sourceDirUri: 'nas://nas1:/src',
          entryPoint: 'train.py',
          modelUploadUri: 'nas://nas1:/model',
          datasetList: [{ datasetName: 'train', dataUri: 'nas://nas1:/data' }],
          timeoutMinutes: 60,
          trainingTypeCode: 'NORMAL',
        });
        // Only a finished job can be deleted, and advancing the clock finishes it at once.
        await harness.control('POST', '/_simulator/clock', { advanceSeconds: 600 });
        return (created.training as { trainingId: string }).trainingId;
      },
    },
    {
      word: 'model',
      noun: 'model',
      collectionPath: '/models',
      name: 'matrix-deleted-model',
      create: async () => seededId({ models: [{ modelName: 'matrix-deleted-model' }] }, 'model'),
    },
    {
      word: 'endpoint',
      noun: 'endpoint',
      collectionPath: '/endpoints',
      name: 'matrix-deleted-endpoint',
      create: async () =>
        seededId({ endpoints: [{ endpointName: 'matrix-deleted-endpoint' }] }, 'endpoint'),
    },
    {
      word: 'pipeline',
      noun: 'pipeline',
      collectionPath: '/pipelines',
      name: 'matrix-deleted-pipeline',
      create: async () =>
        seededId({ pipelines: [{ pipelineName: 'matrix-deleted-pipeline' }] }, 'pipeline'),
    },
    {
      word: 'run',
      noun: 'pipeline run',
      collectionPath: '/pipeline-runs',
      name: 'matrix-deleted-run',
      create: async () => {
        const created = await harness.easymaker('POST', '/pipeline-runs', runBody('run'));
        await harness.control('POST', '/_simulator/clock', { advanceSeconds: 600 });
        return (created.pipelineRun as { pipelineRunId: string }).pipelineRunId;
      },
    },
    {
      word: 'schedule',
      noun: 'recurring run',
      collectionPath: '/pipeline-recurring-runs',
      name: 'matrix-deleted-schedule',
      create: async () => {
        const created = await harness.easymaker('POST', '/pipeline-runs', {
          ...runBody('schedule'),
          scheduleCronExpression: CRON,
          scheduleStartDatetime: START,
        });
        // A schedule can be deleted once it has left CREATE_REQUESTED for ENABLED.
        await harness.control('POST', '/_simulator/clock', { advanceSeconds: 60 });
        const schedule = created.pipelineRecurringRun as { pipelineRecurringRunId: string };
        return schedule.pipelineRecurringRunId;
      },
    },
  ];

  function runBody(kind: 'run' | 'schedule') {
    return {
      pipelineRunOrRecurringRunName: `matrix-deleted-${kind}`,
      pipelineId,
      experimentName: 'matrix-pipelines',
      flavorId: CPU_FLAVOR_ID,
      bootStorageSize: 50,
    };
  }

  async function seededId(body: Record<string, unknown>, key: string): Promise<string> {
    const answer = (await harness.control('POST', '/_simulator/seed', body)) as {
      seeded: Record<string, Array<Record<string, string>>>;
    };
    const id = answer.seeded[`${key}List`]?.[0]?.[`${key}Id`];
    if (id === undefined) {
      throw new Error(`the simulator seeded no ${key}`);
    }
    return id;
  }

  describe('delete', () => {
    for (const target of deletes) {
      it(`deletes ${withArticle(target.noun)} and drops it from the list`, async () => {
        await deleteAndList(target, await target.create());
      });
    }
  });
});
