// The sample county links its returns: nothing typed twice, every link finds its people and organisations, and the linked results are those the typed figures gave.
import { describe, expect, it } from "vitest";
import { inputColumns } from "../../src/workbook/templates";
import { sampleCounty } from "../../src/kinds/sample-county";
import { runAssessment } from "../../src/workbook/pipeline";
import { templateWorkbook } from "../../src/workbook/templates";
import type { SampleSheet } from "../../src/kinds/sample-county";

const now = new Date("2026-01-15T08:00:00Z");
const book = (f: SampleSheet) => templateWorkbook(f.spec, f);
const column = (f: SampleSheet, field: string) => {
  const at = inputColumns(f.spec.sheets[0]).findIndex((c) => c.field === field);
  expect(at, field).toBeGreaterThanOrEqual(0);
  return f.rows.map((r) => r[at]);
};

describe("the sample county's linked workbooks", () => {
  const county = sampleCounty();
  const { secretary, appraisal, ledger, fiveGood } = county.files;

  it("say which return each reads from", () => {
    expect(county.sources).toEqual({ secretary: ["appraisal"], ledger: ["fiveGood"] });
  });

  it("give each secretary an appraisal whose groups' scores make a composite to the tenth, as the county recorded it", () => {
    // 自评 0.2, 互评 0.4, 群众评议 0.2, 支部评定 0.2; a group that did not rate shares out its weight.
    const weights = [0.2, 0.4, 0.2, 0.2];
    const groups = [1, 2, 3, 4].map((k) => column(appraisal, `rater${k}`));
    let missing = 0;
    appraisal.rows.forEach((_, i) => {
      const given = groups.map((g) => g[i] as number | null);
      for (const x of given.filter((g) => g !== null)) expect(x >= 50 && x <= 100, `row ${i}: ${x}`).toBe(true);
      if (given.includes(null)) missing++;
      const w = given.reduce<number>((t, x, k) => (x === null ? t : t + weights[k]), 0);
      const composite = given.reduce<number>((t, x, k) => (x === null ? t : t + weights[k] * x), 0) / w;
      expect(Math.abs(composite * 10 - Math.round(composite * 10)), `row ${i}`).toBeLessThan(1e-6);
      expect(composite).toBeGreaterThanOrEqual(55 - 1e-9);
      expect(composite).toBeLessThanOrEqual(99 + 1e-9);
    });
    expect(missing).toBeGreaterThan(0);
  });

  it("leave 民主测评 to the appraisal: none typed, all 180 secretaries taken from it", () => {
    expect(column(secretary, "ballot").filter((v) => v !== null)).toEqual([]);
    const r = runAssessment(book(secretary), { now, with: [{ name: "民主测评.xlsx", workbook: book(appraisal) }] });
    expect(r.status, JSON.stringify(r.problems.slice(0, 3))).toBe("ok");
    expect(r.plan!.summary.zh).toContain("提示：“民主测评”取自“民主测评.xlsx”的“民主测评”表的综合得分：180 人；逐人见“关联核对”表");
  });

  it("leave 半年考核 to the town's item sheet: none typed, all 180 computed item by item", () => {
    expect(column(secretary, "halfYear").filter((v) => v !== null)).toEqual([]);
    const r = runAssessment(book(secretary), { now, with: [{ name: "民主测评.xlsx", workbook: book(appraisal) }] });
    expect(r.plan!.summary.zh).toContain("提示：半年考核逐项取自“半年考核”表：180 人");
  });

  it("leave 五好 and the units' ratings to the five-good workbook, and count each leader's own contact point and satisfaction as a share", () => {
    const ratingsAt = ledger.spec.extra!.findIndex((e) => e.name === "满意度测评");
    expect(ledger.extra![ratingsAt]?.rows ?? []).toEqual([]);
    const listAt = inputColumns(ledger.spec.extra![0]).findIndex((c) => c.field === "fiveGood");
    expect(ledger.extra![0].rows.filter((r) => r[listAt] !== null)).toEqual([]);
    const r = runAssessment(book(ledger), { now, with: [{ name: "五好.xlsx", workbook: book(fiveGood) }] });
    expect(r.status, JSON.stringify(r.problems.slice(0, 3))).toBe("ok");
    const lines = r.plan!.summary.zh.join("\n");
    // 12 townships × 2 leaders; the five-good table's own count, with no typed verdict to disagree.
    // Only the contact points are visited, each twice by its one leader: nobody short, no visit left over.
    expect(r.plan!.summary.zh).toContain("提示：联系点走访按“联系点名单”逐位领导核查：24 位领导，0 位未达要求");
    expect(lines).toContain("提示：“五好”比例按“五好.xlsx”的“五好评定”表的评定结果计算（137/192）");
    expect(lines).not.toContain("所填与评定不同");
    // The ratings are kept once, in the five-good workbook, and the ledger reads them there.
    expect(lines).toMatch(/满意度按“五好.xlsx”的“满意度测评”计算：满意 \d+ 个单位 \/ 测评 20 个单位/);
    expect(r.linkedUsed).toEqual(["五好.xlsx"]);
  });
});
