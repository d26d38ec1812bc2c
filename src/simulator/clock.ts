/**
 * Simulated clock: real time plus an offset that the control API can move forward, so a test
 * can finish a training at once. Status progression, timestamps and token expiry all read it.
 */
export class SimulatedClock {
  private offsetMs = 0;

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}

const seoulOffsetMs = 9 * 60 * 60 * 1000;

/**
 * Formats epoch milliseconds as ISO 8601 at +09:00 without fractions, the shape EasyMaker uses
 * for `createdDatetime` (e.g. `2025-05-28T13:44:46+09:00`).
 */
export function formatSeoulDatetime(epochMs: number): string {
  const shifted = new Date(epochMs + seoulOffsetMs).toISOString();
  return `${shifted.slice(0, 19)}+09:00`;
}
