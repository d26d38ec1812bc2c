import { matchesGlob } from './glob.js';

/** One request received on the simulated APIs (control API calls are not logged). */
export interface RequestLogEntry {
  /** Sequence number, from 1 in order of arrival. */
  sequence: number;
  method: string;
  path: string;
  /** Query parameters; a repeated parameter becomes a list. */
  query: Record<string, string | string[]>;
  /** Arrival time, ISO 8601 UTC, from the real clock. */
  time: string;
  /** Parsed JSON or form body with secret fields replaced, the raw text if unparsable, or null. */
  body: unknown;
  /** HTTP status of the response, or null until it is sent. */
  status: number | null;
}

// Keeps memory bounded in long demo sessions; tests never get near it.
const maxEntries = 10_000;

const secretKeyPattern = /secret|token|password|authorization|credential/i;

/** Log of received requests, so tests can assert what reached the server and how often. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private nextSequence = 1;

  record(entry: Omit<RequestLogEntry, 'sequence' | 'status' | 'body'> & { body: unknown }) {
    const logged: RequestLogEntry = {
      ...entry,
      body: redactSecrets(entry.body),
      sequence: this.nextSequence,
      status: null,
    };
    this.nextSequence += 1;
    this.entries.push(logged);
    if (this.entries.length > maxEntries) {
      this.entries.splice(0, this.entries.length - maxEntries);
    }
    return logged;
  }

  /** Entries in order of arrival, optionally filtered by exact method and path glob. */
  list(filter: { method?: string; pathPattern?: string } = {}): RequestLogEntry[] {
    return this.entries.filter(
      (entry) =>
        (filter.method === undefined || entry.method === filter.method) &&
        (filter.pathPattern === undefined || matchesGlob(filter.pathPattern, entry.path)),
    );
  }

  clear(): void {
    this.entries = [];
  }
}

/** Copies `value` with every field whose name looks secret replaced by `[Redacted]`. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(redactSecrets);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        secretKeyPattern.test(key) ? '[Redacted]' : redactSecrets(item),
      ]),
    );
  }
  return value;
}
