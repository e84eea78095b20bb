// One kind's results filling another's input column: the source found in this workbook or a linked one, computed, matched person by person, every gap listed.
import type { SchemeKind } from "../core/scheme";
import { linkRows, placeWords, type LinkProblem, type LinkSourcePlace, type LinkSourceRow } from "../core/link";
import { numberText } from "../core/number-text";
import type { Warning } from "./assess/common";
import { reportSheetNames, type PlanCell, type ReportSheet, type ResultBlock } from "./plan";
import type { RowRecord } from "./read";
import type { Problem, SheetData, WorkbookData } from "./sheet";
import type { FoundTable } from "./table";

/** A workbook other than the one computed whose results feed it (kaohe run … --with 民主测评.xlsx; the pane's choice). */
export interface LinkedWorkbook {
  name: string;
  workbook: WorkbookData;
}

/** A column of a kind's table that another kind's result fills: the secretary's 民主测评 from the appraisal's 综合得分. */
export interface KindLink {
  /** The field filled. */
  field: string;
  /** The kind whose result fills it. */
  from: SchemeKind;
  /** The source's result column taken, by its header. */
  result: string;
  /** A source result column shown beside it in the link report (the appraisal's 得票等次). */
  also?: string;
}

/** A source table computed: its table, its records and its result block. */
export type SourceRun = { ok: true; table: FoundTable; records: RowRecord[]; block: ResultBlock } | { ok: false; problems: Problem[] };

/** A source table computed for a kind that reads it itself (the ledger's 组织名单 against the five-good results), with where it is. */
export interface SourceTable {
  place: LinkSourcePlace;
  table: FoundTable;
  records: RowRecord[];
  block: ResultBlock;
}

/** A source found but not computed: its problems, said where it is. */
export interface SourceFailed {
  place: LinkSourcePlace;
  problems: Problem[];
}

/** What the pipeline lends: the sheets of a workbook holding a table of a kind, and one such table computed. */
export interface LinkRunner {
  find(workbook: WorkbookData, kind: SchemeKind, except?: string): string[];
  run(workbook: WorkbookData, kind: SchemeKind, sheet: string): SourceRun;
  kindName(kind: SchemeKind): string;
  /** The sheet the user chose for a kind's table (the pane's 取数来源) where several could be read: taken before the first found. */
  chosen?: Partial<Record<SchemeKind, LinkSourcePlace>>;
}

export interface LinkOutcome {
  /** Said on screen and in 审计: one line per link. */
  warnings: Warning[];
  /** The linked values written into the table's own input column, so the result file shows what was counted. */
  blocks: ResultBlock[];
  /** Every person linked or not, row by row (关联核对). */
  report?: ReportSheet;
  /** The linked workbooks some link read, by name. */
  used: Set<string>;
}

export const LINK_REPORT = "关联核对";

interface Found {
  place: LinkSourcePlace;
  workbook: WorkbookData;
  linkedName?: string;
}

/** The source's value of a result cell: a number, or a formula's computed number. */
const numberIn = (c: PlanCell | undefined): number | null => (typeof c === "number" ? c : c !== null && typeof c === "object" && typeof c.result === "number" ? c.result : null);
const textIn = (c: PlanCell | undefined): string => (c === null || c === undefined ? "" : typeof c === "object" ? String(c.result ?? "") : String(c));
const text = (v: unknown): string => (v === null || v === undefined ? "" : String(v).trim());

const samePlace = (a: LinkSourcePlace, b: LinkSourcePlace) => a.sheet === b.sheet && (a.file ?? "") === (b.file ?? "");

/** The sources of a kind: the one chosen (runner.chosen) if it is among them, then other sheets of this workbook, then the linked workbooks in the order given. */
function sources(kind: SchemeKind, workbook: WorkbookData, except: string, linked: readonly LinkedWorkbook[], runner: LinkRunner): Found[] {
  const out: Found[] = runner.find(workbook, kind, except).map((sheet) => ({ place: { sheet }, workbook }));
  for (const l of linked) for (const sheet of runner.find(l.workbook, kind)) out.push({ place: { file: l.name, sheet }, workbook: l.workbook, linkedName: l.name });
  const chosen = runner.chosen?.[kind];
  const at = chosen ? out.findIndex((f) => samePlace(f.place, chosen)) : -1;
  return at > 0 ? [out[at], ...out.slice(0, at), ...out.slice(at + 1)] : out;
}

/**
 * Every sheet a kind's results could be read from, the one a run reads first (sourceTable, applyLinks):
 * what the pane shows before computing and offers to choose from. `except` is the computed table's sheet.
 */
export const sourcePlaces = (kind: SchemeKind, workbook: WorkbookData, except: string, linked: readonly LinkedWorkbook[], runner: LinkRunner): LinkSourcePlace[] =>
  sources(kind, workbook, except, linked, runner).map((f) => f.place);

/**
 * The workbooks a kind's own further table is looked for in (the secretary's 半年考核 and 四诺 register):
 * this one, without the table computed and the reports, then each linked one, by name.
 */
export function searchedBooks(workbook: WorkbookData, table: string, linked: readonly LinkedWorkbook[]): { name?: string; sheets: readonly SheetData[] }[] {
  const skip = new Set<string>([table, ...Object.values(reportSheetNames)]);
  return [{ sheets: workbook.sheets.filter((s) => !skip.has(s.name)) }, ...linked.map((l) => ({ name: l.name, sheets: l.workbook.sheets }))];
}

/** A chosen sheet the run could not find (the file removed, the sheet renamed or no longer a table of the kind): said, never silently replaced. */
export function choiceMissed(kind: SchemeKind, src: { place: LinkSourcePlace } | undefined, runner: LinkRunner): Warning | undefined {
  const chosen = runner.chosen?.[kind];
  if (!chosen || (src && samePlace(src.place, chosen))) return undefined;
  const at = placeWords(chosen);
  const name = runner.kindName(kind);
  return {
    zh: `所选的${at.zh}不是可以读取的${name}表${src ? `，改为取自${placeWords(src.place).zh}` : "，未从其他表取数"}。请在“取数来源”中重新选择`,
    en: `the chosen ${at.en} is not a ${name} table that can be read${src ? `; ${placeWords(src.place).en} is read instead` : "; nothing is taken from another table"}. Choose again under Linked sources`,
  };
}

/**
 * The first table of a kind in this workbook (another sheet) or a linked one, computed; undefined
 * when there is none. Records the linked workbook it read in `used`.
 */
export function sourceTable(kind: SchemeKind, workbook: WorkbookData, table: FoundTable, linked: readonly LinkedWorkbook[], runner: LinkRunner, used: Set<string>): SourceTable | SourceFailed | undefined {
  const src = sources(kind, workbook, table.sheet, linked, runner)[0];
  if (!src) return undefined;
  if (src.linkedName) used.add(src.linkedName);
  const run = runner.run(src.workbook, kind, src.place.sheet);
  return run.ok ? { place: src.place, table: run.table, records: run.records, block: run.block } : { place: src.place, problems: run.problems };
}

/** The cell of a source's result column, by header, for each of its records (by sheet row). */
export function resultCells(src: SourceTable, header: string): Map<number, PlanCell> {
  const at = src.block.columns.findIndex((c) => c.header === header);
  return new Map(src.block.rows.map((r) => [r.row, at < 0 ? null : r.cells[at]]));
}

/**
 * Fills each link's field of the records from its source, in place: a blank cell takes the source's
 * value; a typed value that differs is replaced and the difference said; a person the source lacks
 * keeps what was typed (blank stays blank, and the kind's rule for a missing part applies). Without
 * a source nothing changes: the typed column is the data, as before links.
 */
export function applyLinks(links: readonly KindLink[], workbook: WorkbookData, table: FoundTable, records: RowRecord[], linked: readonly LinkedWorkbook[], runner: LinkRunner): LinkOutcome {
  const warnings: Warning[] = [];
  const blocks: ResultBlock[] = [];
  const used = new Set<string>();
  const rows: PlanCell[][] = [];
  const warnRows: number[] = [];
  for (const link of links) {
    const found = sources(link.from, workbook, table.sheet, linked, runner);
    const unchosen = choiceMissed(link.from, found[0], runner);
    if (unchosen) warnings.push(unchosen);
    if (found.length === 0) continue;
    const src = found[0];
    if (src.linkedName) used.add(src.linkedName);
    const where = placeWords(src.place);
    const header = table.headers.get(link.field) ?? link.field;
    if (found.length > 1)
      warnings.push({
        zh: `“${header}”取自${where.zh}；另有${found.length - 1}张${runner.kindName(link.from)}表未采用（${found.slice(1).map((f) => `${f.place.file ? `“${f.place.file}”的` : ""}“${f.place.sheet}”`).join("、")}）`,
        en: `${header} is taken from ${where.en}; ${found.length - 1} other table(s) of that kind were not used`,
      });
    const run = runner.run(src.workbook, link.from, src.place.sheet);
    if (!run.ok) {
      const first = run.problems[0];
      warnings.push({
        zh: `${where.zh}有 ${run.problems.length} 个问题，未能计算，“${header}”未从中取数（按本表所填计算）${first ? `。第一个问题：“${first.sheet}”表第${first.row}行 ${first.zh}` : ""}。请先用 kaohe check 检查该表`,
        en: `${where.en} has ${run.problems.length} problem(s) and was not computed, so ${header} was not taken from it (this table's own values are used)${first ? `. First: sheet ${first.sheet}, row ${first.row}: ${first.en}` : ""}. Check that table with kaohe check`,
      });
      continue;
    }
    const at = run.block.columns.findIndex((c) => c.header === link.result);
    const alsoAt = link.also === undefined ? -1 : run.block.columns.findIndex((c) => c.header === link.also);
    const cellsByRow = new Map(run.block.rows.map((r) => [r.row, r.cells]));
    const sourceRows: LinkSourceRow<{ value: number | null; also: string }>[] = run.records.map((r) => ({
      row: r.row,
      id: text(r.values.id) || null,
      name: text(r.values.name),
      unit: text(r.values.township) || null,
      values: { value: numberIn(cellsByRow.get(r.row)?.[at]), also: alsoAt < 0 ? "" : textIn(cellsByRow.get(r.row)?.[alsoAt]) },
    }));
    const targets = records.map((r) => ({ row: r.row, id: text(r.values.id) || null, name: text(r.values.name), unit: text(r.values.township) || null }));
    const result = linkRows(targets, src.place, sourceRows);
    const col = table.columns.get(link.field);
    const written: { row: number; cells: PlanCell[] }[] = [];
    let taken = 0;
    let replaced = 0;
    const problemsByRow = new Map<number, LinkProblem[]>();
    for (const p of result.problems) problemsByRow.set(p.targetRow, [...(problemsByRow.get(p.targetRow) ?? []), p]);
    records.forEach((r, i) => {
      const l = result.rows[i];
      const name = targets[i].name;
      const noted = problemsByRow.get(r.row) ?? [];
      if (l.values === null || l.values.value === null) {
        if (noted.length === 0 && l.from)
          noted.push({ kind: "notFound", targetRow: r.row, sources: [l.from], zh: `第${r.row}行 ${name}：${where.zh}第${l.from.row}行没有${link.result}，未取数`, en: `row ${r.row}, ${name}: ${where.en}, row ${l.from.row} has no ${link.result}; nothing taken` });
        for (const p of noted) {
          warnRows.push(rows.length);
          rows.push([header, r.row, name, "", "", p.zh]);
        }
        return;
      }
      const value = l.values.value;
      const typed = r.values[link.field];
      let note = `取自${where.zh}第${l.from!.row}行`;
      if (typeof typed === "number" && typed !== value) {
        replaced++;
        note = `本表填 ${numberText(typed)}，与${where.zh}第${l.from!.row}行的${link.result} ${numberText(value)} 不同，已按后者计算；请改正本表`;
        warnRows.push(rows.length);
      }
      for (const p of noted) note += `；${p.zh}`;
      rows.push([header, r.row, name, value, l.values.also, note]);
      r.values[link.field] = value;
      taken++;
      if (col !== undefined) written.push({ row: r.row, cells: [value] });
    });
    for (const p of result.problems.filter((x) => x.targetRow === 0)) {
      warnRows.push(rows.length);
      rows.push([header, "", "", "", "", p.zh]);
    }
    const missed = records.length - taken;
    const notUsed = result.problems.filter((p) => p.kind === "notUsed").length;
    warnings.push({
      zh: `“${header}”取自${where.zh}的${link.result}：${taken} 人${missed ? `，${missed} 人未取到` : ""}${replaced ? `，${replaced} 人与本表所填不同（已按${link.result}）` : ""}${notUsed ? `，该表另有 ${notUsed} 人不在本表` : ""}；逐人见“${LINK_REPORT}”表`,
      en: `${header} taken from ${link.result} of ${where.en}: ${taken} people${missed ? `, ${missed} not found` : ""}${replaced ? `, ${replaced} differing from this table (${link.result} used)` : ""}${notUsed ? `, ${notUsed} there not in this table` : ""}; person by person on the ${LINK_REPORT} sheet`,
    });
    if (col !== undefined && written.length) blocks.push({ sheet: table.sheet, headerRow: table.headerRow + 1, columns: [{ header, col: col + 1, format: "score" }], rows: written });
  }
  const report: ReportSheet | undefined = rows.length
    ? {
        name: LINK_REPORT,
        title: "关联取数核对",
        columns: [
          { header: "取数列", width: 10 },
          { header: "行", format: "integer", width: 6 },
          { header: "姓名", width: 10 },
          { header: "取得的值", format: "score", width: 9 },
          { header: "等次", width: 9 },
          { header: "来源与说明", width: 60 },
        ],
        rows,
        warnRows,
        landscape: true,
      }
    : undefined;
  return { warnings, blocks, report, used };
}
