import { describe, expect, it } from 'vitest';
import { pipelineRecurringRunCreateBodySchema as recurringSchema } from '../../src/api/schemas/pipeline-recurring-run-create-body.js';
import { pipelineRunCreateBodySchema as runSchema } from '../../src/api/schemas/pipeline-run-create-body.js';
import { pipelineUploadBodySchema } from '../../src/api/schemas/pipeline-upload-body.js';
import { copies, expectLimitEdge, issuePaths, type LimitEdge, text } from './schema-cases.js';

describe('pipelineUploadBodySchema', () => {
  const manifest = Buffer.from('pipelineInfo:\n  name: mnist\n').toString('base64');
  const uploadBody = { pipelineName: 'mnist', base64PipelineSpecManifest: manifest };

  it('accepts the last valid and rejects the first invalid name length', () => {
    expectLimitEdge(pipelineUploadBodySchema, uploadBody, {
      name: 'name length',
      lastValid: { pipelineName: text(50) },
      firstInvalid: { pipelineName: text(51) },
    });
  });

  it('requires a non-empty standard base64 manifest', () => {
    for (const value of ['', 'not base64!', 'YWJj-_', 'YWJjZA']) {
      const body = { ...uploadBody, base64PipelineSpecManifest: value };
      expect(issuePaths(pipelineUploadBodySchema, body), value).toEqual([
        'base64PipelineSpecManifest',
      ]);
    }
  });
});

const nas = { mountDirName: 'shared', nasUri: 'nas://nas-0001:/data' };
const runBody = {
  pipelineRunOrRecurringRunName: 'nightly',
  pipelineId: 'pipeline0001',
  experimentId: 'cskni154xcny',
  flavorId: '8a9d4b6e-1f1c-4b7e-9a57-0c7d1f8e2a11',
  instanceCount: 1,
  bootStorageSize: 50,
  parameterList: [{ parameterName: 'epochs', parameterValue: '10' }],
  nasList: [nas],
};
const runEdges: LimitEdge[] = [
  {
    name: 'name length',
    lastValid: { pipelineRunOrRecurringRunName: text(50) },
    firstInvalid: { pipelineRunOrRecurringRunName: text(51) },
  },
  {
    name: 'pipeline id',
    lastValid: { pipelineId: text(36) },
    firstInvalid: { pipelineId: text(37) },
  },
  { name: 'instances', lastValid: { instanceCount: 10 }, firstInvalid: { instanceCount: 11 } },
  {
    name: 'boot storage',
    lastValid: { bootStorageSize: 50 },
    firstInvalid: { bootStorageSize: 49 },
  },
  {
    name: 'NAS count',
    lastValid: { nasList: copies(10, nas) },
    firstInvalid: { nasList: copies(11, nas) },
  },
  {
    name: 'NAS mount name',
    lastValid: { nasList: [{ ...nas, mountDirName: text(64) }] },
    firstInvalid: { nasList: [{ ...nas, mountDirName: text(65) }] },
    path: 'nasList.0.mountDirName',
  },
  {
    name: 'parameter name',
    lastValid: { parameterList: [{ parameterName: text(255), parameterValue: '' }] },
    firstInvalid: { parameterList: [{ parameterName: text(256), parameterValue: '' }] },
    path: 'parameterList.0.parameterName',
  },
  {
    name: 'parameter value',
    lastValid: { parameterList: [{ parameterName: 'p', parameterValue: text(1000) }] },
    firstInvalid: { parameterList: [{ parameterName: 'p', parameterValue: text(1001) }] },
    path: 'parameterList.0.parameterValue',
  },
];

describe('pipelineRunCreateBodySchema', () => {
  it.each(runEdges)('accepts the last valid and rejects the first invalid $name', (edge) => {
    expectLimitEdge(runSchema, runBody, edge);
  });

  it('rejects a NAS URI of another scheme', () => {
    const body = { ...runBody, nasList: [{ ...nas, nasUri: 'obs://host/data' }] };
    expect(issuePaths(runSchema, body)).toEqual(['nasList.0.nasUri']);
  });

  it('rejects schedule fields', () => {
    expect(issuePaths(runSchema, { ...runBody, schedulePeriodicMinutes: 60 })).toEqual(['']);
  });
});

describe('pipelineRecurringRunCreateBodySchema', () => {
  const recurringBody = {
    ...runBody,
    scheduleCronExpression: '0 0 * * * ?',
    maxConcurrencyCount: 1,
    scheduleStartDatetime: '2025-06-01T00:00:00+09:00',
    useCatchup: false,
  };

  it.each([
    ...runEdges,
    {
      name: 'max concurrency maximum',
      lastValid: { maxConcurrencyCount: 10 },
      firstInvalid: { maxConcurrencyCount: 11 },
    },
    {
      name: 'max concurrency minimum',
      lastValid: { maxConcurrencyCount: 1 },
      firstInvalid: { maxConcurrencyCount: 0 },
    },
  ])('accepts the last valid and rejects the first invalid $name', (edge) => {
    expectLimitEdge(recurringSchema, recurringBody, edge);
  });

  it('requires exactly one schedule field', () => {
    const { scheduleCronExpression: _cron, ...unscheduled } = recurringBody;

    expect(issuePaths(recurringSchema, unscheduled)).toEqual(['schedulePeriodicMinutes']);
    expect(issuePaths(recurringSchema, { ...unscheduled, schedulePeriodicMinutes: 60 })).toEqual(
      [],
    );
    const both = { ...recurringBody, schedulePeriodicMinutes: 60 };
    expect(issuePaths(recurringSchema, both)).toEqual(['schedulePeriodicMinutes']);
  });

  it('checks the cron expression and the dates', () => {
    expect(
      issuePaths(recurringSchema, { ...recurringBody, scheduleCronExpression: '0 0 * * *' }),
    ).toEqual(['scheduleCronExpression']);
    const noOffset = { ...recurringBody, scheduleStartDatetime: '2025-06-01T00:00:00' };
    expect(issuePaths(recurringSchema, noOffset)).toEqual(['scheduleStartDatetime']);
    const endBeforeStart = { ...recurringBody, scheduleEndDatetime: '2025-05-31T23:59:59+09:00' };
    expect(issuePaths(recurringSchema, endBeforeStart)).toEqual(['scheduleEndDatetime']);
    const endAfterStart = { ...recurringBody, scheduleEndDatetime: '2025-06-01T00:00:01+09:00' };
    expect(issuePaths(recurringSchema, endAfterStart)).toEqual([]);
  });

  it('rejects a periodic interval sent as a string', () => {
    const { scheduleCronExpression: _cron, ...unscheduled } = recurringBody;
    const body = { ...unscheduled, schedulePeriodicMinutes: '60' };
    expect(issuePaths(recurringSchema, body)).toEqual(['schedulePeriodicMinutes']);
  });
});
