import { z } from 'zod';
import { objectOf, optionalString, requiredString } from '../validation.js';

/*
 * Body of `POST /pipelines/upload`: a name and the compiled pipeline YAML file in standard
 * base64 (alphabet `A-Z a-z 0-9 + /`, `=` padding, length a multiple of 4).
 */

const standardBase64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Decodes the manifest of a valid upload body into the YAML text. */
export function decodePipelineManifest(encoded: string): string {
  return Buffer.from(encoded, 'base64').toString('utf8');
}

export const pipelineUploadBodySchema = objectOf({
  pipelineName: requiredString(50),
  description: optionalString(255),
  // No limit of its own is published; the 10 MB request limit bounds the manifest.
  base64PipelineSpecManifest: z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
    .min(1, { error: 'is required' })
    .regex(standardBase64, {
      error: 'must be standard base64 (A-Z a-z 0-9 + / with = padding)',
      abort: true,
    })
    .refine((encoded) => decodePipelineManifest(encoded).trim() !== '', {
      error: 'must not encode an empty file',
    }),
});

export type PipelineUploadBody = z.infer<typeof pipelineUploadBodySchema>;
