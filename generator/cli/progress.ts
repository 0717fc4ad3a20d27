/** The progress bar long runs show on a terminal. */
import { nowMs } from "../base/clock.js";
import type { Stage, StageEvent } from "../pipeline.js";
import type { Io } from "./io.js";

/**
 * A one-line progress bar on stderr, redrawn in place. It appears only on a terminal and only
 * once a run has taken a moment (large collections), so small runs and logs stay clean.
 */
export class ProgressBar {
  private shown = false;
  private last = "";

  constructor(
    private readonly io: Io,
    private readonly started: number,
    private readonly delayMs = 250,
    private readonly width = 30,
  ) {}

  stage(event: StageEvent): void {
    const weights: Record<Stage, [number, number]> = { load: [0, 0.1], model: [0.1, 0.25], infer: [0.25, 0.6], emit: [0.6, 1] };
    const fraction = (event.index + weights[event.stage][0]) / event.total;
    this.draw(fraction, `${event.collection}: ${event.stage}`);
  }

  write(): void {
    this.draw(1, "writing");
  }

  done(): void {
    if (this.shown) this.io.err("\r\x1b[K");
  }

  private draw(fraction: number, label: string): void {
    if (!this.shown && nowMs() - this.started < this.delayMs) return;
    this.shown = true;
    const filled = Math.round(fraction * this.width);
    const line = `pmgen [${"#".repeat(filled)}${".".repeat(this.width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}% ${label}`;
    if (line === this.last) return;
    this.last = line;
    this.io.err(`\r\x1b[K${line}`);
  }
}
