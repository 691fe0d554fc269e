/** Where progress is drawn: stderr, when it is a terminal. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

export interface Progress {
  /** One more of `total` done; `detail` names it. */
  step(detail: string): void;
  /** A phase of unknown length (an upload): a spinner with the seconds spent. */
  wait(label: string): void;
  done(): void;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const silent: Progress = { step: () => undefined, wait: () => undefined, done: () => undefined };

/**
 * A one-line progress bar on stderr, redrawn in place. Nothing at all when stderr is not a terminal,
 * so that scripts and logs get only the result.
 */
export function startProgress(label: string, total: number, stream: ProgressStream = process.stderr): Progress {
  if (stream.isTTY !== true) return silent;
  let count = 0;
  let timer: NodeJS.Timeout | undefined;
  const draw = (text: string) => {
    const width = Math.max(20, (stream.columns ?? 80) - 1);
    stream.write(`\r\x1b[2K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
  };
  const stopTimer = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };
  return {
    step(detail) {
      count = Math.min(total, count + 1);
      const filled = total === 0 ? 20 : Math.round((count / total) * 20);
      draw(`${label} [${'#'.repeat(filled)}${'.'.repeat(20 - filled)}] ${count}/${total} ${detail}`);
    },
    wait(phase) {
      stopTimer();
      const started = Date.now();
      let frame = 0;
      const tick = () =>
        draw(`${SPINNER[frame++ % SPINNER.length] ?? '-'} ${phase} ${((Date.now() - started) / 1000).toFixed(1)} s`);
      tick();
      timer = setInterval(tick, 100);
      timer.unref();
    },
    done() {
      stopTimer();
      stream.write('\r\x1b[2K');
    },
  };
}
