// Combines townships' returns of one kind into one county table under the standard header, and traces every row back to its file.
import { type Scheme, type SchemeKind } from "../core/scheme";
import { defaultScheme, fieldsFor, kindById, kindNames, schemeKinds, standardSheetNames } from "../kinds/registry";
import type { SecondTable } from "../kinds/kind";
import { quoted } from "../core/title-text";
import { type FieldDef } from "./fields";
import { assessmentYear, detectKind, resolveScheme, sheetNamed, unknownSheet } from "./pipeline";
import { readRecords } from "./read";
import { schemeDifferences, type SettingDifference } from "./scheme-diff";
import { SCHEME_SHEET } from "./scheme-sheet";
import type { CellValue, Problem, SheetData, WorkbookData } from "./sheet";
import { findTableIn, headerKey, type FoundTable } from "./table";
import { townshipIn, townshipOf, type TownshipFound } from "./township";
import { mergedWorkflowSheets } from "./merge-workflow";

/** One township's return: its file name (for messages and the township fallback) and its values. */
export interface MergeSource {
  name: string;
  data: WorkbookData;
}

/** Where a row of the county table came from. */
export interface SourceRow {
  source: string;
  sheet: string;
  /** 1-based row in the source sheet. */
  row: number;
  /** 1-based column in the source sheet of each field it had. */
  columns: Record<string, number>;
}

export type MergeConflictKind = "tableNotFound" | "otherKind" | "emptyTable" | "duplicateId";

export interface MergeConflict {
  kind: MergeConflictKind;
  source: string;
  zh: string;
  en: string;
}

export interface MergedSource {
  name: string;
  /** The sheet the table was found in; absent when it was not found. */
  sheet?: string;
  /** Data rows taken. */
  rows: number;
}

export interface MergeResult {
  /** One sheet: the county table, header in row 1. */
  workbook: WorkbookData;
  sheet: string;
  /** By 0-based column of the county table: the field id, or "" for the column naming the source. */
  fieldIds: string[];
  /** By 1-based row of the county table. */
  origins: (SourceRow | undefined)[];
  sources: MergedSource[];
  /** For each return with rows that have no township (no 乡镇 column, or blanks in it): where theirs came from. */
  townships: { source: string; township: TownshipFound }[];
  /** Files left out (table not found, another kind), empty tables, and IDs that repeat across files. */
  conflicts: MergeConflict[];
}

/** The sheet of a merged county workbook that lists the files merged, with their checksums. */
export const SOURCES_SHEET = "合并来源";

/** The header of the county table's last column, naming the file and row each row came from. */
export const SOURCE_HEADER = "来源文件";

/**
 * The township a file name names: "城关镇.xlsx" → 城关镇, "城关镇-村书记考核.xlsx" → 城关镇; otherwise the
 * name without its extension. Used only when a row's township cell is blank.
 */
export function townshipFromFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? name).replace(/\.[^.]*$/, "").trim();
  const parts = base.split(/[-_\s\u3000（()）—·]+/).filter(Boolean);
  return parts.find((p) => /(镇|乡|街道|办事处)$/.test(p) && p !== "乡镇") ?? townshipIn(base) ?? base;
}

/**
 * The kind whose standard table a workbook holds completely, preferring the kind that needs the most
 * columns (a cadre table also has the 乡镇 and 姓名 an appraisal needs, so the stricter kind wins).
 */
function fullFitKind(data: WorkbookData): SchemeKind | undefined {
  let best: { kind: SchemeKind; score: number } | undefined;
  for (const kind of schemeKinds) {
    const fields = fieldsFor(defaultScheme(kind));
    const table = findTableIn(data.sheets, fields, standardSheetNames[kind]);
    if (!table || table.missing.length > 0) continue;
    const score = fields.filter((f) => f.required).length * 1000 + table.columns.size;
    if (!best || score > best.score) best = { kind, score };
  }
  return best?.kind;
}

/** A return whose own 考核方案 differs from the county's: the file and the settings that differ. */
export interface DifferingScheme {
  source: string;
  differences: SettingDifference[];
}

export interface MergeSchemeChoice {
  scheme?: Scheme;
  problems: Problem[];
  /** The return whose scheme it is (so its problems name that file); absent for --scheme and the defaults. */
  source?: string;
  /** given: --scheme; return: a return's 考核方案; default: the kind's defaults, no return has one. */
  from?: "given" | "return" | "default";
  /** How many returns carry the very scheme chosen (from a return). */
  sharedBy?: number;
  /** Returns whose own scheme differs from the county's, each with the settings that differ. */
  differing?: DifferingScheme[];
}

const fingerprint = (s: Scheme) => JSON.stringify({ ...s, title: "" });

/**
 * The county's scheme: the one given (--scheme); else the one most returns carry in their 考核方案
 * (the county sends it out with the template; on a tie the first file's), named with its file; else
 * the defaults of the kind given, or of the kind most returns hold. Every return whose own scheme
 * differs from the county's is listed with the settings that differ: its rows are computed by the
 * county's, and the people who filled it in may have expected their own.
 */
export function mergeScheme(sources: readonly MergeSource[], options: { scheme?: Scheme; kind?: SchemeKind; now?: Date } = {}): MergeSchemeChoice {
  const own: { source: string; scheme: Scheme }[] = [];
  for (const s of sources) {
    if (!s.data.sheets.some((sh) => sh.name === SCHEME_SHEET) && !s.data.schemeJson) continue;
    const r = resolveScheme(s.data, { kind: options.kind, now: options.now });
    // A return's broken scheme stops the merge unless the county gives its own.
    if (!r.scheme) {
      if (!options.scheme) return { ...r, source: s.name };
      continue;
    }
    if (!options.kind || r.scheme.kind === options.kind) own.push({ source: s.name, scheme: r.scheme });
  }
  const differingFrom = (county: Scheme): DifferingScheme[] =>
    own.map((o) => ({ source: o.source, differences: o.scheme.kind === county.kind ? schemeDifferences(county, o.scheme) : [{ path: "kind", name: "考核类型", county: county.kind, own: o.scheme.kind }] })).filter((d) => d.differences.length > 0);

  if (options.scheme) {
    const r = resolveScheme({ sheets: [] }, { scheme: options.scheme });
    return r.scheme ? { ...r, from: "given", differing: differingFrom(r.scheme) } : r;
  }
  if (own.length > 0) {
    const groups = new Map<string, typeof own>();
    for (const o of own) groups.set(fingerprint(o.scheme), [...(groups.get(fingerprint(o.scheme)) ?? []), o]);
    // The largest group; Map keeps the order of first appearance, so a tie goes to the first file's scheme.
    const best = [...groups.values()].reduce((a, b) => (b.length > a.length ? b : a));
    return { scheme: best[0].scheme, problems: [], source: best[0].source, from: "return", sharedBy: best.length, differing: differingFrom(best[0].scheme) };
  }
  let kind = options.kind;
  if (!kind) {
    const votes = new Map<SchemeKind, number>();
    for (const s of sources) {
      const k = detectKind(s.data);
      if (k) votes.set(k, (votes.get(k) ?? 0) + 1);
    }
    kind = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  }
  // The year assessed is the one the returns' titles name (else assessmentYear's guess), never simply the current year.
  const year = sources.map((s) => assessmentYear(s.data, options.now ?? new Date()))[0];
  return kind ? { scheme: defaultScheme(kind, year), problems: [], from: "default", differing: [] } : { problems: [] };
}

const blank = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** A row number ("序号") counts rows within one file; it is not a person's ID and repeats across townships by design. */
const isRowNumberHeader = (header: string | undefined) => headerKey(header ?? null) === "序号";

/**
 * The county table from the townships' returns. Each file's table is found by its headers (any sheet,
 * any order of columns, title rows above); its data rows (not totals, notes or blank rows) are copied
 * under one standard header, values as they are, so the assessment validates them as usual. The
 * township comes from the row, carried down a merged or blank group, else from the file name.
 * A last column names the file and row each row came from.
 */
export function mergeReturns(sources: readonly MergeSource[], scheme: Scheme, options: { sheet?: string } = {}): MergeResult {
  // A return need not have a township column: the file says which township it is.
  const fields: FieldDef[] = fieldsFor(scheme).map((f) => (f.id === "township" ? { ...f, required: false } : f));
  const sheetName = standardSheetNames[scheme.kind];
  const conflicts: MergeConflict[] = [];
  const merged: { source: string; table: FoundTable; rows: { row: number; values: Map<string, CellValue> }[] }[] = [];
  const summaries: MergedSource[] = [];
  const townships: MergeResult["townships"] = [];

  for (const src of sources) {
    const named = options.sheet !== undefined ? sheetNamed(src.data, options.sheet) : undefined;
    if (options.sheet !== undefined && !named) {
      const p = unknownSheet(src.data, options.sheet);
      conflicts.push({ kind: "tableNotFound", source: src.name, zh: `“${src.name}”：工作表“${options.sheet}”：${p.zh}`, en: `"${src.name}": sheet "${options.sheet}": ${p.en}` });
      summaries.push({ name: src.name, rows: 0 });
      continue;
    }
    const table = findTableIn(named ? [named] : src.data.sheets, fields, sheetName, scheme.columns);
    if (!table || table.missing.length > 0) {
      const required = fields.filter((f) => f.required).length;
      // A table with most of its columns is this kind with a few missing, not another kind.
      const mostlyThere = table !== undefined && (required - table.missing.length) * 2 >= required;
      const other = mostlyThere ? undefined : fullFitKind(src.data);
      if (other && other !== scheme.kind) {
        conflicts.push({
          kind: "otherKind",
          source: src.name,
          zh: `“${src.name}”是另一类考核表（${kindNames[other].zh}），不是${kindNames[scheme.kind].zh}`,
          en: `"${src.name}" holds another kind of assessment (${kindNames[other].en}), not ${kindNames[scheme.kind].en}`,
        });
      } else {
        const missing = table?.missing.map((f) => f.header) ?? [];
        conflicts.push({
          kind: "tableNotFound",
          source: src.name,
          zh: missing.length
            ? `“${src.name}”的表格缺少必需的列：${missing.join("、")}（在工作表“${table!.sheet}”第${table!.headerRow + 1}行找到的表头）`
            : `“${src.name}”中找不到${quoted(kindNames[scheme.kind].zh)}的表格（没有可识别的表头）`,
          en: missing.length
            ? `"${src.name}": the table lacks required columns: ${missing.join(", ")} (header found in sheet "${table!.sheet}", row ${table!.headerRow + 1})`
            : `"${src.name}": no table of "${kindNames[scheme.kind].en}" found (no recognisable header)`,
        });
      }
      summaries.push({ name: src.name, rows: 0 });
      continue;
    }
    const { records } = readRecords(table, fields);
    const idHeader = table.headers.get("id");
    // The title, the sheet's name or the file's name says the township; the file's whole name as a last resort.
    const township: TownshipFound = townshipOf(table.rows.slice(0, table.headerRow), table.sheet, src.name) ?? { name: townshipFromFileName(src.name), from: "fileName", text: src.name };
    let townshipUsed = false;
    const rows = records.map((rec) => {
      const values = new Map<string, CellValue>();
      const raw = table.rows[rec.row - 1] ?? [];
      for (const f of fields) {
        const col = table.columns.get(f.id);
        if (col === undefined) continue;
        if (f.id === "id" && isRowNumberHeader(idHeader)) continue;
        // A group label uses the value carried down its group; every other cell is copied as written.
        const carried = rec.values[f.id];
        values.set(f.id, f.fillDown && typeof carried === "string" && carried !== "" ? carried : (raw[col] ?? null));
      }
      if (blank(values.get("township"))) {
        values.set("township", township.name);
        townshipUsed = true;
      }
      return { row: rec.row, values };
    });
    if (rows.length === 0)
      conflicts.push({
        kind: "emptyTable",
        source: src.name,
        zh: `“${src.name}”的表格（工作表“${table.sheet}”）没有数据行`,
        en: `"${src.name}": the table (sheet "${table.sheet}") has no data rows`,
      });
    merged.push({ source: src.name, table, rows });
    summaries.push({ name: src.name, sheet: table.sheet, rows: rows.length });
    if (townshipUsed) townships.push({ source: src.name, township });
  }

  // The county table's columns: every standard field some return has, in the standard order.
  const used = fields.filter((f) => f.id === "township" || merged.some((m) => m.rows.some((r) => r.values.has(f.id))));
  const header: CellValue[] = [...used.map((f) => scheme.columns[f.id] ?? f.header), SOURCE_HEADER];
  const out: CellValue[][] = [header];
  const origins: (SourceRow | undefined)[] = [undefined, undefined];
  const firstById = new Map<string, { source: string; row: number }>();

  for (const m of merged) {
    const columns: Record<string, number> = {};
    for (const [id, col] of m.table.columns) columns[id] = col + 1;
    for (const r of m.rows) {
      out.push([...used.map((f) => r.values.get(f.id) ?? null), `${m.source} 第${r.row}行`]);
      origins.push({ source: m.source, sheet: m.table.sheet, row: r.row, columns });
      const id = r.values.get("id");
      if (blank(id)) continue;
      const key = String(id).trim();
      const first = firstById.get(key);
      if (!first) firstById.set(key, { source: m.source, row: r.row });
      else if (first.source !== m.source)
        conflicts.push({
          kind: "duplicateId",
          source: m.source,
          zh: `编号“${key}”重复：${first.source} 第${first.row}行 与 ${m.source} 第${r.row}行`,
          en: `ID "${key}" repeats: ${first.source} row ${first.row} and ${m.source} row ${r.row}`,
        });
    }
  }

  const sheets: SheetData[] = [{ name: sheetName, rows: out }];
  for (const second of kindById(scheme.kind).secondTables ?? []) {
    if (!second.merged) continue;
    const table = mergedSecondTable(second, sources, merged, scheme);
    // A period no return kept is no period of the county's: a sheet of headers alone would read as one with nobody in it.
    if (!second.namedOnly || table.rows.length > 1) sheets.push(table);
  }
  // The records that bar, deduct and change results: lost here, the county's run would compute another result than the township's.
  sheets.push(
    ...mergedWorkflowSheets(
      merged.map((m) => {
        const towns = new Set(m.rows.map((r) => String(r.values.get("township") ?? "").trim()).filter((t) => t !== ""));
        return { name: m.source, data: sources.find((s) => s.name === m.source)!.data, table: m.table.sheet, township: towns.size === 1 ? [...towns][0] : undefined };
      }),
      SOURCE_HEADER,
    ),
  );
  return {
    workbook: { sheets },
    sheet: sheetName,
    fieldIds: [...used.map((f) => f.id), ""],
    origins,
    sources: summaries,
    townships,
    conflicts,
  };
}

/**
 * A kind's second table (the ledger's 组织名单): every return's under one header, the township taken from the file
 * name where a row has none. A return without one adds nothing; the pipeline reports the county's list
 * if it ends up missing organisations.
 */
function mergedSecondTable(second: SecondTable, sources: readonly MergeSource[], merged: readonly { source: string; table: FoundTable }[], scheme: Scheme): SheetData {
  const fields = second.fieldsOf?.(scheme) ?? second.fields;
  const rows: CellValue[][] = [fields.map((f) => scheme.columns[f.id] ?? f.header)];
  for (const src of sources) {
    const own = merged.find((m) => m.source === src.name)?.table.sheet;
    const table = findTableIn(
      src.data.sheets.filter((s) => s.name !== own && (!second.namedOnly || s.name.trim() === second.sheet)),
      fields,
      second.sheet,
      scheme.columns,
    );
    if (!table || table.missing.length > 0) continue;
    for (const rec of readRecords(table, fields).records) {
      const raw = table.rows[rec.row - 1] ?? [];
      rows.push(
        fields.map((f) => {
          const col = table.columns.get(f.id);
          const typed = col === undefined ? null : (raw[col] ?? null);
          // A name merged down a return's rows (a secretary's several promises) is written on each row, or the merged rows lose whose they are.
          const v = f.fillDown && f.id !== "township" && blank(typed) ? ((rec.values[f.id] as CellValue | undefined) ?? null) : typed;
          return f.id === "township" && blank(v) ? (typeof rec.values.township === "string" && rec.values.township ? rec.values.township : townshipFromFileName(src.name)) : v;
        }),
      );
    }
  }
  return { name: second.sheet, rows };
}

/** A problem found in the county table, placed where the person can fix it: the township's file, sheet, row and column. */
export interface SourceProblem {
  /** The file; absent when the problem is not about one row of one return. */
  source?: string;
  problem: Problem;
}

/**
 * The problem moved from the county table to the return it came from; a row it cites ("与第7行重复")
 * is rewritten to that row's file and row too.
 */
export function sourceProblem(p: Problem, merged: MergeResult): SourceProblem {
  const origin = p.sheet === merged.sheet ? merged.origins[p.row] : undefined;
  if (!origin) return { problem: p };
  const fieldId = p.col > 0 ? merged.fieldIds[p.col - 1] : undefined;
  const col = fieldId ? (origin.columns[fieldId] ?? 0) : 0;
  const cite = (row: number, zh: boolean): string | undefined => {
    const o = merged.origins[row];
    if (!o) return undefined;
    if (o.source === origin.source) return zh ? `第${o.row}行` : `row ${o.row}`;
    return zh ? `${o.source} 第${o.row}行` : `${o.source} row ${o.row}`;
  };
  return {
    source: origin.source,
    problem: {
      ...p,
      sheet: origin.sheet,
      row: origin.row,
      col,
      zh: p.zh.replace(/第(\d+)行/g, (m, n: string) => cite(Number(n), true) ?? m),
      en: p.en.replace(/\brow (\d+)/g, (m, n: string) => cite(Number(n), false) ?? m),
    },
  };
}
