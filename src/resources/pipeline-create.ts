import { z } from 'zod';
import type { Pipeline } from '../api/schemas/pipeline.js';
import { pipelineUploadBodySchema } from '../api/schemas/pipeline-upload-body.js';
import { optionalText, requiredText } from './field-schemas.js';
import { readPipelineSpecFile } from './pipeline-spec-file.js';
import { requiredIdReference } from './required-id-reference.js';
import type { CreateDescription, ParameterDescription } from './resource-description.js';

/** Typed parameters of `Pipeline().upload`; the spec is a Slack file instead of a local path. */
export const pipelineParametersSchema = z.object({
  pipeline_name: requiredText(50),
  description: optionalText(255),
  pipeline_spec_file: requiredIdReference(255, {
    pattern: /^F[A-Z0-9]{2,}$/,
    message: 'must be a Slack file id, such as F0123ABCD',
  }),
});

export type PipelineParameters = z.infer<typeof pipelineParametersSchema>;

const pipelineParameters: readonly ParameterDescription[] = [
  {
    name: 'pipeline_name',
    aliases: ['name'],
    label: 'Pipeline name',
    hint: 'Up to 50 characters.',
    optional: false,
    control: { type: 'text', maxLength: 50, placeholder: 'mnist-pipeline' },
  },
  {
    name: 'description',
    aliases: [],
    label: 'Description',
    hint: 'Up to 255 characters.',
    optional: true,
    control: { type: 'text', maxLength: 255 },
  },
  {
    name: 'pipeline_spec_file',
    aliases: ['file', 'spec'],
    label: 'Pipeline spec file',
    hint: 'The compiled Kubeflow Pipelines YAML file, at most 5 MB. Inline, give the id of a file shared in a channel the bot is in: file=F0123ABCD.',
    optional: false,
    control: { type: 'file', filetypes: ['yaml', 'yml'] },
  },
];

/**
 * `Pipeline().upload` from Slack: the spec file is read from Slack in the create job and sent
 * base64-encoded to `POST /pipelines/upload`.
 */
export const pipelineCreate: CreateDescription<Pipeline, PipelineParameters> = {
  verb: 'upload',
  parameters: pipelineParameters,
  parametersSchema: pipelineParametersSchema,
  bodySchema: pipelineUploadBodySchema,
  checkParameters: () => [],
  references: [],
  formLookups: [],
  nameOfParameters: (parameters) => parameters.pipeline_name,
  buildCreateBody: (parameters) => ({
    pipelineName: parameters.pipeline_name,
    description: parameters.description,
  }),
  async prepareBody(parameters, context) {
    const spec = await readPipelineSpecFile(parameters.pipeline_spec_file.id, context);
    return { base64PipelineSpecManifest: spec.toString('base64') };
  },
  path: '/pipelines/upload',
  summarizeParameters: (parameters) => [
    { label: 'Spec file', value: parameters.pipeline_spec_file.id },
    ...(parameters.description ? [{ label: 'Description', value: parameters.description }] : []),
  ],
};
