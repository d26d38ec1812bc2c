/** Addresses of the local stand-ins a bot is pointed at. */
export interface LocalStack {
  slackApiUrl: string;
  slackBotToken: string;
  signingSecret: string;
  simulatorUrl: string;
  alertsChannelId: string;
  redisKeyPrefix: string;
}

/**
 * Builds the bot's environment for a local run against the EasyMaker simulator (with its
 * default app key and User Access Key) and a Slack stand-in, on loopback only.
 */
export function localStackEnvironment(stack: LocalStack): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: stack.slackBotToken,
    SLACK_SIGNING_SECRET: stack.signingSecret,
    SLACK_API_URL: stack.slackApiUrl,
    SLACK_ALERTS_CHANNEL_ID: stack.alertsChannelId,
    HOST: '127.0.0.1',
    PORT: '0',
    EASYMAKER_APPKEY: 'simulator-appkey',
    EASYMAKER_API_URL: stack.simulatorUrl,
    EASYMAKER_OAUTH_URL: stack.simulatorUrl,
    EASYMAKER_ACCESS_KEY_ID: 'simulator-access-key',
    EASYMAKER_SECRET_ACCESS_KEY: 'simulator-secret-key',
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_KEY_PREFIX: stack.redisKeyPrefix,
  };
}
