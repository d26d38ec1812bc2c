/** Builds the Redis keys of the bot's own state; every key starts with the configured prefix. */
export class RedisKeys {
  constructor(readonly prefix: string) {}

  draft(draftId: string): string {
    return `${this.prefix}:draft:${draftId}`;
  }

  lookupCache(lookup: string): string {
    return `${this.prefix}:lookup:${lookup}`;
  }

  operation(operationId: string): string {
    return `${this.prefix}:operation:${operationId}`;
  }

  trackedResource(kind: string, resourceId: string): string {
    return `${this.prefix}:tracked:${kind}:${resourceId}`;
  }

  post(postKey: string): string {
    return `${this.prefix}:post:${postKey}`;
  }

  /** Marks a confirm button as pressed, so a double click acts once. */
  confirmation(containerTs: string, value: string): string {
    return `${this.prefix}:confirmed:${containerTs}:${value}`;
  }

  /** BullMQ's own key prefix, so queues of two bots on one Redis stay apart. */
  queuePrefix(): string {
    return `${this.prefix}:bull`;
  }
}
