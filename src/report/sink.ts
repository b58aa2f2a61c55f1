import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Where a report goes: stdout, or a file that appears only once it is complete. */
export interface Sink {
  write(chunk: string): void;
  /** finish: for a file, the temporary file replaces the target in one rename */
  close(): void;
  /** give up: for a file, the temporary file is removed and the target left as it was */
  abort(): void;
}

export function streamSink(stream: NodeJS.WritableStream): Sink {
  return { write: (c) => void stream.write(c), close: () => undefined, abort: () => undefined };
}

/**
 * Writes to a temporary file beside the target and renames it over the target at the end, so an
 * interrupted run never leaves a half-written report and an existing one is replaced only whole.
 */
export function atomicFileSink(target: string): Sink & { tempPath: string } {
  const tempPath = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  const fd = openSync(tempPath, 'w', 0o644);
  let open = true;
  return {
    tempPath,
    write(chunk) {
      writeSync(fd, chunk);
    },
    close() {
      if (!open) return;
      open = false;
      fsyncSync(fd);
      closeSync(fd);
      renameSync(tempPath, target);
    },
    abort() {
      if (!open) return;
      open = false;
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
      try {
        unlinkSync(tempPath);
      } catch {
        // already gone
      }
    },
  };
}
