import { BotError } from '../errors.js';

/** The part of a stage resource (`EndpointModel`) that names its path. */
export interface ResourceUriSource {
  apigwResourceUri?: string | null;
}

/**
 * Returns the path to POST a prediction to on a stage: the stage resource's
 * `apigwResourceUri` when it is set, otherwise the path the SDK builds from the model name and
 * the shape of the body:
 *
 * | body has             | protocol          | path                                          |
 * | -------------------- | ----------------- | --------------------------------------------- |
 * | `inputs`             | KServe v2 / OIP   | `/{model}/v2/models/{model}/infer`            |
 * | `model` + `prompt`   | OpenAI completion | `/{model}/v1/models/completions`              |
 * | `model` + `messages` | OpenAI chat       | `/{model}/v1/models/chat/completions`         |
 * | anything else        | KServe v1         | `/{model}/v1/models/{model}/predict`          |
 *
 * The model name is percent-encoded in the path.
 */
export function resourceUriFor(
  endpointModel: ResourceUriSource,
  modelName: string,
  body: unknown,
): string {
  const configured = endpointModel.apigwResourceUri?.trim();
  if (configured) {
    return configured;
  }
  if (modelName === '') {
    throw new BotError(
      'ERR_INPUT_INVALID',
      'The stage resource has no apigwResourceUri and no model name to build a path from',
    );
  }
  const model = encodeURIComponent(modelName);
  const fields = isJsonObject(body) ? body : {};
  // NOTE: the SDK's order for a body that matches several rows is not published, so here
  // `instances` wins, then `inputs`, then the OpenAI shapes.
  if ('instances' in fields) {
    return `/${model}/v1/models/${model}/predict`;
  }
  if ('inputs' in fields) {
    return `/${model}/v2/models/${model}/infer`;
  }
  if ('model' in fields && 'prompt' in fields) {
    return `/${model}/v1/models/completions`;
  }
  if ('model' in fields && 'messages' in fields) {
    return `/${model}/v1/models/chat/completions`;
  }
  return `/${model}/v1/models/${model}/predict`;
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
