import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ackText,
  CPU_FLAVOR_ID,
  confirmOperation,
  formValues,
  openForm,
  replyContaining,
  resourceIdOf,
  seedPipeline,
  send,
  threadOf,
  threadTexts,
} from './e2e-flows.js';
import { ALERTS_CHANNEL, ALICE, CHANNEL, type Harness, startHarness } from './harness.js';

const START = '2030-01-01T00:00:00+09:00';

describe('pipeline runs and recurring runs from Slack', () => {
  let harness: Harness;
  let pipelineId: string;

  beforeAll(async () => {
    harness = await startHarness({ speed: 20 });
    pipelineId = await seedPipeline(harness, 'e2e-pipeline', [
      { parameterName: 'epochs', isOptional: false },
    ]);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  afterEach(() => {
    harness.fake.clearViews(ALICE);
  });

  function runArguments(extra: string): string {
    return [
      `pipeline_id=${pipelineId}`,
      'experiment_name=e2e-pipelines',
      'instance_type_name=m2.c4m8',
      'boot_storage_size=50',
      'parameter_list=epochs=3',
      extra,
    ].join(' ');
  }

  it('creates a pipeline run inline and tracks it to COMPLETE', async () => {
    const { fake } = harness;
    const ack = await send(
      harness,
      `run create pipeline_run_name=run-inline ${runArguments('nas_list=data=nas://nas1:/data')}`,
    );
    expect(ackText(ack)).toContain('run-inline');
    const parent = await threadOf(harness, 'run-inline');
    const final = await replyContaining(harness, parent, 'completed');
    expect(final.text).toContain('*COMPLETE*');
    expect(JSON.stringify(final.blocks)).toContain('e2e-pipeline');
    expect(threadTexts(harness, parent)[0]).toMatch(/Created pipeline run `run-inline` with id/);
    const parentBlocks = JSON.stringify(fake.message(CHANNEL, parent.ts)?.blocks);
    expect(parentBlocks).toContain('e2e-pipelines');
    expect(parentBlocks).toContain('50 GB');
    expect(fake.messages(ALERTS_CHANNEL)).toHaveLength(0);
  });

  it('creates a pipeline run from the form with the ACTIVE pipelines as choices', async () => {
    const view = await openForm(harness, 'run create', 'pipeline-run');
    expect(JSON.stringify(view.blocks)).toContain('e2e-pipeline');
    const ack = await harness.driver.submitView({
      viewId: view.id,
      userId: ALICE,
      values: formValues({
        pipeline_run_name: 'run-modal',
        pipeline_id: pipelineId,
        experiment_name: 'e2e-pipelines',
        instance_type_name: CPU_FLAVOR_ID,
        boot_storage_size: '49',
        parameter_list: 'epochs=3',
      }),
    });
    const errors = (JSON.parse(ack.body) as { errors: Record<string, string> }).errors;
    expect(errors.boot_storage_size).toBe('Must be a whole number, at least 50 GB.');

    const accepted = await harness.driver.submitView({
      viewId: view.id,
      userId: ALICE,
      values: formValues({ boot_storage_size: '50' }),
    });
    expect(accepted.body).toBe('');
    const parent = await threadOf(harness, 'run-modal');
    await replyContaining(harness, parent, 'completed');
  });

  it('reports a run that EasyMaker rejects in the thread', async () => {
    await send(
      harness,
      `run create pipeline_run_name=run-unknown ${runArguments('')}`.replace(
        'parameter_list=epochs=3',
        'parameter_list=steps=3',
      ),
    );
    const parent = await threadOf(harness, 'run-unknown');
    const final = await replyContaining(harness, parent, 'failed with');
    expect(final.text).toContain('*CREATE_REJECTED*');
    expect(final.text).toContain('steps');
  });

  it('creates a cron schedule, stops it and starts it again with confirmation', async () => {
    const ack = await send(
      harness,
      `schedule create pipeline_recurring_run_name=nightly ${runArguments(
        `schedule_cron_expression="0 0 * * * ?" schedule_start_datetime=${START}`,
      )}`,
    );
    expect(ackText(ack)).toContain('nightly');
    const parent = await threadOf(harness, 'nightly');
    const ready = await replyContaining(harness, parent, 'is ready');
    expect(ready.text).toContain('*ENABLED*');
    expect(JSON.stringify(ready.blocks)).toContain('cron 0 0 * * * ?');
    const scheduleId = await resourceIdOf(harness, parent);
    expect(await harness.countRequests('POST', '/pipeline-runs')).toBeGreaterThanOrEqual(1);

    const stopped = await confirmOperation(
      harness,
      `schedule stop ${scheduleId}`,
      `Stop recurring run \`${scheduleId}\`?`,
    );
    expect(stopped).toContain(`Stop requested for recurring run \`${scheduleId}\``);
    const afterStop = await harness.easymaker('GET', `/pipeline-recurring-runs/${scheduleId}`);
    expect(afterStop.pipelineRecurringRun).toMatchObject({
      pipelineRecurringRunStatusCode: 'DISABLED',
    });

    const started = await confirmOperation(
      harness,
      `schedule start ${scheduleId}`,
      `Start recurring run \`${scheduleId}\`?`,
    );
    expect(started).toContain(`Started recurring run \`${scheduleId}\``);
    const afterStart = await harness.easymaker('GET', `/pipeline-recurring-runs/${scheduleId}`);
    expect(afterStart.pipelineRecurringRun).toMatchObject({
      pipelineRecurringRunStatusCode: 'ENABLED',
    });
    expect(await harness.countRequests('PUT', `/pipeline-recurring-runs/${scheduleId}/stop`)).toBe(
      1,
    );
    expect(await harness.countRequests('PUT', `/pipeline-recurring-runs/${scheduleId}/start`)).toBe(
      1,
    );
  });

  it('rejects a schedule with both a cron expression and an interval', async () => {
    const before = await harness.countRequests('POST', '/pipeline-runs');
    const ack = await send(
      harness,
      `schedule create pipeline_recurring_run_name=both ${runArguments(
        `cron="0 0 * * * ?" schedule_periodic_minutes=60 start=${START}`,
      )}`,
    );
    expect(ackText(ack)).toContain(
      '`schedule_cron_expression` needs exactly one of schedule_cron_expression and schedule_periodic_minutes (both are set)',
    );
    expect(await harness.countRequests('POST', '/pipeline-runs')).toBe(before);
  });

  it('rejects a schedule with neither a cron expression nor an interval', async () => {
    const before = await harness.countRequests('POST', '/pipeline-runs');
    const ack = await send(
      harness,
      `schedule create pipeline_recurring_run_name=neither ${runArguments(`start=${START}`)}`,
    );
    expect(ackText(ack)).toContain('(neither is set)');

    const view = await openForm(harness, 'schedule create', 'pipeline-recurring-run');
    const submitted = await harness.driver.submitView({
      viewId: view.id,
      userId: ALICE,
      values: formValues({
        pipeline_recurring_run_name: 'neither-form',
        pipeline_id: pipelineId,
        experiment_name: 'e2e-pipelines',
        instance_type_name: CPU_FLAVOR_ID,
        boot_storage_size: '50',
        schedule_start_datetime: START,
      }),
    });
    const errors = (JSON.parse(submitted.body) as { errors: Record<string, string> }).errors;
    expect(errors.schedule_cron_expression).toBe(
      'Needs exactly one of schedule_cron_expression and schedule_periodic_minutes (neither is set).',
    );
    expect(await harness.countRequests('POST', '/pipeline-runs')).toBe(before);
  });

  it('creates a schedule with an interval from the form', async () => {
    const view = await openForm(harness, 'schedule create', 'pipeline-recurring-run');
    const ack = await harness.driver.submitView({
      viewId: view.id,
      userId: ALICE,
      values: formValues({
        pipeline_recurring_run_name: 'every-hour',
        pipeline_id: pipelineId,
        experiment_name: 'e2e-pipelines',
        instance_type_name: CPU_FLAVOR_ID,
        boot_storage_size: '50',
        parameter_list: 'epochs=1',
        schedule_periodic_minutes: '60',
        schedule_start_datetime: START,
        use_catchup: 'false',
      }),
    });
    expect(ack.body).toBe('');
    const parent = await threadOf(harness, 'every-hour');
    const ready = await replyContaining(harness, parent, 'is ready');
    expect(JSON.stringify(ready.blocks)).toContain('every 60 min');
    expect(JSON.stringify(ready.blocks)).toContain('*Catch up*\\nno');
  });
});
