import { z } from 'zod';
import {
  integerBetween,
  listOf,
  objectOf,
  optionalBoolean,
  optionalString,
  requiredString,
} from '../validation.js';

/*
 * Bodies of `POST /endpoints` and the deployment fields that `POST /endpoint-stages` shares:
 * node flavor and count (1-10), the autoscaler (`ca*`) settings and 1-10 stage resources, each
 * serving one model with a CPU and memory request. Checks that need other resources (flavor,
 * models) are made by the route.
 */

// NOTE: the SDK's enum lists only CPU_UTILIZATION and MEMORY_UTILIZATION; the console also
// scales on concurrency and request rate, so the simulator accepts all four.
export const scaleMetricCodes = [
  'CPU_UTILIZATION',
  'MEMORY_UTILIZATION',
  'CONCURRENCY',
  'REQUESTS_PER_SECOND',
] as const;

const memoryQuantity = /^(\d+(\.\d+)?)(Mi|Gi)$/;

/** Memory quantity in MiB, or NaN when `quantity` is not `{number}Mi` or `{number}Gi`. */
export function memoryMebibytes(quantity: string): number {
  const match = memoryQuantity.exec(quantity);
  if (match === null) {
    return Number.NaN;
  }
  return Number(match[1]) * (match[3] === 'Gi' ? 1024 : 1);
}

const resourceOptionDetailSchema = objectOf({
  cpu: requiredString(16).regex(/^\d+(\.\d+)?$/, {
    error: 'must be a decimal number written as a string, e.g. "1.5"',
  }),
  memory: requiredString(16).refine((quantity) => memoryMebibytes(quantity) >= 1, {
    error: 'must be a quantity of 1Mi or more, e.g. "512Mi" or "2Gi"',
  }),
  gpu: optionalString(8).refine((gpu) => gpu == null || /^\d+$/.test(gpu), {
    error: 'must be a whole number written as a string',
  }),
});

export const endpointModelResourceSchema = objectOf({
  modelId: requiredString(36),
  resourceOptionDetail: resourceOptionDetailSchema,
  podAutoScaleEnable: optionalBoolean(),
  scaleMetricCode: z
    .enum(scaleMetricCodes, { error: `must be one of ${scaleMetricCodes.join(', ')}` })
    .nullish(),
  scaleMetricTarget: z
    .int({ error: 'must be an integer' })
    .min(1, { error: 'must be 1 or more' })
    .nullish(),
  description: optionalString(255),
});

export type EndpointModelResourceBody = z.infer<typeof endpointModelResourceSchema>;

// NOTE: the ranges of the autoscaler fields are not published. The simulator takes node
// counts of 1-10 (the endpoint node range), a threshold of 1-100 % and times of 1-1440 minutes.
export const deploymentFields = {
  flavorId: requiredString(36),
  nodeCount: integerBetween(1, 10).nullish(),
  endpointModelResourceList: listOf(endpointModelResourceSchema, 10).min(1, {
    error: 'must contain at least 1 item',
  }),
  caEnable: optionalBoolean(),
  caMinNodeCount: integerBetween(1, 10).nullish(),
  caMaxNodeCount: integerBetween(1, 10).nullish(),
  caScaleDownEnable: optionalBoolean(),
  caScaleDownUtilThresh: integerBetween(1, 100).nullish(),
  caScaleDownUnneededTime: integerBetween(1, 1440).nullish(),
  caScaleDownDelayAfterAdd: integerBetween(1, 1440).nullish(),
  useLog: optionalBoolean(),
  description: optionalString(255),
};

type DeploymentFields = z.infer<z.ZodObject<typeof deploymentFields>>;

/** Checks the rules of the deployment fields that span more than one field. */
export function checkDeploymentFields(body: DeploymentFields, context: z.RefinementCtx): void {
  const min = body.caMinNodeCount ?? 1;
  const max = body.caMaxNodeCount ?? 10;
  if (min > max) {
    context.addIssue({
      code: 'custom',
      path: ['caMaxNodeCount'],
      message: 'must not be less than caMinNodeCount',
    });
  }
  const seen = new Set<string>();
  body.endpointModelResourceList.forEach((resource, index) => {
    const path = ['endpointModelResourceList', index];
    if (seen.has(resource.modelId)) {
      context.addIssue({
        code: 'custom',
        path: [...path, 'modelId'],
        message: 'must not repeat a model of the same list',
      });
    }
    seen.add(resource.modelId);
    // NOTE: the guide does not say which fields pod autoscaling needs; the simulator requires
    // the metric and its target when it is enabled.
    if (resource.podAutoScaleEnable === true) {
      for (const field of ['scaleMetricCode', 'scaleMetricTarget'] as const) {
        if (resource[field] == null) {
          context.addIssue({
            code: 'custom',
            path: [...path, field],
            message: 'is required when podAutoScaleEnable is true',
          });
        }
      }
    }
  });
}

export const endpointCreateBodySchema = objectOf({
  endpointName: requiredString(50),
  ...deploymentFields,
}).superRefine(checkDeploymentFields);

export type EndpointCreateBody = z.infer<typeof endpointCreateBodySchema>;
export type DeploymentBody = DeploymentFields;
