/// <reference types="node" />
/**
 * Progress on long work, on stderr: a line that updates in place on a
 * terminal, or (with `--progress` into a file or pipe) a line at each quarter.
 * Silent otherwise, so scripts and tests read clean output.
 */
export class Progress {
  private readonly tty: boolean;
  private lastDraw = 0;
  private lastQuarter = -1;
  private drawn = false;

  constructor(
    private readonly enabled: boolean,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.tty = Boolean(stream.isTTY);
  }

  /** Reports `done` of `total` units of the step `label`. */
  step(label: string, done: number, total: number): void {
    if (!this.enabled || total <= 0) return;
    const share = Math.min(1, done / total);
    if (this.tty) {
      // a terminal: redraw at most ten times a second, and at the end
      const now = Date.now();
      if (now - this.lastDraw < 100 && done < total) return;
      this.lastDraw = now;
      this.stream.write(`\r${label} ${done}/${total} (${Math.round(share * 100)}%)\x1b[K`);
      this.drawn = true;
      return;
    }
    const quarter = Math.floor(share * 4);
    if (quarter === this.lastQuarter) return;
    this.lastQuarter = quarter;
    this.stream.write(`${label} ${done}/${total} (${Math.round(share * 100)}%)\n`);
    if (done >= total) this.lastQuarter = -1;
  }

  /** Ends the current step (clears the line on a terminal). */
  end(): void {
    if (this.tty && this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
    this.lastQuarter = -1;
  }
}
