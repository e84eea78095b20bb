import { describe, expect, it } from "vitest";
import { defaultScheme } from "../../src/kinds/registry";
import { mergeReturns, mergeScheme, SOURCE_HEADER, sourceProblem, townshipFromFileName } from "../../src/workbook/merge";
import { runAssessment } from "../../src/workbook/pipeline";
import { schemeSheet } from "../../src/workbook/scheme-sheet";
import type { CellValue, WorkbookData } from "../../src/workbook/sheet";

const cadre = defaultScheme("cadre", 2025);
const header = ["乡镇", "姓名", "编号", "职务", "任务得分", "年终考评", "应发工资", "一票否决"];
const book = (rows: CellValue[][], name = "干部考核"): WorkbookData => ({ sheets: [{ name, rows }] });

describe("the township a file name names", () => {
  it("takes the part that ends in 镇, 乡 or 街道, else the whole name", () => {
    expect(townshipFromFileName("城关镇.xlsx")).toBe("城关镇");
    expect(townshipFromFileName("/data/returns/城关镇-干部考核.xlsx")).toBe("城关镇");
    expect(townshipFromFileName("2025_东山乡_上报.xlsx")).toBe("东山乡");
    expect(townshipFromFileName("西城街道（修改）.xlsx")).toBe("西城街道");
    expect(townshipFromFileName("乡镇汇总.xlsx")).toBe("乡镇汇总");
    expect(townshipFromFileName("三组.xlsx")).toBe("三组");
  });
});

describe("merging the townships' returns", () => {
  const chengguan = book([["城关镇干部考核表"], header, ["城关镇", "张三", "A1", "科员", 95, 90, 5000, ""], ["城关镇", "李四", "A2", "科员", 88, 80, 4000, ""], ["合计", null, null, null, null, null, 9000, null]]);
  // Another order of columns, no 乡镇 column, a title row, a blank row in the middle.
  const dongshan = book([["编号", "姓名", "应发工资", "任务得分"], ["B1", "赵六", 3000, 70], [], ["B2", "钱七", 3500, "缺考"]], "Sheet1");
  const merged = mergeReturns(
    [
      { name: "城关镇.xlsx", data: chengguan },
      { name: "东山乡.xlsx", data: dongshan },
    ],
    cadre,
  );
  const sheet = merged.workbook.sheets[0];

  it("puts every data row under one standard header, with a column naming its file and row", () => {
    expect(merged.sheet).toBe("干部考核");
    expect(sheet.rows[0]).toEqual(["乡镇", "姓名", "编号", "职务", "任务得分", "年终考评", "应发工资", "一票否决", SOURCE_HEADER]);
    expect(sheet.rows.slice(1)).toEqual([
      ["城关镇", "张三", "A1", "科员", 95, 90, 5000, "", "城关镇.xlsx 第3行"],
      ["城关镇", "李四", "A2", "科员", 88, 80, 4000, "", "城关镇.xlsx 第4行"],
      ["东山乡", "赵六", "B1", null, 70, null, 3000, null, "东山乡.xlsx 第2行"],
      ["东山乡", "钱七", "B2", null, "缺考", null, 3500, null, "东山乡.xlsx 第4行"],
    ]);
    expect(merged.sources).toEqual([
      { name: "城关镇.xlsx", sheet: "干部考核", rows: 2 },
      { name: "东山乡.xlsx", sheet: "Sheet1", rows: 2 },
    ]);
    expect(merged.conflicts).toEqual([]);
  });

  it("places a problem of the county table at the file, sheet, row and column to fix", () => {
    // 东山乡's return has no 年终考评: shared out by the scheme's word, so the one problem left is its 缺考.
    const r = runAssessment(merged.workbook, { scheme: { ...cadre, missing: { ...cadre.missing, parts: "reweight" } } });
    expect(r.status).toBe("problems");
    const placed = r.problems.map((p) => sourceProblem(p, merged));
    expect(placed).toHaveLength(1);
    expect(placed[0].source).toBe("东山乡.xlsx");
    // 任务得分 is column D of 东山乡's Sheet1, row 4
    expect(placed[0].problem).toMatchObject({ sheet: "Sheet1", row: 4, col: 4 });
    expect(placed[0].problem.zh).toContain("缺考");
  });

  it("rewrites a row a message cites to that row's file", () => {
    const p = { sheet: "干部考核", row: 4, col: 3, zh: "“A1”与第2行重复", en: '"A1" repeats row 2' };
    expect(sourceProblem(p, merged).problem.zh).toBe("“A1”与城关镇.xlsx 第3行重复");
    expect(sourceProblem(p, merged).problem.en).toBe('"A1" repeats 城关镇.xlsx row 3');
    expect(sourceProblem({ ...p, row: 3 }, merged).problem.zh).toBe("“A1”与第3行重复");
    expect(sourceProblem({ ...p, sheet: "别的表" }, merged).problem).toEqual({ ...p, sheet: "别的表" });
  });
});

describe("conflicts between returns", () => {
  it("lists IDs repeated across files, and leaves repeats within a file to the checks", () => {
    const a = book([header, ["城关镇", "张三", "X1", "", 90, 90, 5000, ""]]);
    const b = book([header, ["东山乡", "张三", "X1", "", 80, 80, 5000, ""], ["东山乡", "李四", "X2", "", 80, 80, 5000, ""], ["东山乡", "王五", "X2", "", 80, 80, 5000, ""]]);
    const m = mergeReturns(
      [
        { name: "a.xlsx", data: a },
        { name: "b.xlsx", data: b },
      ],
      cadre,
    );
    expect(m.conflicts).toEqual([{ kind: "duplicateId", source: "b.xlsx", zh: "编号“X1”重复：a.xlsx 第2行 与 b.xlsx 第2行", en: 'ID "X1" repeats: a.xlsx row 2 and b.xlsx row 2' }]);
  });

  it("does not take a row number (序号) for an ID: every township numbers from 1", () => {
    const h = ["序号", "乡镇", "姓名", "任务得分", "年终考评", "应发工资"];
    const m = mergeReturns(
      [
        { name: "a.xlsx", data: book([h, [1, "城关镇", "张三", 90, 90, 5000]]) },
        { name: "b.xlsx", data: book([h, [1, "东山乡", "李四", 80, 80, 5000]]) },
      ],
      cadre,
    );
    expect(m.conflicts).toEqual([]);
    expect(m.workbook.sheets[0].rows[0]).not.toContain("编号");
    expect(runAssessment(m.workbook, { scheme: cadre }).status).toBe("ok");
  });

  it("names a file without the table, a file of another kind, and an empty table", () => {
    const member = book([["乡镇", "支部", "姓名", "党员类别", "思想政治", "遵纪守法", "文明风尚", "联系服务", "岗位责任"], ["城关镇", "一支部", "甲", "村干部党员", 90, 90, 90, 90, 90]], "党员星级");
    const m = mergeReturns(
      [
        { name: "notes.xlsx", data: book([["工作总结"], ["今年完成了……"]], "说明") },
        { name: "stars.xlsx", data: member },
        { name: "half.xlsx", data: book([["乡镇", "姓名", "任务得分"], ["城关镇", "甲", 90]]) },
        { name: "empty.xlsx", data: book([header]) },
      ],
      cadre,
    );
    expect(m.conflicts.map((c) => [c.kind, c.source])).toEqual([
      ["tableNotFound", "notes.xlsx"],
      ["otherKind", "stars.xlsx"],
      ["tableNotFound", "half.xlsx"],
      ["emptyTable", "empty.xlsx"],
    ]);
    expect(m.conflicts[1].zh).toContain("党员星级评定");
    expect(m.conflicts[2].zh).toContain("应发工资");
  });
});

describe("the scheme a merge uses", () => {
  const cadreBook = book([header, ["城关镇", "张三", "A1", "", 90, 90, 5000, ""]]);
  it("takes the kind most returns hold", () => {
    const appraisal = book([["单位", "姓名", "自评"], ["城关镇", "甲", 90]], "民主测评");
    const r = mergeScheme([
      { name: "1", data: appraisal },
      { name: "2", data: cadreBook },
      { name: "3", data: cadreBook },
    ]);
    expect(r.scheme?.kind).toBe("cadre");
  });

  it("takes the scheme a return carries in its 考核方案 sheet, and the one given before that", () => {
    const custom = { ...cadre, title: "某县2025年干部考核" };
    const drawn = schemeSheet(custom);
    const withScheme: WorkbookData = { sheets: [...cadreBook.sheets, { name: "考核方案", rows: [[drawn.title], drawn.columns.map((c) => c.header), ...(drawn.rows as CellValue[][])] }] };
    expect(mergeScheme([{ name: "1", data: withScheme }]).scheme?.title).toBe("某县2025年干部考核");
    expect(mergeScheme([{ name: "1", data: withScheme }], { scheme: { ...cadre, title: "给定" } }).scheme?.title).toBe("给定");
    expect(mergeScheme([{ name: "1", data: book([["无关"]]) }])).toEqual({ problems: [] });
  });
});

describe("merging ledgers", () => {
  const ledger = defaultScheme("ledger", 2025);
  const events = (org: string, dates: number[]): CellValue[][] => [["组织", "类型", "日期", "应到人数", "实到人数"], ...dates.map((d) => [org, "走访", d, 5, 5])];
  const orgs = (org: string): CellValue[][] => [["组织名称", "组织类型", "党员人数", "培训经费"], [org, "村党组织", 20, 600]];
  const returnOf = (org: string, dates: number[]): WorkbookData => ({
    sheets: [
      { name: "组织生活台账", rows: events(org, dates) },
      { name: "组织名单", rows: orgs(org) },
    ],
  });
  it("combines the lists of organisations too, so the county ledger computes", () => {
    // 45658 = 2025-01-01; 45838 = 2025-06-30
    const merged = mergeReturns(
      [
        { name: "城关镇.xlsx", data: returnOf("一村", [45658, 45838]) },
        { name: "东山乡.xlsx", data: returnOf("二村", [45658]) },
      ],
      ledger,
    );
    const list = merged.workbook.sheets.find((s) => s.name === "组织名单")!;
    expect(list.rows.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ["一村", "城关镇"],
      ["二村", "东山乡"],
    ]);
    const r = runAssessment(merged.workbook, { scheme: ledger, now: new Date("2025-12-31") });
    expect(r.problems).toEqual([]);
    const report = r.plan!.reports.find((x) => x.name === "组织生活落实情况")!;
    const visits = report.rows.filter((row) => String(row[2]).includes("走访"));
    expect(visits.map((row) => [row[1], row[6]])).toEqual([
      ["一村", 0],
      ["二村", 1],
    ]);
  });
});

describe("the county's scheme when merging", () => {
  const withScheme = (scheme: typeof cadre): WorkbookData => {
    const drawn = schemeSheet(scheme);
    return {
      sheets: [
        { name: "干部考核", rows: [header, ["城关镇", "张三", "A1", "科员", 95, 90, 5000, ""]] },
        { name: "考核方案", rows: [[drawn.title], drawn.columns.map((c) => c.header), ...(drawn.rows as CellValue[][])] },
      ],
    };
  };
  const lenient = { ...cadre, title: "东山乡自定方案", grade: { ...cadre.grade, topRatio: "100%" } };

  it("takes the scheme most returns carry, names its file, and names a return whose scheme differs with the setting", () => {
    const chosen = mergeScheme([
      { name: "城关镇.xlsx", data: withScheme(cadre) },
      { name: "东山乡.xlsx", data: withScheme(lenient) },
      { name: "西山镇.xlsx", data: withScheme(cadre) },
    ]);
    expect(chosen.scheme?.grade.topRatio).toBe("20%");
    expect(chosen).toMatchObject({ from: "return", source: "城关镇.xlsx", sharedBy: 2 });
    expect(chosen.differing).toEqual([{ source: "东山乡.xlsx", differences: [{ path: "grade.topRatio", name: "等次 最高等次比例", county: "20%", own: "100%" }] }]);
  });

  it("on a tie takes the first file's scheme, and still names the other", () => {
    const chosen = mergeScheme([
      { name: "东山乡.xlsx", data: withScheme(lenient) },
      { name: "城关镇.xlsx", data: withScheme(cadre) },
    ]);
    expect(chosen).toMatchObject({ from: "return", source: "东山乡.xlsx", sharedBy: 1 });
    expect(chosen.differing?.map((d) => [d.source, d.differences.map((x) => [x.county, x.own])])).toEqual([["城关镇.xlsx", [["100%", "20%"]]]]);
  });

  it("with a scheme given, names every return whose own differs; a different title alone is no difference", () => {
    const chosen = mergeScheme(
      [
        { name: "城关镇.xlsx", data: withScheme({ ...cadre, title: "城关镇2025年干部考核" }) },
        { name: "东山乡.xlsx", data: withScheme(lenient) },
        { name: "西山镇.xlsx", data: book([header]) },
      ],
      { scheme: cadre },
    );
    expect(chosen.from).toBe("given");
    expect(chosen.differing?.map((d) => d.source)).toEqual(["东山乡.xlsx"]);
  });
});

describe("a return without a 乡镇 column, and --sheet", () => {
  const noTownship = ["姓名", "编号", "任务得分", "年终考评", "应发工资"];
  it("takes the township from the title before the file name, and says where it came from", () => {
    const m = mergeReturns(
      [
        { name: "上报1.xlsx", data: book([["2025年度西山镇干部绩效考核表"], noTownship, ["张三", "C1", 90, 90, 5000]], "Sheet1") },
        { name: "南关镇.xlsx", data: book([noTownship, ["李四", "D1", 80, 80, 4000]], "Sheet1") },
      ],
      cadre,
    );
    expect(m.workbook.sheets[0].rows.slice(1).map((r) => r[0])).toEqual(["西山镇", "南关镇"]);
    expect(m.townships).toEqual([
      { source: "上报1.xlsx", township: { name: "西山镇", from: "title", text: "2025年度西山镇干部绩效考核表" } },
      { source: "南关镇.xlsx", township: { name: "南关镇", from: "fileName", text: "南关镇.xlsx" } },
    ]);
  });

  it("reads each return's table from the sheet named, and names a return without that sheet with its sheets", () => {
    const two: WorkbookData = { sheets: [{ name: "说明", rows: [["填表说明"]] }, { name: "上报", rows: [header, ["城关镇", "张三", "A1", "科员", 95, 90, 5000, ""]] }] };
    const m = mergeReturns(
      [
        { name: "城关镇.xlsx", data: two },
        { name: "东山乡.xlsx", data: book([header, ["东山乡", "赵六", "B1", "科员", 70, 60, 3000, ""]]) },
      ],
      cadre,
      { sheet: "上报" },
    );
    expect(m.sources[0]).toEqual({ name: "城关镇.xlsx", sheet: "上报", rows: 1 });
    expect(m.conflicts).toEqual([
      {
        kind: "tableNotFound",
        source: "东山乡.xlsx",
        zh: "“东山乡.xlsx”：工作表“上报”：工作簿中没有这个工作表。工作表有：“干部考核”",
        en: '"东山乡.xlsx": sheet "上报": the workbook has no such sheet. Its sheets: "干部考核"',
      },
    ]);
  });
});
