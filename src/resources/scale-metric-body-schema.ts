import { z } from 'zod';

/** Metrics the product offers that the SDK's `scaleMetricCode` enum lacks. */
const PRODUCT_ONLY_METRICS = new Set(['CONCURRENCY', 'REQUESTS_PER_SECOND']);

/** The SDK metric that replaces a product-only one while the SDK's schema checks the rest. */
const SDK_STAND_IN_METRIC = 'CPU_UTILIZATION';

/**
 * Wraps the API's endpoint or stage create-body schema so that it also accepts the product's
 * metrics. SDK 2.1.3 types `scaleMetricCode` as CPU_UTILIZATION or MEMORY_UTILIZATION, while the
 * console offers CONCURRENCY and REQUESTS_PER_SECOND. Every other rule of the API's schema still
 * applies, because the body is checked with product-only metrics swapped for an SDK one.
 */
export function withProductScaleMetrics(schema: z.ZodType): z.ZodType {
  return z.unknown().superRefine((body, context) => {
    const result = schema.safeParse(withSdkMetrics(body));
    if (result.success) {
      return;
    }
    for (const issue of result.error.issues) {
      context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
  });
}

function withSdkMetrics(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !('endpointModelResourceList' in body)) {
    return body;
  }
  const resources = body.endpointModelResourceList;
  if (!Array.isArray(resources)) {
    return body;
  }
  return {
    ...body,
    endpointModelResourceList: resources.map((resource: unknown) => {
      if (typeof resource !== 'object' || resource === null || !('scaleMetricCode' in resource)) {
        return resource;
      }
      return PRODUCT_ONLY_METRICS.has(String(resource.scaleMetricCode))
        ? { ...resource, scaleMetricCode: SDK_STAND_IN_METRIC }
        : resource;
    }),
  };
}
