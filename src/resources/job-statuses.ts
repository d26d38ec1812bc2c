import type { StatusLists } from './status-class.js';

/**
 * Returns the status lists of an EasyMaker job (training, tuning, batch inference, pipeline
 * run), which differ only in the failure word: `FAIL_{word}` and `FAIL_{word}_IN_PROGRESS`.
 */
export function jobStatuses(failureWord: string): StatusLists {
  return {
    going: [
      'CREATE_REQUESTED',
      'CREATE_IN_PROGRESS',
      'RUNNING',
      'COMPLETE_IN_PROGRESS',
      `FAIL_${failureWord}_IN_PROGRESS`,
      'STOP_IN_PROGRESS',
    ],
    success: ['COMPLETE'],
    failure: [`FAIL_${failureWord}`, 'CREATE_FAILED'],
    stopped: ['STOPPED'],
  };
}
