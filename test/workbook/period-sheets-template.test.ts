// The template sheets a kind reads besides its table (the secretary's 半年考核 and 四诺 register, the ledger's 联系点名单 and 满意度测评): their specs, their 填表说明, and the pipeline reading them filled.
import { describe, expect, it } from "vitest";
import { defaultScheme } from "../../src/kinds/registry";
import { CONTACT_SHEET, contactFields } from "../../src/kinds/ledger/contact-points";
import { ORGANISATION_SHEET } from "../../src/kinds/ledger/fields";
import { ratingFields, SATISFACTION_SHEET } from "../../src/kinds/ledger/satisfaction-sheet";
import { FOUR_PROMISES_SHEET, fourPromiseFields } from "../../src/kinds/secretary/four-promises-sheet";
import { HALF_YEAR_SHEET, periodFields } from "../../src/kinds/secretary/half-year";
import type { CellValue } from "../../src/workbook/sheet";
import { runAssessment } from "../../src/workbook/pipeline";
import { dataSheets, inputColumns, notesSheet, templateWorkbook, type DataSheetSpec, type TemplateData } from "../../src/workbook/templates";
import { templateSpec } from "../../src/workbook/template-spec";
import { findTable } from "../../src/workbook/table";

const now = new Date("2026-01-15T08:00:00Z");

/** A row in the sheet's input order, from values by field id (blank elsewhere). */
const rowOf = (sheet: DataSheetSpec, values: Record<string, CellValue>): CellValue[] => inputColumns(sheet).map((c) => values[c.field!] ?? null);

const sheetNamed = (sheets: DataSheetSpec[], name: string) => sheets.find((s) => s.name === name)!;
const notesText = (kind: "secretary" | "ledger") => notesSheet(templateSpec(kind)).sections.flatMap((x) => x.lines).join("\n");

/** A result column's values by sheet row. */
function column(r: ReturnType<typeof runAssessment>, header: string): Map<number, CellValue> {
  const block = r.plan!.results[0];
  const at = block.columns.findIndex((c) => c.header === header);
  expect(at, header).toBeGreaterThanOrEqual(0);
  return new Map(block.rows.map((x) => [x.row, x.cells[at] as CellValue]));
}

describe("the secretary template's 半年考核 and 四诺承诺践诺台账 sheets", () => {
  const scheme = defaultScheme("secretary", 2025);
  const spec = templateSpec("secretary", { year: 2025 });
  const sheets = dataSheets(spec);
  const [main] = sheets;
  const half = sheetNamed(sheets, HALF_YEAR_SHEET);
  const register = sheetNamed(sheets, FOUR_PROMISES_SHEET);

  it("come after the secretaries' table, titled with the year, every input column one the readers know, then their own results", () => {
    expect(sheets.map((s) => s.name).slice(0, 3)).toEqual([main.name, HALF_YEAR_SHEET, FOUR_PROMISES_SHEET]);
    expect(half.title).toBe("2025年度村党组织书记半年考核表");
    expect(register.title).toBe("2025年度四诺承诺践诺台账");
    expect(inputColumns(half).map((c) => c.header)).toEqual(periodFields(scheme).map((f) => f.header));
    expect(half.columns.filter((c) => c.role === "result").map((c) => c.header)).toEqual(["加减后合计", "半年成绩"]);
    expect(register.columns.filter((c) => c.role === "result").map((c) => c.header)).toEqual(["本条得分"]);
    expect(inputColumns(half).map((c) => c.header)).not.toContain("半年考核");
    expect(inputColumns(half).map((c) => c.header)).not.toContain("民主测评");
    expect(inputColumns(register).map((c) => c.header)).toEqual(fourPromiseFields.map((f) => f.header));
    const book = templateWorkbook(spec);
    const t = findTable(book.sheets.find((s) => s.name === HALF_YEAR_SHEET)!, periodFields(scheme))!;
    expect(t.missing).toEqual([]);
    expect(t.headerRow + 1).toBe(half.headerRow);
  });

  it("are explained in 填表说明: the half-year result computed item by item, the 四诺 item from the register, and what a blank sheet leaves", () => {
    const text = notesText("secretary");
    expect(text).toContain("“半年考核”表：乡镇半年考核按相同指标逐项填写");
    expect(text).toContain("数据表的量化得分公式、kaohe run 和加载项都按本表逐项计算");
    expect(text).toContain("本表一行都没有填的，仍按“半年考核”列计算");
    expect(text).toContain("数据表的年度得分公式、kaohe run 和加载项都按本表计算这一项");
    expect(text).not.toContain("数据表内的公式只读该列");
    expect(text).toContain("“四诺承诺践诺台账”表：每条承诺填一行");
    expect(text).toContain("季度践诺、半年评诺、年终兑现各占三分之一计算（满分5分）");
  });

  it("are left out when the scheme has no half-year period or no 四诺 item", () => {
    const plain = { ...scheme, periods: [{ name: "年度考核", weight: 1 }], items: scheme.items.filter((i) => !i.name.includes("四诺")) };
    const names = dataSheets(templateSpec("secretary", { scheme: plain })).map((s) => s.name);
    expect(names).not.toContain(HALF_YEAR_SHEET);
    expect(names).not.toContain(FOUR_PROMISES_SHEET);
    expect(notesSheet(templateSpec("secretary", { scheme: plain })).sections.flatMap((x) => x.lines).join("\n")).not.toContain("“半年考核”表");
  });

  // Every item at its maximum (the 20 maxima sum to 100); 张三's 四诺 comes from the register.
  const full = Object.fromEntries(scheme.items.map((it, i) => [`item${i + 1}`, it.max]));
  const people = [
    rowOf(main, { township: "城关镇", village: "东村", name: "张三", ...full, halfYear: 70, ballot: 80 }),
    rowOf(main, { township: "城关镇", village: "西村", name: "李四", ...full, halfYear: 50 }),
  ];
  const extraFor = (filled: boolean): TemplateData[] =>
    sheets.slice(1).map((s) => {
      if (!filled) return { rows: [] };
      if (s.name === HALF_YEAR_SHEET)
        return {
          rows: [
            rowOf(s, { township: "城关镇", village: "东村", name: "张三", ...Object.fromEntries(scheme.items.map((_, i) => [`item${i + 1}`, i === 0 ? 5 : 0])) }),
            rowOf(s, { township: "城关镇", village: "西村", name: "李四", ...full }),
          ],
        };
      if (s.name === FOUR_PROMISES_SHEET)
        return { rows: [rowOf(s, { township: "城关镇", village: "东村", name: "张三", promise: "修通村道", quarter1: "已修路基", quarter2: "已铺路面", quarter3: "否", halfYear: 80, yearEnd: "兑现" })] };
      return { rows: [] };
    });

  it("left blank, leave the typed 半年考核 column as the half-year result (as the data sheet's formula reads it)", () => {
    const r = runAssessment(templateWorkbook(spec, { rows: people, extra: extraFor(false) }), { now });
    expect(r.status, JSON.stringify(r.problems.slice(0, 3))).toBe("ok");
    const q = column(r, "量化得分");
    // 0.4 × 70 + 0.6 × 100 = 88; 0.4 × 50 + 0.6 × 100 = 80.
    expect([q.get(5), q.get(6)]).toEqual([88, 80]);
    // 0.7 × 88 + 0.3 × 80 = 61.6 + 24 = 85.6; 李四 has no ballot: his 量化得分 alone.
    const c = column(r, "综合得分");
    expect([c.get(5), c.get(6)]).toEqual([85.6, 80]);
  });

  it("filled, give the half-year result item by item and the 四诺 item from the register, the typed figures replaced and said", () => {
    const r = runAssessment(templateWorkbook(spec, { rows: people, extra: extraFor(true) }), { now });
    expect(r.status, JSON.stringify(r.problems.slice(0, 3))).toBe("ok");
    // 张三's 四诺: 5 × (2/4 quarters practised + 80/100 + 1 kept) / 3 = 5 × 2.3 / 3 = 23/6; his annual test 95 + 23/6 = 98.8333…;
    // half year 5 (item 1 only); per item 0.4 × half + 0.6 × annual, summed: 0.4 × 5 + 0.6 × 98.8333… = 2 + 59.3 = 61.3.
    // 李四: both tests full, 100 (his typed 50 is replaced).
    const q = column(r, "量化得分");
    expect([q.get(5), q.get(6)]).toEqual([61.3, 100]);
    // 0.7 × 61.3 + 0.3 × 80 = 42.91 + 24 = 66.91.
    expect(column(r, "综合得分").get(5)).toBe(66.91);
    const notes = column(r, "说明");
    expect(String(notes.get(5))).toContain("按四诺承诺践诺台账计算为 3.83，已按后者");
    expect(String(notes.get(5))).toContain("本表半年考核填 70，按半年考核表逐项计算为 5，已按后者");
    expect(String(notes.get(6))).toContain("本表半年考核填 50，按半年考核表逐项计算为 100，已按后者");
  });
});

describe("the ledger template's 联系点名单 and 满意度测评 sheets", () => {
  const spec = templateSpec("ledger", { year: 2025 });
  const sheets = dataSheets(spec);
  const [main] = sheets;
  const contacts = sheetNamed(sheets, CONTACT_SHEET);
  const ratings = sheetNamed(sheets, SATISFACTION_SHEET);
  const list = sheetNamed(sheets, ORGANISATION_SHEET);

  it("follow 组织名单, every column an input the readers know, and are explained in 填表说明", () => {
    expect(sheets.map((s) => s.name)).toEqual([main.name, ORGANISATION_SHEET, CONTACT_SHEET, SATISFACTION_SHEET]);
    expect(contacts.title).toBe("2025年度领导干部联系点名单");
    expect(ratings.title).toBe("2025年度基层党建满意度测评");
    expect(inputColumns(contacts).map((c) => c.header)).toEqual(contactFields.map((f) => f.header));
    expect(inputColumns(ratings).map((c) => c.header)).toEqual(ratingFields.map((f) => f.header));
    const text = notesText("ledger");
    expect(text).toContain("联系点名单：每位领导的每个联系点填一行（乡镇、领导、职务、联系点）");
    expect(text).toContain("增加“走访领导”列");
    expect(text).toContain("满意度测评：每个参加测评的县直部门或基层站所填一行（测评单位、测评结果）");
    expect(text).toContain("满意度按评为“满意”的单位数÷测评单位数计算");
  });

  const serial = (y: number, m: number, d: number) => Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
  const book = (filled: boolean) => {
    const visits = [
      rowOf(main, { organisation: "东村党支部", eventType: "走访", date: serial(2025, 3, 5) }),
      rowOf(main, { organisation: "东村党支部", eventType: "走访", date: serial(2025, 9, 5) }),
      rowOf(main, { organisation: "西村党支部", eventType: "走访", date: serial(2025, 6, 1) }),
    ];
    const orgs = [
      rowOf(list, { organisation: "城关镇党委", township: "城关镇", orgType: "乡镇党委", members: 30, satisfaction: 90 }),
      rowOf(list, { organisation: "东村党支部", township: "城关镇", orgType: "村党组织", members: 20, satisfaction: 90 }),
      rowOf(list, { organisation: "西村党支部", township: "城关镇", orgType: "村党组织", members: 20, satisfaction: 90 }),
    ];
    const units = ["满意", "满意", "基本满意", "不满意", "满意"].map((v, i) => rowOf(ratings, { unit: `县直单位${i + 1}`, rating: v }));
    const extra: TemplateData[] = [{ rows: orgs }, { rows: filled ? [rowOf(contacts, { township: "城关镇", leader: "王五", post: "党委书记", contactPoint: "东村党支部" })] : [] }, { rows: filled ? units : [] }];
    return templateWorkbook(spec, { rows: visits, extra });
  };

  it("filled, count the leader's visits to his own point and satisfaction as the share of units satisfied", () => {
    const r = runAssessment(book(true), { now });
    expect(r.status, JSON.stringify(r.problems.slice(0, 3))).toBe("ok");
    const lines = r.plan!.summary.zh.join("\n");
    // 王五 went to 东村 twice in 2025 (meets ≥ 2); 西村 is nobody's point, its visit counted for nobody.
    expect(lines).toContain("联系点走访按“联系点名单”逐位领导核查：1 位领导，0 位未达要求；1 次走访未计入任何领导");
    // 3 of 5 units 满意 (基本满意 is not): 60% < 65%, though every organisation's own score is 90.
    expect(lines).toContain("满意度按“满意度测评”计算：满意 3 个单位 / 测评 5 个单位，未达到 65%");
  });

  it("left blank, fall back to the counts they stand in for and say so", () => {
    const r = runAssessment(book(false), { now });
    expect(r.status, JSON.stringify(r.problems.slice(0, 3))).toBe("ok");
    const lines = r.plan!.summary.zh.join("\n");
    expect(lines).toContain("没有“联系点名单”：联系点走访按每个适用的组织核查");
    expect(lines).toContain("没有“满意度测评”表：满意度按各组织群众满意度的平均分计算");
  });
});
