// Decides whether the language server is started again after it stopped unexpectedly, and what the writer is told:
// a few crashes are restarted quietly (and logged), repeated crashes stop the restarts and say so.

/** What to do about one unexpected stop of the server. */
export interface CrashDecision {
  restart: boolean;
  /** For the output channel, and shown to the writer when the server is not restarted. */
  message: string;
}

/**
 * Counts unexpected stops of the server in a sliding window. Up to `maxRestarts` stops within `windowMs` are
 * restarted; the next one is not, so that a server that crashes on start-up does not loop forever.
 */
export class CrashPolicy {
  private readonly stops: number[] = [];

  constructor(
    private readonly maxRestarts = 4,
    private readonly windowMs = 3 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a stop and decides about it. */
  stopped(): CrashDecision {
    const time = this.now();
    this.stops.push(time);
    while (this.stops.length > 0 && this.stops[0]! <= time - this.windowMs) this.stops.shift();
    const count = this.stops.length;
    const minutes = Math.round(this.windowMs / 60000);
    if (count <= this.maxRestarts) {
      return {
        restart: true,
        message: `The Verbatim language server stopped unexpectedly; restarting it (${count} of ${this.maxRestarts} restarts in ${minutes} minutes).`,
      };
    }
    return {
      restart: false,
      message:
        `The Verbatim language server stopped unexpectedly ${count} times in ${minutes} minutes and will not be started again, ` +
        'so quotations are not being checked. See the Verbatim output for the cause, then run "Developer: Reload Window".',
    };
  }

  /** Forgets past stops, after a deliberate restart. */
  reset(): void {
    this.stops.length = 0;
  }
}
