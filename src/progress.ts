import type { ScanProgress } from "./types.js";

/** Whether to draw the bar: only for a person watching a terminal, never in CI, pipes, logs or with --quiet. */
export function progressWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, disabled: boolean): boolean {
  if (disabled || !stream.isTTY) return false;
  if (env.CI && env.CI !== "false" && env.CI !== "0") return false;
  return env.TERM !== "dumb";
}

const PHASE_LABEL: Record<ScanProgress["phase"], string> = { parse: "parsing", analyse: "analysing" };
const REDRAW_MS = 100;
const BAR_WIDTH = 24;

/**
 * A one-line bar on stderr: the phase, files done of total, and the time left at this phase's rate. Redrawn at most
 * every 100 ms (a scan reports thousands of steps); `done()` erases it so the report starts on a clean line.
 */
export function progressBar(stream: { write(text: string): boolean; columns?: number }, now: () => number = () => Date.now()): {
  update(event: ScanProgress): void;
  done(): void;
} {
  let phaseStarted = now();
  let phase: ScanProgress["phase"] | null = null;
  let lastDraw = 0;
  let drawn = false;
  return {
    update(event) {
      const time = now();
      if (event.phase !== phase) {
        phase = event.phase;
        phaseStarted = time;
      } else if (time - lastDraw < REDRAW_MS && event.done < event.total) {
        return;
      }
      lastDraw = time;
      const fraction = event.total > 0 ? Math.min(1, event.done / event.total) : 1;
      const filled = Math.round(fraction * BAR_WIDTH);
      const elapsed = time - phaseStarted;
      const left = event.done > 0 && event.done < event.total ? Math.ceil(((elapsed / event.done) * (event.total - event.done)) / 1000) : null;
      const line = `perf-scan ${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)} ${PHASE_LABEL[event.phase]} ${event.done}/${event.total} files${left !== null ? ` · ETA ${left}s` : ""}`;
      stream.write(`\r${line.slice(0, Math.max(20, (stream.columns || 80) - 1))}\x1b[K`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write("\r\x1b[K");
      drawn = false;
    },
  };
}
