// The secretaries' 四诺 item summed from the 四诺承诺践诺台账 instead of typed.
import { describe, expect, it } from "vitest";
import type { Scheme } from "../../src/core/scheme";
import { defaultScheme } from "../../src/kinds/registry";
import type { PlanCell } from "../../src/workbook/plan";
import { runAssessment, type RunResult } from "../../src/workbook/pipeline";
import type { CellValue, SheetData } from "../../src/workbook/sheet";

const now = new Date("2025-12-31T08:00:00Z");

function scheme(): Scheme {
  const s = defaultScheme("secretary", 2025);
  return { ...s, items: [{ name: "甲项", max: 40 }, { name: "乙项", max: 55 }, { name: "“四诺”承诺践诺", max: 5 }], deductions: [] };
}

const annual: SheetData = {
  name: "村书记考核",
  rows: [
    ["2025年度村党组织书记考核表"],
    ["乡镇", "村", "姓名", "编号", "甲项", "乙项", "“四诺”承诺践诺", "加分", "半年考核", "民主测评"],
    ["城关镇", "东关村", "王一", "S1", 30, 40, 3, null, null, null], // row 3
    ["城关镇", "西关村", "李二", "S2", 35, 45, 4, null, null, null], // row 4: not in the register
  ],
};

const HEADER = ["乡镇", "村", "姓名", "编号", "承诺事项", "一季度践诺", "二季度践诺", "三季度践诺", "四季度践诺", "半年评诺", "年终兑现"];
const register = (rows: CellValue[][]): SheetData => ({ name: "四诺承诺践诺台账", rows: [HEADER, ...rows] });

function results(r: RunResult, header: string): PlanCell[] {
  const block = r.plan!.results[0];
  const at = block.columns.findIndex((c) => c.header === header);
  return block.rows.map((x) => x.cells[at]);
}

describe("the 四诺 register", () => {
  it("sums each secretary's promises into the 四诺 item", () => {
    const rows: CellValue[][] = [
      ["城关镇", "东关村", "王一", "S1", "发展集体经济", "已开展", "√", "完成", "有记录", 90, "兑现"],
      ["城关镇", "东关村", "王一", "S1", "修缮村道", "召开会议", "", "否", "走访", 70, "部分兑现"],
    ];
    const r = runAssessment({ sheets: [annual, register(rows)] }, { scheme: scheme(), sheet: "村书记考核", now });
    expect(r.status, JSON.stringify(r.problems)).toBe("ok");
    // 王一: practice 6 of 8 = 3/4, evaluation (90 + 70) / 200 = 4/5, kept (1 + ½) / 2 = 3/4;
    // 5 × (3/4 + 4/5 + 3/4) / 3 = 23/6 = 3.8333…; year 30 + 40 + 23/6 = 73.83. 李二 keeps his typed 4: 84.
    expect(results(r, "年度得分")).toEqual([73.83, 84]);
    expect(results(r, "说明")[0]).toContain("本表“四诺”填 3，按四诺承诺践诺台账计算为 3.83，已按后者");
    // Written into the table's own 四诺 column (G), for 王一 only.
    const written = r.plan!.results.find((b) => b.columns[0]?.header === "“四诺”承诺践诺")!;
    expect(written.columns[0].col).toBe(7);
    expect(written.rows).toEqual([{ row: 3, cells: [3.83] }]);
    expect(r.plan!.summary.zh).toContain("提示：““四诺”承诺践诺”取自“四诺承诺践诺台账”表：1 人，按承诺、季度践诺、半年评诺、年终兑现计算（各占三分之一）");
    expect(r.plan!.summary.zh.some((l) => l.includes("第4行 城关镇西关村李二") && l.includes("找不到此人"))).toBe(true);
  });

  it("names a blank year-end result and an unreadable one at their cells", () => {
    const rows: CellValue[][] = [
      ["城关镇", "东关村", "王一", "S1", "发展集体经济", "已开展", "", "", "", 90, null],
      ["城关镇", "东关村", "王一", "S1", "修缮村道", "", "", "", "", 80, "良好"],
    ];
    const r = runAssessment({ sheets: [annual, register(rows)] }, { scheme: scheme(), sheet: "村书记考核", now });
    expect(r.status).toBe("problems");
    expect(r.problems.map((p) => [p.sheet, p.row, p.col])).toEqual([
      ["四诺承诺践诺台账", 3, 11],
      ["四诺承诺践诺台账", 2, 11],
    ]);
    expect(r.problems[0].zh).toContain("无法识别年终兑现“良好”");
    expect(r.problems[1].zh).toContain("年终兑现为空");
  });
});

describe("each township's own register (kaohe run … --with)", () => {
  const town = (name: string, rows: CellValue[][]) => ({ name, workbook: { sheets: [{ ...register(rows), name: "Sheet1" }] } });

  it("takes every secretary from the register that holds him, and names a blank there with its workbook", () => {
    const wang: CellValue[] = ["城关镇", "东关村", "王一", "S1", "发展集体经济", "是", "是", "是", "是", 100, "兑现"];
    // 李二: practice 2 of 4 = ½, evaluation 60 / 100 = 3/5, kept ½: 5 × (½ + 3/5 + ½) / 3 = 8/3 = 2.67; year 35 + 45 + 8/3 = 82.67.
    const li: CellValue[] = ["城关镇", "西关村", "李二", "S2", "建成党群服务站", "是", "否", "是", "", 60, "部分兑现"];
    const r = runAssessment({ sheets: [annual] }, { scheme: scheme(), now, with: [town("东关村台账.xlsx", [wang]), town("西关村台账.xlsx", [li])] });
    expect(r.status, JSON.stringify(r.problems)).toBe("ok");
    // 王一: everything practised and kept, 5 points: 30 + 40 + 5 = 75.
    expect(results(r, "年度得分")).toEqual([75, 82.67]);
    expect(r.linkedUsed?.sort()).toEqual(["东关村台账.xlsx", "西关村台账.xlsx"]);
    const blank = runAssessment({ sheets: [annual] }, { scheme: scheme(), now, with: [town("东关村台账.xlsx", [wang]), town("西关村台账.xlsx", [[...li.slice(0, 9), null, "部分兑现"]])] });
    expect(blank.problems.map((p) => [p.sheet, p.row, p.header])).toEqual([["西关村台账.xlsx：Sheet1", 2, "半年评诺"]]);
  });
});
