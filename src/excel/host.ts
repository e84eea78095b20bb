// The task pane's host operations on the open workbook through Office.js: each one Excel.run, each failure a HostError in the user's language.
import type { Locale } from "../core/messages";
import { yearInTitle, type SchemeKind } from "../core/scheme";
import type { HostOps } from "./ops";
import { templateSpec } from "../workbook/template-spec";
import { planConflicts } from "./conflicts";
import { drawPlan } from "./draw";
import { asHostError, hostError, messages } from "./errors";
import { freezeReports } from "./freeze";
import { readWorkbook } from "./read";
import { loadScheme, overview, saveScheme } from "./scheme";
import { missingFeatures, officeLocale, oneUndoStepSupported, runExcel, type Session } from "./session";
import { insertTemplate } from "./templates";
import type { ChunkLimits } from "./chunks";

export interface ExcelHostOptions {
  /** The language of messages; Office's display language by default. */
  locale?: Locale;
  /** Chunk sizes, for tests; the defaults keep each request well under Excel's limits. */
  limits?: ChunkLimits;
  /** The year in an inserted template's title; by default the year the workbook's scheme names, else a blank to fill (never simply this year: last year's assessment is done in the new year). */
  year?: () => number;
}

export function createExcelHost(options: ExcelHostOptions = {}): HostOps {
  const locale = () => options.locale ?? officeLocale();
  const run = <T>(fn: (s: Session) => Promise<T>, oneUndoStep = false) => runExcel({ locale: locale(), oneUndoStep }, fn);

  return {
    overview: () => run(overview),
    readWorkbook: (onProgress) => run((s) => readWorkbook(s, onProgress)),
    loadScheme: () => run(loadScheme),
    saveScheme: async (scheme) => {
      await run((s) => saveScheme(s, scheme));
    },
    insertTemplate: async (kind: SchemeKind) => {
      await run(async (s) => {
        // The workbook's own scheme shapes the template (its items, maxima, categories) when it is of this kind.
        const stored = await loadScheme(s);
        const year = options.year?.() ?? (stored ? yearInTitle(stored.title) : undefined);
        const spec = templateSpec(kind, { scheme: stored?.kind === kind ? stored : undefined, year });
        return insertTemplate(s, spec);
      });
    },
    selectCell: (sheet, row, col) =>
      run(async (s) => {
        const ws = s.context.workbook.worksheets.getItemOrNullObject(sheet);
        ws.load("name");
        const sync = async () => {
          try {
            await s.sync();
          } catch (e) {
            throw asHostError(e, sheet, s.locale);
          }
        };
        await sync();
        if (ws.isNullObject) throw hostError(messages.sheetMissing(sheet)[s.locale]);
        ws.activate();
        ws.getCell(Math.max(0, row - 1), Math.max(0, col - 1)).select();
        await sync();
      }),
    conflicts: (plan) => run((s) => planConflicts(s, plan)),
    drawPlan: (plan, onProgress, signal) => run((s) => drawPlan(s, plan, { onProgress, signal, limits: options.limits }), true),
    freezeReports: (plan) => run((s) => freezeReports(s, plan, undefined, options.limits)),
    drawIsOneUndoStep: oneUndoStepSupported,
    missingFeatures: () => missingFeatures(locale()),
  };
}
