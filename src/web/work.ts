// What the page's worker does with a workbook: read its bytes, check and compute it as kaohe run does, draw the plan into a copy, and give blank templates.
import type { SchemeKind } from "../core/scheme";
import type { DrawReport } from "../excel/ops";
import { runAssessment } from "../workbook/pipeline";
import type { Plan } from "../workbook/plan";
import { noteReplacedFormulas, replacedFormulas } from "../workbook/replaced-formulas";
import type { WorkbookData } from "../workbook/sheet";
import { invisibleCharacters, readWorkbookBytes, unkeptAuditNotes, writeResultBytes, type WorkbookRead } from "../xlsx";
import type { Answers, Bilingual, FileNotes, Request, Stage, Template } from "./protocol";
import { fileSizeProblem } from "./file-size";
import { resultName } from "./result-name";

export type Report = (stage: Stage, done: number, total: number) => void;

export interface WorkOptions {
  /** The clock of the 审计 sheet and of a title's blank year; a test fixes it. */
  now?: () => Date;
  /** SHA-256 of the bytes, hex, for the 审计 sheet; the browser's crypto.subtle where the page may use it. */
  checksum?: (bytes: Uint8Array) => Promise<string | undefined>;
  /** A blank standard template's bytes and file name. */
  template?: (kind: SchemeKind) => Template;
}

/** What the worker holds between requests: the opened file and the last plan it computed. */
interface Held {
  bytes: Uint8Array;
  name: string;
  read: WorkbookRead;
  checksum?: string;
  plan?: Plan;
}

export interface Work {
  handle<K extends Request["type"]>(request: Extract<Request, { type: K }>, report: Report): Promise<Answers[K]>;
}

export function createWork(options: WorkOptions = {}): Work {
  const now = options.now ?? (() => new Date());
  let held: Held | undefined;

  const need = (): Held => {
    // The page opens a file before anything else, and opens it again in a fresh worker after Cancel.
    if (!held) throw new Error("no workbook is open in the worker");
    return held;
  };

  const notes = (h: Held, data: WorkbookData): FileNotes => {
    const invisible = invisibleCharacters(data);
    return { unkept: h.read.notes, ...(invisible ? { invisible } : {}) };
  };

  const handlers: { [K in Request["type"]]: (r: Extract<Request, { type: K }>, report: Report) => Promise<Answers[K]> } = {
    async open(r, report) {
      report({ step: "read" }, 0, 1);
      // Said before reading: a file of gigabytes would exhaust the worker's memory before the adapter could refuse it.
      const size = fileSizeProblem(r.name, r.file.size);
      if (size) throw Object.assign(new Error(size.en), size);
      const bytes = new Uint8Array(await r.file.arrayBuffer());
      const read = await readWorkbookBytes(bytes, { name: r.name });
      held = { bytes, name: r.name, read, checksum: await options.checksum?.(bytes) };
      report({ step: "read" }, 1, 1);
      return { name: r.name, data: read.data, notes: notes(held, read.data) };
    },
    async assess(r, report) {
      const h = need();
      const data = r.workbook ?? h.read.data;
      const n = notes(h, data);
      const result = runAssessment(data, {
        ...r.options,
        now: now(),
        inputName: h.name,
        inputChecksum: h.checksum,
        // The same lines kaohe run writes into 审计, so the page's result says what the command line's says.
        auditNotes: [...unkeptAuditNotes(n.unkept), ...(n.invisible ? [["看不见的字符", n.invisible.zh, "原文件不受影响"] as [string, string, string]] : [])],
        onProgress: (name, done, total) => report({ step: "assess", name }, done, total),
      });
      if (result.plan) {
        // Values written over the template's formulas are said in the summary and in 审计, before drawing.
        noteReplacedFormulas(result.plan, replacedFormulas(result.plan, h.read.holdsFormula));
        h.plan = result.plan;
      }
      // The table's copy of the sheet's values stays here: the page has the workbook already, and 100,000 rows
      // crossing to its thread a second time would hold it up for no use (the pane reads the table's place only).
      return result.table ? { ...result, table: { ...result.table, rows: [] } } : result;
    },
    async draw(r, report) {
      const h = need();
      const plan = r.plan ?? h.plan;
      if (!plan) throw new Error("no plan to draw");
      const fileName = resultName(h.name);
      report({ step: "write" }, 0, 1);
      const out = await writeResultBytes(h.bytes, plan, { name: h.name, output: fileName });
      report({ step: "write" }, 1, 1);
      const rows = plan.results.reduce((n, b) => n + b.rows.length, 0);
      const drawn: DrawReport = { written: [...new Set([...plan.results.map((b) => b.sheet), ...plan.reports.map((x) => x.name)])], notWritten: [], rows, syncs: 0 };
      const bytes = out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer;
      return { bytes, fileName, report: drawn };
    },
    async readLinked(r, report) {
      report({ step: "read" }, 0, 1);
      const size = fileSizeProblem(r.name, r.file.size);
      if (size) throw Object.assign(new Error(size.en), size);
      const read = await readWorkbookBytes(new Uint8Array(await r.file.arrayBuffer()), { name: r.name });
      report({ step: "read" }, 1, 1);
      return read.data;
    },
    async template(r) {
      if (!options.template) throw new Error("this worker carries no templates");
      return options.template(r.kind);
    },
  };

  return {
    handle: (request, report) => (handlers[request.type] as (r: typeof request, report: Report) => Promise<Answers[typeof request.type]>)(request, report),
  };
}

/** The text of any error, in both languages: the .xlsx adapter's own (XlsxError, as the command line shows it), or the plain message of another. */
export function bilingual(e: unknown): Bilingual {
  const x = e as { zh?: unknown; en?: unknown; details?: unknown };
  if (typeof x?.zh === "string" && typeof x.en === "string") return { zh: x.zh, en: x.en, ...(Array.isArray(x.details) && x.details.length ? { details: x.details as Bilingual[] } : {}) };
  const message = e instanceof Error ? e.message || e.name : String(e);
  return { zh: `后台处理出错：${message}`, en: `the background work failed: ${message}` };
}
