// kaohe merge carries each township's 负面清单记录 and 异议记录: the county's run bars, deducts and changes what the township's run did, and a record's blank 单位 stays within its township.
import { describe, expect, it } from "vitest";
import { defaultScheme } from "../../src/kinds/registry";
import { mergeReturns, SOURCE_HEADER } from "../../src/workbook/merge";
import { NEGATIVE_RECORD_SHEET } from "../../src/workbook/negative-records";
import { OBJECTION_SHEET } from "../../src/workbook/objections";
import { runAssessment } from "../../src/workbook/pipeline";
import type { CellValue } from "../../src/workbook/sheet";
import { dataSheets, inputColumns, templateWorkbook, type DataSheetSpec, type TemplateData } from "../../src/workbook/templates";
import { templateSpec } from "../../src/workbook/template-spec";

const now = new Date("2026-01-15T08:00:00Z");
const rowOf = (sheet: DataSheetSpec, values: Record<string, CellValue>): CellValue[] => inputColumns(sheet).map((c) => values[c.field!] ?? null);

describe("merging the secretaries' returns with their negative-list records and objections", () => {
  const scheme = defaultScheme("secretary", 2025);
  const spec = templateSpec("secretary", { year: 2025 });
  const sheets = dataSheets(spec);
  const [main] = sheets;
  const items = (points: number) => Object.fromEntries(scheme.items.map((it, i) => [`item${i + 1}`, Math.min(it.max, points * it.max)]));

  /** A township's return: 张三 at full marks, 李四 at 95% and three below; a record against 张三 (单位 blank), and, for 城关镇, an objection against 李四. */
  const returnOf = (township: string, withRecord: boolean, withObjection: boolean): TemplateData => ({
    rows: [
      rowOf(main, { township, village: "东村", name: "张三", ...items(1) }),
      rowOf(main, { township, village: "西村", name: "李四", ...items(0.95) }),
      ...["南村", "北村", "中村"].map((village, k) => rowOf(main, { township, village, name: `王${k + 1}`, ...items(0.7 - k / 20) })),
    ],
    extra: sheets.slice(1).map((s) => {
      if (s.name === NEGATIVE_RECORD_SHEET && withRecord) return { rows: [rowOf(s, { name: "张三", item: "4-2", date: 45839, evidence: "书面报告" })] };
      if (s.name === OBJECTION_SHEET && withObjection) return { rows: [rowOf(s, { date: 45900, subject: "李四", matter: "反映考核不实", outcome: "不成立" })] };
      return { rows: [] };
    }),
  });

  const sources = [
    { name: "城关镇.xlsx", data: templateWorkbook(spec, returnOf("城关镇", true, true)) },
    { name: "河口镇.xlsx", data: templateWorkbook(spec, returnOf("河口镇", false, false)) },
  ];
  const merged = mergeReturns(sources, scheme);

  it("holds 城关镇's record with its township written into the blank 单位, and the file and row it came from", () => {
    const records = merged.workbook.sheets.find((s) => s.name === NEGATIVE_RECORD_SHEET)!;
    const header = records.rows[0];
    expect(header[0]).toBe("单位");
    expect(header[header.length - 1]).toBe(SOURCE_HEADER);
    expect(records.rows.slice(1).map((r) => [r[0], r[1], r[2], String(r[r.length - 1]).startsWith("城关镇.xlsx 第")])).toEqual([["城关镇", "张三", "4-2", true]]);
    expect(merged.workbook.sheets.find((s) => s.name === OBJECTION_SHEET)!.rows).toHaveLength(2);
  });

  it("the county's run bars 城关镇's 张三 from 优秀 and leaves 河口镇's 张三 alone", () => {
    const r = runAssessment(merged.workbook, { scheme, now });
    expect(r.status, JSON.stringify(r.problems.slice(0, 2))).toBe("ok");
    const block = r.plan!.results[0];
    const col = (h: string) => block.rows.map((x) => x.cells[block.columns.findIndex((c) => c.header === h)]);
    // Five secretaries per township, floor(5 × 20%) = 1 优秀 place each: 城关镇's passes from the barred 张三 to 李四; 河口镇's 张三 keeps his.
    expect(col("等次").slice(0, 2)).toEqual(["称职", "优秀"]);
    expect(col("等次").slice(5, 7)).toEqual(["优秀", "称职"]);
    expect(String(col("说明")[0])).toContain("负面清单 4-2");
    expect(String(col("说明")[5])).not.toContain("负面清单");
    const audit = r.plan!.reports.find((x) => x.name === "审计")!.rows.map((x) => x.join("|")).join("\n");
    expect(audit).toContain("异议|李四");
  });

  it("a county without any records has no record sheets", () => {
    const none = mergeReturns([{ name: "河口镇.xlsx", data: templateWorkbook(spec, returnOf("河口镇", false, false)) }], scheme);
    expect(none.workbook.sheets.map((s) => s.name)).not.toContain(NEGATIVE_RECORD_SHEET);
  });
});
