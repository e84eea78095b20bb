// What the task pane asks of its host (Excel through Office.js, or a stand-in): the operations, their progress and their errors. The pane never calls Excel.run itself.
import type { Scheme, SchemeKind } from "../core/scheme";
import type { RunOptions, RunResult } from "../workbook/pipeline";
import type { Plan } from "../workbook/plan";
import type { WorkbookData } from "../workbook/sheet";

export interface Progress {
  /** What is being done, in the user's language. */
  stage: string;
  done: number;
  total: number;
}

export type OnProgress = (p: Progress) => void;

/** What the active workbook holds, for the start screen. */
export interface WorkbookOverview {
  sheets: string[];
  /** The kind stored in the workbook's scheme, if any. */
  schemeKind?: SchemeKind;
  schemeTitle?: string;
}

/** What drawing a plan wrote, so a failure midway can say exactly what is done and what is not. */
export interface DrawReport {
  /** Sheets written completely (result columns in the data sheet, report sheets). */
  written: string[];
  /** Sheets not written, because of the error. */
  notWritten: string[];
  /** Data rows written to the result columns. */
  rows: number;
  /** Number of context.sync calls, for the record. */
  syncs: number;
  /** Result columns left to the formulas that fill them (a spill, the template's KAOHE formulas), each said in the user's language. */
  kept?: string[];
  /** Cells where a kept KAOHE formula gives another value than the computation, each said in the user's language. */
  differences?: string[];
  /** How many cells differ, those named and those past the list. */
  differing?: number;
}

/** Raised by a host operation; message is already in the user's language. */
export class HostError extends Error {
  constructor(
    message: string,
    /** What had been written when it failed, for drawPlan. */
    readonly partial?: DrawReport,
  ) {
    super(message);
    this.name = "HostError";
  }
}

export interface HostOps {
  overview(): Promise<WorkbookOverview>;
  /** Every sheet's values (and merged areas) and the stored scheme, read in chunks. */
  readWorkbook(onProgress?: OnProgress): Promise<WorkbookData>;
  loadScheme(): Promise<Scheme | undefined>;
  saveScheme(scheme: Scheme): Promise<void>;
  /** Adds the template's sheets to the workbook and writes its formulas. */
  insertTemplate(kind: SchemeKind): Promise<void>;
  /** Selects a cell so the user sees a problem (1-based row and column). */
  selectCell(sheet: string, row: number, col: number): Promise<void>;
  /**
   * Cells outside the plan's own columns and sheets that drawing would overwrite (non-empty); the pane
   * asks before drawing when there are any.
   */
  conflicts(plan: Plan): Promise<string[]>;
  drawPlan(plan: Plan, onProgress?: OnProgress, signal?: AbortSignal): Promise<DrawReport>;
  /** Copies of the report sheets with values in place of formulas, for offices without the add-in. */
  freezeReports(plan: Plan): Promise<string[]>;
  /**
   * Whether Excel's undo takes back a drawing's writes in one step (ExcelApi 1.20's mergeUndoGroup);
   * otherwise each chunk is its own step. A host without it has no undo to offer.
   */
  drawIsOneUndoStep?(): boolean;
  /**
   * Checks and computes off the page's thread (the web page's worker); without it the pane runs the pipeline itself.
   * Rejects with an AbortError when the signal aborts.
   */
  assess?(workbook: WorkbookData, options: Omit<RunOptions, "onProgress">, onProgress?: OnProgress, signal?: AbortSignal): Promise<RunResult>;
  /** What this Excel lacks of the add-in's features, in the user's language, for the start screen; undefined when nothing. */
  missingFeatures?(): string | undefined;
  /**
   * The values of another .xlsx file whose results feed this table (a linked workbook, kaohe run --with);
   * rejects with a HostError in the user's language when it is no readable .xlsx. Without it the pane offers no file.
   */
  readLinked?(file: Blob, name: string): Promise<WorkbookData>;
}
