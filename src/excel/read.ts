// Reads worksheets into plain data in chunks of rows: used range, values, merged areas, and the scheme kept in the workbook's settings.
import type { OnProgress } from "./ops";
import type { CellValue, MergeArea, SheetData, WorkbookData } from "../workbook/sheet";
import { parseAreas } from "./cells";
import { asHostError, hostError, messages, officeCode } from "./errors";
import { supports, type Session } from "./session";

/** Rows per read request: a few thousand, as Excel's guidance for large ranges says. */
export const READ_CHUNK_ROWS = 5000;
/**
 * Cells per read request. Responses are limited like requests (5 MB on the web); at a generous 16
 * bytes a cell this stays near 3 MB. A wider sheet is read in fewer rows at a time.
 */
export const READ_CHUNK_CELLS = 200_000;

/** The workbook setting that keeps the scheme, as JSON, with the file. */
export const SCHEME_SETTING = "kaohe.scheme";

/** Where a sheet's cells are: 0-based first row and column and the size of its used range, or none when it is empty. */
export interface UsedArea {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Rows in one read request for a range `cols` wide. */
export function readChunkRows(cols: number, chunkRows = READ_CHUNK_ROWS, chunkCells = READ_CHUNK_CELLS): number {
  return Math.max(1, Math.min(chunkRows, Math.floor(chunkCells / Math.max(1, cols))));
}

/** Office's "" for an empty cell is the pipeline's null. */
function plain(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** Row-major rows from A1, trailing empty cells and rows dropped, as the command line's reader gives them. */
export function rowsFromA1(area: UsedArea, values: readonly unknown[][]): CellValue[][] {
  const rows: CellValue[][] = [];
  let lastRow = -1;
  values.forEach((src, i) => {
    let last = -1;
    const row: CellValue[] = [];
    for (let j = 0; j < src.length; j++) {
      const v = plain(src[j]);
      row[area.col + j] = v;
      if (v !== null) last = area.col + j;
    }
    const trimmed = row.slice(0, last + 1);
    for (let k = 0; k < trimmed.length; k++) if (trimmed[k] === undefined) trimmed[k] = null;
    rows[area.row + i] = trimmed;
    if (trimmed.length > 0) lastRow = area.row + i;
  });
  const dense = rows.slice(0, lastRow + 1);
  for (let i = 0; i < dense.length; i++) if (dense[i] === undefined) dense[i] = [];
  return dense;
}

export interface SheetProbe {
  name: string;
  area?: UsedArea;
  merges: MergeArea[];
  /** False when this Excel cannot list merged areas. */
  mergesKnown?: boolean;
}

/**
 * Queues the used range and merged areas of each sheet, for one sync; the caller syncs, then calls
 * the returned function. The used range counts values only, so formatted empty rows are not read.
 */
export function probeSheets(session: Session, names: readonly string[]): () => SheetProbe[] {
  const sheets = session.context.workbook.worksheets;
  // Merged areas need ExcelApi 1.13; without them a merged group name still reaches the pipeline in
  // its first row, and the columns that fill down (乡镇, 支部) fill the rest.
  const withMerges = supports("1.13");
  const queued = names.map((name) => {
    const ws = sheets.getItem(name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const merged = withMerges ? ws.getRange().getMergedAreasOrNullObject() : undefined;
    merged?.load("address");
    return { name, used, merged };
  });
  return () =>
    queued.map(({ name, used, merged }) => ({
      name,
      area: used.isNullObject ? undefined : { row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount },
      merges: merged && !merged.isNullObject ? parseAreas(merged.address) : [],
      mergesKnown: withMerges,
    }));
}

/**
 * Loads `props` of an area of a sheet, a chunk of rows per sync, calling `each` with every chunk. A
 * chunk the host refuses as too large is read again in halves; a single row too large is an error.
 */
export async function readChunks<K extends "values" | "formulas" | "valueTypes">(
  session: Session,
  sheet: string,
  area: UsedArea,
  props: readonly K[],
  each: (firstRow: number, chunk: Record<K, unknown[][]>) => void,
  onChunk?: () => void,
): Promise<void> {
  let size = readChunkRows(area.cols);
  const ws = session.context.workbook.worksheets.getItem(sheet);
  for (let r = 0; r < area.rows; ) {
    const n = Math.min(size, area.rows - r);
    const range = ws.getRangeByIndexes(area.row + r, area.col, n, area.cols);
    range.load(props.join(","));
    try {
      await session.sync();
    } catch (e) {
      const code = officeCode(e);
      if ((code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded") && n > 1) {
        size = Math.max(1, Math.floor(n / 2));
        continue;
      }
      if (code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded") throw hostError(messages.readTooLarge(sheet)[session.locale], e);
      throw asHostError(e, sheet, session.locale);
    }
    const chunk = {} as Record<K, unknown[][]>;
    for (const p of props) chunk[p] = (range as unknown as Record<K, unknown[][]>)[p];
    each(r, chunk);
    r += n;
    onChunk?.();
  }
}

/** The number of read requests an area takes (before any halving). */
export const chunkCount = (area: UsedArea | undefined) => (area ? Math.ceil(area.rows / readChunkRows(area.cols)) : 0);

/** One sheet's values (and merges) as plain data. */
export async function readSheet(session: Session, probe: SheetProbe, onChunk?: () => void): Promise<SheetData> {
  const values: unknown[][] = [];
  if (probe.area) {
    const area = probe.area;
    await readChunks(session, probe.name, area, ["values"], (_, chunk) => {
      for (const row of chunk.values) values.push(row);
    }, onChunk);
  }
  const rows = probe.area ? rowsFromA1(probe.area, values) : [];
  const data: SheetData = probe.merges.length ? { name: probe.name, rows, merges: probe.merges } : { name: probe.name, rows };
  if (probe.mergesKnown === false) data.mergesUnknown = true;
  return data;
}

/** The names of the workbook's sheets, in tab order, after one sync. */
export async function sheetNames(session: Session): Promise<string[]> {
  const sheets = session.context.workbook.worksheets;
  sheets.load("items/name");
  await session.sync();
  return sheets.items.map((s) => s.name);
}

/** Every sheet's values and merged areas, and the scheme JSON kept in the settings: 2 syncs, then one per chunk. */
export async function readWorkbook(session: Session, onProgress?: OnProgress): Promise<WorkbookData> {
  const sheets = session.context.workbook.worksheets;
  sheets.load("items/name");
  const setting = session.context.workbook.settings.getItemOrNullObject(SCHEME_SETTING);
  setting.load("value");
  try {
    await session.sync();
  } catch (e) {
    throw asHostError(e, "", session.locale);
  }
  const names = sheets.items.map((s) => s.name);
  const probed = probeSheets(session, names);
  try {
    await session.sync();
  } catch (e) {
    throw asHostError(e, "", session.locale);
  }
  const probes = probed();
  const total = probes.reduce((n, p) => n + chunkCount(p.area), 0);
  let done = 0;
  const out: SheetData[] = [];
  for (const p of probes) {
    const stage = messages.stageRead(p.name)[session.locale];
    out.push(
      await readSheet(session, p, () => {
        done++;
        onProgress?.({ stage, done, total });
      }),
    );
  }
  const data: WorkbookData = { sheets: out };
  if (!setting.isNullObject && setting.value !== null && setting.value !== undefined) data.schemeJson = typeof setting.value === "string" ? setting.value : JSON.stringify(setting.value);
  return data;
}
