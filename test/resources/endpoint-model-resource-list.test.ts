import { describe, expect, it } from 'vitest';
import {
  formatModelResource,
  memoryMebibytes,
  modelResourceListSchema,
  parseModelResource,
} from '../../src/resources/endpoint-model-resource-list.js';

function messageOf(text: string) {
  const result = modelResourceListSchema.safeParse(text);
  return result.success ? undefined : result.error.issues[0]?.message;
}

describe('model resource list', () => {
  it('reads one line per model with optional gpu and autoscale', () => {
    const result = modelResourceListSchema.parse(
      'model=abc cpu=1.5 memory=2Gi\nmodel=def cpu=0.5 memory=512Mi gpu=1 autoscale=CONCURRENCY:10',
    );
    expect(result).toEqual([
      { modelId: 'abc', cpu: '1.5', memory: '2Gi' },
      {
        modelId: 'def',
        cpu: '0.5',
        memory: '512Mi',
        gpu: '1',
        autoscale: { metric: 'CONCURRENCY', target: 10 },
      },
    ]);
  });

  it('splits inline lists on semicolons', () => {
    const result = modelResourceListSchema.parse(
      'model=a cpu=1 memory=1Gi; model=b cpu=1 memory=1Gi',
    );
    expect(result.map((resource) => resource.modelId)).toEqual(['a', 'b']);
  });

  it('gives an empty list for an empty value', () => {
    expect(modelResourceListSchema.parse('  ')).toEqual([]);
    expect(modelResourceListSchema.parse(undefined)).toEqual([]);
  });

  it('accepts 10 models and rejects 11', () => {
    const lines = (count: number) =>
      Array.from({ length: count }, (_, index) => `model=m${index} cpu=1 memory=1Gi`).join('\n');
    expect(messageOf(lines(10))).toBeUndefined();
    expect(messageOf(lines(11))).toBe('must have at most 10 models (got 11)');
  });

  it('rejects a model listed twice', () => {
    expect(messageOf('model=a cpu=1 memory=1Gi\nmodel=a cpu=2 memory=1Gi')).toBe(
      'model a is listed twice; a stage serves each model once',
    );
  });

  it('names the line of an error in a list of several', () => {
    expect(messageOf('model=a cpu=1 memory=1Gi\nmodel=b cpu=x memory=1Gi')).toBe(
      'line 2: cpu "x" must be a decimal number of cores from 0, such as 1.5',
    );
  });

  describe('when a value sits at a range edge', () => {
    const cases: Array<[string, string | undefined]> = [
      ['model=a cpu=0 memory=1Mi', undefined],
      ['model=a cpu=0.0 memory=1Mi', undefined],
      [
        'model=a cpu=-1 memory=1Mi',
        'cpu "-1" must be a decimal number of cores from 0, such as 1.5',
      ],
      [
        'model=a cpu=.5 memory=1Mi',
        'cpu ".5" must be a decimal number of cores from 0, such as 1.5',
      ],
      [
        'model=a cpu=1 memory=0.5Mi',
        'memory "0.5Mi" must be a quantity from 1Mi, such as 512Mi or 2Gi',
      ],
      [
        'model=a cpu=1 memory=0Gi',
        'memory "0Gi" must be a quantity from 1Mi, such as 512Mi or 2Gi',
      ],
      ['model=a cpu=1 memory=0.001Gi', undefined],
      [
        'model=a cpu=1 memory=0.0009Gi',
        'memory "0.0009Gi" must be a quantity from 1Mi, such as 512Mi or 2Gi',
      ],
      ['model=a cpu=1 memory=0.5Gi', undefined],
      [
        'model=a cpu=1 memory=2GB',
        'memory "2GB" must be a quantity from 1Mi, such as 512Mi or 2Gi',
      ],
      ['model=a cpu=1 memory=1Gi gpu=0', undefined],
      ['model=a cpu=1 memory=1Gi gpu=1.5', 'gpu "1.5" must be a whole number of GPUs'],
      [`model=${'m'.repeat(36)} cpu=1 memory=1Gi`, undefined],
      [
        `model=${'m'.repeat(37)} cpu=1 memory=1Gi`,
        'model must be a model id of 1 to 36 characters',
      ],
      ['model=a cpu=1 memory=1Gi autoscale=REQUESTS_PER_SECOND:1', undefined],
      ['model=a cpu=1 memory=1Gi autoscale=cpu_utilization:80', undefined],
      ['model=a cpu=1 memory=1Gi autoscale=MEMORY_UTILIZATION:1', undefined],
      ['model=a cpu=1 memory=1Gi autoscale=off', undefined],
    ];
    it.each(cases)('%s gives %j', (line, expected) => {
      expect(messageOf(line)).toBe(expected);
    });
  });

  it('rejects an autoscale target below 1 and an unknown metric', () => {
    const expected =
      'must be off or <METRIC>:<target>, with METRIC one of CONCURRENCY, REQUESTS_PER_SECOND, CPU_UTILIZATION, MEMORY_UTILIZATION and a whole-number target from 1, such as CONCURRENCY:10';
    expect(messageOf('model=a cpu=1 memory=1Gi autoscale=CONCURRENCY:0')).toBe(
      `autoscale "CONCURRENCY:0" ${expected}`,
    );
    expect(messageOf('model=a cpu=1 memory=1Gi autoscale=CONCURRENCY:1.5')).toBe(
      `autoscale "CONCURRENCY:1.5" ${expected}`,
    );
    expect(messageOf('model=a cpu=1 memory=1Gi autoscale=GPU_UTILIZATION:50')).toBe(
      `autoscale "GPU_UTILIZATION:50" ${expected}`,
    );
    expect(messageOf('model=a cpu=1 memory=1Gi autoscale=10')).toBe(`autoscale "10" ${expected}`);
  });

  it('turns autoscaling off with off', () => {
    expect(parseModelResource('model=a cpu=1 memory=1Gi autoscale=off')).toEqual({
      modelId: 'a',
      cpu: '1',
      memory: '1Gi',
    });
  });

  it('requires model, cpu and memory', () => {
    expect(parseModelResource('model=a cpu=1')).toBe(
      'model, cpu and memory are required: model=<id> cpu=<cores> memory=<quantity> [gpu=<count>] [autoscale=<METRIC>:<target>]',
    );
  });

  it('rejects unknown keys, bare words and repeated keys', () => {
    expect(parseModelResource('model=a cpu=1 memory=1Gi pods=2')).toMatch(/^unknown key "pods"/);
    expect(parseModelResource('model=a cpu=1 memory=1Gi big')).toMatch(/^"big" is not key=value/);
    expect(parseModelResource('model=a cpu=1 cpu=2 memory=1Gi')).toBe('cpu is given twice');
  });

  it('converts memory quantities to MiB', () => {
    expect(memoryMebibytes('2Gi')).toBe(2048);
    expect(memoryMebibytes('512Mi')).toBe(512);
    expect(memoryMebibytes('2G')).toBeNaN();
  });

  it('writes a resource back in the same format', () => {
    const line = 'model=a cpu=1.5 memory=2Gi gpu=1 autoscale=CONCURRENCY:10';
    const parsed = parseModelResource(line);
    expect(typeof parsed === 'string' ? parsed : formatModelResource(parsed)).toBe(line);
  });
});
