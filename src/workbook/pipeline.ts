// The assessment pipeline: find the table, read and validate every row, compute with the core, and describe the result as a plan.
import { RuleError } from "../core/errors";
import { describeProblem, withAssessedYear, yearInTitle, type Scheme, type SchemeKind, type SchemeProblem } from "../core/scheme";
import { defaultScheme, fieldsFor, kindById, kindNames, schemeKinds, secondTables, standardSheetNames, validateScheme } from "../kinds/registry";
import { NEGATIVE_RECORD_SHEET } from "./negative-records";
import { OBJECTION_SHEET } from "./objections";
import type { Assessment, AssessInput } from "./assess/common";
import { ruleProblem } from "./assess/place";
import { type FieldDef } from "./fields";
import { withinCellLimit } from "./cell-limit";
import { OWNED_SHEETS_KEY, reportSheetNames, type Plan, type PlanCell, type ReportSheet, type ResultBlock } from "./plan";
import { readRecords, withoutBadRows, type IgnoredRow } from "./read";
import { applyLinks, choiceMissed, sourcePlaces, sourceTable, type LinkedWorkbook, type LinkOutcome, type LinkRunner, type SourceFailed, type SourceTable } from "./links";
import { chinaDate, chinaTime } from "../core/local-time";
import type { LinkSourcePlace } from "../core/link";
import { quoted } from "../core/title-text";
import { SCHEME_SHEET, schemeFromSheet, schemeSheet } from "./scheme-sheet";
import { settingName } from "./setting-names";
import type { Problem, SheetData, WorkbookData } from "./sheet";
import { resolveColumnMapping } from "./column-mapping";
import { bandBlock } from "./band-block";
import { findTableIn, headerKey, type FoundTable } from "./table";
import { absentColumnWarnings, duplicateHeaderProblems, headerMaxProblems, stateWarnings } from "./table-checks";
import { describeTownshipSource, townshipOf, type TownshipFound } from "./township";
import { runWorkflow } from "./workflow";

export interface RunOptions {
  /** The scheme to use; otherwise the one stored in the workbook, otherwise the kind's defaults. */
  scheme?: Scheme;
  /** The kind, when neither a scheme nor the workbook says it. */
  kind?: SchemeKind;
  /** Compute without the rows that have problems, listing each one skipped. */
  skipBadRows?: boolean;
  /** The sheet holding the table (--sheet); otherwise every sheet is searched. */
  sheet?: string;
  /** Lines for the 审计 sheet from the caller (where a merged county's scheme came from), as label, value, note. */
  auditNotes?: [string, string, string][];
  /** For the audit sheet. */
  now?: Date;
  inputName?: string;
  /** SHA-256 of the input file, hex, for the audit sheet. */
  inputChecksum?: string;
  onProgress?: (stage: string, done: number, total: number) => void;
  /** Other workbooks whose results feed this table's linked columns (kaohe run … --with). */
  with?: readonly LinkedWorkbook[];
  /** The sheet to read a source kind's results from where several could be (the pane's choice); otherwise the first found. */
  sources?: Partial<Record<SchemeKind, LinkSourcePlace>>;
  /** Compute a source of a link: its own links are not followed. */
  noLinks?: boolean;
}

/**
 * ok: a plan was made. problems: the data has problems (and rows were not skipped). noTable: no table
 * of this kind was found (missing headers, wrong sheet, no data rows). badScheme: the scheme is invalid.
 */
export type RunStatus = "ok" | "problems" | "noTable" | "badScheme";

export interface RunResult {
  status: RunStatus;
  scheme: Scheme;
  /** Every problem found; when non-empty and skipBadRows is off there is no plan. */
  problems: Problem[];
  ignored: IgnoredRow[];
  table?: FoundTable;
  plan?: Plan;
  /** The township of a table without a 乡镇 column, and where it was read. */
  township?: TownshipFound;
  /** The linked workbooks (options.with) some link read, by name. */
  linkedUsed?: string[];
}

/** The input columns a kind computed, written into the table's own columns so the result file shows what was counted. */
function inputBlocks(table: FoundTable, records: readonly { row: number }[], assessment: Assessment): ResultBlock[] {
  return (assessment.inputs ?? []).flatMap(({ field, values }) => {
    const col = table.columns.get(field);
    const rows = records.flatMap((r, i) => (values[i] === null || values[i] === undefined ? [] : [{ row: r.row, cells: [values[i]] as PlanCell[] }]));
    return col === undefined || rows.length === 0 ? [] : [{ sheet: table.sheet, headerRow: table.headerRow + 1, columns: [{ header: table.headers.get(field) ?? field, col: col + 1, format: "score" as const }], rows }];
  });
}

/** What a link borrows from the pipeline: the sheets holding a table best read as a kind, and one computed. */
function linkRunner(options: RunOptions): LinkRunner {
  return {
    find: (wb, kind, except) => {
      const owned = ownedSheets(wb);
      // The 负面清单记录 and 异议记录 sheets name people, as an appraisal does, but are never a source of results.
      const skip = new Set([SCHEME_SHEET, ...secondTables.map((t) => t.sheet), NEGATIVE_RECORD_SHEET, OBJECTION_SHEET]);
      return wb.sheets.filter((s) => s.name !== except && !owned.has(s.name.toLowerCase()) && !skip.has(s.name) && detectKind({ sheets: [s] }) === kind).map((s) => s.name);
    },
    run: (wb, kind, sheet) => {
      // A workbook keeping the scheme of another kind (the secretary's, beside its appraisal sheet) computes this sheet by its own kind's.
      const stored = resolveScheme(wb, { now: options.now }).scheme;
      const r = runAssessment(wb, { scheme: stored?.kind === kind ? stored : defaultScheme(kind), sheet, now: options.now, noLinks: true });
      if (r.status !== "ok" || !r.plan || !r.table) return { ok: false, problems: r.problems };
      return { ok: true, table: r.table, records: readRecords(r.table, fieldsFor(r.scheme)).records, block: r.plan.results[0] };
    },
    kindName: (k) => kindNames[k].zh,
    chosen: options.sources,
  };
}

/** Every sheet of this workbook (but `except`, the computed table's) and of the linked ones a source kind could be read from, the one a run reads first. */
export const linkSourcePlaces = (workbook: WorkbookData, kind: SchemeKind, options: Pick<RunOptions, "with" | "sources">, except = ""): LinkSourcePlace[] =>
  sourcePlaces(kind, workbook, except, options.with ?? [], linkRunner(options));


/** A scheme problem where people can find it: the setting's Chinese name (its key in English). */
const schemeProblem = (p: SchemeProblem): Problem => ({
  sheet: SCHEME_SHEET,
  row: p.row ?? 0,
  col: 0,
  zh: p.path ? `${settingName(p.path)}（${p.path}）：${p.zh}` : p.zh,
  en: describeProblem({ ...p, row: undefined }, "en-US"),
});

/**
 * The kind whose table the workbook holds best: the most of the kind's columns found (a cadre table
 * missing one required column is still a cadre table, not the appraisal table whose few required
 * columns it happens to have), then the larger share of its required columns. At least half of a
 * kind's required columns, and two, must be there.
 */
export function detectKind(workbook: WorkbookData, kinds: readonly SchemeKind[] = schemeKinds, scheme?: Scheme): SchemeKind | undefined {
  let best: { kind: SchemeKind; score: number } | undefined;
  for (const kind of kinds) {
    const own = scheme?.kind === kind ? scheme : undefined;
    const fields = fieldsFor(own ?? defaultScheme(kind));
    const t = findTableIn(workbook.sheets, fields, standardSheetNames[kind], own?.columns);
    if (!t) continue;
    const required = fields.filter((f) => f.required).length;
    const found = required - t.missing.length;
    const score = t.columns.size * 1000 + (found / required) * 100;
    // A column or two that happen to match (日期, 姓名) do not make a table of that kind.
    const plausible = found >= Math.min(2, required) && found * 2 >= required;
    if (plausible && (!best || score > best.score)) best = { kind, score };
  }
  return best?.kind;
}

/** A table of the workbook: the sheet it is in and its kind. */
export interface RecognisedTable {
  sheet: string;
  kind: SchemeKind;
}

/**
 * Every sheet holding a recognisable table, one kind per sheet: of the scheme's kind when a scheme
 * (given or kept in the workbook) or the kind is fixed, else of any kind (`anyKind` ignores both).
 * The reports of an earlier run and the second tables (组织名单, 评分明细) are not tables of their own.
 */
export function recognisedTables(workbook: WorkbookData, options: Pick<RunOptions, "scheme" | "kind"> & { anyKind?: boolean } = {}): RecognisedTable[] {
  const owned = ownedSheets(workbook);
  const keeps = workbook.sheets.some((s) => s.name === SCHEME_SHEET) || workbook.schemeJson !== undefined;
  const scheme = options.anyKind ? undefined : (options.scheme ?? (keeps ? resolveScheme(workbook, {}).scheme : undefined));
  const kinds = scheme ? [scheme.kind] : options.kind && !options.anyKind ? [options.kind] : schemeKinds;
  const out: RecognisedTable[] = [];
  for (const sheet of workbook.sheets) {
    // The 负面清单记录 and 异议记录 sheets name people (单位, 姓名) but are read beside a table, never computed on their own.
    if (owned.has(sheet.name.toLowerCase()) || sheet.name === SCHEME_SHEET || secondTables.some((t) => t.sheet === sheet.name) || sheet.name === NEGATIVE_RECORD_SHEET || sheet.name === OBJECTION_SHEET) continue;
    const kind = detectKind({ sheets: [sheet] }, kinds, scheme);
    if (kind) out.push({ sheet: sheet.name, kind });
  }
  return out;
}

/**
 * The year assessed: the one a title above a table names ("2025年度…考核表"), else the current year,
 * or the last one in January to March, when annual assessments of the past year are done.
 */
export function assessmentYear(workbook: WorkbookData, now: Date): number {
  for (const sheet of workbook.sheets)
    for (const row of sheet.rows.slice(0, 3))
      for (const v of row) {
        const year = typeof v === "string" ? yearInTitle(v) : undefined;
        if (year !== undefined) return year;
      }
  return now.getMonth() < 3 ? now.getFullYear() - 1 : now.getFullYear();
}

/** The scheme: given, else stored in the workbook (sheet 考核方案 or settings), else the kind's defaults. */
export function resolveScheme(workbook: WorkbookData, options: RunOptions): { scheme?: Scheme; problems: Problem[] } {
  const r = storedOrGivenScheme(workbook, options);
  if (!r.scheme) return r;
  // People key the column mapping by the column's Chinese name; the table search reads field ids.
  const m = resolveColumnMapping(r.scheme);
  // A scheme whose title leaves the year blank (exported on its own, or a fresh one of the pane) takes the data's year.
  return m.problems.length ? { problems: m.problems.map(schemeProblem) } : { scheme: withAssessedYear({ ...r.scheme, columns: m.columns }, assessmentYear(workbook, options.now ?? new Date())), problems: [] };
}

function storedOrGivenScheme(workbook: WorkbookData, options: RunOptions): { scheme?: Scheme; problems: Problem[] } {
  if (options.scheme) {
    const v = validateScheme(options.scheme);
    return { scheme: v.scheme, problems: v.problems.map(schemeProblem) };
  }
  const sheet = workbook.sheets.find((s) => s.name === SCHEME_SHEET);
  if (sheet) {
    const v = schemeFromSheet(sheet);
    return { scheme: v.scheme, problems: v.problems.map(schemeProblem) };
  }
  if (workbook.schemeJson) {
    try {
      const v = validateScheme(JSON.parse(workbook.schemeJson));
      return { scheme: v.scheme, problems: v.problems.map(schemeProblem) };
    } catch (e) {
      return { problems: [schemeProblem({ path: "", zh: `保存的考核方案不是有效的 JSON：${String(e)}`, en: `the stored scheme is not valid JSON: ${String(e)}` })] };
    }
  }
  const kind = options.kind ?? detectKind(options.sheet ? { sheets: workbook.sheets.filter((s) => s.name === options.sheet) } : workbook);
  if (!kind) return { problems: [] };
  return { scheme: defaultScheme(kind, assessmentYear(workbook, options.now ?? new Date())), problems: [] };
}

/**
 * The sheets an earlier run drew (listed in its 审计 sheet), and a 考核方案 sheet in the scheme's own
 * layout: the sheets this run may replace. Lower-cased, as Excel compares sheet names.
 */
export function ownedSheets(workbook: WorkbookData): Set<string> {
  const owned = new Set<string>();
  for (const sheet of workbook.sheets) {
    for (const row of sheet.rows) {
      if (row[0] !== OWNED_SHEETS_KEY || typeof row[1] !== "string") continue;
      for (const name of row[1].split("、")) if (name.trim()) owned.add(name.trim().toLowerCase());
    }
    if (sheet.name === SCHEME_SHEET && sheet.rows.some((r) => r.includes("键") && r.includes("设置值"))) owned.add(SCHEME_SHEET.toLowerCase());
  }
  return owned;
}

/**
 * Gives each report a name no sheet of the user's has: its own, or "汇总（考核）" when the user's
 * workbook already has a 汇总 of its own. Returns the existing sheets the plan may replace.
 */
function nameReports(workbook: WorkbookData, reports: ReportSheet[], owned: Set<string>): string[] {
  const existing = new Map(workbook.sheets.map((s) => [s.name.toLowerCase(), s.name]));
  const taken = new Set<string>();
  const replaceable: string[] = [];
  for (const r of reports) {
    let name = r.name;
    for (let k = 1; (existing.has(name.toLowerCase()) && !owned.has(name.toLowerCase())) || taken.has(name.toLowerCase()); k++)
      name = `${r.name}（考核${k > 1 ? k : ""}）`;
    r.name = name;
    taken.add(name.toLowerCase());
    if (existing.has(name.toLowerCase())) replaceable.push(existing.get(name.toLowerCase())!);
  }
  return replaceable;
}

/** Each result column goes where the table already has its header, else into the next free column on the right. */
function placeResults(table: FoundTable, assessment: Assessment): ResultBlock {
  const header = table.rows[table.headerRow] ?? [];
  const owned = new Set<number>();
  let next = header.reduce<number>((last, v, c) => (v !== null && v !== "" ? c : last), -1) + 1;
  const existing = new Map<string, number>();
  header.forEach((v, c) => {
    const k = headerKey(v);
    if (k && !existing.has(k)) existing.set(k, c);
  });
  const inputCols = new Set(table.columns.values());
  const columns = assessment.columns.map((col) => {
    const at = [col.header, ...(col.aliases ?? [])].map((h) => existing.get(headerKey(h))).find((c) => c !== undefined && !inputCols.has(c) && !owned.has(c));
    if (at !== undefined) {
      owned.add(at);
      return { ...col, col: at + 1 };
    }
    while (owned.has(next)) next++;
    owned.add(next);
    return { ...col, col: ++next };
  });
  return {
    sheet: table.sheet,
    headerRow: table.headerRow + 1,
    columns,
    rows: [],
  };
}

function auditReport(scheme: Scheme, options: RunOptions, table: FoundTable, records: number, ignored: IgnoredRow[], assessment: Assessment, township?: TownshipFound): ReportSheet {
  const rows: PlanCell[][] = [
    ["考核", scheme.title, ""],
    ["类型", kindNames[scheme.kind].zh, ""],
    ["计算时间", chinaTime(options.now ?? new Date()), ""],
    ["输入文件", options.inputName ?? "", ""],
    ["输入校验和（SHA-256）", options.inputChecksum ?? "", ""],
    ["数据表", table.sheet, `表头在第 ${table.headerRow + 1} 行`],
    ...(township ? [["乡镇", township.name, describeTownshipSource(township).zh] as PlanCell[]] : []),
    ...(options.auditNotes ?? []),
    ["计算行数", records, ""],
    ["未计算行数", ignored.length, ""],
    ["", "", ""],
    ["人工调整", "", ""],
    ["行", "姓名", "项目 / 计算值 → 调整值 / 原因"],
    ...assessment.overrides.map<PlanCell[]>((o) => [o.row, o.name, `${o.column}：${o.computed} → ${o.given}；原因：${o.reason}`]),
    ["", "", ""],
    ["未计算的行", "", ""],
    ["行", "原因", ""],
    ...ignored.map<PlanCell[]>((r) => [r.row, r.zh, ""]),
    ["", "", ""],
    ["考核方案（快照）", "", ""],
    // In the words of the 考核方案 sheet: a printed audit is read by people, not by the program.
    ["项目", "设置值", ""],
    ...schemeSheet(scheme).rows.map<PlanCell[]>((r) => [r[1], r[2], ""]),
  ];
  const strong = rows.map((r, i) => (["人工调整", "未计算的行", "考核方案（快照）"].includes(String(r[0])) ? i : -1)).filter((i) => i >= 0);
  return {
    name: reportSheetNames.audit,
    title: "审计记录",
    subtitle: "本次计算的依据：方案快照、输入校验和、人工调整及其原因、未计算的行及其原因。",
    columns: [
      { header: "项目", width: 22 },
      { header: "内容", width: 40, format: "text" },
      { header: "说明", width: 40 },
    ],
    rows,
    strongRows: strong,
  };
}

/** The sheet of this name, as Excel finds it: spaces around it and letter case do not matter. */
export function sheetNamed(workbook: WorkbookData, name: string): SheetData | undefined {
  const key = name.trim().toLowerCase();
  return workbook.sheets.find((s) => s.name === name) ?? workbook.sheets.find((s) => s.name.trim().toLowerCase() === key);
}

/** The problem for a --sheet the workbook does not have, listing the sheets it has. */
export function unknownSheet(workbook: WorkbookData, name: string): Problem {
  const names = workbook.sheets.map((s) => `“${s.name}”`).join("、");
  const namesEn = workbook.sheets.map((s) => `"${s.name}"`).join(", ");
  return { sheet: name, row: 0, col: 0, zh: `工作簿中没有这个工作表。工作表有：${names}`, en: `the workbook has no such sheet. Its sheets: ${namesEn}` };
}

/**
 * Runs one assessment. Nothing is computed when the scheme is invalid, the table is missing, or a row
 * has a problem (unless skipBadRows): every problem is listed instead, with its place.
 */
export function runAssessment(workbook: WorkbookData, given: RunOptions = {}): RunResult {
  const progress = given.onProgress ?? (() => {});
  if (given.sheet !== undefined && !sheetNamed(workbook, given.sheet))
    return { status: "noTable", scheme: given.scheme ?? defaultScheme(given.kind ?? schemeKinds[0]), problems: [unknownSheet(workbook, given.sheet)], ignored: [] };
  const options: RunOptions = given.sheet !== undefined ? { ...given, sheet: sheetNamed(workbook, given.sheet)!.name } : given;
  progress("方案", 0, 4);
  const resolved = resolveScheme(workbook, options);
  const fallback = defaultScheme(options.kind ?? schemeKinds[0]);
  if (!resolved.scheme)
    return resolved.problems.length
      ? { status: "badScheme", scheme: fallback, problems: resolved.problems, ignored: [] }
      : {
          status: "noTable",
          scheme: fallback,
          problems: [{ sheet: workbook.sheets[0]?.name ?? "", row: 0, col: 0, zh: "找不到可识别的考核表：请检查表头（如 乡镇、姓名、得分 等列），或指定考核类型", en: "no assessment table found: check the headers (乡镇, 姓名, scores …) or give the kind" }],
          ignored: [],
        };
  const scheme = resolved.scheme;
  const fields = fieldsFor(scheme);
  progress("查找表格", 1, 4);
  const owned = ownedSheets(workbook);
  const searched = options.sheet !== undefined ? workbook.sheets.filter((s) => s.name === options.sheet) : workbook.sheets.filter((s) => !owned.has(s.name.toLowerCase()));
  let table = findTableIn(searched, fields, standardSheetNames[scheme.kind], scheme.columns);
  // Without a 乡镇 column, a township's own table names its township in its title, its sheet or its file.
  let township: TownshipFound | undefined;
  if (table && table.missing.length === 1 && table.missing[0].id === "township") {
    township = townshipOf(table.rows.slice(0, table.headerRow), table.sheet, options.inputName);
    if (township) table = { ...table, missing: [] };
  }
  // A column the scheme maps to a header the table does not have is never left out without a word.
  const unmapped = table ? fields.filter((f) => scheme.columns[f.id] !== undefined && !table!.columns.has(f.id) && !table!.missing.includes(f)) : [];
  if (!table || table.missing.length > 0 || unmapped.length > 0) {
    const missing = [...(table?.missing ?? fields.filter((f) => f.required)), ...unmapped];
    const named = (f: FieldDef, zh: boolean) =>
      scheme.columns[f.id] === undefined ? f.header : zh ? `${f.header}（方案中对应的表头“${scheme.columns[f.id]}”）` : `${f.header} (mapped in the scheme to the header "${scheme.columns[f.id]}")`;
    return {
      status: "noTable",
      scheme,
      table,
      problems: [
        {
          sheet: table?.sheet ?? standardSheetNames[scheme.kind],
          row: table ? table.headerRow + 1 : 0,
          col: 0,
          zh: `找不到${quoted(kindNames[scheme.kind].zh)}表的列：${missing.map((f) => named(f, true)).join("、")}。请核对表头，或在考核方案中设置列对应关系`,
          en: `the ${kindNames[scheme.kind].en} table lacks the columns ${missing.map((f) => named(f, false)).join(", ")}; check the headers or map the columns in the scheme`,
        },
      ],
      ignored: [],
    };
  }
  progress("检查数据", 2, 4);
  let read = readRecords(table, fields);
  if (township) for (const r of read.records) r.values.township = township.name;
  const links = kindById(scheme.kind).links ?? [];
  // Filled before the checks, so a linked value is checked and counted as a typed one would be.
  const linked: LinkOutcome | undefined = links.length && !options.noLinks ? applyLinks(links, workbook, table, read.records, options.with ?? [], linkRunner(options)) : undefined;
  const kind = kindById(scheme.kind).rules;
  const runner = linkRunner(options);
  const usedBooks = new Set<string>(linked?.used ?? []);
  const computed = new Map<SchemeKind, SourceTable | SourceFailed | undefined>();
  const source = (k: SchemeKind) => {
    if (options.noLinks) return undefined;
    if (!computed.has(k)) computed.set(k, sourceTable(k, workbook, table!, options.with ?? [], runner, usedBooks));
    return computed.get(k);
  };
  const input: AssessInput = { workbook, scheme, fields, table, records: read.records, source, linked: options.noLinks ? [] : (options.with ?? []) };
  read = { ...read, problems: [...duplicateHeaderProblems(table, fields), ...headerMaxProblems(table, fields), ...read.problems, ...kind.check(input)] };
  if (read.records.length === 0)
    return { status: "noTable", scheme, table, problems: [{ sheet: table.sheet, row: table.headerRow + 1, col: 0, zh: "表中没有数据行", en: "the table has no data rows" }], ignored: read.ignored };
  if (read.problems.length > 0 && !options.skipBadRows) return { status: "problems", scheme, table, township, problems: read.problems, ignored: read.ignored };
  const usable = read.problems.length > 0 ? withoutBadRows(read, table.sheet) : read;
  if (usable.records.length === 0 || usable.problems.length > 0)
    return { status: "problems", scheme, table, township, problems: read.problems, ignored: usable.ignored };

  progress("计算", 3, 4);
  let assessment: Assessment;
  try {
    assessment = kind.assess({ ...input, records: usable.records });
  } catch (e) {
    if (!(e instanceof RuleError)) throw e;
    return {
      status: "problems",
      scheme,
      table,
      township,
      problems: [ruleProblem(e, table.sheet)],
      ignored: usable.ignored,
    };
  }
  // 公示, objections and the star lists: after the numbers and before they are placed, since an upheld objection changes a result.
  const announced = kindById(scheme.kind).announced;
  const flow = announced ? runWorkflow({ workbook, scheme, fields, records: usable.records, assessment, announced, now: options.now ?? new Date() }) : undefined;
  for (const name of assessment.linkedUsed ?? []) usedBooks.add(name);
  const block = placeResults(table, assessment);
  block.rows = usable.records.map((r, i) => ({ row: r.row, cells: assessment.cells[i] }));
  const band = bandBlock(table, block, assessment.band);
  const audit = auditReport(scheme, options, table, usable.records.length, usable.ignored, assessment, township);
  // A source the rules read (the ledger's five-good results) from another sheet than the one chosen: said, as a link's is.
  const unchosen = [...computed].flatMap(([k, src]) => choiceMissed(k, src, runner) ?? []);
  stateWarnings([...(read.warnings ?? []), ...absentColumnWarnings(table, fields), ...(linked?.warnings ?? []), ...unchosen, ...(assessment.warnings ?? []), ...(flow?.warnings ?? [])], assessment.summary, audit);
  if (flow?.audit.length) {
    audit.rows.push(["", "", ""], ["负面清单、公示与异议", "", ""], ["事项", "姓名", "经过"], ...flow.audit);
    audit.strongRows = [...(audit.strongRows ?? []), audit.rows.length - flow.audit.length - 2];
  }
  const reports = [...assessment.reports, ...(flow?.reports ?? []), ...(linked?.report ? [linked.report] : []), audit, schemeSheet(scheme)];
  const replaceable = nameReports(workbook, reports, owned);
  // After the run's facts, before the first blank row; the bold section rows below move down by one.
  const factsEnd = audit.rows.findIndex((r) => r[0] === "");
  audit.rows.splice(factsEnd, 0, [OWNED_SHEETS_KEY, reports.map((r) => r.name).join("、"), "再次计算时只替换这些工作表"]);
  audit.strongRows = audit.strongRows?.map((i) => (i >= factsEnd ? i + 1 : i));
  const date = chinaDate(options.now ?? new Date());
  for (const r of reports) r.subtitle ??= `${scheme.title}  ${date}`;
  progress("完成", 4, 4);
  return {
    status: "ok",
    scheme,
    table,
    township,
    problems: [],
    ignored: usable.ignored,
    linkedUsed: [...usedBooks],
    plan: withinCellLimit({
      results: [block, ...(band ? [band] : []), ...(linked?.blocks ?? []), ...inputBlocks(table, usable.records, assessment)],
      reports,
      replaceable,
      summary: {
        kind: scheme.kind,
        title: scheme.title,
        rows: usable.records.length,
        zh: [`${scheme.title}（工作表“${table.sheet}”，${usable.records.length} 行）`, ...(township ? [describeTownshipSource(township).zh] : []), ...assessment.summary.zh, ...(usable.ignored.length ? [`未计算 ${usable.ignored.length} 行，详见“审计”表`] : [])],
        en: [`${scheme.title} (sheet "${table.sheet}", ${usable.records.length} rows)`, ...(township ? [describeTownshipSource(township).en] : []), ...assessment.summary.en, ...(usable.ignored.length ? [`${usable.ignored.length} rows not computed; see the 审计 sheet`] : [])],
      },
    }),
  };
}
