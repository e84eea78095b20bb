import { describe, expect, it } from "vitest";
import { defaultScheme } from "../../src/kinds/registry";
import { RATER_DETAIL_SHEET } from "../../src/kinds/appraisal/fields";
import { fieldsFor } from "../../src/kinds/registry";
import { runAssessment } from "../../src/workbook/pipeline";
import type { CellValue, SheetData } from "../../src/workbook/sheet";

const now = new Date("2025-12-31T08:00:00Z");
const col = (r: ReturnType<typeof runAssessment>, h: string) => {
  const block = r.plan!.results[0];
  const i = block.columns.findIndex((c) => c.header === h);
  return block.rows.map((x) => x.cells[i]);
};

describe("village secretaries", () => {
  const scheme = defaultScheme("secretary", 2025);
  const headers = fieldsFor(scheme).map((f) => f.header);
  const row = (township: string, village: string, name: string, id: string, items: (number | string | null)[], extra: Record<string, CellValue>) => {
    const r: CellValue[] = [township, village, name, id, ...items];
    for (const h of headers.slice(4 + items.length)) r.push(extra[h] ?? null);
    return r;
  };
  const full = scheme.items.map((i) => i.max); // 100 points
  const minus10 = scheme.items.map((i, k) => (k < 2 ? i.max - 5 : i.max)); // 90 points
  const sheet: SheetData = {
    name: "村书记考核",
    rows: [
      headers,
      row("城关镇", "一村", "甲", "S1", full, { 半年考核: 90, 民主测评: 80, "无故缺席会议（次）": 2 }),
      row("城关镇", "二村", "乙", "S2", minus10, { 加分: 8 }),
      row("城关镇", "三村", "丙", "S3", full, { 一票否决: "是", 民主测评: 100 }),
    ],
  };
  const r = runAssessment({ sheets: [sheet] }, { kind: "secretary", now });

  it("totals the items, deductions down to their cap and the capped bonus", () => {
    expect(r.problems).toEqual([]);
    // 甲: 100 − 2 × 2 = 96; 乙: 90 + min(8, 5) = 95; 丙: 100
    // Issue 10: under the template's own headers (年度得分, was 年度量化得分), with 扣分 beside them: 甲 2 × 2 = 4.
    expect(col(r, "年度得分")).toEqual([96, 95, 100]);
    expect(col(r, "扣分")).toEqual([4, 0, 0]);
  });

  it("combines the half-year test (0.4) and the year (0.6), then 70% quantified + 30% ballot, renormalising blanks", () => {
    // 甲: 0.4 × 90 + 0.6 × 96 = 93.6; 0.7 × 93.6 + 0.3 × 80 = 89.52
    expect(col(r, "量化得分")).toEqual([93.6, 95, 100]);
    expect(col(r, "综合得分")).toEqual([89.52, 95, 100]);
  });

  it("keeps the vetoed secretary out of the top grade", () => {
    // 3 rated: floor(20% × 3) = 0 优秀 places in the township
    expect(col(r, "等次")).toEqual(["称职", "称职", "称职"]);
    expect(String(col(r, "说明")[1])).toContain("超出优秀比例");
    expect(String(col(r, "说明")[2])).toContain("一票否决");
    expect(col(r, "分类")).toEqual(["三类", "二类", "一类"]);
  });
});

describe("democratic appraisal", () => {
  const sheet: SheetData = {
    name: "民主测评",
    rows: [
      ["单位", "姓名", "自评", "互评", "群众评议", "支部评定", "优秀票", "称职票", "基本称职票", "不称职票", "应参评人数"],
      ["城关镇", "甲", 90, 80, null, 90, 18, 2, 0, 0, 20],
      ["城关镇", "乙", 80, 80, 80, 80, 10, 5, 0, 5, 25],
      ["城关镇", "丙", null, null, null, null, 5, 5, 0, 0, 20],
    ],
  };
  const r = runAssessment({ sheets: [sheet] }, { kind: "appraisal", now });
  it("renormalises the composite over the rater groups present and grades by vote share with the 4/5 turnout", () => {
    expect(r.problems).toEqual([]);
    // 甲: (0.2 × 90 + 0.4 × 80 + 0.2 × 90) / 0.8 = 85
    expect(col(r, "综合得分")).toEqual([85, 80, ""]);
    // 甲: 18/20 = 90% 优秀; 乙: 15/20 = 75% 优秀+称职 → 称职 (turnout 20/25 = 4/5 exactly counts); 丙: 10/20 < 4/5 → void,
    // shown as 测评无效 as KAOHE.VOTEGRADE shows it (issue 10: it was blank)
    expect(col(r, "得票等次")).toEqual(["优秀", "称职", "测评无效"]);
    expect(String(col(r, "说明")[2])).toContain("无效");
  });

  describe("with the raters' own scores on 评分明细", () => {
    const detailHeader: CellValue[] = ["序号", "被评议人", "评议主体", "分数"];
    const detail = (rows: CellValue[][]): SheetData => ({ name: RATER_DETAIL_SHEET, rows: [["2025年度民主测评评分明细"], detailHeader, ...rows.map((x, i) => [i + 1, ...x])] });
    // 甲: 7 peer scores; 乙: 4 public scores, one rater who did not score.
    const peers = [60, 80, 82, 84, 86, 88, 99].map((x) => ["甲", "互评", x]);
    const publics = [["乙", "群众评议", 70], ["乙", "群众评议", 75], ["乙", "群众评议", 80], ["乙", "群众评议", 85], ["乙", "群众评议", null]];
    const run = (rows: CellValue[][]) => runAssessment({ sheets: [sheet, detail(rows)] }, { kind: "appraisal", now });

    it("drops the highest and lowest of 7 raters, takes the plain mean of 4, and the composite uses them with the renormalised weights", () => {
      const d = run([...peers, ...publics]);
      expect(d.problems).toEqual([]);
      // 甲: peer (80 + 82 + 84 + 86 + 88) / 5 = 84, not the table's 80; public blank:
      //     (0.2 × 90 + 0.4 × 84 + 0.2 × 90) / 0.8 = 87
      // 乙: public (70 + 75 + 80 + 85) / 4 = 77.5; 0.2 × 80 + 0.4 × 80 + 0.2 × 77.5 + 0.2 × 80 = 79.5
      expect(col(d, "综合得分")).toEqual([87, 79.5, ""]);
      const notes = col(d, "说明").map(String);
      // The blank public group is shared out and the row says so.
      expect(notes[0]).toBe("互评：7人评分，去掉最高、最低分后 84.00（表中填 80）；无群众评议评分，其权重按比例分给其他评议主体");
      expect(notes[1]).toContain("群众评议：4人评分，未去极值，平均 77.50（表中填 80）");
      expect(notes[2]).toContain("无效");
      expect(d.plan!.summary.zh.join("\n")).toContain("其中 2 人的评议主体得分按“评分明细”计算");
    });

    it("fills a blank group cell of the table and says the raters were too few to trim", () => {
      const d = run([["丙", "自评", 88]]);
      expect(d.problems).toEqual([]);
      expect(col(d, "综合得分")).toEqual([85, 80, 88]);
      expect(String(col(d, "说明")[2])).toMatch(/^自评：1人评分，未去极值；/);
    });

    it("lists a row for someone not in the table and an unknown rater group, each with its sheet, row and column", () => {
      const d = run([...peers, ["丁", "互评", 90], ["甲", "上级评价", 90]]);
      expect(d.status).toBe("problems");
      // Row 1 is the title, row 2 the header, so the 8th and 9th detail rows are rows 10 and 11.
      expect(d.problems).toEqual([
        expect.objectContaining({ sheet: RATER_DETAIL_SHEET, row: 10, col: 2, header: "被评议人", zh: "“丁”不在“民主测评”表中" }),
        expect.objectContaining({ sheet: RATER_DETAIL_SHEET, row: 11, col: 3, header: "评议主体", zh: expect.stringContaining("“上级评价”不是评议主体") }),
      ]);
    });

    it("matches by 编号 when both tables have one, so two people of the same name stay apart", () => {
      const withIds: SheetData = {
        name: "民主测评",
        rows: [
          ["单位", "姓名", "编号", "自评", "互评"],
          ["城关镇", "甲", "A1", 90, null],
          ["河西乡", "甲", "A2", 70, null],
        ],
      };
      const rows: CellValue[][] = [["被测评人", "编号", "评议主体", "分数"], ["甲", "A2", "互评", 60], ["甲", "A2", "互评", 62], ["甲", "", "互评", 64]];
      const d = runAssessment({ sheets: [withIds, { name: RATER_DETAIL_SHEET, rows }] }, { kind: "appraisal", now });
      expect(d.problems).toEqual([expect.objectContaining({ row: 4, col: 1, zh: "“民主测评”表中有 2 人名叫“甲”，请填写编号" })]);
      rows.pop();
      const ok = runAssessment({ sheets: [withIds, { name: RATER_DETAIL_SHEET, rows }] }, { kind: "appraisal", now });
      // 甲 (A2): peer 61; (0.2 × 70 + 0.4 × 61) / 0.6 = 64
      expect(col(ok, "综合得分")).toEqual([90, 64]);
    });
  });
});

describe('"five good" organisations', () => {
  it("compares the county's rates with the targets exactly", () => {
    const rows: CellValue[][] = [["乡镇", "党组织", "领导班子好", "党员队伍好", "工作机制好", "发展业绩好", "群众反映好", "群众满意度", "农村党员数", "“五带头”党员数"]];
    // 20 organisations, 13 five-good = 65% exactly: the target is met (以上 includes 65%).
    for (let i = 0; i < 20; i++) rows.push(["城关镇", `村${i}`, "是", "是", "是", "是", i < 13 ? "是" : "否", 65, 10, 6]);
    const r = runAssessment({ sheets: [{ name: "五好评定", rows }] }, { kind: "fiveGood", now });
    expect(r.problems).toEqual([]);
    const summary = r.plan!.reports[0];
    const county = summary.rows.at(-1)!;
    expect(county.slice(0, 3)).toEqual(["全县", 20, 13]);
    expect(county[8]).toBe("全部达标");
    rows[13][6] = "否";
    rows[12][6] = "否";
    const r2 = runAssessment({ sheets: [{ name: "五好评定", rows }] }, { kind: "fiveGood", now });
    expect(String(r2.plan!.reports[0].rows.at(-1)![8])).toContain("未达标");
  });
});
