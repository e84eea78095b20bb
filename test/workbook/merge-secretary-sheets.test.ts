// kaohe merge carries the secretary's 半年考核 sheet and 四诺承诺践诺台账 from each township's return, so the county's run computes them as each return would.
import { describe, expect, it } from "vitest";
import { defaultScheme } from "../../src/kinds/registry";
import { FOUR_PROMISES_SHEET } from "../../src/kinds/secretary/four-promises-sheet";
import { HALF_YEAR_SHEET } from "../../src/kinds/secretary/half-year";
import { mergeReturns } from "../../src/workbook/merge";
import { runAssessment } from "../../src/workbook/pipeline";
import type { CellValue } from "../../src/workbook/sheet";
import { dataSheets, inputColumns, templateWorkbook, type DataSheetSpec, type TemplateData } from "../../src/workbook/templates";
import { templateSpec } from "../../src/workbook/template-spec";

const now = new Date("2026-01-15T08:00:00Z");
const rowOf = (sheet: DataSheetSpec, values: Record<string, CellValue>): CellValue[] => inputColumns(sheet).map((c) => values[c.field!] ?? null);

describe("merging the secretaries' returns with their 半年考核 and 四诺 sheets", () => {
  const scheme = defaultScheme("secretary", 2025);
  const spec = templateSpec("secretary", { year: 2025 });
  const sheets = dataSheets(spec);
  const [main] = sheets;
  const full = Object.fromEntries(scheme.items.map((it, i) => [`item${i + 1}`, it.max]));
  const halfOnly = (k: number, points: number) => Object.fromEntries(scheme.items.map((_, i) => [`item${i + 1}`, i === k ? points : 0]));

  /** A township's return: one secretary, every annual item full, his half-year test, two promises with the name merged down. */
  const returnOf = (township: string, village: string, name: string, half: Record<string, number>): TemplateData => ({
    rows: [rowOf(main, { township, village, name, ...full })],
    extra: sheets.slice(1).map((s) => {
      if (s.name === HALF_YEAR_SHEET) return { rows: [rowOf(s, { township, village, name, ...half })] };
      if (s.name === FOUR_PROMISES_SHEET)
        return {
          rows: [
            rowOf(s, { township, village, name, promise: "修通村道", quarter1: "是", quarter2: "是", quarter3: "是", quarter4: "是", halfYear: 100, yearEnd: "兑现" }),
            rowOf(s, { promise: "建成党群服务站", quarter1: "是", quarter2: "否", halfYear: 60, yearEnd: "部分兑现" }),
          ],
          // 乡镇, 村 and 姓名 merged over the two promises, as a clerk fills the register.
          merges: [0, 1, 2].map((c) => ({ top: 0, left: c, bottom: 1, right: c })),
        };
      return { rows: [] };
    }),
  });

  const sources = [
    { name: "城关镇.xlsx", data: templateWorkbook(spec, returnOf("城关镇", "东村", "张三", halfOnly(0, 5))) },
    { name: "河口镇.xlsx", data: templateWorkbook(spec, returnOf("河口镇", "南村", "王五", full)) },
  ];
  const merged = mergeReturns(sources, scheme);

  it("holds each return's half-year test and promises under one header, names written on every promise", () => {
    const names = merged.workbook.sheets.map((s) => s.name);
    expect(names).toContain(HALF_YEAR_SHEET);
    expect(names).toContain(FOUR_PROMISES_SHEET);
    const register = merged.workbook.sheets.find((s) => s.name === FOUR_PROMISES_SHEET)!;
    expect(register.rows.slice(1).map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      ["城关镇", "东村", "张三", "修通村道"],
      ["城关镇", "东村", "张三", "建成党群服务站"],
      ["河口镇", "南村", "王五", "修通村道"],
      ["河口镇", "南村", "王五", "建成党群服务站"],
    ]);
    expect(merged.workbook.sheets.find((s) => s.name === HALF_YEAR_SHEET)!.rows).toHaveLength(3);
  });

  it("computes the county as each return computes alone: the half year item by item, 四诺 from the register", () => {
    // 四诺 (max 5) over two promises: practice 5 of 8 quarters, half-year (100 + 60) / 200 = 0.8, year-end (1 + 0.5) / 2 = 0.75:
    // 5 × (0.625 + 0.8 + 0.75) / 3 = 5 × 2.175 / 3 = 3.625; the annual test 95 + 3.625 = 98.625.
    // 张三: 0.4 × 5 + 0.6 × 98.625 = 2 + 59.175 = 61.175 → 61.18 (two places, half up); 王五: 0.4 × 100 + 0.6 × 98.625 = 40 + 59.175 = 99.175 → 99.18.
    const r = runAssessment(merged.workbook, { scheme, now });
    expect(r.status, JSON.stringify(r.problems.slice(0, 3))).toBe("ok");
    const block = r.plan!.results[0];
    const q = block.columns.findIndex((c) => c.header === "量化得分");
    expect(block.rows.map((x) => x.cells[q])).toEqual([61.18, 99.18]);
    for (const s of sources) {
      const alone = runAssessment(s.data, { scheme, now });
      const b = alone.plan!.results[0];
      expect(b.rows[0].cells[b.columns.findIndex((c) => c.header === "量化得分")]).toBe(s.name.startsWith("城关") ? 61.18 : 99.18);
    }
  });
});
