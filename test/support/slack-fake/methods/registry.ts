import { deleteMessage, getPermalink, updateMessage } from './chat-edit.js';
import { postEphemeral, postMessage } from './chat-post.js';
import {
  conversationHistory,
  conversationInfo,
  conversationReplies,
  joinConversation,
} from './conversations.js';
import { fileInfo } from './file-info.js';
import { completeUpload, getUploadUrl } from './files.js';
import type { MethodHandler } from './method-context.js';
import { openView, pushView, updateView } from './views.js';
import { addReaction, authTest, userGroupMembers, userInfo } from './workspace-methods.js';

export interface MethodSpec {
  handler: MethodHandler;
  /** Slack accepts an `application/json` body for this method. */
  jsonCapable: boolean;
}

/** Every Web API method the fake serves; any other name is `unknown_method`. */
export const methods: ReadonlyMap<string, MethodSpec> = new Map<string, MethodSpec>([
  ['auth.test', { handler: authTest, jsonCapable: true }],
  ['chat.postMessage', { handler: postMessage, jsonCapable: true }],
  ['chat.update', { handler: updateMessage, jsonCapable: true }],
  ['chat.postEphemeral', { handler: postEphemeral, jsonCapable: true }],
  ['chat.delete', { handler: deleteMessage, jsonCapable: true }],
  ['chat.getPermalink', { handler: getPermalink, jsonCapable: false }],
  ['views.open', { handler: openView, jsonCapable: true }],
  ['views.update', { handler: updateView, jsonCapable: true }],
  ['views.push', { handler: pushView, jsonCapable: true }],
  ['conversations.info', { handler: conversationInfo, jsonCapable: false }],
  ['conversations.join', { handler: joinConversation, jsonCapable: true }],
  ['conversations.history', { handler: conversationHistory, jsonCapable: false }],
  ['conversations.replies', { handler: conversationReplies, jsonCapable: false }],
  ['users.info', { handler: userInfo, jsonCapable: false }],
  ['usergroups.users.list', { handler: userGroupMembers, jsonCapable: false }],
  ['reactions.add', { handler: addReaction, jsonCapable: true }],
  ['files.getUploadURLExternal', { handler: getUploadUrl, jsonCapable: false }],
  ['files.completeUploadExternal', { handler: completeUpload, jsonCapable: true }],
  ['files.info', { handler: fileInfo, jsonCapable: false }],
]);
