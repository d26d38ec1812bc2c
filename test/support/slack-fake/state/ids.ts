import { randomBytes } from 'node:crypto';

/** Generators for the ids and timestamps the fake hands out. */
export class IdGenerator {
  private lastMicros = 0;
  private counter = 0;

  constructor(private readonly now: () => number) {}

  /**
   * Returns the next message `ts`, `"<seconds>.<6 digits>"`. Values are strictly increasing,
   * so they are unique per channel and sort in posting order even when the clock stands still.
   */
  nextTs(): string {
    const micros = Math.max(Math.floor(this.now() * 1000), this.lastMicros + 1);
    this.lastMicros = micros;
    const seconds = Math.floor(micros / 1_000_000);
    const fraction = String(micros % 1_000_000).padStart(6, '0');
    return `${seconds}.${fraction}`;
  }

  /** Returns an id such as `V0000000007` with the given one-letter prefix. */
  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}${String(this.counter).padStart(10, '0')}`;
  }

  /** Returns a view hash shaped like Slack's, e.g. `1712345678.a1b2c3d4`. */
  nextHash(): string {
    return `${Math.floor(this.now() / 1000)}.${randomBytes(4).toString('hex')}`;
  }

  /** Returns a trigger id shaped like Slack's, e.g. `13345224609.738474920.8088930838d88f00`. */
  nextTriggerId(): string {
    this.counter += 1;
    return `${this.counter}${Math.floor(this.now())}.738474920.${randomBytes(16).toString('hex')}`;
  }

  /** Returns an unguessable path segment for response and upload URLs. */
  nextSecret(): string {
    return randomBytes(12).toString('hex');
  }

  /** Returns a short random id like the `block_id` Slack assigns to blocks without one. */
  nextBlockId(): string {
    return randomBytes(3).toString('base64url');
  }
}

/** A trigger id as `views.open` accepts it: digits, dot, digits, dot, hex. */
export const triggerIdPattern = /^\d+\.\d+\.[0-9a-f]+$/;

/** A message timestamp as Slack formats it. */
export const tsPattern = /^\d+\.\d{6}$/;
