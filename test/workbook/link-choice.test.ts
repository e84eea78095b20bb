// The sheet a link reads where several could be read: the first found, or the one chosen (the pane's 取数来源), and a choice that cannot be read said.
import { describe, expect, it } from "vitest";
import { linkSourcePlaces, runAssessment, type RunResult } from "../../src/workbook/pipeline";
import type { SheetData } from "../../src/workbook/sheet";

const now = new Date("2025-12-31T08:00:00Z");

const cadreSheet: SheetData = {
  name: "干部考核",
  rows: [["2025年度乡镇干部绩效考核表"], [], ["乡镇", "姓名", "编号", "职务", "任务得分", "年终考评", "应发工资", "一票否决"], ["城关镇", "李四", "A2", "科员", 90, null, 4000, ""]],
};

/** 李四's rater groups all give `score`, so his composite is `score` whatever the weights. */
const appraisal = (name: string, score: number): SheetData => ({ name, rows: [["单位", "姓名", "编号", "自评", "互评", "群众评议", "支部评定"], ["城关镇", "李四", "A2", score, score, score, score]] });

/** Two appraisals in one file: last year's first, this year's second. */
const file = { name: "测评.xlsx", workbook: { sheets: [appraisal("2024民主测评", 75), appraisal("民主测评", 90)] } };

const composite = (r: RunResult) => {
  const block = r.plan!.results[0];
  return block.rows[0].cells[block.columns.findIndex((c) => c.header === "综合得分")];
};

describe("choosing the sheet a link reads", () => {
  it("lists every sheet it could read, this workbook's first, the first being the one read", () => {
    const workbook = { sheets: [cadreSheet, appraisal("本表测评", 60)] };
    expect(linkSourcePlaces(workbook, "appraisal", { with: [file] }, "干部考核")).toEqual([{ sheet: "本表测评" }, { file: "测评.xlsx", sheet: "2024民主测评" }, { file: "测评.xlsx", sheet: "民主测评" }]);
    // A choice moves its sheet to the front, the others keep their order.
    expect(linkSourcePlaces(workbook, "appraisal", { with: [file], sources: { appraisal: { file: "测评.xlsx", sheet: "民主测评" } } }, "干部考核")[0]).toEqual({ file: "测评.xlsx", sheet: "民主测评" });
    expect(linkSourcePlaces({ sheets: [cadreSheet] }, "appraisal", {}, "干部考核")).toEqual([]);
  });

  it("reads the first sheet of the file without a choice, and the chosen one with it", () => {
    const first = runAssessment({ sheets: [cadreSheet] }, { kind: "cadre", now, with: [file] });
    // .8 × 90 + .2 × 75 = 87
    expect(composite(first)).toBe(87);
    const chosen = runAssessment({ sheets: [cadreSheet] }, { kind: "cadre", now, with: [file], sources: { appraisal: { file: "测评.xlsx", sheet: "民主测评" } } });
    expect(chosen.status).toBe("ok");
    // .8 × 90 + .2 × 90 = 90
    expect(composite(chosen)).toBe(90);
    // The summary the pane shows after computing names the file and the sheet.
    expect(chosen.plan!.summary.zh.some((l) => l.includes("“年终考评”取自“测评.xlsx”的“民主测评”表的综合得分：1 人"))).toBe(true);
    expect(chosen.plan!.summary.en.some((l) => l.includes("年终考评 taken from 综合得分 of 测评.xlsx, sheet 民主测评"))).toBe(true);
  });

  it("takes a chosen file's sheet over this workbook's own", () => {
    const workbook = { sheets: [cadreSheet, appraisal("本表测评", 60)] };
    // .8 × 90 + .2 × 60 = 84
    expect(composite(runAssessment(workbook, { kind: "cadre", sheet: "干部考核", now, with: [file] }))).toBe(84);
    expect(composite(runAssessment(workbook, { kind: "cadre", sheet: "干部考核", now, with: [file], sources: { appraisal: { file: "测评.xlsx", sheet: "民主测评" } } }))).toBe(90);
  });

  it("says so when the chosen sheet is not there, and reads the first found", () => {
    const r = runAssessment({ sheets: [cadreSheet] }, { kind: "cadre", now, with: [file], sources: { appraisal: { file: "旧测评.xlsx", sheet: "民主测评" } } });
    expect(composite(r)).toBe(87);
    expect(r.plan!.summary.zh).toContain("提示：所选的“旧测评.xlsx”的“民主测评”表不是可以读取的民主测评/述职评议汇总表，改为取自“测评.xlsx”的“2024民主测评”表。请在“取数来源”中重新选择");
  });
});
