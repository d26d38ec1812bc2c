import type { StatusClass } from '../resources/status-class.js';

const EMOJI: Record<StatusClass, string> = {
  going: ':hourglass_flowing_sand:',
  success: ':white_check_mark:',
  failure: ':x:',
  stopped: ':black_square_for_stop:',
};

/** Emoji shown before a status of this class. */
export function statusEmoji(statusClass: StatusClass): string {
  return EMOJI[statusClass];
}
