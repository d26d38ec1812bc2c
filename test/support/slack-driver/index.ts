export type { OptionsAck } from './ack-checks.js';
export { type AckResult, ackDeadlineMs, signatureFor } from './signed-post.js';
export {
  type InteractionAck,
  type MessageButtonClick,
  SlackDriver,
  type SlackDriverOptions,
  type ViewButtonClick,
} from './slack-driver.js';
export type { InputValue, SubmittedValues } from './view-submission.js';
