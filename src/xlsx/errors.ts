// The .xlsx adapter's typed error: what went wrong with the bytes, in Chinese and English, and which kind of failure it is, for each host to show its own way.

/** The kinds of failure a host tells apart (the command line maps each to its exit code). */
export type XlsxFailure = "unreadable" | "dataProblems" | "notWritten";

/** An error the user can act on, with further lines (one per problem) when there are many. */
export class XlsxError extends Error {
  constructor(
    readonly kind: XlsxFailure,
    readonly zh: string,
    readonly en: string,
    readonly details: { zh: string; en: string }[] = [],
  ) {
    super(en);
    this.name = "XlsxError";
  }
}
