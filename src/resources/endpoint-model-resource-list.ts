import { z } from 'zod';

/**
 * Pod autoscaling metrics. The product scales on concurrency and request rate, while SDK 2.1.3
 * names only the utilization metrics; all four are accepted.
 */
export const scaleMetricCodes = [
  'CONCURRENCY',
  'REQUESTS_PER_SECOND',
  'CPU_UTILIZATION',
  'MEMORY_UTILIZATION',
] as const;

export type ScaleMetricCode = (typeof scaleMetricCodes)[number];

/** One model deployed on a stage, as typed by the user. */
export interface ModelResource {
  modelId: string;
  /** Cores as a decimal string, such as `1.5`. */
  cpu: string;
  /** Kubernetes quantity in Mi or Gi, such as `512Mi`. */
  memory: string;
  /** Whole number of GPUs. */
  gpu?: string;
  /** Pod autoscaling; absent means off. */
  autoscale?: { metric: ScaleMetricCode; target: number };
}

export const MAX_MODEL_RESOURCES = 10;

const KEYS = ['model', 'cpu', 'memory', 'gpu', 'autoscale'] as const;
const CPU = /^\d+(\.\d+)?$/;
const MEMORY = /^(\d+(?:\.\d+)?)(Mi|Gi)$/;
const GPU = /^\d+$/;
const OFF_WORDS = new Set(['off', 'false', 'no', 'none']);
const FORMAT =
  'model=<id> cpu=<cores> memory=<quantity> [gpu=<count>] [autoscale=<METRIC>:<target>]';

/** Returns a memory quantity in MiB, or NaN when it is not `{number}Mi` or `{number}Gi`. */
export function memoryMebibytes(quantity: string): number {
  const match = MEMORY.exec(quantity);
  if (match === null) {
    return Number.NaN;
  }
  return Number(match[1]) * (match[2] === 'Gi' ? 1024 : 1);
}

/**
 * The models a stage serves, one per line (or separated by `;` inline), at most 10:
 * `model=<id> cpu=<cores> memory=<quantity> [gpu=<count>] [autoscale=<METRIC>:<target>]`,
 * such as `model=abc123 cpu=1.5 memory=2Gi autoscale=CONCURRENCY:10`. An empty value gives an
 * empty list, which the resource's checks report as missing.
 */
export const modelResourceListSchema = z
  .preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.string().optional(),
  )
  .transform((text, context): ModelResource[] => {
    if (text === undefined) {
      return [];
    }
    const lines = text
      .split(/\r?\n|;/)
      .map((line) => line.trim())
      .filter((line) => line !== '');
    if (lines.length > MAX_MODEL_RESOURCES) {
      context.addIssue({
        code: 'custom',
        message: `must have at most ${MAX_MODEL_RESOURCES} models (got ${lines.length})`,
      });
      return z.NEVER;
    }
    const resources: ModelResource[] = [];
    for (const [index, line] of lines.entries()) {
      const resource = parseModelResource(line);
      if (typeof resource === 'string') {
        const where = lines.length > 1 ? `line ${index + 1}: ` : '';
        context.addIssue({ code: 'custom', message: `${where}${resource}` });
        return z.NEVER;
      }
      const repeated = resources.find((earlier) => earlier.modelId === resource.modelId);
      if (repeated !== undefined) {
        context.addIssue({
          code: 'custom',
          message: `model ${resource.modelId} is listed twice; a stage serves each model once`,
        });
        return z.NEVER;
      }
      resources.push(resource);
    }
    return resources;
  });

/** Returns the resource of one line, or a message saying what is wrong with it. */
export function parseModelResource(line: string): ModelResource | string {
  const values = new Map<string, string>();
  for (const token of line.split(/\s+/)) {
    const separator = token.indexOf('=');
    const key = separator > 0 ? token.slice(0, separator).toLowerCase() : '';
    if (!KEYS.includes(key as (typeof KEYS)[number])) {
      return separator > 0
        ? `unknown key "${shorten(key)}"; use ${FORMAT}`
        : `"${shorten(token)}" is not key=value; use ${FORMAT}`;
    }
    if (values.has(key)) {
      return `${key} is given twice`;
    }
    values.set(key, token.slice(separator + 1));
  }

  const modelId = values.get('model');
  const cpu = values.get('cpu');
  const memory = values.get('memory');
  const gpu = values.get('gpu');
  const autoscaleText = values.get('autoscale');
  if (modelId === undefined || cpu === undefined || memory === undefined) {
    return `model, cpu and memory are required: ${FORMAT}`;
  }

  if (modelId === '' || modelId.length > 36) {
    return 'model must be a model id of 1 to 36 characters';
  }
  if (!CPU.test(cpu)) {
    return `cpu "${shorten(cpu)}" must be a decimal number of cores from 0, such as 1.5`;
  }
  if (!(memoryMebibytes(memory) >= 1)) {
    return `memory "${shorten(memory)}" must be a quantity from 1Mi, such as 512Mi or 2Gi`;
  }
  if (gpu !== undefined && !GPU.test(gpu)) {
    return `gpu "${shorten(gpu)}" must be a whole number of GPUs`;
  }

  const resource: ModelResource = { modelId, cpu, memory };
  if (gpu !== undefined) {
    resource.gpu = gpu;
  }
  if (autoscaleText !== undefined && !OFF_WORDS.has(autoscaleText.toLowerCase())) {
    const autoscale = parseAutoscale(autoscaleText);
    if (autoscale === undefined) {
      return `autoscale "${shorten(autoscaleText)}" must be off or <METRIC>:<target>, with METRIC one of ${scaleMetricCodes.join(', ')} and a whole-number target from 1, such as CONCURRENCY:10`;
    }
    resource.autoscale = autoscale;
  }
  return resource;
}

function parseAutoscale(text: string): ModelResource['autoscale'] {
  const separator = text.lastIndexOf(':');
  const metric = text.slice(0, separator).toUpperCase();
  const target = text.slice(separator + 1);
  if (separator <= 0 || !scaleMetricCodes.includes(metric as ScaleMetricCode)) {
    return undefined;
  }
  if (!/^\d{1,9}$/.test(target) || Number(target) < 1) {
    return undefined;
  }
  return { metric: metric as ScaleMetricCode, target: Number(target) };
}

/** Writes a resource back as one line of the list format. */
export function formatModelResource(resource: ModelResource): string {
  const parts = [`model=${resource.modelId}`, `cpu=${resource.cpu}`, `memory=${resource.memory}`];
  if (resource.gpu !== undefined) {
    parts.push(`gpu=${resource.gpu}`);
  }
  if (resource.autoscale !== undefined) {
    parts.push(`autoscale=${resource.autoscale.metric}:${resource.autoscale.target}`);
  }
  return parts.join(' ');
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
