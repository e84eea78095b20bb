// The ledger of organisational life through the pipeline: duties per period, quorums, two-thirds votes, training funds, county targets and every problem in its cell.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { periodIndex, periodStart } from "../../src/core/cadence";
import { excelSerial } from "../../src/core/dates";
import { defaultScheme } from "../../src/kinds/registry";
import { ledgerFields, ORGANISATION_SHEET, organisationFields } from "../../src/kinds/ledger/fields";
import { standardSheetNames } from "../../src/kinds/registry";
import type { PlanCell } from "../../src/workbook/plan";
import { runAssessment, type RunResult } from "../../src/workbook/pipeline";
import { readRecords } from "../../src/workbook/read";
import { sampleCounty } from "../../src/kinds/sample-county";
import type { CellValue, WorkbookData } from "../../src/workbook/sheet";
import { findTable } from "../../src/workbook/table";
import { templateWorkbook } from "../../src/workbook/templates";

const now = new Date("2026-01-15T08:00:00Z");
const day = (m: number, d: number) => excelSerial(2025, m, d)!;

// ---------------------------------------------------------------- a small county by hand

/** One ledger row: 组织, 类型, 日期, 应到人数, 实到人数, 人事事项, 赞成人数, 备注. */
type Entry = [string, string, CellValue, number?, number?, string?, number?, string?];
const row = (e: Entry): CellValue[] => Array.from({ length: ledgerFields.length }, (_, i) => e[i] ?? null);

const TOWN = "城关镇党委";
const EAST = "东关村党支部";
const WEST = "西关村党支部";
const NORTH = "北关村党支部";

/** 组织名单: 组织名称, 乡镇, 组织类型, 党员人数, 培训经费, 是否“五好”, 群众满意度, “五带头”党员数. */
const LIST: CellValue[][] = [
  [TOWN, "城关镇", "乡镇党委", 40, 1200, "是", 90, null],
  [EAST, "城关镇", "村党组织", 20, 599.99, "是", 80, 12],
  [WEST, "城关镇", "村党组织", 10, 300, "否", 70, 6],
  // On the list but with no entry in the ledger: every duty is short. No members: no funds check.
  [NORTH, "城关镇", "村党组织", null, null, "是", 60, 5],
];

/** Every Wednesday of 2025: 2025-01-01 and 2025-12-31 are both Wednesdays, so one a week, 53 in all. */
const WEDNESDAYS = Array.from({ length: 53 }, (_, k) => day(1, 1) + 7 * k);

/**
 * The township committee meets monthly, but not in March or August; February's meeting has 8 of 12
 * (exactly two thirds), April's 7. Two appointments are voted in May and June: 8 of 12 in favour
 * carries, 7 does not. One democratic life meeting, in January: the second half year is short.
 */
function townEntries(): Entry[] {
  const out: Entry[] = [];
  for (const m of [1, 2, 4, 5, 6, 7, 9, 10, 11, 12]) out.push([TOWN, m === 7 ? "党委会议" : "党委会", day(m, 10), 12, m === 2 ? 8 : m === 4 ? 7 : 12]);
  out.push([TOWN, "党委会", day(5, 20), 12, 12, "是", 8, "研究干部任免"]);
  out.push([TOWN, "党委会", day(6, 20), 12, 12, "是", 7, "研究干部任免"]);
  out.push([TOWN, "民主生活会", day(1, 20), 12, 11]);
  // The duties of the documents held in full: a study day each month, a finance report each quarter, the yearly vote with its tally, the special study and two reports heard.
  for (let m = 1; m <= 12; m++) out.push([TOWN, m === 6 ? "集中学习日" : "学习日", day(m, 5)]);
  for (const m of [3, 6, 9, 12]) out.push([TOWN, m === 9 ? "财务收支报告" : "财务报告", day(m, 25)]);
  out.push([TOWN, "推荐优秀干部", day(12, 15), 50, 48, undefined, undefined, "计票：实到48人，有效票48张"]);
  out.push([TOWN, "专题研究农村党建", day(4, 25)], [TOWN, "听取党建汇报", day(6, 26)], [TOWN, "农村党建工作汇报", day(11, 26)]);
  return out;
}

/** East village: weekly meetings but for the weeks of 5 March and 31 December; one talk, one training, two visits. */
function eastEntries(): Entry[] {
  const out: Entry[] = WEDNESDAYS.filter((d) => d !== day(3, 5) && d !== day(12, 31)).map((d) => [EAST, "村委会", d, 5, 4]);
  out.push([EAST, "谈话", day(4, 15)], [EAST, "培训", day(5, 15)], [EAST, "走访", day(3, 1)], [EAST, "走访", day(9, 1)], [EAST, "村干部谈话", day(7, 15)]);
  return out;
}

/** West village: everything held, its dates typed every way people type them, and an event no duty counts. */
const DATE_FORMS: ((serial: number, y: number, m: number, d: number) => CellValue)[] = [
  (s) => s,
  (s) => s + 0.5, // a date cell with a time of day
  (_, y, m, d) => `${y}-${m}-${d}`,
  (_, y, m, d) => `${y}/${String(m).padStart(2, "0")}/${String(d).padStart(2, "0")}`,
  (_, y, m, d) => `${y}年${m}月${d}日`,
  (_, y, m, d) => `${y}.${m}.${d}`,
  (_, y, m, d) => `${y}年${m}月${d}日`.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
  (_, y, m, d) => ` ${y} 年 ${m} 月 ${d} 日 `,
];

function typed(serial: number, form: number): CellValue {
  const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return DATE_FORMS[form % DATE_FORMS.length](serial, date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function westEntries(): Entry[] {
  const out: Entry[] = WEDNESDAYS.map((d, k) => [WEST, k % 5 === 0 ? "村两委会议" : "村委会", typed(d, k), 7, 5]);
  out.push([WEST, "谈心谈话", day(2, 10)], [WEST, "谈心谈话", day(8, 10)]);
  out.push([WEST, "培训", day(3, 10)], [WEST, "村干部培训", day(10, 10)]);
  out.push([WEST, "走访", day(4, 1)], [WEST, "联系点走访", day(10, 1)], [WEST, "与村干部谈话", day(7, 16)]);
  out.push([WEST, "其他", day(6, 1), undefined, undefined, undefined, undefined, "党员志愿服务"]);
  return out;
}

const ENTRIES: Entry[] = [...townEntries(), ...eastEntries(), ...westEntries()];

/** The ledger sheet has a title row, then the header: data rows start at Excel row 3. */
const FIRST_ROW = 3;

function workbook(entries: Entry[], list: CellValue[][] | null = LIST): WorkbookData {
  const sheets = [{ name: standardSheetNames.ledger, rows: [["2025年度组织生活台账"], ledgerFields.map((f) => f.header), ...entries.map(row)] }];
  if (list) sheets.push({ name: ORGANISATION_SHEET, rows: [organisationFields.map((f) => f.header), ...list] });
  return { sheets };
}

const run = (wb: WorkbookData, skipBadRows = false) => runAssessment(wb, { kind: "ledger", now, skipBadRows });

const report = (r: RunResult) => r.plan!.reports.find((x) => x.name === "组织生活落实情况")!;

/** The rows of one section of the report, after its title and header, up to the blank row that ends it. */
function section(r: RunResult, title: string): PlanCell[][] {
  const rows = report(r).rows;
  const at = rows.findIndex((x) => x[0] === title || String(x[0]).startsWith(title));
  expect(at, title).toBeGreaterThan(0);
  const out: PlanCell[][] = [];
  for (let i = at + 2; i < rows.length && rows[i].some((c) => c !== ""); i++) out.push(rows[i].filter((c, k) => c !== "" || k < 4));
  return out;
}

/** The duty rows: everything before the first section. */
const dutyRows = (r: RunResult) => report(r).rows.slice(0, report(r).rows.findIndex((x) => x.every((c) => c === "")));

const cellsOf = (r: RunResult, excelRow: number) => r.plan!.results[0].rows.find((x) => x.row === excelRow)!.cells;
const rowOf = (pred: (e: Entry) => boolean) => FIRST_ROW + ENTRIES.findIndex(pred);

// ---------------------------------------------------------------- the tests

describe("a hand-made ledger", () => {
  const r = run(workbook(ENTRIES));

  it("is read without problems, every entry and organisation counted", () => {
    expect(r.problems).toEqual([]);
    expect(r.status).toBe("ok");
    expect(r.plan!.summary.zh).toEqual([
      `2025年度组织生活台账（工作表“组织生活台账”，${ENTRIES.length} 行）`,
      `台账 ${ENTRIES.length} 条，4 个组织，2025-01-01 至 2025-12-31`,
      // 2 months + 1 half year; east 1 + 1 + 2; north 2 + 1 + 53 + 1 + 1 (its yearly talk with village cadres).
      "未落实 65 个周期；到会不足 1 次；表决未通过 1 次",
      // Without the lists the documents' measures need, each count is said to be the stand-in it is.
      "提示：没有“联系点名单”：联系点走访按每个适用的组织核查，不是联系点的村也会显示未落实；请添加“联系点名单”（领导、联系点），按每位领导到本人联系点的次数核查",
      "提示：没有“满意度测评”表：满意度按各组织群众满意度的平均分计算；《我县农村党建工作措施》要求的是县直部门和基层站所中满意单位所占比例，请添加“满意度测评”（测评单位、测评结果）",
    ]);
  });

  it("names each duty's missing periods: 2025年3月, 2025年下半年, the weeks, the year", () => {
    const rows = dutyRows(r);
    expect(rows.slice(0, 7)).toEqual([
      ["城关镇", TOWN, "党委会议每月召开", "每月不少于1次", 12, 12, 2, "2025年3月、2025年8月"],
      ["城关镇", TOWN, "民主生活会每半年一次", "每半年不少于1次", 2, 1, 1, "2025年下半年"],
      ["城关镇", TOWN, "乡镇干部每月集中学习1天", "每月不少于1次", 12, 12, 0, "全部落实"],
      ["城关镇", TOWN, "书记每季度向党委扩大会议报告财务收支", "每季度不少于1次", 4, 4, 0, "全部落实"],
      ["城关镇", TOWN, "每年民主推荐优秀干部（记录计票结果）", "每年不少于1次", 1, 1, 0, "全部落实"],
      ["城关镇", TOWN, "每年专题研究农村党建不少于1次", "每年不少于1次", 1, 1, 0, "全部落实"],
      ["城关镇", TOWN, "每年听取农村党建工作汇报不少于2次", "每年不少于2次", 1, 2, 0, "全部落实"],
    ]);
    expect(rows.slice(7, 12)).toEqual([
      ["城关镇", EAST, "书记谈心谈话每半年一次", "每半年不少于1次", 2, 1, 1, "2025年下半年"],
      ["城关镇", EAST, "村干部培训每年不少于2次", "每年不少于2次", 1, 1, 1, "2025年"],
      // Weeks run Monday to Sunday; the last one runs into 2026 and only its 2025 days count.
      ["城关镇", EAST, "村委会每周例会", "每周不少于1次", 53, 51, 2, "2025年3月3日至9日当周、2025年12月29日至1月4日当周"],
      ["城关镇", EAST, "联系点每年走访不少于2次", "每年不少于2次", 1, 2, 0, "全部落实"],
      ["城关镇", EAST, "乡镇党委书记每年与村干部谈话", "每年不少于1次", 1, 1, 0, "全部落实"],
    ]);
    // Every date form of the west village is read: all 53 weeks held, every alias counted, 其他 counted nowhere.
    expect(rows.slice(12, 17)).toEqual([
      ["城关镇", WEST, "书记谈心谈话每半年一次", "每半年不少于1次", 2, 2, 0, "全部落实"],
      ["城关镇", WEST, "村干部培训每年不少于2次", "每年不少于2次", 1, 2, 0, "全部落实"],
      ["城关镇", WEST, "村委会每周例会", "每周不少于1次", 53, 53, 0, "全部落实"],
      ["城关镇", WEST, "联系点每年走访不少于2次", "每年不少于2次", 1, 2, 0, "全部落实"],
      ["城关镇", WEST, "乡镇党委书记每年与村干部谈话", "每年不少于1次", 1, 1, 0, "全部落实"],
    ]);
    // On the list, nothing in the ledger: every period of every duty is short.
    expect(rows.slice(17).map((x) => x.slice(1, 7))).toEqual([
      [NORTH, "书记谈心谈话每半年一次", "每半年不少于1次", 2, 0, 2],
      [NORTH, "村干部培训每年不少于2次", "每年不少于2次", 1, 0, 1],
      [NORTH, "村委会每周例会", "每周不少于1次", 53, 0, 53],
      [NORTH, "联系点每年走访不少于2次", "每年不少于2次", 1, 0, 1],
      [NORTH, "乡镇党委书记每年与村干部谈话", "每年不少于1次", 1, 0, 1],
    ]);
    expect(rows[17][7]).toBe("2025年上半年、2025年下半年");
    expect(String(rows[19][7]).split("、")[0]).toBe("2024年12月30日至1月5日当周");
  });

  it("counts a meeting with 8 of 12 present (exactly two thirds) as at quorum, and 7 of 12 not", () => {
    expect(cellsOf(r, rowOf((e) => e[0] === TOWN && e[2] === day(2, 10)))).toEqual(["是", "", ""]);
    expect(cellsOf(r, rowOf((e) => e[0] === TOWN && e[2] === day(4, 10)))).toEqual(["否", "", "到会不足三分之二"]);
    expect(cellsOf(r, rowOf((e) => e[0] === TOWN && e[2] === day(1, 10)))).toEqual(["是", "", ""]);
    // A talk has nobody due: no quorum to judge.
    expect(cellsOf(r, rowOf((e) => e[1] === "谈话"))).toEqual(["", "", ""]);
  });

  it("carries a personnel decision with 8 of 12 in favour, and not with 7", () => {
    expect(cellsOf(r, rowOf((e) => e[2] === day(5, 20)))).toEqual(["是", "是", ""]);
    expect(cellsOf(r, rowOf((e) => e[2] === day(6, 20)))).toEqual(["是", "否", "赞成未达三分之二，决定无效"]);
    expect(section(r, "到会人数不足或表决未通过")).toEqual([
      [rowOf((e) => e[2] === day(4, 10)), TOWN, "党委会", "2025-04-10", "应到 12 人，实到 7 人，不足 2/3"],
      [rowOf((e) => e[2] === day(6, 20)), TOWN, "党委会", "2025-06-20", "人事事项：应到 12 人，赞成 7 人，未达 2/3"],
    ]);
  });

  it("meets the training target with exactly 30 yuan a member, and shows 599.99 for 20 members as 29.99 and below", () => {
    expect(section(r, "党员教育培训经费")).toEqual([
      ["城关镇", TOWN, 40, 1200, 30, "达标"],
      ["城关镇", EAST, 20, 599.99, 29.99, "低于 30 元"],
      ["城关镇", WEST, 10, 300, 30, "达标"],
    ]);
  });

  it("compares the county's targets exactly: 3 of 4 five-good, mean satisfaction 75, 18 of 30 five-lead is 60%", () => {
    expect(section(r, "全县目标")).toEqual([
      ["“五好”乡镇党委和村党组织", "≥ 65%", "3/4（75.0%）", "达到"],
      ["基层群众满意度", "≥ 65%", "75.0%（各组织满意度平均分）", "达到"],
      ["农村党员“五带头”", "≥ 60%", "18/30（60.0%）", "达到"],
    ]);
  });

  it("reads every date form: a date cell, one with a time, 2025-3-5, 2025/03/05, 2025年3月5日, 2025.3.5, full-width digits, stray spaces", () => {
    const sheet = workbook(ENTRIES).sheets[0];
    const t = findTable(sheet, ledgerFields)!;
    const read = readRecords(t, ledgerFields);
    expect(read.problems).toEqual([]);
    const west = read.records.filter((x) => x.values.organisation === WEST && x.values.eventType !== "谈心谈话").slice(0, 53);
    expect(west.map((x) => x.values.date)).toEqual(WEDNESDAYS);
    expect(new Set(west.map((_, k) => typeof typed(WEDNESDAYS[k], k))).size).toBe(2);
  });
});

describe("ledger problems, each in its cell", () => {
  const bad: Entry[] = [
    ["南关村党支部", "走访", day(5, 8)],
    [WEST, "村委会", "三月五日", 7, 5],
    [WEST, "村委会", "2025年13月5日", 7, 5],
    [WEST, "村委会", "2025-2-30", 7, 5],
    [WEST, "村委会", null, 7, 5],
    [WEST, "村委会", day(3, 6), 7, 9],
  ];
  const entries = [...ENTRIES, ...bad];
  const at = (k: number) => FIRST_ROW + ENTRIES.length + k;

  it("lists an organisation not in 组织名单 with its row, unreadable and blank dates with their cells, more present than due", () => {
    const r = run(workbook(entries));
    expect(r.status).toBe("problems");
    expect(r.problems.map((p) => [p.sheet, p.row, p.col, p.header])).toEqual([
      ["组织生活台账", at(1), 3, "日期"],
      ["组织生活台账", at(2), 3, "日期"],
      ["组织生活台账", at(3), 3, "日期"],
      ["组织生活台账", at(0), 1, "组织"],
      ["组织生活台账", at(4), 3, "日期"],
      ["组织生活台账", at(5), 5, "实到人数"],
    ]);
    expect(r.problems[0].zh).toContain("“三月五日”不是日期");
    expect(r.problems[3].zh).toBe(`“南关村党支部”不在“${ORGANISATION_SHEET}”中`);
    expect(r.problems[4].zh).toBe("日期不能为空");
    expect(r.problems[5].zh).toBe("9 人多于应到人数 7；请核对到会人数和应到人数");
  });

  it("skips those rows when asked, and computes the rest as before", () => {
    const skipped = run(workbook(entries), true);
    expect(skipped.status).toBe("ok");
    expect(skipped.ignored.map((x) => x.row).sort((a, b) => a - b)).toEqual(bad.map((_, k) => at(k)));
    expect(report(skipped).rows).toEqual(report(run(workbook(ENTRIES))).rows);
  });

  it("needs 组织名单, and never takes the ledger sheet itself for it", () => {
    const r = run(workbook(ENTRIES, null));
    expect(r.status).toBe("problems");
    expect(r.problems).toHaveLength(1);
    expect([r.problems[0].sheet, r.problems[0].row]).toEqual([ORGANISATION_SHEET, 0]);
    expect(r.problems[0].zh).toContain("组织名称、组织类型");
    const partial = workbook(ENTRIES);
    partial.sheets[1].rows = partial.sheets[1].rows.map((x) => x.slice(0, 2));
    expect(run(partial).problems.map((p) => [p.sheet, p.row, p.zh])).toEqual([[ORGANISATION_SHEET, 1, expect.stringContaining("组织类型")]]);
  });
});

describe("moving an event within its period", () => {
  const base = run(workbook(ENTRIES));
  const duties = defaultScheme("ledger").ledger.duties;
  const yearStart = day(1, 1);
  const yearEnd = day(12, 31);
  /** The report without the dates it quotes (a flagged meeting keeps its row but shows its new date). */
  const outcome = (r: RunResult) => ({
    report: report(r).rows.map((x) => x.map((c) => (typeof c === "string" && /^\d{4}-\d{2}-\d{2}$/.test(c) ? "" : c))),
    cells: r.plan!.results[0].rows,
    summary: r.plan!.summary,
  });
  const expected = outcome(base);

  it("never changes the report, whatever the day and however the date is typed", () => {
    fc.assert(
      fc.property(fc.nat({ max: ENTRIES.length - 1 }), fc.nat({ max: 400 }), fc.nat({ max: DATE_FORMS.length - 1 }), (i, k, form) => {
        const e = ENTRIES[i];
        const serial = Math.floor(typeof e[2] === "number" ? e[2] : WEDNESDAYS[i - ENTRIES.findIndex((x) => x[0] === WEST)]);
        const period = duties.find((d) => d.events.includes(e[1]))?.period ?? "year";
        const index = periodIndex(serial, period);
        // The ledger is checked by whole years: a week across New Year moves within this year's days only.
        const lo = Math.max(periodStart(index, period), yearStart);
        const hi = Math.min(periodStart(index + 1, period) - 1, yearEnd);
        const moved = ENTRIES.map((x) => [...x] as Entry);
        moved[i][2] = typed(lo + (k % (hi - lo + 1)), form);
        expect(outcome(run(workbook(moved)))).toEqual(expected);
      }),
      { seed: 20250305, numRuns: 150 },
    );
  });
});

describe("the sample county's ledger", () => {
  const clean = sampleCounty();
  const messy = sampleCounty({ mess: true });
  // As the county runs it: with the five-good workbook, which holds the branches' members, five-lead counts and ratings.
  const fiveGood = (c: typeof clean) => [{ name: "五好评定.xlsx", workbook: templateWorkbook(c.files.fiveGood.spec, c.files.fiveGood) }];
  const clerk = (c: typeof clean) => runAssessment(templateWorkbook(c.files.ledger.spec, c.files.ledger), { now, with: fiveGood(c) });

  it("is clean: the report finds exactly the shortfalls, the short meeting and the failed vote the county was given", () => {
    const r = clerk(clean);
    expect(r.problems).toEqual([]);
    expect(r.status).toBe("ok");
    const found = dutyRows(r).flatMap((x) => (x[7] === "全部落实" ? [] : String(x[7]).split("、").map((period) => `${x[1]}|${x[2]}|${period}`)));
    expect(found.sort()).toEqual(clean.ledger.gaps.map((g) => `${g.organisation}|${g.duty}|${g.period}`).sort());
    const first = r.table!.firstDataRow + 1;
    expect(section(r, "到会人数不足或表决未通过").map((x) => x[0])).toEqual([...clean.ledger.belowQuorum, ...clean.ledger.decisionsFailed].map((i) => first + i).sort((a, b) => a - b));
    expect(cellsOf(r, first + clean.ledger.atQuorum[0])[0]).toBe("是");
    expect(cellsOf(r, first + clean.ledger.decisionsCarried[0])[1]).toBe("是");
    const funds = section(r, "党员教育培训经费");
    expect(funds.filter((x) => x[5] !== "达标").map((x) => x[1])).toEqual(clean.ledger.underfunded.slice().sort((a, b) => funds.findIndex((x) => x[1] === a) - funds.findIndex((x) => x[1] === b)));
    expect(funds.find((x) => x[1] === clean.ledger.exactlyFunded)![5]).toBe("达标");
  });

  it("is messy: the problems reported are exactly its documented mess", () => {
    const r = clerk(messy);
    expect(r.status).toBe("problems");
    const mess = messy.mess.filter((m) => m.kind === "ledger" && m.what !== "titleLine");
    expect(mess).toHaveLength(1);
    expect(r.problems.map((p) => [p.sheet, p.row, p.col, p.header])).toEqual(mess.map((m) => [m.sheet, m.row, m.col, m.header]));
    // Skipping the row loses that one week and nothing else.
    const skipped = runAssessment(templateWorkbook(messy.files.ledger.spec, messy.files.ledger), { now, skipBadRows: true, with: fiveGood(messy) });
    const short = (x: RunResult) => dutyRows(x).reduce((s, d) => s + Number(d[6]), 0);
    expect(short(skipped)).toBe(short(clerk(clean)) + 1);
  });
});
