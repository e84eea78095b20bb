// The command line's typed error and its exit codes: every way `kaohe` can stop, with a Chinese and an English message.
import { XlsxError, type XlsxFailure } from "../xlsx/errors";

/** The exit codes of `kaohe`, documented in the README; scripts rely on them, so they never change. */
export const ExitCode = {
  ok: 0,
  /** Data problems found (check, or run/merge without --skip-bad-rows). */
  dataProblems: 1,
  /** Bad arguments. */
  usage: 2,
  /** An input file cannot be read: missing, empty, not .xlsx, password-protected, corrupt. */
  unreadable: 3,
  /** The assessment table is not found: no header, wrong sheet, no data rows. */
  tableNotFound: 4,
  /** The scheme file is missing, not JSON, or breaks the scheme's rules. */
  invalidScheme: 5,
  /** The output file could not be written. */
  notWritten: 6,
  /** A bug: the message says what failed; the stack only with KAOHE_DEBUG=1. */
  internal: 70,
  /** Stopped with Ctrl+C (128 + SIGINT, as shells report it). */
  interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** An error the user can act on: printed as its message alone, never with a stack trace. */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCodeValue,
    readonly zh: string,
    readonly en: string,
    /** Further lines (one per problem), in the user's language chosen at print time. */
    readonly details: { zh: string; en: string }[] = [],
  ) {
    super(en);
    this.name = "CliError";
  }
}

const exitCodeOf: Record<XlsxFailure, ExitCodeValue> = { unreadable: ExitCode.unreadable, dataProblems: ExitCode.dataProblems, notWritten: ExitCode.notWritten };

/** The .xlsx adapter's error as the command line's (its cause kept for KAOHE_DEBUG=1); anything else as it is. */
export function cliError(e: unknown): unknown {
  if (!(e instanceof XlsxError)) return e;
  const out = new CliError(exitCodeOf[e.kind], e.zh, e.en, e.details);
  if (e.cause !== undefined) out.cause = e.cause;
  return out;
}
