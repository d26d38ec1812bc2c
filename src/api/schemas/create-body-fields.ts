import { z } from 'zod';

/** Resource name in a create body: 1 to 50 characters. */
export const resourceNameSchema = z.string().min(1).max(50);

/** `description` of any create body. */
export const descriptionSchema = z.string().max(255);

/** Id of another resource (experiment, image, flavor, model, pipeline). */
export const idSchema = z.string().min(1).max(36);

/** Source, model, checkpoint, data or output URI, glob or entry point. */
export const uriSchema = z.string().min(1).max(255);

/** Job timeout in minutes: hours x 60, from 1 to 720 hours. */
export const timeoutMinutesSchema = z
  .number()
  .int()
  .min(60)
  .max(720 * 60);

/** Size in GB of the data storage of jobs that read from Object Storage. */
export const dataStorageSizeSchema = z.number().int().min(300).max(10_000);

/** Input data set of a training or a tuning. */
export const datasetSchema = z.strictObject({
  datasetName: z.string().min(1).max(36),
  dataUri: uriSchema,
});

/**
 * Tells whether a training or a tuning body names its code: an NHN algorithm (`algorithmId`), or
 * user code (`sourceDirUri` with `entryPoint`).
 */
export function hasTrainingCode(body: {
  algorithmId?: string;
  sourceDirUri?: string;
  entryPoint?: string;
}): boolean {
  return body.algorithmId !== undefined || Boolean(body.sourceDirUri && body.entryPoint);
}
