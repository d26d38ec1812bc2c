import { z } from 'zod';
import { matchesGlob } from './glob.js';
import {
  type FailableKind,
  type FailureStatusOf,
  failableKinds,
  failureStatusesByKind,
} from './resource-outcomes.js';

const methodSchema = z.enum(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', '*'], {
  error: 'must be GET, HEAD, POST, PUT, DELETE or *',
});
const countSchema = z.int({ error: 'must be an integer' }).min(1, { error: 'must be 1 or more' });
const globSchema = z.string({ error: 'must be a string' }).min(1, { error: 'is required' });

/**
 * Failure injection requested through the control API. Method `*` matches any method;
 * `pathPattern` and `namePattern` are globs (see `matchesGlob`) matched against the whole
 * request path (no query) or resource name. Each fault applies to `count` matching requests or
 * creates (default 1) and is then dropped.
 */
export const faultSchema = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        kind: z.literal('fail-resource'),
        resource: z.enum(failableKinds, { error: `must be one of ${failableKinds.join(', ')}` }),
        namePattern: globSchema.optional(),
        status: z.string({ error: 'must be a string' }),
        count: countSchema.default(1),
      })
      .superRefine((fault, context) => {
        const allowed: readonly string[] = failureStatusesByKind[fault.resource];
        if (!allowed.includes(fault.status)) {
          context.addIssue({
            code: 'custom',
            path: ['status'],
            message: `must be ${allowed.join(' or ')} for resource ${fault.resource}`,
          });
        }
      }),
    z.object({
      kind: z.literal('slow-response'),
      method: methodSchema,
      pathPattern: globSchema,
      delayMs: z
        .int({ error: 'must be an integer' })
        .min(1, { error: 'must be between 1 and 600000' })
        .max(600_000, { error: 'must be between 1 and 600000' }),
      count: countSchema.default(1),
    }),
    z.object({
      kind: z.literal('http-error'),
      method: methodSchema,
      pathPattern: globSchema,
      status: z.union([z.literal(500), z.literal(503), z.literal(429)], {
        error: 'must be 500, 503 or 429',
      }),
      count: countSchema.default(1),
      retryAfterSeconds: z.int({ error: 'must be an integer' }).min(0).optional(),
    }),
  ],
  { error: 'kind must be fail-resource, slow-response or http-error' },
);

export type Fault = z.infer<typeof faultSchema>;
export type QueuedFault = Fault & { faultId: number };
type HttpErrorFault = Extract<Fault, { kind: 'http-error' }>;

/** Faults waiting to be applied, oldest first; the oldest matching fault wins. */
export class FaultQueue {
  private faults: QueuedFault[] = [];
  private nextFaultId = 1;

  add(fault: Fault): QueuedFault {
    const queued = { ...fault, faultId: this.nextFaultId };
    this.nextFaultId += 1;
    this.faults.push(queued);
    return queued;
  }

  list(): QueuedFault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.faults = [];
  }

  /** Consumes a `fail-resource` fault matching a create and returns the status to end in. */
  takeFailureStatus<K extends FailableKind>(
    resource: K,
    name: string,
  ): FailureStatusOf<K> | undefined {
    const fault = this.take(
      (candidate) =>
        candidate.kind === 'fail-resource' &&
        candidate.resource === resource &&
        (candidate.namePattern === undefined || matchesGlob(candidate.namePattern, name)),
    );
    // The schema admits only the failure statuses of the fault's own resource kind.
    return fault?.kind === 'fail-resource' ? (fault.status as FailureStatusOf<K>) : undefined;
  }

  /** Consumes an `http-error` fault matching the request. */
  takeHttpError(method: string, path: string): HttpErrorFault | undefined {
    const fault = this.take(
      (candidate) => candidate.kind === 'http-error' && matchesRequest(candidate, method, path),
    );
    return fault?.kind === 'http-error' ? fault : undefined;
  }

  /** Consumes a `slow-response` fault matching the request and returns its delay. */
  takeResponseDelayMs(method: string, path: string): number {
    const fault = this.take(
      (candidate) => candidate.kind === 'slow-response' && matchesRequest(candidate, method, path),
    );
    return fault?.kind === 'slow-response' ? fault.delayMs : 0;
  }

  private take(predicate: (fault: QueuedFault) => boolean): QueuedFault | undefined {
    const fault = this.faults.find(predicate);
    if (fault === undefined) {
      return undefined;
    }
    fault.count -= 1;
    if (fault.count <= 0) {
      this.faults = this.faults.filter((candidate) => candidate !== fault);
    }
    return fault;
  }
}

function matchesRequest(
  fault: { method: string; pathPattern: string },
  method: string,
  path: string,
): boolean {
  return (fault.method === '*' || fault.method === method) && matchesGlob(fault.pathPattern, path);
}
