/** "n/total" on stderr while a terminal is attached; nothing otherwise, and never on stdout. */
export interface Progress {
  tick(n: number): void;
  stop(): void;
}

const NONE: Progress = { tick: () => undefined, stop: () => undefined };

export async function startProgress(stderr: NodeJS.WriteStream, total: number, enabled: boolean): Promise<Progress> {
  if (!enabled || !stderr.isTTY || total < 2) return NONE;
  // ora is loaded only when a spinner will be shown: a piped run never pays for it
  const { default: ora } = await import('ora');
  const spinner = ora({ stream: stderr, text: `0/${total}` }).start();
  return {
    tick(n) {
      spinner.text = `${n}/${total}`;
    },
    stop() {
      spinner.stop();
    },
  };
}
