// The few error classes jdlens knows. Only the CLI entry turns them into output and exit codes.

export const EXIT = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  partial: 3,
  output: 4,
  sigint: 130,
  sigterm: 143,
} as const;

export type ErrorCode =
  | 'usage'
  | 'not-found'
  | 'is-directory'
  | 'empty'
  | 'binary'
  | 'pdf'
  | 'too-large'
  | 'unreadable'
  | 'decode'
  | 'taxonomy'
  | 'profile'
  | 'model'
  | 'not-a-posting'
  | 'worker'
  | 'output';

/** A known failure with a one-line message for the user. */
export class JdlensError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: number;
  /** further lines (one problem each), printed under the message */
  readonly details: string[];

  constructor(code: ErrorCode, message: string, options: { exitCode?: number; details?: string[] } = {}) {
    super(message);
    this.name = 'JdlensError';
    this.code = code;
    this.exitCode = options.exitCode ?? EXIT.usage;
    this.details = options.details ?? [];
  }
}

export function isJdlensError(err: unknown): err is JdlensError {
  return err instanceof JdlensError;
}
