// kaohe merge carries each township's 评分明细, so the county's run takes the raters' trimmed means as the township's run did, not the typed group scores.
import { describe, expect, it } from "vitest";
import { RATER_DETAIL_SHEET } from "../../src/kinds/appraisal/fields";
import { defaultScheme } from "../../src/kinds/registry";
import { mergeReturns } from "../../src/workbook/merge";
import { runAssessment } from "../../src/workbook/pipeline";
import type { CellValue, SheetData } from "../../src/workbook/sheet";

const now = new Date("2025-12-31T08:00:00Z");
const header = ["单位", "姓名", "编号", "自评", "互评", "群众评议", "支部评定", "优秀票", "称职票", "基本称职票", "不称职票", "应参评人数"];
const table = (town: string, name: string, id: string): SheetData => ({ name: "民主测评", rows: [header, [town, name, id, 90, 80, 90, 90, 18, 2, 0, 0, 20]] });
const detail = (rows: CellValue[][]): SheetData => ({ name: RATER_DETAIL_SHEET, rows: [["被评议人", "编号", "评议主体", "分数"], ...rows] });

describe("merging the appraisals with their 评分明细", () => {
  // 城关镇's 甲 has seven peer scores: 60 and 99 dropped, (80 + 82 + 84 + 86 + 88) / 5 = 84, not the typed 80.
  const peers = [60, 80, 82, 84, 86, 88, 99].map((x) => ["甲", "A1", "互评", x]);
  const sources = [
    { name: "城关镇.xlsx", data: { sheets: [table("城关镇", "甲", "A1"), detail(peers)] } },
    { name: "河口镇.xlsx", data: { sheets: [table("河口镇", "乙", "B1")] } },
  ];
  const merged = mergeReturns(sources, defaultScheme("appraisal", 2025));

  it("holds the raters' scores of every return that kept them", () => {
    expect(merged.workbook.sheets.find((s) => s.name === RATER_DETAIL_SHEET)?.rows).toHaveLength(8);
  });

  it("the county's composite of 甲 uses the trimmed peer score, as 城关镇's own run does", () => {
    const composite = (r: ReturnType<typeof runAssessment>) => {
      const block = r.plan!.results[0];
      return block.rows.map((x) => x.cells[block.columns.findIndex((c) => c.header === "综合得分")]);
    };
    // 甲: 0.2 × 90 + 0.4 × 84 + 0.2 × 90 + 0.2 × 90 = 87.6; 乙: 0.2 × 90 + 0.4 × 80 + 0.2 × 90 + 0.2 × 90 = 86.
    const county = runAssessment(merged.workbook, { kind: "appraisal", now });
    expect(county.status, JSON.stringify(county.problems)).toBe("ok");
    expect(composite(county)).toEqual([87.6, 86]);
    expect(composite(runAssessment(sources[0].data, { kind: "appraisal", now }))).toEqual([87.6]);
  });
});
