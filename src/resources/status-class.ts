/**
 * Class of an EasyMaker status code: still going, finished well, failed, or stopped by a user.
 * The lists in each resource description win. Unknown codes fall back to the naming rules of
 * the EasyMaker status model: `*_REQUESTED`, `*_IN_PROGRESS` and `RUNNING` are going, and
 * `*_FAILED` and `FAIL_*` are failures.
 */
export type StatusClass = 'going' | 'success' | 'failure' | 'stopped';

export interface StatusLists {
  going: readonly string[];
  success: readonly string[];
  failure: readonly string[];
  stopped: readonly string[];
}

/** Returns the class of `status` by the resource's lists, then by the naming rules. */
export function classifyStatus(status: string, lists: StatusLists): StatusClass {
  for (const statusClass of ['success', 'failure', 'stopped', 'going'] as const) {
    if (lists[statusClass].includes(status)) {
      return statusClass;
    }
  }
  if (status.endsWith('_IN_PROGRESS') || status.endsWith('_REQUESTED') || status === 'RUNNING') {
    return 'going';
  }
  if (status.endsWith('_FAILED') || status.startsWith('FAIL_') || status === 'FAILED') {
    return 'failure';
  }
  if (status === 'STOPPED') {
    return 'stopped';
  }
  // NOTE: a status outside the published lists and naming rules is treated as still going, so
  // tracking goes on and the unknown code shows up in the thread rather than ending it early.
  return 'going';
}

/** Whether a status of this class ends tracking. */
export function isTerminal(statusClass: StatusClass): boolean {
  return statusClass !== 'going';
}
