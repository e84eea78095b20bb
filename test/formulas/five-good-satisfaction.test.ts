// The five-good kind's satisfaction target counted as the documents say: the share of rating units satisfied (满意度测评), the mean only where the scheme asks; the band formulas give what the pipeline gives.
import { describe, expect, it } from "vitest";
import type { Scheme } from "../../src/core/scheme";
import { defaultScheme } from "../../src/kinds/registry";
import { SATISFACTION_SHEET } from "../../src/kinds/ledger/satisfaction-sheet";
import type { CellValue } from "../../src/workbook/sheet";
import { runAssessment } from "../../src/workbook/pipeline";
import { dataSheets, inputColumns, templateWorkbook, type DataSheetSpec, type TemplateData } from "../../src/workbook/templates";
import { templateSpec } from "../../src/workbook/template-spec";
import { evaluate } from "./harness";

const now = new Date("2026-01-15T00:00:00Z");
const rowOf = (sheet: DataSheetSpec, values: Record<string, CellValue>): CellValue[] => inputColumns(sheet).map((c) => values[c.field!] ?? null);

const withMean = (s: Scheme): Scheme => ({ ...s, ledger: { ...s.ledger, satisfaction: "mean" } });

describe("the five-good kind's satisfaction target", () => {
  const scheme = defaultScheme("fiveGood", 2025);
  const spec = templateSpec("fiveGood", { year: 2025, scheme });
  const [main, ratingsSheet] = dataSheets(spec);
  const yes = { criterion1: "是", criterion2: "是", criterion3: "是", criterion4: "是", criterion5: "是" };
  // Three organisations of two townships, each scoring 90: the mean, 90%, would meet the 65% target.
  const orgs = [
    rowOf(main, { township: "城关镇", organisation: "东村党支部", ...yes, satisfaction: 90, members: 20, fiveLead: 15 }),
    rowOf(main, { township: "城关镇", organisation: "西村党支部", ...yes, satisfaction: 90, members: 20, fiveLead: 15 }),
    rowOf(main, { township: "河口镇", organisation: "南村党支部", ...yes, satisfaction: 90, members: 20, fiveLead: 15 }),
  ];
  const rated = (words: string[]): TemplateData => ({ rows: orgs, extra: [{ rows: words.map((w, i) => rowOf(ratingsSheet, { unit: `县直单位${i + 1}`, rating: w })) }] });
  // 3 of 5 units 满意 (基本满意 is not satisfied): 60%, short of 65%.
  const fiveUnits = rated(["满意", "满意", "基本满意", "不满意", "满意"]);
  const run = (data: TemplateData, s: Scheme = scheme) => {
    const r = runAssessment(templateWorkbook(templateSpec("fiveGood", { year: 2025, scheme: s }), data), { scheme: s, now });
    expect(r.status, JSON.stringify(r.problems.slice(0, 3))).toBe("ok");
    const summary = r.plan!.reports.find((x) => x.name === "汇总")!;
    return { lines: r.plan!.summary.zh.join("\n"), county: summary.rows[summary.rows.length - 1], townships: summary.rows.slice(0, -1) };
  };

  it("counts the share of units rated 满意 where 满意度测评 has ratings, for the county only", () => {
    const { lines, county, townships } = run(fiveUnits);
    expect(lines).toContain("满意度按“满意度测评”计算：满意 3 个单位 / 测评 5 个单位，未达到 65%");
    expect(county[0]).toBe("全县");
    expect(county[8]).toBe("未达标：基层群众满意度");
    // The townships are not judged on a county-wide rating: 五好 3/3 and 五带头 45/60 = 75% meet their targets.
    expect(townships.map((t) => [t[0], t[8]])).toEqual([
      ["城关镇", "全部达标"],
      ["河口镇", "全部达标"],
    ]);
  });

  it("meets the target at exactly 65%: 13 of 20 units", () => {
    const words = [...Array<string>(13).fill("满意"), ...Array<string>(7).fill("基本满意")];
    expect(run(rated(words)).lines).toContain("满意 13 个单位 / 测评 20 个单位，达到 65%");
    expect(run(rated([...words.slice(1), "不满意"])).lines).toContain("满意 12 个单位 / 测评 20 个单位，未达到 65%");
  });

  it("counts the mean only where the scheme asks for it (ledger.satisfaction = mean), the ratings then unread", () => {
    const { lines, county } = run(fiveUnits, withMean(scheme));
    expect(lines).not.toContain("满意度按“满意度测评”计算");
    expect(lines).not.toContain("没有“满意度测评”表");
    expect(county[4]).toBe(90);
    expect(county[8]).toBe("全部达标");
  });

  it("without ratings counts the mean and says what it stands in for", () => {
    const { lines, county } = run({ rows: orgs, extra: [{ rows: [] }] });
    expect(lines).toContain("没有“满意度测评”表：满意度按各党组织群众满意度的平均分计算");
    expect(county[8]).toBe("全部达标");
  });

  it("reports a rating it cannot read at its cell", () => {
    const r = runAssessment(templateWorkbook(spec, rated(["满意", "还行"])), { scheme, now });
    expect(r.problems.map((p) => [p.sheet, p.row, p.zh])).toEqual([[SATISFACTION_SHEET, ratingsSheet.firstDataRow + 1, "无法识别测评结果“还行”；请填写“满意”“基本满意”或“不满意”"]]);
  });

  it("in the template's band: the formulas give the share (0.6, 未达标) as the pipeline writes it, and the mean under a mean scheme", () => {
    for (const [s, actual, reached] of [
      [scheme, 0.6, "未达标"],
      [withMean(scheme), 0.9, "达标"],
    ] as const) {
      const e = evaluate(templateSpec("fiveGood", { year: 2025, scheme: s }), s, fiveUnits);
      const band = e.band.filter((b) => b.column === "群众满意度").sort((a, b) => a.row - b.row);
      expect(band.map((b) => b.value)).toEqual([actual, reached]);
      const written = e.plan.results[1];
      const col = e.sheet.columns.find((c) => c.header === "群众满意度")!.col;
      const at = written.columns.findIndex((c) => c.col === col);
      expect(written.rows.map((r) => r.cells[at])).toEqual([actual, reached]);
    }
  });
});
