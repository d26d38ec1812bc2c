import type { SummaryField } from '../resources/resource-description.js';
import type { StatusClass } from '../resources/status-class.js';

/** Content of the messages about one tracked resource, built from its state in Redis. */
export interface TrackedResourceViewModel {
  /** Lowercase noun ("training"). */
  noun: string;
  /** Capitalised noun ("Training"). */
  title: string;
  name: string;
  resourceId: string | undefined;
  requesterId: string;
  /** Wire status code, or a bot phase such as `SUBMITTING` before the resource exists. */
  status: string;
  statusClass: StatusClass;
  /** Wall-clock seconds since the request, until it ended. */
  elapsedSeconds: number;
  /** Seconds the resource itself ran, when EasyMaker reports it. */
  runSeconds: number | undefined;
  summary: SummaryField[];
  /** Changing fields such as trial counts; empty for most resources. */
  progress: SummaryField[];
  /** Reason shown when the request failed without a resource status to explain it. */
  failureReason?: string;
}
