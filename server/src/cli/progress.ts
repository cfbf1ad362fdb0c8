// A progress line for long work on a terminal: written over itself in place, shown only once the work has taken a
// while (a quick run never flickers), and wiped when the work is done so that the report starts on a clean line.
import type { Writable } from 'node:stream';

/** How a progress line behaves: after how long it first shows, and how often it is rewritten at most. */
export interface ProgressTiming {
  delayMs: number;
  intervalMs: number;
}

const DEFAULT_TIMING: ProgressTiming = { delayMs: 500, intervalMs: 100 };

/** One line of progress on `stream`, which should be a terminal. */
export class ProgressLine {
  private readonly started = performance.now();
  private shownAt = -Infinity;
  private shown = false;

  constructor(
    private readonly stream: Writable,
    private readonly timing: ProgressTiming = DEFAULT_TIMING,
  ) {}

  /** Says how far the work is, as `text`; written only when it is time to. */
  update(text: string): void {
    const now = performance.now();
    if (now - this.started < this.timing.delayMs || now - this.shownAt < this.timing.intervalMs) return;
    this.shownAt = now;
    this.shown = true;
    // Carriage return and erase-line: the line is written over in place.
    this.stream.write(`\r\x1b[K${text}`);
  }

  /** Wipes the line, if it was ever shown. */
  done(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
