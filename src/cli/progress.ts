// A small progress display on stderr: a redrawn bar on a terminal, one plain line per stage in a log.

export interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Progress {
  /** Reports that `stage` has done `done` of `total` steps. */
  update(stage: string, done: number, total: number): void;
  /** Clears the bar (a terminal) so the summary starts on a clean line. */
  finish(): void;
}

const BAR_WIDTH = 20;
/** Redraw at most this often: a terminal drawing every row of 100 000 would slow the work it reports. */
const REDRAW_MS = 80;
/**
 * Reading and writing a large workbook are single long steps inside ExcelJS; the elapsed time,
 * redrawn this often, shows the work is still going.
 */
const TICK_MS = 1000;

/** "计算中 [██████░░░░░░░░░░░░░░]  30% 排名 12s". */
export function renderBar(label: string, stage: string, done: number, total: number, seconds?: number, width = BAR_WIDTH): string {
  const ratio = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const filled = Math.round(ratio * width);
  const percent = String(Math.floor(ratio * 100)).padStart(3, " ");
  const time = seconds !== undefined && seconds >= 1 ? ` ${Math.floor(seconds)}s` : "";
  return `${label} [${"█".repeat(filled)}${"░".repeat(width - filled)}] ${percent}% ${stage}${time}`;
}

/** Cut a line to the terminal's width, counting a Chinese character or a block as two columns where it takes two. */
function fit(line: string, columns: number | undefined): string {
  if (!columns || columns < 10) return line;
  let w = 0;
  let out = "";
  for (const ch of line) {
    w += /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
    if (w >= columns) break;
    out += ch;
  }
  return out;
}

/**
 * A progress display for `stream`. On a terminal the bar is redrawn in place (\r); otherwise, as in a
 * log file or CI, each stage is printed once when it starts, so the log stays short and readable.
 */
export function createProgress(stream: ProgressStream, label: string, now: () => number = Date.now): Progress {
  const tty = Boolean(stream.isTTY);
  const started = now();
  let last: { stage: string; done: number; total: number } | undefined;
  let lastDraw = 0;
  let drawn = false;
  let ticker: ReturnType<typeof setInterval> | undefined;

  const draw = () => {
    if (!last) return;
    lastDraw = now();
    stream.write(`\r${fit(renderBar(label, last.stage, last.done, last.total, (lastDraw - started) / 1000), stream.columns)}\x1b[K`);
    drawn = true;
  };

  return {
    update(stage, done, total) {
      if (!tty) {
        if (stage !== last?.stage) stream.write(`${label}${/[\u4e00-\u9fff]$/.test(label) ? "：" : ": "}${stage}\n`);
        last = { stage, done, total };
        return;
      }
      const complete = total > 0 && done >= total;
      const sameStage = stage === last?.stage;
      last = { stage, done, total };
      if (sameStage && !complete && now() - lastDraw < REDRAW_MS) return;
      draw();
      if (!ticker) {
        ticker = setInterval(draw, TICK_MS);
        // The ticker must never keep the process alive on its own.
        ticker.unref?.();
      }
    },
    finish() {
      if (ticker) clearInterval(ticker);
      ticker = undefined;
      if (tty && drawn) stream.write("\r\x1b[K");
      drawn = false;
    },
  };
}
