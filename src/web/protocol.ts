// The messages between the page and its worker: what the page asks, the progress the worker reports, and its answer or error.
import type { SchemeKind } from "../core/scheme";
import type { DrawReport } from "../excel/ops";
import type { RunOptions, RunResult } from "../workbook/pipeline";
import type { Plan } from "../workbook/plan";
import type { WorkbookData } from "../workbook/sheet";

/** Run options that can cross to the worker: everything but the progress callback, which becomes messages. */
export type AssessOptions = Omit<RunOptions, "onProgress">;

export type Request =
  /** Reads a file (the worker reads its bytes, so the page never holds them); the worker keeps the workbook for the steps after. */
  | { type: "open"; file: Blob; name: string }
  /** Checks and computes; without a workbook, the one the worker keeps (not sent twice). */
  | { type: "assess"; workbook?: WorkbookData; options: AssessOptions }
  /** Draws a plan into a copy of the opened file; without a plan, the last one the worker computed. */
  | { type: "draw"; plan?: Plan }
  /** A blank standard template. */
  | { type: "template"; kind: SchemeKind }
  /** Reads another file a link takes values from (取数来源): its values only, the opened file stays open. */
  | { type: "readLinked"; file: Blob; name: string };

export interface Opened {
  name: string;
  data: WorkbookData;
  notes: FileNotes;
}

/** What the page says about a file once opened, as kaohe run says it: parts the result will not carry, characters Excel cannot hold. */
export interface FileNotes {
  unkept: Bilingual[];
  invisible?: Bilingual;
}

export interface Written {
  bytes: ArrayBuffer;
  fileName: string;
  report: DrawReport;
}

export interface Template {
  bytes: ArrayBuffer;
  fileName: string;
}

/** The answer to each kind of request. */
export interface Answers {
  open: Opened;
  assess: RunResult;
  draw: Written;
  template: Template;
  readLinked: WorkbookData;
}

/** Where the work is: reading the file, a stage of the pipeline (its own words), or writing the result. */
export type Stage = { step: "read" } | { step: "assess"; name: string } | { step: "write" } | { step: "template" };

/** A message in both languages, as the command line's errors carry it. */
export interface Bilingual {
  zh: string;
  en: string;
  /** Further lines, one per problem, when there are several. */
  details?: { zh: string; en: string }[];
}

export type Reply =
  | { id: number; type: "progress"; stage: Stage; done: number; total: number }
  | { id: number; type: "done"; value: unknown }
  | { id: number; type: "failed"; error: Bilingual };

export type Envelope = Request & { id: number };
