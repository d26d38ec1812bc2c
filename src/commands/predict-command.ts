import { randomUUID } from 'node:crypto';
import { EasyMakerApiError } from '../api/easymaker-api-error.js';
import { InferenceClient } from '../api/inference-client.js';
import { resourceUriFor } from '../api/inference-resource-uri.js';
import { endpointModelSchema } from '../api/schemas/endpoint-model.js';
import { endpointStageSchema } from '../api/schemas/endpoint-stage.js';
import { BotError } from '../errors.js';
import { type PredictionRequest, parsePredictionRequest } from '../resources/prediction-request.js';
import {
  checkStageServes,
  type StageResource,
  selectStage,
  selectStageResource,
} from '../resources/prediction-target.js';
import { parseStageUrl } from '../resources/stage-url.js';
import {
  buildOperationFailedReply,
  buildSyntaxErrorReply,
  type EphemeralReply,
} from '../views/command-replies.js';
import { codeSpan } from '../views/mrkdwn.js';
import { buildPredictionFailedReply, buildPredictionReply } from '../views/prediction-reply.js';
import type { CommandContext } from './command-context.js';
import type { CommandDependencies } from './command-dependencies.js';

/** Stops a prediction before it is sent; the message is shown to the user. */
class PredictionRejected extends BotError {
  constructor(message: string) {
    super('ERR_INPUT_INVALID', message);
    this.name = 'PredictionRejected';
  }
}

/**
 * Handles `/easymaker endpoint predict <endpoint_id> [stage=…] [model=…] body='{…}'`: checks the
 * arguments and acknowledges at once, then finds the stage (the default one unless named) and
 * its stage resource, POSTs the body to the stage URL, and replies through the response URL.
 */
export async function handlePredictCommand(
  context: CommandContext,
  words: readonly string[],
  named: ReadonlyMap<string, string>,
): Promise<void> {
  const { args, dependencies } = context;
  const parsed = parsePredictionRequest(words, named);
  if (!parsed.ok) {
    await args.ack(buildSyntaxErrorReply(parsed.message));
    return;
  }
  const { request } = parsed;
  await args.ack({
    response_type: 'ephemeral',
    text: `:hourglass_flowing_sand: Sending the prediction to endpoint ${codeSpan(request.endpointId)}…`,
  });
  await args.respond(await predict(request, dependencies, context.command.user_id));
}

async function predict(
  request: PredictionRequest,
  dependencies: CommandDependencies,
  userId: string,
): Promise<EphemeralReply> {
  const log = dependencies.logger.child({ endpointId: request.endpointId, userId });
  try {
    const stages = await dependencies.easymaker.list(
      '/endpoint-stages',
      'endpointStageList',
      endpointStageSchema,
      { endpointId: request.endpointId },
    );
    const stage = unwrap(selectStage(request.endpointId, stages, request.stage));
    const notServing = checkStageServes(stage);
    if (notServing !== undefined) {
      throw new PredictionRejected(notServing);
    }
    const resources = await stageResourcesOf(stage, dependencies);
    const resource = unwrap(selectStageResource(stage, resources, request.model));
    const address = parseStageUrl(stage.apigwStageUrl ?? '');
    if (address === undefined) {
      throw new PredictionRejected(
        `Stage ${stage.endpointStageName} has an invalid URL "${stage.apigwStageUrl}".`,
      );
    }
    const modelName = resource.model?.modelName ?? '';
    const resourceUri = resourceUriFor(resource, modelName, request.body);
    const response = await new InferenceClient({ logger: dependencies.logger }).predict({
      stageUrl: address.host,
      resourceUri: `${address.pathPrefix}${resourceUri}`,
      body: request.body,
    });
    log.info(
      { endpointStageId: stage.endpointStageId, status: response.status },
      'prediction answered',
    );
    return buildPredictionReply({
      endpointId: request.endpointId,
      stageName: stage.endpointStageName,
      modelName: modelName || (resource.modelId ?? ''),
      status: response.status,
      body: response.body,
      truncated: response.truncated,
    });
  } catch (error) {
    return failureReply(error, request, log);
  }
}

/** Returns the stage resources embedded in the stage, or lists them when it carries none. */
async function stageResourcesOf(
  stage: { endpointStageId: string; endpointModelList?: StageResource[] | null },
  dependencies: CommandDependencies,
): Promise<StageResource[]> {
  if (stage.endpointModelList && stage.endpointModelList.length > 0) {
    return stage.endpointModelList;
  }
  return dependencies.easymaker.list('/endpoint-models', 'endpointModelList', endpointModelSchema, {
    endpointStageId: stage.endpointStageId,
  });
}

function unwrap<T>(selection: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!selection.ok) {
    throw new PredictionRejected(selection.message);
  }
  return selection.value;
}

function failureReply(
  error: unknown,
  request: PredictionRequest,
  log: CommandDependencies['logger'],
): EphemeralReply {
  if (error instanceof PredictionRejected) {
    log.info({ reason: error.message }, 'prediction rejected before sending');
    return buildPredictionFailedReply(error.message);
  }
  if (error instanceof EasyMakerApiError) {
    log.warn({ err: error }, 'endpoint look-up for a prediction failed');
    return buildPredictionFailedReply(
      `Could not read endpoint ${request.endpointId}: EasyMaker answered "${error.resultMessage}". /easymaker endpoint list shows the endpoints.`,
    );
  }
  if (
    error instanceof BotError &&
    (error.code === 'ERR_INFERENCE' || error.code === 'ERR_INPUT_INVALID')
  ) {
    log.warn({ err: error }, 'prediction failed');
    return buildPredictionFailedReply(`The prediction failed: ${error.message}`);
  }
  const reference = randomUUID().slice(0, 8);
  log.error({ err: error, reference }, 'prediction failed');
  return buildOperationFailedReply(`predict with endpoint ${request.endpointId}`, error, reference);
}
