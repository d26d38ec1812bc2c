import { SlackApiError } from '../wire/api-error.js';
import type { IdGenerator } from './ids.js';
import { triggerIdPattern } from './ids.js';

/** Trigger ids live 3 seconds after the interaction and can be exchanged once. */
export const triggerLifetimeMs = 3000;

interface Trigger {
  userId: string;
  issuedAt: number;
  used: boolean;
}

/** Trigger ids handed to the bot in interactions, as `views.open` and `views.push` check them. */
export class TriggerStore {
  private readonly triggers = new Map<string, Trigger>();

  constructor(
    private readonly ids: IdGenerator,
    private readonly now: () => number,
  ) {}

  issue(userId: string): string {
    const triggerId = this.ids.nextTriggerId();
    this.triggers.set(triggerId, { userId, issuedAt: this.now(), used: false });
    return triggerId;
  }

  /** Checks a trigger id without using it up and returns the user it was issued for. */
  check(triggerId: string | undefined): string {
    const trigger = triggerId === undefined ? undefined : this.triggers.get(triggerId);
    if (triggerId === undefined || !triggerIdPattern.test(triggerId) || trigger === undefined) {
      throw new SlackApiError('invalid_trigger_id');
    }
    if (trigger.used) {
      throw new SlackApiError('exchanged_trigger_id');
    }
    if (this.now() - trigger.issuedAt > triggerLifetimeMs) {
      throw new SlackApiError('expired_trigger_id');
    }
    return trigger.userId;
  }

  consume(triggerId: string): void {
    const trigger = this.triggers.get(triggerId);
    if (trigger !== undefined) {
      trigger.used = true;
    }
  }
}
