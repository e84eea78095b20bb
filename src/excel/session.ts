// One Excel.run with a counted context.sync, the user's locale, and which Excel API sets the host supports.
import type { Locale } from "../core/messages";
import { asHostError, featureSets, hostError, messages } from "./errors";

export interface Session {
  context: Excel.RequestContext;
  locale: Locale;
  /** context.sync calls made so far in this run. */
  readonly syncs: number;
  sync(): Promise<void>;
  /** Calculation waits until the next sync: many cells written at once do not recalculate cell by cell. */
  suspendCalculation(): void;
}

/** The pane's locale from Office's display language: Chinese unless Office speaks something else. */
export function officeLocale(): Locale {
  const lang = typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
  if (!lang) return "zh-CN";
  return lang.toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
}

/** Whether the host supports ExcelApi `version`; false when Office cannot tell, so newer calls are skipped rather than failing. */
export function supports(version: string): boolean {
  if (typeof Office === "undefined") return false;
  const req = Office.context?.requirements;
  return typeof req?.isSetSupported === "function" ? req.isSetSupported("ExcelApi", version) : false;
}

export interface RunOptions {
  locale: Locale;
  /** Several syncs as one undo step, where the host can (ExcelApi 1.20). */
  oneUndoStep?: boolean;
}

/** Runs `fn` in one Excel.run, counting syncs. */
export async function runExcel<T>(options: RunOptions, fn: (s: Session) => Promise<T>): Promise<T> {
  if (typeof Excel === "undefined" || typeof Excel.run !== "function") throw hostError(messages.notInExcel()[options.locale]);
  const batch = async (context: Excel.RequestContext) => {
    let syncs = 0;
    const session: Session = {
      context,
      locale: options.locale,
      get syncs() {
        return syncs;
      },
      async sync() {
        syncs++;
        await context.sync();
      },
      suspendCalculation() {
        context.application.suspendApiCalculationUntilNextSync();
      },
    };
    return fn(session);
  };
  const runOptions = excelRunOptions(options.oneUndoStep ?? false);
  try {
    return await (runOptions ? Excel.run(runOptions, batch) : Excel.run(batch));
  } catch (e) {
    // An Office error that no step put in words (one raised by Excel.run itself) still reaches the user as a sentence, never a bare code.
    throw asHostError(e, "", options.locale);
  }
}

/**
 * The options an Excel.run takes on this host: wait while the user is typing in a cell (ExcelApi
 * 1.11; without it a batch started then fails with InvalidOperationInCellEditMode), and several
 * syncs as one undo step (ExcelApi 1.20). Undefined when the host has neither: an older host may
 * refuse an option it does not know.
 */
export function excelRunOptions(oneUndoStep: boolean): Excel.RunOptions | undefined {
  const options: Excel.RunOptions = {};
  if (supports("1.11")) options.delayForCellEdit = true;
  if (oneUndoStep && supports("1.20")) options.mergeUndoGroup = true;
  return Object.keys(options).length > 0 ? options : undefined;
}

/** What this Excel lacks of the features above the add-in's floor, said in `locale`; undefined when it has them all. */
export function missingFeatures(locale: Locale): string | undefined {
  const missing = featureSets.filter((f) => !supports(f.version));
  return missing.length ? messages.missingFeatures(missing)[locale] : undefined;
}

/** Whether a run's syncs are one undo step on this host (ExcelApi 1.20), for the pane to say before 计算. */
export const oneUndoStepSupported = (): boolean => supports("1.20");
