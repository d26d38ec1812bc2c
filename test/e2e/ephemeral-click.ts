import type { SlackDriver } from '../support/slack-driver/index.js';
import { payloadForm } from '../support/slack-driver/signed-post.js';
import type { SlackFake } from '../support/slack-fake/index.js';

interface ButtonBlock {
  type: string;
  block_id?: string;
  elements?: Array<{ type: string; action_id?: string; value?: string }>;
}

export interface EphemeralClick {
  driver: SlackDriver;
  fake: SlackFake;
  /** Blocks of the ephemeral message the button is on. */
  blocks: unknown[];
  actionId: string;
  userId: string;
  channelId: string;
  /** `ts` of the ephemeral message; clicks on one message share it. */
  messageTs?: string;
}

/**
 * Clicks a button on an ephemeral message, which the fake does not store: builds the
 * `block_actions` payload Slack sends for it, with a fresh response URL and trigger id.
 * Returns the response URL, so a test can find what the bot posted to it.
 */
export async function clickEphemeralButton(
  click: EphemeralClick,
): Promise<{ status: number; responseUrl: string }> {
  const { fake, driver, userId, channelId } = click;
  let found: { blockId: string; value: string | undefined; actionId: string } | undefined;
  for (const block of click.blocks as ButtonBlock[]) {
    for (const element of block.elements ?? []) {
      if (element.type === 'button' && element.action_id === click.actionId) {
        found = {
          blockId: block.block_id ?? '',
          value: element.value,
          actionId: element.action_id,
        };
      }
    }
  }
  if (found === undefined) {
    throw new Error(`no button ${click.actionId} in the message`);
  }
  const messageTs =
    click.messageTs ??
    `${Math.floor(Date.now() / 1000)}.${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  const responseUrl = fake.newResponseUrl(channelId, userId, { messageTs, isEphemeral: true });
  const payload = {
    type: 'block_actions',
    user: {
      id: userId,
      username: userId.toLowerCase(),
      name: userId.toLowerCase(),
      team_id: fake.teamId,
    },
    api_app_id: fake.appId,
    token: 'legacy-verification-token',
    team: { id: fake.teamId, domain: fake.teamDomain },
    container: {
      type: 'message',
      message_ts: messageTs,
      channel_id: channelId,
      is_ephemeral: true,
    },
    channel: { id: channelId, name: channelId.toLowerCase() },
    trigger_id: fake.issueTriggerId(userId),
    response_url: responseUrl,
    actions: [
      {
        type: 'button',
        action_id: found.actionId,
        block_id: found.blockId,
        text: { type: 'plain_text', text: 'button' },
        ...(found.value === undefined ? {} : { value: found.value }),
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
  const ack = await driver.sendRaw({
    body: payloadForm(payload),
    contentType: 'application/x-www-form-urlencoded',
  });
  return { status: ack.status, responseUrl };
}
