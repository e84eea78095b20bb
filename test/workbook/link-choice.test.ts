// The sheet a link reads where several could be read: the first found, or the one chosen (the pane's 取数来源), and a choice that cannot be read said.
import { describe, expect, it } from "vitest";
import { ledgerFields, ORGANISATION_SHEET, organisationFields } from "../../src/kinds/ledger/fields";
import { standardSheetNames } from "../../src/kinds/registry";
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

describe("choosing the sheet a kind's rules read (the ledger's five-good results)", () => {
  const orgs = ["城关镇党委", "东关村党支部", "西关村党支部", "北关村党支部"];
  const ledger = {
    sheets: [
      { name: standardSheetNames.ledger, rows: [["2025年度组织生活台账"], ledgerFields.map((f) => f.header), [orgs[1], "三会一课", 45717, ...new Array(ledgerFields.length - 3).fill(null)]] },
      // 组织名称, 乡镇, 组织类型, 党员人数, 培训经费, 是否“五好” (blank: from the assessment), 群众满意度, “五带头”党员数
      { name: ORGANISATION_SHEET, rows: [organisationFields.map((f) => f.header), ...orgs.map((o, i) => [o, "城关镇", i === 0 ? "乡镇党委" : "村党组织", null, null, null, 80, null])] },
    ],
  };
  /** A five-good table: `good[i]` says whether organisation i meets all five criteria. */
  const fiveGood = (name: string, good: boolean[]): SheetData => ({
    name,
    rows: [
      ["乡镇", "党组织", "类型", "领导班子好", "党员队伍好", "工作机制好", "发展业绩好", "群众反映好", "群众满意度"],
      ...orgs.map((o, i) => ["城关镇", o, i === 0 ? "乡镇党委" : "村党组织", "是", "是", good[i] ? "是" : "否", "是", "是", 80]),
    ],
  });
  const file = { name: "五好.xlsx", workbook: { sheets: [fiveGood("2024五好评定", [true, true, true, true]), fiveGood("五好党组织评定", [true, false, true, true])] } };
  const fiveGoodTarget = (r: RunResult) => {
    const rows = r.plan!.reports.find((x) => x.name === "组织生活落实情况")!.rows;
    return rows.find((x) => x[0] === "“五好”乡镇党委和村党组织")?.slice(0, 4);
  };

  it("reads the first five-good table without a choice and the chosen one with it", () => {
    // Last year's: all four five good, 4/4.
    expect(fiveGoodTarget(runAssessment(ledger, { kind: "ledger", now, with: [file] }))).toEqual(["“五好”乡镇党委和村党组织", "≥ 65%", "4/4（100.0%）", "达到"]);
    // This year's: 东关村 misses one criterion, 3/4.
    const chosen = runAssessment(ledger, { kind: "ledger", now, with: [file], sources: { fiveGood: { file: "五好.xlsx", sheet: "五好党组织评定" } } });
    expect(fiveGoodTarget(chosen)).toEqual(["“五好”乡镇党委和村党组织", "≥ 65%", "3/4（75.0%）", "达到"]);
  });

  it("says so when the chosen five-good table is not there", () => {
    const r = runAssessment(ledger, { kind: "ledger", now, with: [file], sources: { fiveGood: { file: "五好.xlsx", sheet: "已删除" } } });
    expect(r.plan!.summary.zh).toContain("提示：所选的“五好.xlsx”的“已删除”表不是可以读取的党组织“五好”评定表，改为取自“五好.xlsx”的“2024五好评定”表。请在“取数来源”中重新选择");
  });
});
