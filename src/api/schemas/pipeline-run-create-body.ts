import { z } from 'zod';
import { descriptionSchema, idSchema, resourceNameSchema } from './create-body-fields.js';

/** Value of one pipeline input parameter: a string, with JSON text for lists and structs. */
const pipelineRunParameterSchema = z.strictObject({
  parameterName: z.string().min(1).max(255),
  parameterValue: z.string().max(1000),
});

/** NAS volume mounted into the pipeline pods. */
const nasMountSchema = z.strictObject({
  mountDirName: z.string().min(1).max(64),
  /** `nas://{NAS ID}:/{path}`. */
  nasUri: z.string().max(255).startsWith('nas://'),
});

/** Fields of a pipeline run body, which a recurring run body extends with its schedule. */
export const pipelineRunFields = {
  /** Name of the run, or of the recurring run when the body has a schedule. */
  pipelineRunOrRecurringRunName: resourceNameSchema,
  description: descriptionSchema.optional(),
  pipelineId: idSchema,
  experimentId: idSchema,
  experimentName: resourceNameSchema.optional(),
  experimentDescription: descriptionSchema.optional(),
  flavorId: idSchema,
  /** Default 1. */
  instanceCount: z.number().int().min(1).max(10).optional(),
  /** GB, 50 or more. */
  bootStorageSize: z.number().int().min(50),
  parameterList: z.array(pipelineRunParameterSchema).optional(),
  nasList: z.array(nasMountSchema).max(10).optional(),
};

/**
 * Wire body of `POST /pipeline-runs` for a single run, with the limits of the console guide.
 * The same path creates recurring runs when the body has a schedule field, so this schema
 * rejects those fields: a run body with a schedule would create a schedule.
 */
export const pipelineRunCreateBodySchema = z.strictObject(pipelineRunFields);

export type PipelineRunCreateBody = z.infer<typeof pipelineRunCreateBodySchema>;
