// The ledger's two corrected counts and its five-good rate counted once: visits per leader at his own contact point, satisfaction as a share of units, five-good from the assessment.
import { describe, expect, it } from "vitest";
import { excelSerial } from "../../src/core/dates";
import { ledgerFields, ORGANISATION_SHEET, organisationFields } from "../../src/kinds/ledger/fields";
import { defaultScheme, standardSheetNames, validateScheme } from "../../src/kinds/registry";
import type { PlanCell } from "../../src/workbook/plan";
import { runAssessment, type RunResult } from "../../src/workbook/pipeline";
import type { CellValue, SheetData, WorkbookData } from "../../src/workbook/sheet";

const now = new Date("2026-01-15T08:00:00Z");
const day = (m: number, d: number) => excelSerial(2025, m, d)!;

const TOWN = "城关镇党委";
const EAST = "东关村党支部";
const WEST = "西关村党支部";
const NORTH = "北关村党支部";

/** 组织名单: 组织名称, 乡镇, 组织类型, 党员人数, 培训经费, 是否“五好”, 群众满意度, “五带头”党员数. */
const LIST: CellValue[][] = [
  [TOWN, "城关镇", "乡镇党委", null, null, "是", 90, null],
  [EAST, "城关镇", "村党组织", null, null, "是", 80, null],
  [WEST, "城关镇", "村党组织", null, null, "否", 70, null],
  [NORTH, "城关镇", "村党组织", null, null, "是", 60, null],
];

/** 组织, 类型, 日期, then 走访领导 in its own column after 备注. */
const entry = (org: string, type: string, date: number, visitor: string | null = null): CellValue[] => [org, type, date, ...new Array<CellValue>(ledgerFields.length - 3).fill(null), visitor];

const ENTRIES: CellValue[][] = [
  entry(EAST, "走访", day(3, 1), "王书记"),
  entry(EAST, "走访", day(9, 1)), // names nobody: 东关村 is 王书记's point alone
  entry(WEST, "走访", day(4, 1), "李镇长"),
  entry(NORTH, "走访", day(5, 1), "李镇长"), // not his point: counted for nobody, and 北关村 owes nothing
];

function workbook(extra: SheetData[] = []): WorkbookData {
  return {
    sheets: [
      { name: standardSheetNames.ledger, rows: [["2025年度组织生活台账"], [...ledgerFields.map((f) => f.header), "走访领导"], ...ENTRIES] },
      { name: ORGANISATION_SHEET, rows: [organisationFields.map((f) => f.header), ...LIST] },
      ...extra,
    ],
  };
}

const CONTACTS: SheetData = {
  name: "联系点名单",
  rows: [
    ["乡镇", "领导", "职务", "联系点"],
    ["城关镇", "王书记", "党委书记", EAST],
    ["城关镇", "李镇长", "镇长", WEST],
  ],
};

const run = (wb: WorkbookData, more: Parameters<typeof runAssessment>[1] = {}) => runAssessment(wb, { kind: "ledger", now, ...more });
const report = (r: RunResult) => r.plan!.reports.find((x) => x.name === "组织生活落实情况")!;
const contactRows = (r: RunResult) => report(r).rows.filter((x) => String(x[2]).includes("联系点"));

function section(r: RunResult, title: string): PlanCell[][] {
  const rows = report(r).rows;
  const at = rows.findIndex((x) => String(x[0]).startsWith(title));
  expect(at, title).toBeGreaterThan(0);
  const out: PlanCell[][] = [];
  for (let i = at + 2; i < rows.length && rows[i].some((c) => c !== ""); i++) out.push(rows[i].filter((c) => c !== ""));
  return out;
}

describe("contact-point visits", () => {
  it("without a contact-point list charge every village, and say so", () => {
    const r = run(workbook());
    expect(r.status).toBe("ok");
    // Per village (the old count): east 2 (met), west 1, north 1: two villages short, north falsely.
    expect(contactRows(r).map((x) => [x[1], x[5], x[6]])).toEqual([
      [EAST, 2, 0],
      [WEST, 1, 1],
      [NORTH, 1, 1],
    ]);
    expect(r.plan!.summary.zh.some((l) => l.startsWith("提示：没有“联系点名单”"))).toBe(true);
  });

  it("with the list, count each leader's visits to his own point, and charge non-contact villages nothing", () => {
    const r = run(workbook([CONTACTS]));
    expect(r.status, JSON.stringify(r.problems)).toBe("ok");
    // Hand count: 王书记 2 at 东关村 (met); 李镇长 1 at 西关村 (short by 1); 北关村 is nobody's point.
    expect(contactRows(r)).toEqual([
      ["城关镇", "王书记（党委书记）：联系点东关村党支部", "联系点每年走访不少于2次", "每位领导每年到本人联系点不少于2次", 1, 2, 0, "全部落实"],
      ["城关镇", "李镇长（镇长）：联系点西关村党支部", "联系点每年走访不少于2次", "每位领导每年到本人联系点不少于2次", 1, 1, 1, "2025年（1次，差1次）"],
    ]);
    expect(section(r, "未计入领导的联系点走访")).toEqual([[6, NORTH, "2025-05-01", "李镇长", "该组织不是任何领导的联系点，不计入"]]);
    expect(r.plan!.summary.zh.some((l) => l.startsWith("提示：没有“联系点名单”"))).toBe(false);
  });

  it("names a contact point that is not on the list of organisations", () => {
    const bad = { ...CONTACTS, rows: [...CONTACTS.rows, ["城关镇", "赵委员", "", "南关村党支部"]] };
    const r = run(workbook([bad]));
    expect(r.status).toBe("problems");
    expect(r.problems).toEqual([expect.objectContaining({ sheet: "联系点名单", row: 4, col: 4, zh: "联系点“南关村党支部”不在“组织名单”中；请与组织名单中的组织名称写法一致" })]);
  });

  it("reads a list kept in another workbook, and names that file with a contact point not on the list", () => {
    const other = { name: "联系点.xlsx", workbook: { sheets: [CONTACTS] } };
    const r = run(workbook(), { with: [other] });
    expect(r.status, JSON.stringify(r.problems)).toBe("ok");
    expect(r.linkedUsed).toEqual(["联系点.xlsx"]);
    expect(r.plan!.summary.zh.some((l) => l.startsWith("提示：没有“联系点名单”"))).toBe(false);
    const bad = { name: "联系点.xlsx", workbook: { sheets: [{ ...CONTACTS, rows: [...CONTACTS.rows, ["城关镇", "赵委员", "", "南关村党支部"]] }] } };
    expect(run(workbook(), { with: [bad] }).problems).toEqual([expect.objectContaining({ sheet: "联系点.xlsx：联系点名单", row: 4, col: 4 })]);
  });
});

describe("satisfaction", () => {
  const target = (r: RunResult) => section(r, "全县目标").find((x) => x[0] === "基层群众满意度");

  it("is the share of rating units satisfied where 满意度测评 is given", () => {
    // 13 of 20 satisfied = 65%: met exactly; the organisations' mean (75) is not used.
    const ratings: SheetData = {
      name: "满意度测评",
      rows: [["测评单位", "测评结果"], ...Array.from({ length: 20 }, (_, i) => [`县直单位${i + 1}`, i < 13 ? "满意" : i < 17 ? "基本满意" : "不满意"])],
    };
    expect(target(run(workbook([ratings])))).toEqual(["基层群众满意度", "≥ 65%", "13/20（65.0%）（满意单位数/测评单位数）", "达到"]);
    // One fewer satisfied: 12/20 = 60%, missed, though the mean of scores would still say met.
    const fewer = { ...ratings, rows: ratings.rows.map((x, i) => (i === 1 ? [x[0], "基本满意"] : x)) };
    expect(target(run(workbook([fewer])))).toEqual(["基层群众满意度", "≥ 65%", "12/20（60.0%）（满意单位数/测评单位数）", "未达到"]);
  });

  it("names a rating it cannot read", () => {
    const ratings: SheetData = { name: "满意度测评", rows: [["测评单位", "测评结果"], ["县委办", "满意"], ["县财政局", "良好"]] };
    const r = run(workbook([ratings]));
    expect(r.problems).toEqual([expect.objectContaining({ sheet: "满意度测评", row: 3, col: 2 })]);
    expect(r.problems[0].zh).toContain("无法识别测评结果“良好”");
  });

  it("is the mean only where the scheme asks for it (ledger.satisfaction = mean), the ratings then unused", () => {
    const scheme = defaultScheme("ledger", 2025);
    const ratings: SheetData = { name: "满意度测评", rows: [["测评单位", "测评结果"], ["县委办", "不满意"], ["县财政局", "不满意"]] };
    const r = run(workbook([ratings]), { scheme: { ...scheme, ledger: { ...scheme.ledger, satisfaction: "mean" } } });
    expect(target(r)).toEqual(["基层群众满意度", "≥ 65%", "75.0%（各组织满意度平均分）", "达到"]);
    expect(r.plan!.summary.zh.some((l) => l.includes("满意度测评"))).toBe(false);
  });

  it("refuses a satisfaction measure it does not know, naming the setting", () => {
    const scheme = defaultScheme("ledger", 2025);
    const r = validateScheme({ ...scheme, ledger: { ...scheme.ledger, satisfaction: "average" } });
    expect(r.problems.map((p) => p.path)).toEqual(["ledger.satisfaction"]);
    expect(scheme.ledger.satisfaction).toBe("share");
  });

  it("reads the ratings kept once in another workbook (the five-good one) when its own 满意度测评 is blank, naming the file", () => {
    // 3 of 4 satisfied = 75% ≥ 65%; the own sheet holds only the template's headers.
    const blank: SheetData = { name: "满意度测评", rows: [["测评单位", "测评结果"]] };
    const ratings: SheetData = { name: "满意度测评", rows: [["测评单位", "测评结果"], ["县委办", "满意"], ["县财政局", "满意"], ["县民政局", "不满意"], ["县水利局", "满意"]] };
    const fiveGood = { name: "五好评定.xlsx", workbook: { sheets: [ratings] } };
    const r = run(workbook([blank]), { with: [fiveGood] });
    expect(target(r)).toEqual(["基层群众满意度", "≥ 65%", "3/4（75.0%）（满意单位数/测评单位数）", "达到"]);
    expect(r.plan!.summary.zh).toContain("提示：满意度按“五好评定.xlsx”的“满意度测评”计算：满意 3 个单位 / 测评 4 个单位，达到 65%");
    expect(r.linkedUsed).toEqual(["五好评定.xlsx"]);
    // Its own filled ratings come first: 0 of 1 satisfied, the other workbook unused.
    const own: SheetData = { name: "满意度测评", rows: [["测评单位", "测评结果"], ["县委办", "不满意"]] };
    expect(target(run(workbook([own]), { with: [fiveGood] }))).toEqual(["基层群众满意度", "≥ 65%", "0/1（0.0%）（满意单位数/测评单位数）", "未达到"]);
    // A rating it cannot read there is a problem naming that file.
    const bad = { name: "五好评定.xlsx", workbook: { sheets: [{ ...ratings, rows: [...ratings.rows, ["县教育局", "良好"]] }] } };
    const p = run(workbook([blank]), { with: [bad] }).problems;
    expect(p).toEqual([expect.objectContaining({ sheet: "五好评定.xlsx：满意度测评", row: 6, col: 2 })]);
  });

  it("falls back on the organisations' mean without the ratings, saying which it is", () => {
    // (90 + 80 + 70 + 60) / 4 = 75
    expect(target(run(workbook()))).toEqual(["基层群众满意度", "≥ 65%", "75.0%（各组织满意度平均分）", "达到"]);
  });
});

describe("the five-good rate counted once", () => {
  /** The five-good assessment's table: 乡镇, 党组织, 类型, the five criteria (五好 when all five are met). */
  const fiveGood: SheetData = {
    name: "五好党组织评定",
    rows: [
      ["乡镇", "党组织", "类型", "领导班子好", "党员队伍好", "工作机制好", "发展业绩好", "群众反映好", "群众满意度"],
      ["城关镇", TOWN, "乡镇党委", "是", "是", "是", "是", "是", 90],
      ["城关镇", EAST, "村党组织", "是", "是", "否", "是", "是", 80], // not five good: the list says 是
      ["城关镇", WEST, "村党组织", "是", "是", "是", "是", "是", 70], // five good: the list says 否
      ["城关镇", NORTH, "村党组织", "是", "是", "是", "是", "是", 60],
    ],
  };

  it("takes the five-good assessment's verdicts and names each organisation the list disagrees on", () => {
    const r = run(workbook([fiveGood]), { sheet: standardSheetNames.ledger });
    expect(r.status, JSON.stringify(r.problems)).toBe("ok");
    // Assessed: town, west, north five good = 3/4; the list's own 3/4 counts other organisations.
    expect(section(r, "全县目标")[0]).toEqual(["“五好”乡镇党委和村党组织", "≥ 65%", "3/4（75.0%）", "达到"]);
    const rows = section(r, "“五好”评定与“组织名单”不一致");
    expect(rows.map((x) => [x[0], x[1]])).toEqual([
      [3, EAST],
      [4, WEST],
    ]);
    expect(rows[0][2]).toBe("第3行 东关村党支部：本表填“是”，“五好党组织评定”表第3行评定为“否”；已按评定结果计算，请改正本表或删去本列");
    expect(r.plan!.summary.zh).toContain("提示：“五好”比例按“五好党组织评定”表的评定结果计算（3/4）；“组织名单”中有 2 个组织所填与评定不同，逐个列在“组织生活落实情况”表");
  });

  it("takes a blank 是否“五好” of the list as no verdict, not as a 否 that disagrees", () => {
    const blank: SheetData = { name: ORGANISATION_SHEET, rows: [organisationFields.map((f) => f.header), ...LIST.map((r) => [...r.slice(0, 5), null, ...r.slice(6)])] };
    const wb = workbook([fiveGood]);
    wb.sheets[1] = blank;
    const r = run(wb, { sheet: standardSheetNames.ledger });
    expect(section(r, "全县目标")[0]).toEqual(["“五好”乡镇党委和村党组织", "≥ 65%", "3/4（75.0%）", "达到"]);
    expect(section(r, "“五好”评定与“组织名单”不一致")).toEqual([["无"]]);
  });

  it("takes the five-lead counts, rural members and satisfaction from the five-good table too, naming each typed figure that differs", () => {
    // The five-good table's 农村党员数 and “五带头”党员数: 东关 20 of 40, 西关 15 of 30, 北关 blank members (left out); the town committee none.
    const figures: SheetData = {
      name: "五好党组织评定",
      rows: [
        [...fiveGood.rows[0], "农村党员数", "“五带头”党员数"],
        [...fiveGood.rows[1], null, null],
        [...fiveGood.rows[2].slice(0, 8), 85, 40, 20],
        [...fiveGood.rows[3], 30, 15],
        [...fiveGood.rows[4], null, null],
      ],
    };
    // The list types 东关's satisfaction as 80 (the table says 85) and 西关's five-lead count as 10 (the table says 15); its other figures are blank.
    const list: SheetData = {
      name: ORGANISATION_SHEET,
      rows: [organisationFields.map((f) => f.header), [TOWN, "城关镇", "乡镇党委", 9, 300, null, null, null], [EAST, "城关镇", "村党组织", null, 1000, null, 80, null], [WEST, "城关镇", "村党组织", null, 900, null, null, 10], [NORTH, "城关镇", "村党组织", 12, 600, null, null, null]],
    };
    const wb = workbook([figures]);
    wb.sheets[1] = list;
    const r = run(wb, { sheet: standardSheetNames.ledger });
    expect(r.status, JSON.stringify(r.problems)).toBe("ok");
    const targets = section(r, "全县目标");
    // (20 + 15) / (40 + 30) = 50% < 60%; satisfaction: the mean of the table's 90, 85, 70, 60 = 76.25 → 76.3%.
    expect(targets.find((x) => String(x[0]).includes("五带头"))).toEqual(["农村党员“五带头”", "≥ 60%", "35/70（50.0%）", "未达到"]);
    expect(targets.find((x) => x[0] === "基层群众满意度")![2]).toBe("76.3%（各组织满意度平均分）");
    // Training funds: 东关 and 西关 take their members from the table (1000 / 40 = 25 < 30; 900 / 30 = 30), the others their own.
    expect(section(r, "党员教育培训经费（每人每年不少于 30 元）").map((x) => [x[1], x[2], x[4], x[5]])).toEqual([
      [TOWN, 9, 33.33, "达标"],
      [EAST, 40, 25, "低于 30 元"],
      [WEST, 30, 30, "达标"],
      [NORTH, 12, 50, "达标"],
    ]);
    expect(section(r, "“五好”评定与“组织名单”不一致").map((x) => x[2])).toEqual([
      "第3行 东关村党支部：本表“群众满意度”填 80，“五好党组织评定”表第3行为 85；已按后者计算，请改正本表或删去本列",
      "第4行 西关村党支部：本表“‘五带头’党员数”填 10，“五好党组织评定”表第4行为 15；已按后者计算，请改正本表或删去本列",
    ]);
    expect(r.plan!.summary.zh).toContain("提示：“五带头”比例和各组织群众满意度按“五好党组织评定”表的农村党员数、“五带头”党员数和群众满意度计算；“组织名单”所填与该表不同 2 处，已按该表，逐个列在“组织生活落实情况”表");
  });

  it("reads the five-good assessment of another workbook", () => {
    const r = run(workbook(), { with: [{ name: "五好.xlsx", workbook: { sheets: [fiveGood] } }] });
    expect(r.status, JSON.stringify(r.problems)).toBe("ok");
    expect(r.linkedUsed).toEqual(["五好.xlsx"]);
    expect(section(r, "“五好”评定与“组织名单”不一致")[0][2]).toContain("“五好.xlsx”的“五好党组织评定”表第3行评定为“否”");
  });
});
