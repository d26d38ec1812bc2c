import { z } from 'zod';
import { descriptionSchema, idSchema } from './create-body-fields.js';

/** Kubernetes quantity in mebibytes or gibibytes, such as `3730Mi` or `15Gi`. */
const memoryPattern = /^(\d+(?:\.\d+)?)(Mi|Gi)$/;

/** Returns a memory quantity in MiB, or NaN when it does not match `memoryPattern`. */
function memoryMebibytes(quantity: string): number {
  const match = memoryPattern.exec(quantity);
  if (!match) {
    return Number.NaN;
  }
  return Number(match[1]) * (match[2] === 'Gi' ? 1024 : 1);
}

/** CPU, memory and GPU given to each pod of a stage resource, all as strings. */
export const resourceOptionDetailSchema = z.strictObject({
  /** Cores as a decimal, from 0.0, such as `1.55`. */
  cpu: z.string().regex(/^\d+(\.\d+)?$/, 'must be a decimal number of cores, such as "1.55"'),
  /** From `1Mi`. */
  memory: z
    .string()
    .refine((memory) => memoryMebibytes(memory) >= 1, 'must be a quantity from 1Mi, such as 15Gi'),
  // NOTE: the format of `gpu` is not published, so a whole number of GPUs is assumed.
  gpu: z.string().regex(/^\d+$/, 'must be a whole number of GPUs').optional(),
});

/** Model deployed on a stage (`endpointModelResourceList[]`), which becomes a stage resource. */
export const endpointModelResourceSchema = z.strictObject({
  modelId: idSchema,
  resourceOptionDetail: resourceOptionDetailSchema,
  /** Default false. */
  podAutoScaleEnable: z.boolean().optional(),
  scaleMetricCode: z.enum(['CPU_UTILIZATION', 'MEMORY_UTILIZATION']).optional(),
  /** Threshold in percent. */
  scaleMetricTarget: z.number().int().min(1).optional(),
  description: descriptionSchema.optional(),
});

// NOTE: ranges of the autoscaler fields are not published. The node bounds are assumed to
// follow the node count limit (1 to 10), the threshold to be a percentage, and the times to be
// whole minutes from 0.
const autoscalerNodeCountSchema = z.number().int().min(1).max(10);
const minutesSchema = z.number().int().min(0);

/**
 * Fields that `POST /endpoints` and `POST /endpoint-stages` share: the instance type and count,
 * the deployed models, the node autoscaler (`ca*`) and logging. The SDK sends every `ca*` field
 * with its default (disabled, 1 to 10 nodes, scale-down on at 50 % after 10 minutes).
 */
export const endpointDeploymentFields = {
  description: descriptionSchema.optional(),
  flavorId: idSchema,
  /** Node count, 1 to 10; default 1. */
  nodeCount: z.number().int().min(1).max(10).optional(),
  endpointModelResourceList: z.array(endpointModelResourceSchema).min(1).max(10),
  caEnable: z.boolean().optional(),
  caMinNodeCount: autoscalerNodeCountSchema.optional(),
  caMaxNodeCount: autoscalerNodeCountSchema.optional(),
  caScaleDownEnable: z.boolean().optional(),
  /** Percent of node use below which a node may be removed. */
  caScaleDownUtilThresh: z.number().int().min(0).max(100).optional(),
  caScaleDownUnneededTime: minutesSchema.optional(),
  caScaleDownDelayAfterAdd: minutesSchema.optional(),
  useLog: z.boolean().optional(),
};

/** Rejects autoscaler bounds whose minimum is above the maximum. */
export function checkAutoscalerBounds(
  body: { caMinNodeCount?: number; caMaxNodeCount?: number },
  context: z.RefinementCtx,
): void {
  const { caMinNodeCount, caMaxNodeCount } = body;
  if (caMinNodeCount !== undefined && caMaxNodeCount !== undefined) {
    if (caMinNodeCount > caMaxNodeCount) {
      context.addIssue({
        code: 'custom',
        path: ['caMinNodeCount'],
        message: 'must not be greater than caMaxNodeCount',
      });
    }
  }
}
