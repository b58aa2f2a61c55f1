/** "n/total postings" on stderr while a terminal that can draw it is attached; nothing otherwise, never on stdout. */
export interface Progress {
  /** files begun so far */
  tick(n: number): void;
  /** one more posting done */
  posting(): void;
  stop(): void;
}

const NONE: Progress = { tick: () => undefined, posting: () => undefined, stop: () => undefined };

/**
 * Whether a spinner can be drawn on this stream: a terminal that reports its width (some CI
 * pseudo-terminals and `docker -t` report 0 columns, where redrawing a line never ends) and is not
 * TERM=dumb.
 */
export function canDraw(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && (stream.columns ?? 0) > 0 && env.TERM !== 'dumb';
}

export async function startProgress(stderr: NodeJS.WriteStream, total: number, enabled: boolean): Promise<Progress> {
  if (!enabled || total < 2 || !canDraw(stderr)) return NONE;
  // ora is loaded only when a spinner will be shown: a piped run never pays for it
  const { default: ora } = await import('ora');
  // the spinner never holds a signal back: ora's own SIGINT handling is off, jdlens's handler runs
  const spinner = ora({ stream: stderr, text: `0 postings · file 0/${total}`, discardStdin: false, hideCursor: false }).start();
  let files = 0;
  let postings = 0;
  const show = () => (spinner.text = `${postings} postings · file ${files}/${total}`);
  return {
    tick(n) {
      files = n;
      show();
    },
    posting() {
      postings++;
      if (postings % 16 === 0) show();
    },
    stop() {
      spinner.stop();
    },
  };
}
