// The secretaries' 四诺星级: stars at year end from the 四诺 item's points, typed or summed from the register, where the scheme sets thresholds.
import { describe, expect, it } from "vitest";
import type { Scheme } from "../../src/core/scheme";
import { defaultScheme } from "../../src/kinds/registry";
import type { PlanCell } from "../../src/workbook/plan";
import { runAssessment, type RunResult } from "../../src/workbook/pipeline";
import type { CellValue, SheetData } from "../../src/workbook/sheet";

const now = new Date("2025-12-31T08:00:00Z");

function scheme(thresholds: number[], promiseItem = "“四诺”承诺践诺"): Scheme {
  const s = defaultScheme("secretary", 2025);
  return { ...s, items: [{ name: "甲项", max: 40 }, { name: "乙项", max: 55 }, { name: promiseItem, max: 5 }], deductions: [], fourPromises: { starThresholds: thresholds } };
}

const annual: SheetData = {
  name: "村书记考核",
  rows: [
    ["2025年度村党组织书记考核表"],
    ["乡镇", "村", "姓名", "编号", "甲项", "乙项", "“四诺”承诺践诺", "加分", "半年考核", "民主测评"],
    ["城关镇", "东关村", "王一", "S1", 30, 40, 3, null, null, null],
    ["城关镇", "西关村", "李二", "S2", 35, 45, 4, null, null, null],
    ["城关镇", "南关村", "张三", "S3", 35, 45, 5, null, null, null],
    ["城关镇", "北关村", "赵四", "S4", 35, 45, 2.9, null, null, null],
    ["城关镇", "中关村", "钱五", "S5", 35, 45, null, null, null, null],
  ],
};

const HEADER = ["乡镇", "村", "姓名", "编号", "承诺事项", "一季度践诺", "二季度践诺", "三季度践诺", "四季度践诺", "半年评诺", "年终兑现"];
const register = (rows: CellValue[][]): SheetData => ({ name: "四诺承诺践诺台账", rows: [HEADER, ...rows] });

function column(r: RunResult, header: string): PlanCell[] {
  const block = r.plan!.results[0];
  const at = block.columns.findIndex((c) => c.header === header);
  expect(at, header).toBeGreaterThanOrEqual(0);
  return block.rows.map((x) => x.cells[at]);
}

describe("四诺星级", () => {
  it("one star per threshold of 60%, 80%, 100% of 5 points the typed item reaches: 3 → 1, 4 → 2, 5 → 3, 2.9 → 0, blank → no stars (blank, never 0)", () => {
    const r = runAssessment({ sheets: [annual] }, { scheme: scheme([60, 80, 100]), sheet: "村书记考核", now });
    expect(r.status, JSON.stringify(r.problems)).toBe("ok");
    expect(column(r, "四诺星级")).toEqual([1, 2, 3, 0, ""]);
    const notes = column(r, "说明");
    expect(notes[4]).toContain("“四诺”承诺践诺未填，不评四诺星级");
    expect(notes.slice(0, 4).some((n) => String(n).includes("四诺星级"))).toBe(false);
    // Beside the other results, before 说明.
    const headers = r.plan!.results[0].columns.map((c) => c.header);
    expect(headers.slice(-3)).toEqual(["分类", "四诺星级", "说明"]);
  });

  it("from the register where it is filled: 王一 4.83 (96.6%) → 2 stars though 3 is typed, 赵四 3.5 (70%) → 1 though 2.9 is typed; the others keep their typed points", () => {
    const rows: CellValue[][] = [
      // 王一: practice 4 of 4, evaluation 90/100, kept 1: 5 × (1 + 0.9 + 1) / 3 = 29/6 = 4.8333 → 4.83, 96.6% of 5.
      ["城关镇", "东关村", "王一", "S1", "发展集体经济", "有", "有", "有", "有", 90, "兑现"],
      // 赵四: practice 4 of 4, evaluation 60/100, kept ½: 5 × (1 + 0.6 + 0.5) / 3 = 3.5, 70% of 5.
      ["城关镇", "北关村", "赵四", "S4", "修缮村道", "有", "有", "有", "有", 60, "部分兑现"],
    ];
    const r = runAssessment({ sheets: [annual, register(rows)] }, { scheme: scheme([60, 80, 100]), sheet: "村书记考核", now });
    expect(r.status, JSON.stringify(r.problems)).toBe("ok");
    expect(column(r, "四诺星级")).toEqual([2, 2, 3, 1, ""]);
    const notes = column(r, "说明");
    expect(notes[0]).toContain("四诺星级按“四诺承诺践诺台账”表计算的“四诺”承诺践诺 4.83 分评定（2星）");
    expect(notes[3]).toContain("四诺星级按“四诺承诺践诺台账”表计算的“四诺”承诺践诺 3.5 分评定（1星）");
    expect(String(notes[1])).not.toContain("四诺星级");
  });

  it("a threshold is reached exactly: 4.35 of 5 is 87%, one star at 87 (4.35 × 100 / 5 in binary is 86.99999999999999)", () => {
    const one: SheetData = { ...annual, rows: [...annual.rows.slice(0, 2), ["城关镇", "东关村", "王一", "S1", 30, 40, 4.35, null, null, null]] };
    const r = runAssessment({ sheets: [one] }, { scheme: scheme([87]), sheet: "村书记考核", now });
    expect(column(r, "四诺星级")).toEqual([1]);
  });

  it("is no column without thresholds (the default: the document names none)", () => {
    const r = runAssessment({ sheets: [annual] }, { scheme: scheme([]), sheet: "村书记考核", now });
    expect(r.status).toBe("ok");
    expect(r.plan!.results[0].columns.map((c) => c.header)).not.toContain("四诺星级");
    expect(defaultScheme("secretary").fourPromises.starThresholds).toEqual([]);
  });

  it("is no column, and a warning, when the scheme sets thresholds but has no 四诺 item", () => {
    const sheet: SheetData = { ...annual, rows: annual.rows.map((row, i) => (i === 1 ? row.map((c) => (c === "“四诺”承诺践诺" ? "丙项" : c)) : row)) };
    const r = runAssessment({ sheets: [sheet] }, { scheme: scheme([60, 80, 100], "丙项"), sheet: "村书记考核", now });
    expect(r.status, JSON.stringify(r.problems)).toBe("ok");
    expect(r.plan!.results[0].columns.map((c) => c.header)).not.toContain("四诺星级");
    expect(r.plan!.summary.zh.some((l) => l.includes("考核方案设置了四诺授星门槛") && l.includes("未评四诺星级"))).toBe(true);
  });
});
