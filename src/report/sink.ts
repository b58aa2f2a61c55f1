import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { EXIT, JdlensError } from '../errors.js';

/** A failed write is one line for the user and exit code 4, never a stack trace. */
export function writeError(where: string, err: unknown): JdlensError {
  const code = (err as NodeJS.ErrnoException).code ?? String(err);
  const why = code === 'ENOSPC' ? 'no space left on the device' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'read-only file system' : code;
  return new JdlensError('output', `cannot write the report to ${where} (${why})`, { exitCode: EXIT.output });
}

/** Where a report goes: stdout, or a file that appears only once it is complete. */
export interface Sink {
  write(chunk: string): void;
  /** finish: for a file, the temporary file replaces the target in one rename */
  close(): void;
  /** give up: for a file, the temporary file is removed and the target left as it was */
  abort(): void;
}

export function streamSink(stream: NodeJS.WritableStream): Sink {
  let open = true;
  return {
    write(c) {
      if (!open) return;
      try {
        stream.write(c);
      } catch (err) {
        // a file as stdout writes synchronously: a full disk (/dev/full) throws here
        open = false;
        throw writeError('standard output', err);
      }
    },
    close: () => undefined,
    // after an interrupt, results still arriving from worker threads are dropped
    abort: () => void (open = false),
  };
}

/**
 * Writes to a temporary file beside the target and renames it over the target at the end, so an
 * interrupted run never leaves a half-written report and an existing one is replaced only whole.
 */
export function atomicFileSink(target: string): Sink & { tempPath: string } {
  const tempPath = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  let fd: number;
  try {
    fd = openSync(tempPath, 'w', 0o644);
  } catch (err) {
    throw writeError(target, err);
  }
  let open = true;
  const fail = (err: unknown) => {
    open = false;
    try {
      closeSync(fd);
      unlinkSync(tempPath);
    } catch {
      // gone already
    }
    return writeError(target, err);
  };
  return {
    tempPath,
    write(chunk) {
      // after an interrupt, results still arriving from worker threads are dropped
      if (!open) return;
      try {
        writeSync(fd, chunk);
      } catch (err) {
        throw fail(err);
      }
    },
    close() {
      if (!open) return;
      try {
        fsyncSync(fd);
        closeSync(fd);
        open = false;
        renameSync(tempPath, target);
      } catch (err) {
        throw fail(err);
      }
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
