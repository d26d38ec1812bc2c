import type { FakeMessage } from '../types.js';

interface StoredMessage {
  channel: string;
  message: FakeMessage;
  updates: number;
}

/** Messages per channel in posting order, with thread bookkeeping on the parents. */
export class MessageStore {
  private readonly byChannel = new Map<string, StoredMessage[]>();

  add(channel: string, message: FakeMessage): void {
    const list = this.byChannel.get(channel) ?? [];
    list.push({ channel, message, updates: 0 });
    this.byChannel.set(channel, list);
    if (message.thread_ts !== undefined && message.thread_ts !== message.ts) {
      this.recordReply(channel, message);
    }
  }

  private recordReply(channel: string, reply: FakeMessage): void {
    const parent = this.get(channel, reply.thread_ts);
    if (parent === undefined) {
      return;
    }
    const replyUsers = new Set(parent.reply_users ?? []);
    replyUsers.add(reply.user);
    parent.thread_ts = parent.ts;
    parent.reply_count = (parent.reply_count ?? 0) + 1;
    parent.reply_users = [...replyUsers];
    parent.reply_users_count = replyUsers.size;
    parent.latest_reply = reply.ts;
  }

  get(channel: string, ts: string | undefined): FakeMessage | undefined {
    return this.find(channel, ts)?.message;
  }

  private find(channel: string, ts: string | undefined): StoredMessage | undefined {
    return this.byChannel.get(channel)?.find((stored) => stored.message.ts === ts);
  }

  /** A top-level message: no `thread_ts`, or the parent of its own thread. */
  isTopLevel(message: FakeMessage): boolean {
    return message.thread_ts === undefined || message.thread_ts === message.ts;
  }

  /** Top-level messages plus thread replies sent with `reply_broadcast`, oldest first. */
  channelMessages(channel: string): FakeMessage[] {
    return (this.byChannel.get(channel) ?? [])
      .map((stored) => stored.message)
      .filter((message) => this.isTopLevel(message) || message.subtype === 'thread_broadcast');
  }

  /** The parent followed by its replies, oldest first; empty when the parent is unknown. */
  thread(channel: string, threadTs: string): FakeMessage[] {
    const parent = this.get(channel, threadTs);
    if (parent === undefined) {
      return [];
    }
    const replies = (this.byChannel.get(channel) ?? [])
      .map((stored) => stored.message)
      .filter((message) => message.thread_ts === threadTs && message.ts !== threadTs);
    return [parent, ...replies];
  }

  /** Every message of every channel, for lookups by ts across channels. */
  all(): { channel: string; message: FakeMessage }[] {
    return [...this.byChannel.values()].flat();
  }

  /**
   * Replaces a message's fields; an undefined value removes the field. `countAsUpdate` is false
   * for edits that do not come from `chat.update` (a `response_url` replacing the message).
   */
  update(
    channel: string,
    ts: string,
    changes: Partial<FakeMessage>,
    countAsUpdate = true,
  ): FakeMessage | undefined {
    const stored = this.find(channel, ts);
    if (stored === undefined) {
      return undefined;
    }
    if (countAsUpdate) {
      stored.updates += 1;
    }
    const fields: Record<string, unknown> = stored.message as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) {
        delete fields[key];
      } else {
        fields[key] = value;
      }
    }
    return stored.message;
  }

  updatesOf(channel: string, ts: string): number {
    return this.find(channel, ts)?.updates ?? 0;
  }

  delete(channel: string, ts: string): boolean {
    const list = this.byChannel.get(channel);
    const index = list?.findIndex((stored) => stored.message.ts === ts) ?? -1;
    if (list === undefined || index < 0) {
      return false;
    }
    const [removed] = list.splice(index, 1);
    const threadTs = removed?.message.thread_ts;
    if (removed !== undefined && threadTs !== undefined && threadTs !== removed.message.ts) {
      const parent = this.get(channel, threadTs);
      if (parent?.reply_count !== undefined) {
        parent.reply_count -= 1;
      }
    }
    return true;
  }
}
