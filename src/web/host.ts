// The third host of the pane: its operations over a workbook opened from a file, worked on by the page's worker; the result is a new workbook to download.
import type { Locale } from "../core/messages";
import { describeProblem, type Scheme } from "../core/scheme";
import { HostError, type DrawReport, type HostOps, type OnProgress, type WorkbookOverview } from "../excel/ops";
import type { RunResult } from "../workbook/pipeline";
import type { Plan } from "../workbook/plan";
import { SCHEME_SHEET, schemeFromSheet } from "../workbook/scheme-sheet";
import type { WorkbookData } from "../workbook/sheet";
import type { Bilingual, FileNotes, Stage } from "./protocol";
import { pageStrings, webStrings } from "./strings";
import { WorkerError, type OnStage, type WorkerClient } from "./worker-client";

/** A file for the user to save: the page hands it to the browser's download. */
export interface Download {
  bytes: ArrayBuffer;
  fileName: string;
}

export interface WebHostEvents {
  /** A problem or a report chosen on a screen: the page shows that row or sheet. */
  onSelect(sheet: string, row: number, col: number): void;
  /** A file to save: a blank template, or the result workbook. */
  onDownload(file: Download): void;
}

export interface WebHost extends HostOps {
  /** Reads a file in the worker; what the other operations then work on. */
  open(file: Blob, name: string, onProgress?: OnProgress): Promise<{ overview: WorkbookOverview; notes: FileNotes }>;
  /** The name of the opened file, if any. */
  fileName(): string | undefined;
  /** The last result workbook, to download again. */
  result(): Download | undefined;
}

const text = (b: Bilingual, locale: Locale) => {
  const main = locale === "zh-CN" ? b.zh : b.en;
  const lines = (b.details ?? []).map((d) => (locale === "zh-CN" ? d.zh : d.en));
  return [main, ...lines].join("\n");
};

export function createWebHost(client: WorkerClient, locale: Locale, events: WebHostEvents): WebHost {
  const s = pageStrings(locale);
  const w = webStrings[locale];
  let opened: { name: string; data: WorkbookData; generation: number } | undefined;
  let saved: Scheme | undefined;
  let last: { plan: Plan; generation: number } | undefined;
  let result: Download | undefined;

  const stageText = (stage: Stage): string =>
    stage.step === "read" ? s.stageRead : stage.step === "write" ? s.stageDraw : stage.step === "template" ? s.insert : `${s.stageCompute} · ${stage.name}`;
  const staged = (onProgress?: OnProgress): OnStage | undefined => onProgress && ((stage, done, total) => onProgress({ stage: stageText(stage), done, total }));

  /** Runs a worker request; its errors become the pane's HostError in the user's language, Cancel stays an AbortError. */
  const work = async <T>(f: () => Promise<T>): Promise<T> => {
    try {
      return await f();
    } catch (e) {
      if (e instanceof WorkerError) throw new HostError(text(e.text, locale));
      throw e;
    }
  };

  const need = () => {
    if (!opened) throw new HostError(w.noFile);
    return opened;
  };

  const overviewOf = (data: WorkbookData): WorkbookOverview => {
    const out: WorkbookOverview = { sheets: data.sheets.map((sh) => sh.name) };
    const scheme = saved ?? storedScheme(data).scheme;
    if (scheme) {
      out.schemeKind = scheme.kind;
      out.schemeTitle = scheme.title;
    }
    return out;
  };

  return {
    async open(file, name, onProgress) {
      const answer = await work(() => client.request({ type: "open", file, name }, staged(onProgress)));
      opened = { name: answer.name, data: answer.data, generation: client.generation };
      saved = undefined;
      last = undefined;
      result = undefined;
      return { overview: overviewOf(answer.data), notes: answer.notes };
    },
    fileName: () => opened?.name,
    result: () => result,
    overview: async () => overviewOf(need().data),
    // The worker read the whole file when it was opened: the pane gets that reading.
    readWorkbook: async () => need().data,
    async loadScheme() {
      if (saved) return saved;
      const r = storedScheme(need().data);
      if (r.problems.length) throw new HostError([w.schemeSheetInvalid(r.problems.length), ...r.problems.map((p) => describeProblem(p, locale))].join("\n"));
      return r.scheme;
    },
    // Kept with the opened file; the result workbook carries it on its sheet 考核方案, as every run's result does.
    saveScheme: async (scheme) => {
      need();
      saved = scheme;
    },
    async insertTemplate(kind) {
      const t = await work(() => client.request({ type: "template", kind }));
      events.onDownload(t);
    },
    selectCell: async (sheet, row, col) => events.onSelect(sheet, row, col),
    // The result is a new workbook: nothing of the opened file is overwritten, so there is nothing to ask.
    conflicts: async () => [],
    async assess(workbook, options, onProgress, signal) {
      const o = need();
      // The workbook the worker holds is not sent back to it: 100 000 rows cross between threads once only.
      const held = workbook === o.data && o.generation === client.generation;
      const r: RunResult = await work(() => client.request({ type: "assess", workbook: held ? undefined : workbook, options }, staged(onProgress), signal));
      if (r.plan) last = { plan: r.plan, generation: client.generation };
      return r;
    },
    async drawPlan(plan, onProgress, signal): Promise<DrawReport> {
      const held = last?.plan === plan && last.generation === client.generation;
      const written = await work(() => client.request({ type: "draw", plan: held ? undefined : plan }, staged(onProgress), signal));
      result = { bytes: written.bytes, fileName: written.fileName };
      return written.report;
    },
    freezeReports: () => Promise.reject(new HostError(s.previewNoWorkbook)),
    // Read by the worker, which has the .xlsx reader already: the page loads no reader of its own.
    readLinked: (file, name) => work(() => client.request({ type: "readLinked", file, name })),
  };
}

/** The scheme on the opened file's sheet 考核方案, if it has one (an .xlsx file has no add-in settings). */
function storedScheme(data: WorkbookData): ReturnType<typeof schemeFromSheet> {
  const sheet = data.sheets.find((sh) => sh.name === SCHEME_SHEET);
  return sheet ? schemeFromSheet(sheet) : { problems: [] };
}
