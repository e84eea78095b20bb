// The standard templates: generated from the scheme's fields, found by the pipeline, validated, printable, and the committed files up to date.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook, type Worksheet } from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { sheetData } from "../../src/cli/xlsx";
import { renderTemplate, TEMPLATE_DATE, withZipTimes, workbookBytes, writeTemplate } from "../../src/cli/xlsx-template";
import { type SchemeKind } from "../../src/core/scheme";
import { defaultScheme, schemeKinds } from "../../src/kinds/registry";
import * as functions from "../../src/functions/functions";
import { RATER_DETAIL_SHEET, raterDetailFields } from "../../src/kinds/appraisal/fields";
import { ledgerFields, ORGANISATION_SHEET, organisationFields } from "../../src/kinds/ledger/fields";
import { CONTACT_SHEET } from "../../src/kinds/ledger/contact-points";
import { SATISFACTION_SHEET } from "../../src/kinds/ledger/satisfaction-sheet";
import { FOUR_PROMISES_SHEET } from "../../src/kinds/secretary/four-promises-sheet";
import { HALF_YEAR_SHEET } from "../../src/kinds/secretary/half-year";
import { NEGATIVE_RECORD_SHEET } from "../../src/workbook/negative-records";
import { OBJECTION_SHEET } from "../../src/workbook/objections";
import { fieldsFor, standardSheetNames } from "../../src/kinds/registry";
import { runAssessment } from "../../src/workbook/pipeline";
import { readRecords } from "../../src/workbook/read";
import { sampleCounty } from "../../src/kinds/sample-county";
import { findTable } from "../../src/workbook/table";
import { dataSheet, dataSheets, expandFormula, FORMULA_NOTE, formulaCells, inputColumns, NOTES_SHEET_NAME, notesSheet, templateWorkbook, type TemplateData, type TemplateSpec } from "../../src/workbook/templates";
import { standardTemplates, templateSpec } from "../../src/workbook/template-spec";

const root = join(import.meta.dirname, "..", "..");

async function roundTrip(spec: TemplateSpec, data?: TemplateData): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load((await workbookBytes(renderTemplate(spec, data))) as unknown as ArrayBuffer);
  return wb;
}

async function load(path: string): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return wb;
}

const rendered = new Map<SchemeKind, Promise<Workbook>>();
const templateBook = (kind: SchemeKind) => {
  if (!rendered.has(kind)) rendered.set(kind, roundTrip(templateSpec(kind)));
  return rendered.get(kind)!;
};

// ---------------------------------------------------------------- the KAOHE functions the formulas may call

const source = readFileSync(join(root, "src", "functions", "functions.ts"), "utf8");
/** Excel name → the export's declared parameter count, from each function's JSDoc tag and signature. */
const published = new Map<string, number>();
for (const m of source.matchAll(/@customfunction\s+([A-Z0-9_.]+)[\s\S]*?export function (\w+)\(/g)) {
  const fn = (functions as unknown as Record<string, unknown>)[m[2]];
  if (typeof fn === "function") published.set(m[1], fn.length);
}

/** The calls KAOHE.X(...) in a formula, each with its top-level arguments. */
function kaoheCalls(formula: string): { name: string; args: string[] }[] {
  const calls: { name: string; args: string[] }[] = [];
  const re = /KAOHE\.([A-Z0-9_]+)\(/g;
  for (let m = re.exec(formula); m; m = re.exec(formula)) {
    const args: string[] = [];
    let depth = 0;
    let quoted = false;
    let current = "";
    for (let i = m.index + m[0].length; i < formula.length; i++) {
      const ch = formula[i];
      if (ch === '"') quoted = !quoted;
      if (!quoted && (ch === "(" || ch === "{")) depth++;
      if (!quoted && (ch === ")" || ch === "}")) {
        if (depth === 0) {
          args.push(current);
          break;
        }
        depth--;
      }
      if (!quoted && ch === "," && depth === 0) {
        args.push(current);
        current = "";
      } else current += ch;
    }
    calls.push({ name: m[1], args });
  }
  return calls;
}

function balanced(formula: string): boolean {
  let depth = 0;
  let quoted = false;
  for (const ch of formula) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "(" || ch === "{")) depth++;
    else if (!quoted && (ch === ")" || ch === "}")) depth--;
    if (depth < 0) return false;
  }
  return depth === 0 && !quoted;
}

// ---------------------------------------------------------------- a sheet as comparable data

function snapshot(ws: Worksheet) {
  const cells: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells[cell.address] = { value: cell.value ?? null, numFmt: cell.numFmt ?? null, font: cell.font ?? null, fill: cell.fill ?? null, border: cell.border ?? null, validation: cell.dataValidation ?? null };
    }),
  );
  return {
    name: ws.name,
    cells,
    merges: [...(ws.model.merges ?? [])].sort(),
    widths: ws.columns?.map((c) => c.width ?? null) ?? [],
    heights: Array.from({ length: ws.rowCount }, (_, i) => ws.getRow(i + 1).height ?? null),
    views: ws.views,
    pageSetup: ws.pageSetup,
    headerFooter: ws.headerFooter,
  };
}

// ---------------------------------------------------------------- the tests

describe("the standard templates", () => {
  it("are one per scheme kind, with ASCII ids, Chinese titles and .xlsx file names", () => {
    const specs = standardTemplates();
    expect(specs.map((s) => s.id)).toEqual([...schemeKinds]);
    for (const s of specs) {
      expect(s.id).toMatch(/^[A-Za-z]+$/);
      expect(s.title).toMatch(/[\u4e00-\u9fff]/);
      expect(s.fileName).toMatch(/^[^/\\:*?"<>|]+\.xlsx$/);
      expect(s.sheets.map((x) => x.name)).toEqual([standardSheetNames[s.kind], NOTES_SHEET_NAME]);
      expect(s.sheets.map((x) => x.name)).not.toContain("考核方案");
      // The ledger reads its organisations, contact points and ratings, the five-good kind the ratings; the appraisal the raters' own scores; the secretary the town's half-year test and the 四诺 register; the announced kinds their negative-list records and objections.
      const workflow = [NEGATIVE_RECORD_SHEET, OBJECTION_SHEET];
      const second: Partial<Record<SchemeKind, string[]>> = {
        ledger: [ORGANISATION_SHEET, CONTACT_SHEET, SATISFACTION_SHEET],
        fiveGood: [SATISFACTION_SHEET],
        appraisal: [RATER_DETAIL_SHEET],
        secretary: [HALF_YEAR_SHEET, FOUR_PROMISES_SHEET, ...workflow],
        cadre: workflow,
        member: workflow,
      };
      expect((s.extra ?? []).map((x) => x.name)).toEqual(second[s.kind] ?? []);
      expect(dataSheets(s).map((x) => x.name)).toEqual([standardSheetNames[s.kind], ...(s.extra ?? []).map((x) => x.name)]);
    }
  });

  it("are plain data: JSON round-trips them unchanged", () => {
    for (const s of standardTemplates()) expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it("are defined without ExcelJS or Node: the module imports only core and workbook modules", () => {
    const text = readFileSync(join(root, "src", "workbook", "templates.ts"), "utf8");
    const imports = [...text.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(imports.length).toBeGreaterThan(0);
    for (const i of imports) expect(i).toMatch(/^\.\.\/core\/|^\.\//);
  });

  it("follow a county's own scheme: its items become the columns and their maxima the validations", () => {
    const scheme = defaultScheme("secretary", 2025);
    scheme.items = [
      { name: "党建工作", max: 40 },
      { name: "经济发展", max: 60 },
    ];
    const sheet = dataSheet(templateSpec("secretary", { scheme }));
    const items = sheet.columns.filter((c) => c.field?.startsWith("item"));
    expect(items.map((c) => c.header)).toEqual(["党建工作", "经济发展"]);
    expect(items.map((c) => (c.validation?.type === "decimal" ? c.validation.max : undefined))).toEqual([40, 60]);
    expect(sheet.band.find((b) => b.row === 3)!.cells.filter((c) => c.col === items[0].col || c.col === items[1].col).map((c) => c.value)).toEqual([40, 60]);
    expect(() => templateSpec("cadre", { scheme })).toThrow();
  });

  it("put the year in the title when given one, and a blank otherwise", () => {
    expect(dataSheet(templateSpec("member", { year: 2025 })).title).toBe("2025年度党员星级评定表");
    expect(dataSheet(templateSpec("member")).title).toMatch(/^_+年度党员星级评定表$/);
  });
});

describe.each(schemeKinds)("the %s template", (kind) => {
  const spec = templateSpec(kind);
  const sheet = dataSheet(spec);
  const fields = fieldsFor(defaultScheme(kind));

  it("has exactly the standard fields as its input headers, in order, then the result columns", async () => {
    const ws = (await templateBook(kind)).getWorksheet(sheet.name)!;
    const header = ws.getRow(sheet.headerRow);
    const inputs = inputColumns(sheet);
    expect(inputs.map((c) => c.header)).toEqual(fields.map((f) => f.header));
    expect(inputs.map((c) => c.field)).toEqual(fields.map((f) => f.id));
    expect(inputs.map((c) => header.getCell(c.col).value)).toEqual(fields.map((f) => f.header));
    const results = sheet.columns.filter((c) => c.role === "result");
    expect(results.length).toBeGreaterThan(0);
    expect(results[0].col).toBe(fields.length + 1);
    for (const c of results) {
      expect(header.getCell(c.col).value).toBe(c.header);
      // A result header must never be taken for an input field.
      for (const f of fields) expect([f.header, ...(f.aliases ?? [])]).not.toContain(c.header);
    }
  });

  it("is found by findTable: every field, nothing required missing, the header and first data row where the spec says", async () => {
    const ws = (await templateBook(kind)).getWorksheet(sheet.name)!;
    const t = findTable(sheetData(ws), fields);
    expect(t).toBeDefined();
    expect(t!.missing).toEqual([]);
    expect(t!.headerRow + 1).toBe(sheet.headerRow);
    expect(t!.firstDataRow + 1).toBe(sheet.firstDataRow);
    expect(t!.columns.size).toBe(fields.length);
    for (const c of inputColumns(sheet)) expect(t!.columns.get(c.field!)).toBe(c.col - 1);
    // The empty template has no data rows and no problems.
    const read = readRecords(t!, fields);
    expect(read.records).toEqual([]);
    expect(read.problems).toEqual([]);
  });

  it("validates every score, count, money and yes/no column over all its formatted rows, with Chinese messages within Excel's limits", async () => {
    const ws = (await templateBook(kind)).getWorksheet(sheet.name)!;
    const last = sheet.firstDataRow + sheet.blankRows - 1;
    for (const f of fields) {
      const c = sheet.columns.find((x) => x.field === f.id)!;
      const first = ws.getCell(sheet.firstDataRow, c.col).dataValidation;
      const end = ws.getCell(last, c.col).dataValidation;
      const below = ws.getCell(last + 1, c.col).dataValidation;
      if (f.type === "text" && !["category", "orgType", "override", "eventType"].includes(f.id)) {
        expect(first, f.id).toBeUndefined();
        continue;
      }
      expect(first, f.id).toBeDefined();
      expect(end, f.id).toEqual(first);
      expect(below, f.id).toBeUndefined();
      expect(first.showInputMessage && first.showErrorMessage).toBe(true);
      expect(first.prompt).toMatch(/[\u4e00-\u9fff]/);
      expect(first.error).toMatch(/[\u4e00-\u9fff]/);
      expect(first.prompt!.length).toBeLessThanOrEqual(255);
      expect(first.error!.length).toBeLessThanOrEqual(255);
      expect(first.promptTitle!.length).toBeLessThanOrEqual(32);
      expect(first.errorTitle!.length).toBeLessThanOrEqual(32);
      if (f.type === "score") {
        expect(first.type).toBe("decimal");
        expect(first.formulae).toEqual([f.min ?? 0, f.max]);
        expect(first.errorStyle).toBe("stop");
      }
      if (f.type === "count") expect([first.type, first.formulae]).toEqual(["whole", [0]]);
      if (f.type === "money") expect([first.type, first.formulae]).toEqual(["decimal", [0]]);
      if (f.type === "flag") expect([first.type, first.formulae]).toEqual(["list", ['"是,否"']]);
      if (f.type === "number" && f.max !== undefined) expect(first.formulae).toEqual([f.min ?? 0, f.max]);
      if (f.type === "date") {
        // Date text that Excel keeps as text (2025.3.5) is still read, so the range only warns.
        expect([first.type, first.operator, first.errorStyle]).toEqual(["date", "between", "warning"]);
        expect(first.formulae).toEqual([new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2099, 11, 31))]);
        expect(ws.getCell(sheet.firstDataRow, c.col).numFmt).toBe("yyyy-mm-dd");
      }
    }
    if (kind === "member") {
      const c = sheet.columns.find((x) => x.field === "category")!;
      const v = ws.getCell(sheet.firstDataRow, c.col).dataValidation;
      expect(v.type).toBe("list");
      expect(v.formulae).toEqual([`"${defaultScheme("member").stars.categories.map((x) => x.name).join(",")}"`]);
      // Counties' own spellings (aliases) may still be typed.
      expect(v.errorStyle).toBe("warning");
    }
  });

  it("freezes the title and header rows and the columns up to the name", async () => {
    const ws = (await templateBook(kind)).getWorksheet(sheet.name)!;
    const v = ws.views[0] as { state: string; xSplit: number; ySplit: number };
    expect(v.state).toBe("frozen");
    expect(v.ySplit).toBe(sheet.headerRow);
    const nameField = kind === "fiveGood" || kind === "ledger" ? "organisation" : "name";
    expect(v.xSplit).toBe(sheet.columns.find((c) => c.field === nameField)!.col);
  });

  it("prints on A4, fitted to the page width when that stays legible, else split across landscape pages at 82%, with the title and header repeated on every page", async () => {
    const ws = (await templateBook(kind)).getWorksheet(sheet.name)!;
    const p = ws.pageSetup;
    expect(p.paperSize).toBe(9);
    expect(p.orientation).toBe(sheet.print.orientation);
    if (sheet.print.fitToWidth === 1) {
      expect(p.fitToPage).toBe(true);
      expect(p.fitToWidth).toBe(1);
      expect(p.fitToHeight).toBe(0);
    } else {
      expect(p.orientation).toBe("landscape");
      expect(p.fitToPage).toBe(false);
      expect(p.scale).toBe(82);
      expect(p.printTitlesColumn).toMatch(/^A:[A-E]$/);
    }
    expect(p.printTitlesRow).toBe(`1:${sheet.headerRow}`);
    expect(p.margins).toMatchObject({ left: 0.4, right: 0.4 });
    expect(ws.headerFooter.oddFooter).toContain("&P");
    const notes = (await templateBook(kind)).getWorksheet(NOTES_SHEET_NAME)!;
    expect(notes.pageSetup.paperSize).toBe(9);
    expect(notes.pageSetup.orientation).toBe("portrait");
  });

  it("draws the title merged across the table, a bold filled header in a Chinese font, and the column widths of the spec", async () => {
    const ws = (await templateBook(kind)).getWorksheet(sheet.name)!;
    expect(ws.getCell("A1").value).toBe(sheet.title);
    expect(ws.model.merges).toContain(`A1:${sheet.columns[sheet.columns.length - 1].letter}1`);
    for (const c of sheet.columns) {
      const h = ws.getCell(sheet.headerRow, c.col);
      expect(h.font.bold).toBe(true);
      expect(["宋体", "等线"]).toContain(h.font.name);
      expect(h.fill).toMatchObject({ type: "pattern", pattern: "solid" });
      expect(h.border.top?.style).toBe("thin");
      expect(ws.getColumn(c.col).width).toBeCloseTo(c.width, 1);
    }
    const id = sheet.columns.find((c) => c.field === "id");
    if (id) expect(ws.getCell(sheet.firstDataRow, id.col).numFmt).toBe("@");
    const money = sheet.columns.find((c) => c.format === "money");
    if (money) expect(ws.getCell(sheet.firstDataRow, money.col).numFmt).toBe("#,##0.00");
  });

  it("leaves the result cells empty but formatted, and lists their formulas for the add-in to write after insertion", async () => {
    const ws = (await templateBook(kind)).getWorksheet(sheet.name)!;
    const results = sheet.columns.filter((c) => c.role === "result");
    for (const c of results) {
      const cell = ws.getCell(sheet.firstDataRow, c.col);
      expect(cell.value).toBeNull();
      expect(cell.border.left?.style).toBe("thin");
      expect(cell.fill).toMatchObject({ type: "pattern" });
      expect(sheet.formulas.some((f) => f.col === c.col)).toBe(true);
    }
    // No formula anywhere in the file: Excel would not recognise add-in formulas written by ExcelJS.
    ws.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeFalsy()));
  });

  it("has formulas that call only published KAOHE functions, with no more arguments than they take", () => {
    expect(published.size).toBeGreaterThan(10);
    const cells = formulaCells(sheet);
    expect(cells.length).toBeGreaterThan(0);
    let calls = 0;
    for (const f of cells) {
      expect(f.formula.startsWith("=")).toBe(true);
      expect(balanced(f.formula), f.formula).toBe(true);
      expect(f.formula).not.toMatch(/\{(r|first|last|n)\}/);
      for (const call of kaoheCalls(f.formula)) {
        calls++;
        expect(published.has(call.name), `KAOHE.${call.name}`).toBe(true);
        expect(call.args.length, `KAOHE.${call.name} in ${f.address}`).toBeLessThanOrEqual(published.get(call.name)!);
      }
    }
    expect(calls).toBeGreaterThan(0);
  });

  it("writes one formula per data row, or one spilling formula in the first data row, and band formulas in their cells", () => {
    const last = sheet.firstDataRow + 9;
    const cells = formulaCells(sheet, last);
    for (const f of sheet.formulas) {
      const mine = cells.filter((c) => c.col === f.col && (f.fill !== "cell" || c.row === f.row));
      if (f.fill === "row") expect(mine.filter((c) => c.row >= sheet.firstDataRow).map((c) => c.row)).toEqual(Array.from({ length: 10 }, (_, i) => sheet.firstDataRow + i));
      if (f.fill === "spill") {
        expect(mine.filter((c) => c.row >= sheet.firstDataRow).map((c) => c.row)).toEqual([sheet.firstDataRow]);
        expect(mine.find((c) => c.row === sheet.firstDataRow)!.formula).toContain(`${sheet.firstDataRow}:`);
        expect(mine.find((c) => c.row === sheet.firstDataRow)!.formula).toContain(String(last));
      }
      if (f.fill === "cell") expect(f.row).toBeLessThan(sheet.headerRow);
    }
  });

  it("has a 填表说明 sheet in Chinese: blanks versus 0, 缺考 (in a ledger, 缺席) left blank, merged names, the result columns and how their formulas arrive", async () => {
    const ws = (await templateBook(kind)).getWorksheet(NOTES_SHEET_NAME)!;
    const text: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => text.push(String(c.value))));
    const all = text.join("\n");
    expect(all).toContain(FORMULA_NOTE);
    expect(all).toContain("空白");
    expect(all).toContain(kind === "ledger" ? "缺席" : "缺考");
    expect(all).toContain("留空");
    expect(all).toContain("合并单元格");
    for (const c of sheet.columns.filter((x) => x.role === "result")) expect(all).toContain(`${c.header}：`);
    expect(notesSheet(spec).sections.length).toBeGreaterThanOrEqual(5);
  });
});

describe("the appraisal template's 评分明细", () => {
  const spec = templateSpec("appraisal");
  const [, detail] = dataSheets(spec);

  it("draws 民主测评, then 评分明细, then 填表说明, and findTable finds every detail field where the spec says", async () => {
    const wb = await templateBook("appraisal");
    expect(wb.worksheets.map((w) => w.name)).toEqual([standardSheetNames.appraisal, RATER_DETAIL_SHEET, NOTES_SHEET_NAME]);
    expect(inputColumns(detail).map((c) => c.header)).toEqual(raterDetailFields.map((f) => f.header));
    expect(detail.columns.every((c) => c.role === "input")).toBe(true);
    const ws = wb.getWorksheet(detail.name)!;
    const t = findTable(sheetData(ws), raterDetailFields)!;
    expect(t.missing).toEqual([]);
    expect(t.headerRow + 1).toBe(detail.headerRow);
    for (const c of inputColumns(detail)) expect(t.columns.get(c.field!)).toBe(c.col - 1);
    expect(readRecords(t, raterDetailFields)).toEqual({ records: [], problems: [], ignored: [] });
  });

  it("offers the scheme's rater groups as a list and takes scores from 0 to 100; 填表说明 explains the sheet", async () => {
    const ws = (await templateBook("appraisal")).getWorksheet(detail.name)!;
    const v = (field: string) => ws.getCell(detail.firstDataRow, detail.columns.find((c) => c.field === field)!.col).dataValidation;
    expect(v("raterGroup")).toMatchObject({ type: "list", formulae: ['"自评,互评,群众评议,支部评定"'], errorStyle: "stop" });
    expect(v("score")).toMatchObject({ type: "decimal", formulae: [0, 100] });
    expect(notesSheet(spec).sections.flatMap((x) => x.lines).join("\n")).toContain(`“${RATER_DETAIL_SHEET}”可以不填`);
  });
});

describe("the ledger template", () => {
  const spec = templateSpec("ledger");
  const [main, list] = dataSheets(spec);
  const lines = () => notesSheet(spec).sections.flatMap((x) => x.lines).join("\n");

  it("draws the ledger, then 组织名单, then 填表说明", async () => {
    const wb = await templateBook("ledger");
    expect(wb.worksheets.map((w) => w.name)).toEqual([standardSheetNames.ledger, ORGANISATION_SHEET, CONTACT_SHEET, SATISFACTION_SHEET, NOTES_SHEET_NAME]);
    expect(spec.extra).toHaveLength(3);
    expect(list.title).toBe("______年度组织名单");
    expect(dataSheets(templateSpec("ledger", { year: 2025 })).map((x) => x.title)).toEqual(["2025年度组织生活台账", "2025年度组织名单", "2025年度领导干部联系点名单", "2025年度基层党建满意度测评"]);
  });

  it("is found by findTable on both sheets: every ledger field and every 组织名单 field, where the spec says", async () => {
    const wb = await templateBook("ledger");
    for (const [sheet, fields] of [
      [main, ledgerFields],
      [list, organisationFields],
    ] as const) {
      expect(inputColumns(sheet).map((c) => c.header)).toEqual(fields.map((f) => f.header));
      const ws = wb.getWorksheet(sheet.name)!;
      const t = findTable(sheetData(ws), fields)!;
      expect(t.missing).toEqual([]);
      expect(t.columns.size).toBe(fields.length);
      expect(t.headerRow + 1).toBe(sheet.headerRow);
      for (const c of inputColumns(sheet)) expect(t.columns.get(c.field!)).toBe(c.col - 1);
      expect(readRecords(t, fields)).toEqual({ records: [], problems: [], ignored: [] });
      const v = ws.views[0] as { ySplit: number; xSplit: number };
      expect([v.ySplit, v.xSplit]).toEqual([sheet.headerRow, 1]);
      expect(ws.pageSetup.printTitlesRow).toBe(`1:${sheet.headerRow}`);
    }
    expect(list.columns.every((c) => c.role === "input")).toBe(true);
    expect(list.formulas).toEqual([]);
    expect(main.columns.filter((c) => c.role === "result").map((c) => c.header)).toEqual(["达到法定人数", "表决通过"]);
  });

  it("validates the ledger's columns: 类型 from the duties (warning only), dates, counts, yes/no; and the list's", async () => {
    const wb = await templateBook("ledger");
    const ws = wb.getWorksheet(main.name)!;
    const v = (sheet: typeof main, w: typeof ws, field: string) => w.getCell(sheet.firstDataRow, sheet.columns.find((c) => c.field === field)!.col).dataValidation;
    expect(v(main, ws, "eventType")).toMatchObject({ type: "list", formulae: ['"党委会,民主生活会,谈心谈话,培训,村委会,走访,学习日,财务报告,推荐优秀干部,专题研究农村党建,听取党建汇报,村干部谈话,其他"'], errorStyle: "warning" });
    expect(v(main, ws, "date")).toMatchObject({ type: "date", errorStyle: "warning" });
    for (const f of ["due", "present", "inFavour"]) expect(v(main, ws, f)).toMatchObject({ type: "whole", formulae: [0] });
    expect(v(main, ws, "decision")).toMatchObject({ type: "list", formulae: ['"是,否"'], errorStyle: "stop" });
    expect(v(main, ws, "organisation")).toBeUndefined();
    expect(v(main, ws, "notes")).toBeUndefined();
    const lws = wb.getWorksheet(list.name)!;
    expect(v(list, lws, "orgType")).toMatchObject({ type: "list", formulae: ['"乡镇党委,村党组织,社区党组织"'], errorStyle: "warning" });
    expect(v(list, lws, "members")).toMatchObject({ type: "whole", formulae: [0] });
    expect(v(list, lws, "trainingSpend")).toMatchObject({ type: "decimal", formulae: [0] });
    expect(v(list, lws, "fiveGood")).toMatchObject({ type: "list", formulae: ['"是,否"'] });
    expect(v(list, lws, "satisfaction")).toMatchObject({ type: "decimal", formulae: [0, 100] });
    expect(v(list, lws, "fiveLead")).toMatchObject({ type: "whole", formulae: [0] });
    const money = list.columns.find((c) => c.field === "trainingSpend")!;
    expect(lws.getCell(list.firstDataRow, money.col).numFmt).toBe("#,##0.00");
    expect(lws.getCell(list.firstDataRow + list.blankRows, money.col).dataValidation).toBeUndefined();
    // A quoted phrase in a header is not quoted again in the message.
    expect(v(list, lws, "fiveLead").error).toBe("“五带头”党员数应为0或正整数。");
  });

  it("follows the county's duties: the first word of each makes the 类型 list, every word is in 填表说明", () => {
    const scheme = defaultScheme("ledger", 2025);
    scheme.ledger.duties = [{ name: "支部委员会每月一次", events: ["支委会", "支部委员会"], orgType: "村党组织", period: "month", min: 1 }];
    scheme.ledger.quorum = "4/5";
    const own = templateSpec("ledger", { scheme });
    expect(dataSheet(own).columns.find((c) => c.field === "eventType")!.validation).toMatchObject({ type: "list", values: ["支委会", "其他"], strict: false });
    const text = notesSheet(own).sections.flatMap((x) => x.lines).join("\n");
    expect(text).toContain("支部委员会每月一次：村党组织每月不少于1次；计入的类型：支委会、支部委员会。");
    // 4/5 of 12 is 9.6: 10 present is the least that meets it.
    expect(text).toContain("不少于应到人数的五分之四（“以上”含本数：应到12人、实到10人为达到，9人为不足）");
    expect(dataSheet(own).band.find((b) => b.row === 2)!.cells.find((c) => c.value === "4/5")).toBeDefined();
  });

  it("writes the quorum and the majority above their columns, as text the functions read exactly, and the formulas read them", () => {
    const cells = formulaCells(main, main.firstDataRow);
    const at = (h: string) => cells.find((c) => c.col === main.columns.find((x) => x.header === h)!.col)!.formula;
    expect(at("达到法定人数")).toBe('=IF(OR($B4="",N(D4)=0),"",IF(KAOHE.QUORUM(N(E4),D4,I$2),"是","否"))');
    expect(at("表决通过")).toBe('=IF(OR($B4="",TRIM(F4)<>"是",N(D4)=0),"",IF(KAOHE.QUORUM(N(G4),D4,J$2),"是","否"))');
    const band = main.band.find((b) => b.row === 2)!;
    expect(band.cells.filter((c) => c.col >= 9).map((c) => [c.col, c.value, c.format])).toEqual([
      [9, "2/3", "text"],
      [10, "2/3", "text"],
    ]);
    // With a line above the title, the ratios move down with the rows.
    expect(formulaCells(main, main.firstDataRow, 1)[0].formula).toContain("I$3");
  });

  it("explains in 填表说明: one row per event, the words of each duty, date forms, 以上 includes, periods, funds and the report", () => {
    const text = lines();
    expect(text).toContain("每行填写一次会议、谈心谈话、培训或走访");
    for (const d of defaultScheme("ledger").ledger.duties) expect(text).toContain(`计入的类型：${d.events.join("、")}`);
    expect(text).toContain("2025-3-5、2025/03/05、2025年3月5日或2025.3.5");
    expect(text).toContain("直接输入日期");
    expect(text).toContain("应到12人、实到8人为达到，7人为不足");
    expect(text).toContain("应到12人、赞成8人为通过，7人为不通过");
    expect(text).toContain("上半年（1–6月）和下半年（7–12月）");
    expect(text).toContain("周一至周日");
    expect(text).toContain("每名党员每年不少于30元");
    expect(text).toContain("“组织生活落实情况”表");
    expect(text).toContain(ORGANISATION_SHEET);
  });

  it("renders the sample county's ledger and list, dates as date cells, and reads back exactly as templateWorkbook gives it", async () => {
    const county = sampleCounty({ mess: true });
    const file = county.files.ledger;
    const wb = await roundTrip(file.spec, file);
    expect(wb.worksheets.map((w) => w.name)).toEqual([standardSheetNames.ledger, ORGANISATION_SHEET, CONTACT_SHEET, SATISFACTION_SHEET, NOTES_SHEET_NAME]);
    const date = inputColumns(main).find((c) => c.field === "date")!;
    const first = main.firstDataRow + file.preamble.length;
    const serialRow = file.rows.findIndex((r) => typeof r[date.col - 1] === "number");
    expect(wb.getWorksheet(main.name)!.getCell(first + serialRow, date.col).numFmt).toBe("yyyy-mm-dd");
    const plain = templateWorkbook(file.spec, file);
    const read = { sheets: wb.worksheets.map(sheetData) };
    const tidy = (rows: unknown[][]) => {
      const out = rows.map((r) => {
        const x = [...r].map((v) => (v === undefined ? null : v));
        while (x.length && x[x.length - 1] === null) x.pop();
        return x;
      });
      while (out.length && out[out.length - 1].length === 0) out.pop();
      return out;
    };
    const key = (m: { top: number; left: number; bottom: number; right: number }) => `${m.top}:${m.left}:${m.bottom}:${m.right}`;
    expect(read.sheets.map((x) => x.name)).toEqual(plain.sheets.map((x) => x.name));
    read.sheets.forEach((x, i) => {
      expect(tidy(x.rows), x.name).toEqual(tidy(plain.sheets[i].rows));
      expect((x.merges ?? []).map(key).sort()).toEqual((plain.sheets[i].merges ?? []).map(key).sort());
    });
    const now = new Date("2026-01-15T00:00:00Z");
    // The same plan either way (the found table's raw rows differ only in trailing blanks).
    const outcome = (w: typeof plain) => {
      const r = runAssessment(w, { now, skipBadRows: true });
      return { status: r.status, problems: r.problems, ignored: r.ignored, plan: r.plan };
    };
    const a = outcome(read);
    expect(a.ignored.map((x) => x.row)).toEqual(county.mess.filter((m) => m.what === "badDate").map((m) => m.row));
    expect(a).toEqual(outcome(plain));
  }, 60_000);
});

describe("the formulas", () => {
  it("fill their placeholders: row, first and last data rows, and the row's index for INDEX", () => {
    expect(expandFormula("=A{r}+SUM(B${first}:B${last})+{n}", { r: 7, first: 5, last: 9 })).toBe("=A7+SUM(B$5:B$9)+ROW()-4");
  });

  it("read the secretary's maxima, deduction points and caps from the rows above the header", () => {
    const sheet = dataSheet(templateSpec("secretary"));
    const f = formulaCells(sheet, 10).filter((c) => c.row === 5);
    const by = (h: string) => f.find((c) => c.col === sheet.columns.find((x) => x.header === h)!.col)!.formula;
    // The 四诺 item (X, the 20th) is the mean of the secretary's 本条得分 (column L) in the register, his typed X5 where it has no row for him.
    expect(by("年度得分")).toBe(
      `=IF($C5="","",ROUND(KAOHE.SCORE(IF({0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1}=1,KAOHE.LINK($D5,$C5,$A5:$B5,'四诺承诺践诺台账'!$D$4:$D$603,'四诺承诺践诺台账'!$C$4:$C$603,'四诺承诺践诺台账'!$A$4:$B$603,'四诺承诺践诺台账'!$L$4:$L$603,X5,"mean"),E5:X5),E$3:X$3,AB5,AB$3,AH5),2))`,
    );
    expect(by("扣分")).toBe('=IF($C5="","",KAOHE.DEDUCT(Y5:AA5,Y$3:AA$3,Y$2:AA$2))');
    // A grade adjusted by hand (调整后等次, column AF) is the grade shown (issue 10); the 负面清单 column (AL) bars 优秀 or forces the lowest grade.
    expect(by("等次")).toBe('=IF(TRIM(AF5:AF10)<>"",TRIM(AF5:AF10),KAOHE.GRADES(AK5:AK10,{90,80,60},{"优秀","称职","基本称职","不称职"},"20%",A5:A10,,,"strict","floor",0,AE5:AE10,"no_top",AL5:AL10))');
    expect(by("乡镇内名次")).toBe('=KAOHE.RANKS(AK5:AK10,0,"eq",A5:A10)');
    expect(by("分类")).toBe('=IF(AK5:AK10="","",MID("一二三四五六七八九十",KAOHE.CLASSES(AK5:AK10,{3,5,2},A5:A10),1)&"类")');
  });

  it("move with lines added above the title", () => {
    const sheet = dataSheet(templateSpec("fiveGood"));
    const plain = formulaCells(sheet, 10);
    const shifted = formulaCells(sheet, 10, 1);
    expect(shifted.length).toBe(plain.length);
    const target = shifted.find((c) => c.row === 5 && c.formula.includes("TARGET(COUNTIF"))!;
    // 是否“五好” is column M since 达标项数 (L) came before it (issue 10).
    expect(target.formula).toContain("M$3");
    expect(target.formula).toContain("M7:M11");
  });
});

// ---------------------------------------------------------------- evaluating the KAOHE calls on the sample county

type Grid = unknown[][];

/** The sheet as the add-in would see it after inserting the template and the county's rows. */
function gridOf(spec: TemplateSpec, rows: unknown[][]): Grid {
  const sheet = dataSheet(spec);
  const grid: Grid = [];
  for (const b of sheet.band) for (const c of b.cells) (grid[b.row - 1] ??= [])[c.col - 1] = c.value;
  grid[sheet.headerRow - 1] = sheet.columns.map((c) => c.header);
  rows.forEach((r, i) => (grid[sheet.firstDataRow - 1 + i] = [...r]));
  return grid;
}

const colNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

function cellRef(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref)!;
  return { row: Number(m[2]) - 1, col: colNumber(m[1]) - 1 };
}

function splitTop(text: string, sep: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let current = "";
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === sep) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

const literal = (t: string): unknown => (/^".*"$/.test(t) ? t.slice(1, -1) : Number(t));

/** An argument as Excel passes it: a range as a 2-D array, one cell as its value; undefined when it is not that simple. */
function argValue(text: string, grid: Grid): unknown {
  const t = text.trim();
  const at = (r: number, c: number) => {
    const v = grid[r]?.[c];
    return v === undefined ? null : v;
  };
  if (t === "") return null;
  // N(cell): the number in the cell, 0 for a blank or text, as Excel's N does.
  const n = /^N\((.+)\)$/.exec(t);
  if (n) {
    const v = argValue(n[1], grid);
    return typeof v === "number" ? v : v === true ? 1 : 0;
  }
  if (/^-?\d+(\.\d+)?$/.test(t) || /^".*"$/.test(t)) return literal(t);
  if (/^\{.*\}$/.test(t)) return splitTop(t.slice(1, -1), ";").map((row) => splitTop(row, ",").map(literal));
  if (/^\$?[A-Z]+\$?\d+$/.test(t)) {
    const { row, col } = cellRef(t);
    return at(row, col);
  }
  const m = /^(\$?[A-Z]+\$?\d+):(\$?[A-Z]+\$?\d+)$/.exec(t);
  if (m) {
    const a = cellRef(m[1]);
    const b = cellRef(m[2]);
    return Array.from({ length: b.row - a.row + 1 }, (_, i) => Array.from({ length: b.col - a.col + 1 }, (_, j) => at(a.row + i, a.col + j)));
  }
  return undefined;
}

const exportOf = new Map<string, string>([...source.matchAll(/@customfunction\s+([A-Z0-9_.]+)[\s\S]*?export function (\w+)\(/g)].map((m) => [m[1], m[2]]));

/** The value of the formula's KAOHE call named `name`, called as Excel would call it. */
function callIn(formula: string, name: string, grid: Grid, nth = 0): unknown {
  const call = kaoheCalls(formula).filter((c) => c.name === name)[nth];
  if (!call) throw new Error(`no KAOHE.${name} in ${formula}`);
  const args = call.args.map((a) => argValue(a, grid));
  if (args.some((a) => a === undefined)) throw new Error(`KAOHE.${name} has an argument this test cannot evaluate: ${formula}`);
  const fn = (functions as unknown as Record<string, (...a: unknown[]) => unknown>)[exportOf.get(name)!];
  return fn(...args);
}

const put = (grid: Grid, row: number, col: number, v: unknown) => ((grid[row - 1] ??= [])[col - 1] = v);

describe("the formulas, evaluated with the KAOHE functions on the sample county", () => {
  const county = sampleCounty();

  function setUp(kind: SchemeKind) {
    const spec = county.files[kind].spec;
    const sheet = dataSheet(spec);
    const rows = county.files[kind].rows;
    const last = sheet.firstDataRow + rows.length - 1;
    const cells = formulaCells(sheet, last);
    const grid = gridOf(spec, rows);
    const col = (header: string) => sheet.columns.find((c) => c.header === header)!.col;
    const field = (id: string) => sheet.columns.find((c) => c.field === id)!.col - 1;
    const formula = (header: string, row: number) => cells.find((c) => c.col === col(header) && c.row === row)!.formula;
    return { sheet, rows, grid, col, field, formula, first: sheet.firstDataRow, last };
  }

  it("score the secretaries: deductions, the year's score, the rank and the grades with quota and veto", () => {
    const { sheet, rows, grid, col, field, formula, first, last } = setUp("secretary");
    const scheme = defaultScheme("secretary");
    const totals: number[] = [];
    rows.forEach((r, i) => {
      const row = first + i;
      const counts = scheme.deductions.map((_, k) => Number(r[field(`deduction${k + 1}`)] ?? 0));
      const deducted = scheme.deductions.reduce((s, d, k) => s + Math.min(counts[k] * d.points, d.cap ?? Infinity), 0);
      expect(callIn(formula("扣分", row), "DEDUCT", grid)).toBeCloseTo(deducted, 9);
      put(grid, row, col("扣分"), deducted);
      const items = scheme.items.reduce((s, it, k) => s + Math.min(Math.max(Number(r[field(`item${k + 1}`)] ?? 0), 0), it.max), 0);
      const annual = Math.max(0, items + Math.min(Number(r[field("bonus")] ?? 0), scheme.bonusCap) - deducted);
      // The sample county's 四诺 register is empty, so KAOHE.LINK gives each secretary his typed item: the plain item range here.
      expect(county.files.secretary.extra?.[1]?.rows ?? []).toEqual([]);
      const typedItems = formula("年度得分", row).replace(/IF\(\{[01,]+\}=1,KAOHE\.LINK\([^)]*\),([A-Z]+\d+:[A-Z]+\d+)\)/, "$1");
      expect(callIn(typedItems, "SCORE", grid)).toBeCloseTo(annual, 9);
      // The rest of each row's formula is plain Excel: the same arithmetic here.
      const half = r[field("halfYear")] as number | null;
      const quantified = half === null ? annual : Math.round((0.4 * half + 0.6 * annual) * 100) / 100;
      const ballot = r[field("ballot")] as number | null;
      const total = ballot === null ? quantified : Math.round((0.7 * quantified + 0.3 * ballot) * 100) / 100;
      put(grid, row, col("综合得分"), total);
      totals.push(total);
    });
    // Ranked within the township (rank.scope's default; issue 10: it was the whole county).
    const ranks = (callIn(formula("乡镇内名次", first), "RANKS", grid) as number[][]).map((x) => x[0]);
    const town = (i: number) => rows[i][field("township")];
    rows.forEach((_, i) => expect(ranks[i]).toBe(rows.filter((__, j) => town(j) === town(i) && totals[j] > totals[i]).length + 1));
    const grades = (callIn(formula("等次", first), "GRADES", grid) as string[][]).map((g) => g[0]);
    expect(grades.length).toBe(rows.length);
    const byTown = new Map<string, number[]>();
    rows.forEach((r, i) => byTown.set(String(r[field("township")]), [...(byTown.get(String(r[field("township")])) ?? []), i]));
    for (const members of byTown.values()) expect(members.filter((i) => grades[i] === "优秀").length).toBeLessThanOrEqual(Math.floor(members.length * 0.2));
    rows.forEach((r, i) => {
      if (r[field("veto")] === "是") expect(grades[i]).not.toBe("优秀");
      if (totals[i] < 60) expect(grades[i]).toBe("不称职");
      if (totals[i] >= 80 && totals[i] < 90) expect(grades[i]).toBe("称职");
    });
    expect(grades.filter((g) => g === "优秀").length).toBeGreaterThan(0);
    expect(sheet.formulas.find((f) => f.header === "等次")!.fill).toBe("spill");
    expect(last).toBe(first + 179);
  });

  it("score the cadres: the weighted total, the rank within the township, the grades, basic pay", () => {
    const { rows, grid, col, field, formula, first } = setUp("cadre");
    const totals = rows.map((r, i) => {
      const task = r[field("taskScore")] as number;
      const yearEnd = r[field("yearEnd")] as number | null;
      const expected = yearEnd === null ? task : 0.8 * task + 0.2 * yearEnd;
      const got = callIn(formula("综合得分", first + i), "COMPOSITE", grid) as number;
      expect(got).toBeCloseTo(expected, 9);
      const total = Math.round(got * 100) / 100;
      put(grid, first + i, col("综合得分"), total);
      const basic = callIn(formula("基本工资", first + i), "PAYSPLIT", grid) as number[][];
      expect(basic[0][0] + basic[0][1]).toBeCloseTo(r[field("pay")] as number, 6);
      expect(Math.round(basic[0][0] * 100)).toBe(Math.round((r[field("pay")] as number) * 70));
      return total;
    });
    // The rank column is named by where it is counted (rank.scope, issue 10: was 排名).
    const ranks = (callIn(formula("乡镇内名次", first), "RANKS", grid) as number[][]).map((x) => x[0]);
    const town = (i: number) => rows[i][field("township")];
    rows.forEach((_, i) => expect(ranks[i]).toBe(rows.filter((__, j) => town(j) === town(i) && totals[j] > totals[i]).length + 1));
    const grades = (callIn(formula("等次", first), "GRADES", grid) as string[][]).map((g) => g[0]);
    rows.forEach((r, i) => {
      if (r[field("veto")] === "是") expect(grades[i]).not.toBe("优秀");
    });
    for (const t of new Set(rows.map((r) => r[field("township")]))) {
      const n = rows.filter((r) => r[field("township")] === t).length;
      expect(rows.filter((r, i) => r[field("township")] === t && grades[i] === "优秀").length).toBeLessThanOrEqual(Math.floor(n * 0.2));
    }
  });

  it("rate the members' stars and hold the star quota within each branch", () => {
    const { rows, grid, col, field, formula, first } = setUp("member");
    const scheme = defaultScheme("member");
    const capOf = new Map(scheme.stars.categories.map((c) => [c.name, c]));
    rows.forEach((r, i) => {
      const cat = capOf.get(String(r[field("category")]))!;
      const aspects = [r.slice(field("aspect1"), field("aspect1") + cat.aspects)];
      put(grid, first + i, col("星数"), functions.stars(aspects, [[90, 75]], cat.cap));
      put(grid, first + i, col("星级上限"), cat.cap);
    });
    const final = (callIn(formula("最终星数", first), "STARQUOTA", grid) as number[][]).map((x) => x[0]);
    const branches = new Map<string, number[]>();
    rows.forEach((r, i) => branches.set(String(r[field("branch")]), [...(branches.get(String(r[field("branch")])) ?? []), i]));
    for (const members of branches.values()) {
      for (const q of scheme.stars.quota) {
        const group = members.filter((i) => capOf.get(String(rows[i][field("category")]))!.cap === q.cap);
        expect(group.filter((i) => final[i] >= q.threshold).length).toBeLessThanOrEqual(Math.floor(group.length * 0.3));
      }
    }
    expect(final.some((s) => s >= 9)).toBe(true);
  });

  it("weigh the raters and grade the ballots", () => {
    const { rows, grid, field, formula, first } = setUp("appraisal");
    const weights = [0.2, 0.4, 0.2, 0.2];
    rows.forEach((r, i) => {
      const scores = weights.map((_, k) => r[field(`rater${k + 1}`)] as number | null);
      const w = weights.filter((_, k) => scores[k] !== null);
      const expected = scores.reduce<number>((s, x, k) => s + (x ?? 0) * weights[k], 0) / w.reduce((s, x) => s + x, 0);
      expect(callIn(formula("综合得分", first + i), "COMPOSITE", grid)).toBeCloseTo(expected, 9);
      // Without and with the number of voters (and so the turnout check).
      const votes = [0, 1].map((nth) => callIn(formula("得票等次", first + i), "VOTEGRADE", grid, nth));
      expect(["优秀", "称职", "基本称职", "不称职"]).toContain(votes[0]);
      expect(votes[1]).toBe(votes[0]);
    });
  });
  it("decide the ledger's quorums and personnel votes as the pipeline does", () => {
    const { rows, grid, field, formula, first } = setUp("ledger");
    const file = county.files.ledger;
    const result = runAssessment(templateWorkbook(file.spec, file), { kind: "ledger", now: new Date("2026-01-15T00:00:00Z") });
    const block = result.plan!.results[0];
    const column = (h: string) => block.columns.findIndex((c) => c.header === h);
    const piped = new Map(block.rows.map((r) => [r.row, r.cells]));
    let quorums = 0;
    let votes = 0;
    rows.forEach((r, i) => {
      const at = first + i;
      const due = typeof r[field("due")] === "number" ? (r[field("due")] as number) : 0;
      const met = r[field("eventType")] === null || due === 0 ? "" : callIn(formula("达到法定人数", at), "QUORUM", grid) ? "是" : "否";
      const carried = r[field("eventType")] === null || r[field("decision")] !== "是" || due === 0 ? "" : callIn(formula("表决通过", at), "QUORUM", grid) ? "是" : "否";
      expect([met, carried], `row ${at}`).toEqual([piped.get(at)![column("达到法定人数")], piped.get(at)![column("表决通过")]]);
      if (met !== "") quorums++;
      if (carried !== "") votes++;
    });
    expect(quorums).toBeGreaterThan(1000);
    expect(votes).toBe(2);
  });
});

describe("rendering with data", () => {
  it("writes the rows under the header, the merges, and lines above the title; findTable and readRecords read them back", async () => {
    const spec = templateSpec("member", { year: 2025 });
    const data: TemplateData = {
      preamble: ["某县委组织部制表"],
      rows: [
        ["城关镇", "东关村党支部", "王芳", "DY01", "村干部党员", 95, 92, 88, 90, "８５", 90, null, null],
        ["城关镇", null, "李明", "DY02", "外出流动党员", 80, 76, 90, null, null, null, null, null],
        ["城关镇", null, "张伟", "DY03", "在村务农党员", 70, 75, 80, 85, 90, null, null, null],
      ],
      merges: [{ top: 0, left: 1, bottom: 2, right: 1 }],
    };
    const wb = await roundTrip(spec, data);
    const ws = wb.getWorksheet("党员星级")!;
    const sheet = dataSheet(spec);
    expect(ws.getCell("A1").value).toBe("某县委组织部制表");
    expect(ws.getCell("A2").value).toBe(sheet.title);
    expect(ws.model.merges).toContain(`B${sheet.firstDataRow + 1}:B${sheet.firstDataRow + 3}`);
    expect(ws.pageSetup.printTitlesRow).toBe(`1:${sheet.headerRow + 1}`);
    expect((ws.views[0] as { ySplit: number }).ySplit).toBe(sheet.headerRow + 1);
    expect(ws.getCell(sheet.firstDataRow + 3, 3).value).toBe("张伟");
    expect(ws.getCell(sheet.firstDataRow + 4, 1).value).toBeNull();
    expect(ws.getCell(sheet.firstDataRow + 1, 6).dataValidation?.type).toBe("decimal");
    const fields = fieldsFor(defaultScheme("member"));
    const t = findTable(sheetData(ws), fields)!;
    expect(t.headerRow + 1).toBe(sheet.headerRow + 1);
    const read = readRecords(t, fields);
    expect(read.problems).toEqual([]);
    expect(read.records.map((r) => r.values.branch)).toEqual(["东关村党支部", "东关村党支部", "东关村党支部"]);
    expect(read.records[0].values.aspect5).toBe(85);
  });

  it("can leave out the validations, for very large counties", async () => {
    const spec = templateSpec("cadre");
    const wb = new Workbook();
    await wb.xlsx.load((await workbookBytes(renderTemplate(spec, { rows: [["城关镇", "王芳", "GB1", "镇长", 1.5, 90, 88, 6000.5, null, null, null]] }, { validations: false }))) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("干部考核")!;
    expect(ws.getCell("F4").value).toBe(90);
    expect(ws.getCell("F4").dataValidation).toBeUndefined();
  });
});

describe("the files", () => {
  const dir = mkdtempSync(join(tmpdir(), "kaohe-templates-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("are the same bytes every time they are generated", async () => {
    const spec = templateSpec("appraisal");
    const a = await workbookBytes(renderTemplate(spec));
    const b = await workbookBytes(renderTemplate(spec));
    expect(a.equals(b)).toBe(true);
    const wb = await roundTrip(spec);
    expect(wb.created).toEqual(TEMPLATE_DATE);
    expect(wb.modified).toEqual(TEMPLATE_DATE);
  });

  it("stamp every zip entry with the fixed date and stay readable", async () => {
    const bytes = withZipTimes(Buffer.from(await renderTemplate(templateSpec("fiveGood")).xlsx.writeBuffer()), new Date(Date.UTC(2024, 5, 30, 12, 34, 56)));
    const day = ((2024 - 1980) << 9) | (6 << 5) | 30;
    const time = (12 << 11) | (34 << 5) | 28;
    for (let p = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04])); p >= 0; p = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), p + 4)) {
      expect(bytes.readUInt16LE(p + 10)).toBe(time);
      expect(bytes.readUInt16LE(p + 12)).toBe(day);
    }
    const wb = new Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["五好评定", SATISFACTION_SHEET, NOTES_SHEET_NAME]);
  });

  it.each(schemeKinds)("templates/%s.xlsx is up to date with the generator (regenerate: npx tsx scripts/build-templates.ts)", async (kind) => {
    const spec = templateSpec(kind);
    const fresh = join(dir, `${kind}.xlsx`);
    await writeTemplate(spec, fresh);
    const [committed, regenerated] = await Promise.all([load(join(root, "templates", `${kind}.xlsx`)), load(fresh)]);
    expect(committed.worksheets.map((w) => w.name)).toEqual(regenerated.worksheets.map((w) => w.name));
    for (const ws of regenerated.worksheets) expect(snapshot(committed.getWorksheet(ws.name)!)).toEqual(snapshot(ws));
  });
});
