import type { InputValue, SubmittedValues } from '../support/slack-driver/index.js';
import type { FakeMessage, FakeView } from '../support/slack-fake/index.js';
import { clickEphemeralButton } from './ephemeral-click.js';
import { ALICE, CHANNEL, type Harness, replyTexts } from './harness.js';

/** Steps that the end-to-end tests of batch inferences and pipelines share. */

export const OBS = 'obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_e2e/bucket';
export const CPU_FLAVOR_ID = '5f0a7c52-1b7e-4a8e-9f31-0c1d2e3f4a01';

export async function send(harness: Harness, text: string, userId = ALICE) {
  return harness.driver.sendCommand({ command: '/easymaker', text, userId, channelId: CHANNEL });
}

/** Returns the ephemeral text of an acknowledgement, or '' for an empty one. */
export function ackText(ack: { body: string }): string {
  return ack.body === '' ? '' : (JSON.parse(ack.body) as { text: string }).text;
}

/** Waits for the parent message of the resource called `name`. */
export async function threadOf(harness: Harness, name: string): Promise<FakeMessage> {
  const { fake } = harness;
  return fake.waitFor(
    () => fake.messages(CHANNEL).find((message) => message.text.includes(` ${name}:`)),
    10_000,
  );
}

/** Waits for the thread reply that contains `text`; returns the whole message. */
export async function replyContaining(
  harness: Harness,
  parent: FakeMessage,
  text: string,
  timeoutMs = 30_000,
): Promise<FakeMessage> {
  const { fake } = harness;
  return fake.waitFor(
    () => fake.replies(CHANNEL, parent.ts).find((reply) => reply.text.includes(text)),
    timeoutMs,
  );
}

/** Reads the resource id from the thread's first reply ("Created … with id `…`"). */
export async function resourceIdOf(harness: Harness, parent: FakeMessage): Promise<string> {
  const created = await replyContaining(harness, parent, 'with id', 10_000);
  const id = /with id `([A-Za-z0-9_-]+)`/.exec(created.text)?.[1];
  if (id === undefined) {
    throw new Error(`no resource id in "${created.text}"`);
  }
  return id;
}

export function threadTexts(harness: Harness, parent: FakeMessage): string[] {
  return replyTexts(harness.fake, CHANNEL, parent.ts);
}

/** Sends a create command that opens the form and waits for the full form. */
export async function openForm(harness: Harness, text: string, kind: string): Promise<FakeView> {
  const ack = await send(harness, text);
  if (ack.body !== '') {
    throw new Error(`expected the form to open, got ${ack.body}`);
  }
  const { fake } = harness;
  return fake.waitFor(() => {
    const view = fake.openViewFor(ALICE);
    return view?.callback_id === `easymaker:create:${kind}` ? view : undefined;
  }, 5000);
}

/** Turns `{ block_id: value }` into the driver's submitted values under action id `value`. */
export function formValues(values: Record<string, InputValue | undefined>): SubmittedValues {
  const submitted: SubmittedValues = {};
  for (const [block, value] of Object.entries(values)) {
    if (value !== undefined) {
      submitted[block] = { value };
    }
  }
  return submitted;
}

/** Seeds ACTIVE models in the simulator; returns their ids by name. */
export async function seedModels(harness: Harness, names: string[]): Promise<string[]> {
  const answer = (await harness.control('POST', '/_simulator/seed', {
    models: names.map((modelName) => ({ modelName })),
  })) as { seeded: { modelList: Array<{ modelId: string }> } };
  return answer.seeded.modelList.map((model) => model.modelId);
}

/** Seeds an ACTIVE pipeline in the simulator; returns its id. */
export async function seedPipeline(
  harness: Harness,
  pipelineName: string,
  parameters: Array<{ parameterName: string; isOptional?: boolean }> = [],
): Promise<string> {
  const answer = (await harness.control('POST', '/_simulator/seed', {
    pipelines: [{ pipelineName, parameters }],
  })) as { seeded: { pipelineList: Array<{ pipelineId: string }> } };
  const [pipeline] = answer.seeded.pipelineList;
  if (pipeline === undefined) {
    throw new Error('the simulator seeded no pipeline');
  }
  return pipeline.pipelineId;
}

/**
 * Sends `/easymaker <word> <operation> <id>`, checks the confirmation question and confirms it
 * as the requester; returns the text the bot put in place of the question.
 */
export async function confirmOperation(
  harness: Harness,
  command: string,
  question: string,
): Promise<string> {
  const ack = await send(harness, command);
  const body = JSON.parse(ack.body) as { text: string; blocks: unknown[] };
  if (!body.text.includes(question)) {
    throw new Error(`expected the question "${question}", got "${body.text}"`);
  }
  const click = await clickEphemeralButton({
    driver: harness.driver,
    fake: harness.fake,
    blocks: body.blocks,
    actionId: 'easymaker:confirm',
    userId: ALICE,
    channelId: CHANNEL,
  });
  const post = await harness.fake.waitFor(
    () => harness.fake.responseUrlPosts().find((candidate) => candidate.url === click.responseUrl),
    5000,
  );
  return (post.body as { text: string }).text;
}
