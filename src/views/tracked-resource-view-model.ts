import type { SummaryField } from '../resources/resource-description.js';
import type { StatusClass } from '../resources/status-class.js';

/** What the messages of one tracked resource show; built from the state kept in Redis. */
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
  elapsedSeconds: number;
  summary: SummaryField[];
  /** Why creation failed, when it failed before a resource existed. */
  failureReason?: string;
}
