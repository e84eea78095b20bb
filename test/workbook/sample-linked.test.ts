// The sample county linked: nothing typed twice, and every link finds its people and organisations.
import { describe, expect, it } from "vitest";
import { sampleCounty } from "../../src/kinds/sample-county";
import { linkedSample } from "../../src/kinds/sample/linked";
import { runAssessment } from "../../src/workbook/pipeline";
import { templateWorkbook } from "../../src/workbook/templates";

const now = new Date("2026-01-15T08:00:00Z");

describe("the sample county's linked workbooks", () => {
  const county = sampleCounty();
  const linked = linkedSample(county);

  it("leave 民主测评 to the appraisal: all 180 secretaries taken from it, none typed", () => {
    const appraisal = { name: "民主测评.xlsx", workbook: templateWorkbook(county.files.appraisal.spec, county.files.appraisal) };
    const r = runAssessment(templateWorkbook(linked.secretary.spec, linked.secretary), { now, with: [appraisal] });
    expect(r.status, JSON.stringify(r.problems.slice(0, 3))).toBe("ok");
    expect(r.plan!.summary.zh).toContain("提示：“民主测评”取自“民主测评.xlsx”的“民主测评”表的综合得分：180 人；逐人见“关联核对”表");
  });

  it("leave 半年考核 to the town's item sheet: no secretary's half-year score typed, all 180 computed item by item", () => {
    const main = linked.secretary.spec.sheets[0];
    const at = main.columns.filter((c) => c.role === "input").findIndex((c) => c.field === "halfYear");
    expect(at).toBeGreaterThanOrEqual(0);
    expect(linked.secretary.rows.filter((r) => r[at] !== null)).toEqual([]);
    const appraisal = { name: "民主测评.xlsx", workbook: templateWorkbook(county.files.appraisal.spec, county.files.appraisal) };
    const r = runAssessment(templateWorkbook(linked.secretary.spec, linked.secretary), { now, with: [appraisal] });
    expect(r.status, JSON.stringify(r.problems.slice(0, 3))).toBe("ok");
    expect(r.plan!.summary.zh).toContain("提示：半年考核逐项取自“半年考核”表：180 人");
  });

  it("leave 五好 to the five-good assessment and count each leader's own contact point and satisfaction as a share", () => {
    const fiveGood = { name: "五好.xlsx", workbook: templateWorkbook(county.files.fiveGood.spec, county.files.fiveGood) };
    const book = templateWorkbook(linked.ledger.spec, linked.ledger);
    const r = runAssessment(book, { now, with: [fiveGood] });
    expect(r.status, JSON.stringify(r.problems.slice(0, 3))).toBe("ok");
    const lines = r.plan!.summary.zh.join("\n");
    // 12 townships × 2 leaders; the five-good table's own count, with no typed verdict to disagree.
    expect(lines).toContain("联系点走访按“联系点名单”逐位领导核查：24 位领导");
    expect(lines).toContain("提示：“五好”比例按“五好.xlsx”的“五好评定”表的评定结果计算（137/192）");
    expect(lines).not.toContain("所填与评定不同");
    expect(lines).toMatch(/满意度按“满意度测评”计算：满意 \d+ 个单位 \/ 测评 20 个单位/);
  });
});
