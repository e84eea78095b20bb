// Draws a plan into the open workbook with Office.js: result columns in chunks of rows, then the report sheets, with a report of what was written.
import type { Locale } from "../core/messages";
import type { DrawReport, OnProgress } from "./ops";
import { type Plan, type PlanCell, type ReportSheet, type ResultBlock } from "../workbook/plan";
import { columnWidth } from "../workbook/plan";
import { sheetProblem } from "../workbook/sheet-checks";
import { cellFormat, cellInput, charsToPoints, elementBytes, formatOf, type CellInput } from "./cells";
import { CHUNK_ROWS, defaultLimits, PAYLOAD_BUDGET, splitChunks, STATEMENT_BYTES, type ChunkLimits } from "./chunks";
import { drawError, hostError, messages } from "./errors";
import { colors, headerLook, thinBorders } from "./look";
import { reportChunks, reportJob, type ReportJob } from "./report";
import type { Session } from "./session";
import { probeFormulas, readFormulas } from "./formulas";
import { checkKept, keptColumns, type KeptColumn } from "./kept";
import { probeSpills, spilledColumns } from "./spills";

// ---------------------------------------------------------------- result columns

/** Result columns that sit side by side, written as one range. */
interface ColumnRun {
  /** 1-based first column. */
  col: number;
  /** Indexes into the block's columns, left to right. */
  members: number[];
}

export function columnRuns(block: ResultBlock): ColumnRun[] {
  const order = block.columns.map((c, i) => ({ col: c.col, i })).sort((a, b) => a.col - b.col);
  const runs: ColumnRun[] = [];
  for (const { col, i } of order) {
    const last = runs[runs.length - 1];
    if (last && last.col + last.members.length === col) last.members.push(i);
    else runs.push({ col, members: [i] });
  }
  return runs;
}

interface BlockJob {
  block: ResultBlock;
  /** The block's rows by Excel row. */
  rows: ResultBlock["rows"];
  runs: ColumnRun[];
  formats: (string | undefined)[];
  chunks: [number, number][];
  /** By column index, the rows whose cell is left as it is: a template formula holds it. */
  leave: (ReadonlySet<number> | undefined)[];
}

/**
 * Splits a block into requests. A request covers the Excel rows from its first to its last data row;
 * rows in between that are not the plan's (a row left out for its problems) are sent as null, which
 * leaves those cells as they are, and counted in the estimate.
 */
export function blockJob(block: ResultBlock, limits: ChunkLimits = defaultLimits, leave: (ReadonlySet<number> | undefined)[] = []): BlockJob {
  const rows = [...block.rows].sort((a, b) => a.row - b.row);
  const runs = columnRuns(block);
  const formats = block.columns.map(formatOf);
  const width = block.columns.length;
  const sizes = rows.map((r, k) => {
    const gap = k === 0 ? 0 : Math.max(0, r.row - rows[k - 1].row - 1);
    let bytes = gap * (width * 10 + runs.length * 6) + runs.length * 6;
    block.columns.forEach((_, i) => {
      const v = r.cells[i] ?? null;
      bytes += elementBytes(cellInput(v)) + elementBytes(cellFormat(v, formats[i]));
    });
    return bytes;
  });
  // The header cells (value, look, borders, width: about 20 statements a column) ride with the first rows.
  if (sizes.length > 0) sizes[0] += block.columns.reduce((n, c) => n + 20 * STATEMENT_BYTES + elementBytes(cellInput(c.header)), 0);
  // Each run of columns is a range, its values and its formats.
  return { block, rows, runs, formats, chunks: splitChunks(sizes, limits, (runs.length * 3 + 2) * STATEMENT_BYTES), leave };
}

/** Queues the values and number formats of one chunk of a block: one range per run of adjacent columns. */
function queueBlockChunk(ws: Excel.Worksheet, job: BlockJob, [start, end]: [number, number]): number {
  const rows = job.rows.slice(start, end);
  const first = rows[0].row;
  const span = rows[rows.length - 1].row - first + 1;
  // Rows where some cell is written: a row whose every cell a template formula holds is not counted.
  const touched = new Set<number>();
  for (const run of job.runs) {
    const values: CellInput[][] = Array.from({ length: span }, () => run.members.map(() => null));
    const numberFormats: (string | null)[][] = Array.from({ length: span }, () => run.members.map(() => null));
    let anyFormat = false;
    for (const r of rows) {
      const at = r.row - first;
      run.members.forEach((i, k) => {
        // null in a range's values leaves that cell alone: the template's formula stays.
        if (job.leave[i]?.has(r.row)) return;
        touched.add(r.row);
        const v: PlanCell = r.cells[i] ?? null;
        values[at][k] = cellInput(v);
        const f = cellFormat(v, job.formats[i]);
        numberFormats[at][k] = f;
        if (f !== null) anyFormat = true;
      });
    }
    const range = ws.getRangeByIndexes(first - 1, run.col - 1, span, run.members.length);
    // A formula entered into a cell a previous run formatted as Text (@) would stay text: such cells are made General first.
    if (values.some((row) => row.some((v) => typeof v === "string" && v.startsWith("=")))) range.numberFormat = values.map((row) => row.map((v) => (typeof v === "string" && v.startsWith("=") ? "General" : null)));
    // Values first, then formats: a format set first would change how Excel reads the values typed in.
    range.values = values;
    if (anyFormat) range.numberFormat = numberFormats;
  }
  return touched.size;
}

/** Queues the header cells the table does not have yet, with the header look and a width fitted to the values. */
function queueBlockHeader(ws: Excel.Worksheet, job: BlockJob, existing: readonly unknown[]): void {
  job.block.columns.forEach((col, i) => {
    const now = existing[col.col - 1];
    // A column the table already has (a previous run's, or the user's) keeps its header's look and its width.
    if (now === col.header) return;
    const cell = ws.getRangeByIndexes(job.block.headerRow - 1, col.col - 1, 1, 1);
    cell.values = [[cellInput(col.header)]];
    headerLook(cell);
    thinBorders(cell, colors.border, 1, 1);
    if (now === "" || now === null || now === undefined)
      cell.format.columnWidth = charsToPoints(
        columnWidth(
          col,
          job.rows.map((r) => r.cells[i] ?? null),
        ),
      );
  });
}

// ---------------------------------------------------------------- the whole plan

export interface DrawOptions {
  onProgress?: OnProgress;
  signal?: AbortSignal;
  limits?: ChunkLimits;
  /** Existing sheets the reports may replace (Plan.replaceable); any other sheet of a report's name is refused. */
  replaceable?: readonly string[];
}

const key = (name: string) => name.toLowerCase();

/** Sheets as they are before drawing: name, tab position, and whether the workbook's structure is protected. */
interface Before {
  sheets: Map<string, { name: string; position: number }>;
  structureProtected: boolean;
}

/**
 * Draws result blocks and report sheets. Everything is checked before anything is written (the
 * sheets exist, none is protected, no report would replace a sheet the user made); then each chunk
 * is one sync with calculation suspended. A failure or a stop midway raises a HostError whose
 * partial report lists exactly which sheets are complete.
 */
export async function drawSheets(session: Session, results: readonly ResultBlock[], reports: readonly ReportSheet[], options: DrawOptions = {}): Promise<DrawReport> {
  const locale: Locale = session.locale;
  const limits = options.limits ?? defaultLimits;
  const all = [...new Set([...results.map((b) => b.sheet), ...reports.map((r) => r.name)])];
  const written: string[] = [];
  let rows = 0;
  const kept: string[] = [];
  const differences: string[] = [];
  let differing = 0;
  const partial = (): DrawReport => ({
    written: [...written],
    notWritten: all.filter((n) => !written.includes(n)),
    rows,
    syncs: session.syncs,
    ...(kept.length ? { kept: [...kept] } : {}),
    ...(differences.length ? { differences: [...differences], differing } : {}),
  });
  const fail = (e: unknown, sheet: string) => drawError(e, sheet, locale, partial());
  const reportJobs = reports.map((r) => {
    try {
      return reportJob(r, limits);
    } catch (e) {
      // A chart outside its report is the plan's fault: said before anything is written.
      throw fail(e, r.name);
    }
  });
  let total = reportJobs.reduce((n, j) => n + reportChunks(j), 0);
  let done = 0;
  const step = async (sheet: string) => {
    session.suspendCalculation();
    try {
      await session.sync();
    } catch (e) {
      throw fail(e, sheet);
    }
    done++;
    options.onProgress?.({ stage: messages.stageWrite(sheet)[locale], done, total });
  };
  const checkStop = () => {
    if (options.signal?.aborted) throw hostError(`${messages.aborted()[locale]}${locale === "zh-CN" ? "。" : ". "}${messages.partial(partial())[locale]}`, options.signal.reason, partial());
  };

  // 1. What is there: sheet names and positions, and the protection that would stop the writes.
  const book = session.context.workbook;
  const sheets = book.worksheets;
  sheets.load("items/name,items/position");
  book.protection.load("protected");
  try {
    await session.sync();
  } catch (e) {
    throw fail(e, all[0] ?? "");
  }
  const before: Before = { sheets: new Map(sheets.items.map((s) => [key(s.name), { name: s.name, position: s.position }])), structureProtected: book.protection.protected };

  // Only the sheets the plan may replace (an earlier run's reports); any other is the user's.
  const problem = sheetProblem(results, reports, sheets.items.map((s) => s.name), options.replaceable ?? []);
  if (problem?.kind === "missing") throw fail(hostError(messages.sheetMissing(problem.sheet)[locale]), problem.sheet);
  if (problem?.kind === "resultsIntoReport") throw fail(hostError(messages.resultsIntoReport(problem.sheet)[locale]), problem.sheet);
  if (problem?.kind === "taken") throw fail(hostError(messages.sheetTaken(problem.sheet)[locale]), problem.report);
  if (reports.length > 0 && before.structureProtected) throw fail(hostError(messages.protectedStructure()[locale]), reports[0].name);

  // 2. The data sheets' protection and the header rows the result columns go under.
  const probes = results.map((block) => {
    const ws = sheets.getItem(block.sheet);
    ws.protection.load("protected");
    const width = Math.max(...block.columns.map((c) => c.col), 1);
    const header = ws.getRangeByIndexes(block.headerRow - 1, 0, 1, width);
    header.load("values");
    return { ws, header, spills: probeSpills(session, block), formulas: probeFormulas(session, block, block.columns.map((c) => c.col)) };
  });
  if (probes.length > 0) {
    try {
      await session.sync();
    } catch (e) {
      throw fail(e, results[0].sheet);
    }
    probes.forEach((p, i) => {
      if (p.ws.protection.protected) throw fail(hostError(messages.protectedSheet(results[i].sheet)[locale]), results[i].sheet);
    });
  }

  // A result column a spilled formula fills keeps its formula: values written into it would make the formula show #SPILL!.
  // A cell holding the template's KAOHE formula keeps it too, and is checked once Excel has calculated; a user's own formula was asked about (conflicts) and is replaced.
  const blockJobs: BlockJob[] = [];
  const toCheck: { block: ResultBlock; kept: KeptColumn[] }[] = [];
  for (let b = 0; b < results.length; b++) {
    const block = results[b];
    let spilled, formulas;
    try {
      spilled = await spilledColumns(session, block, probes[b].spills());
      const spilledCols = new Set(spilled.map((c) => c.col));
      formulas = await readFormulas(session, block, new Map([...probes[b].formulas()].filter(([col]) => !spilledCols.has(col))));
    } catch (e) {
      throw fail(e, block.sheet);
    }
    for (const c of spilled) kept.push(c.note);
    const keptCols = keptColumns(block, formulas);
    if (keptCols.length) toCheck.push({ block, kept: keptCols });
    // A column whose every planned cell holds a formula is not written at all; one with formulas in some rows is written in the others.
    const left = new Set([...spilled.map((c) => c.col), ...keptCols.filter((k) => k.valueRows.length === 0).map((k) => k.col)]);
    const rest = withoutColumns(block, left);
    const leave = rest.columns.map((c) => {
      const k = keptCols.find((x) => x.col === c.col);
      return k ? new Set(k.rows) : undefined;
    });
    blockJobs.push(blockJob(rest, limits, leave));
  }
  total += blockJobs.reduce((n, j) => n + (j.block.columns.length === 0 ? 0 : Math.max(1, j.chunks.length)), 0);

  // 3. Result columns, a chunk of rows per sync.
  for (let i = 0; i < blockJobs.length; i++) {
    const job = blockJobs[i];
    const { ws, header } = probes[i];
    const sheet = job.block.sheet;
    if (job.block.columns.length === 0) {
      // Every result column is a spill's: the formulas hold the results, nothing is written.
      if (!blockJobs.slice(i + 1).some((j) => j.block.sheet === sheet)) written.push(sheet);
      continue;
    }
    if (job.rows.length === 0) {
      checkStop();
      queueBlockHeader(ws, job, header.values[0] ?? []);
      await step(sheet);
    }
    for (let c = 0; c < job.chunks.length; c++) {
      checkStop();
      if (c === 0) queueBlockHeader(ws, job, header.values[0] ?? []);
      const n = queueBlockChunk(ws, job, job.chunks[c]);
      await step(sheet);
      rows += n;
    }
    if (!blockJobs.slice(i + 1).some((j) => j.block.sheet === sheet)) written.push(sheet);
  }

  // 4. Report sheets, each replaced whole.
  for (const job of reportJobs) {
    const name = job.report.name;
    await job.draw(session, before.sheets.get(key(name)), checkStop, () => step(name));
    written.push(name);
  }

  // 5. The kept formulas, now calculated, against the plan's values: a difference is named, never silently left.
  let more = 0;
  for (const { block, kept: cols } of toCheck) {
    try {
      const found = await checkKept(session, block, cols, differences.length);
      kept.push(...found.notes);
      differences.push(...found.differences);
      more += found.more;
      differing += found.differences.length + found.more;
    } catch (e) {
      throw fail(e, block.sheet);
    }
  }
  if (more > 0) differences.push(messages.moreDiffer(more)[locale]);
  return partial();
}

/** The block without the given columns (1-based), its rows' cells kept in step. */
export function withoutColumns(block: ResultBlock, cols: ReadonlySet<number>): ResultBlock {
  if (cols.size === 0) return block;
  const keep = block.columns.map((c, i) => (cols.has(c.col) ? -1 : i)).filter((i) => i >= 0);
  return { ...block, columns: keep.map((i) => block.columns[i]), rows: block.rows.map((r) => ({ row: r.row, cells: keep.map((i) => r.cells[i] ?? null) })) };
}

/** Draws a whole plan: its result columns, then its reports. */
export function drawPlan(session: Session, plan: Plan, options: DrawOptions = {}): Promise<DrawReport> {
  return drawSheets(session, plan.results, plan.reports, { ...options, replaceable: plan.replaceable });
}

export { CHUNK_ROWS, PAYLOAD_BUDGET };
export type { ReportJob };
