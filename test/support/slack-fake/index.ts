export { defaultChannels, defaultScopes, defaultUserGroups, defaultUsers } from './defaults.js';
export { ModalControls } from './modal-controls.js';
export { SlackFake } from './slack-fake.js';
export type { ResponseUrlOrigin } from './state/response-url-store.js';
export type * from './types.js';
