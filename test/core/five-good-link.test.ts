import { describe, expect, it } from "vitest";
import { countFiveGood } from "../../src/core/five-good-link";

const place = { file: "五好评定.xlsx", sheet: "五好评定" };

describe("countFiveGood", () => {
  it("counts the assessment's verdict once and names each organisation where the typed one disagrees", () => {
    const list = [
      { row: 2, organisation: "城关镇党委", township: "城关镇", fiveGood: true },
      { row: 3, organisation: "东关村党支部", township: "城关镇", fiveGood: true }, // assessed no: disagrees
      { row: 4, organisation: "北坡村党支部", township: "城关镇", fiveGood: null }, // assessed yes
      { row: 5, organisation: "西沟村党支部", township: "河西乡", fiveGood: false }, // not assessed: typed counts
    ];
    const assessed = [
      { row: 4, organisation: "东关村党支部", township: "城关镇", fiveGood: false },
      { row: 3, organisation: "城关镇党委", township: "城关镇", fiveGood: true },
      { row: 5, organisation: "北坡村党支部", township: "城关镇", fiveGood: true },
    ];
    const r = countFiveGood(list, place, assessed);
    // Hand count: verdicts yes, no, yes, no → 2 five good of 4 rated (typed alone would say 2 of 3).
    expect(r.verdicts).toEqual([true, false, true, false]);
    expect([r.fiveGood, r.rated]).toEqual([2, 4]);
    expect(r.disagreements.map((d) => [d.row, d.organisation, d.typed, d.assessed, d.assessedRow])).toEqual([[3, "东关村党支部", true, false, 4]]);
    expect(r.disagreements[0].zh).toBe("第3行 东关村党支部：本表填“是”，“五好评定.xlsx”的“五好评定”表第4行评定为“否”；已按评定结果计算，请改正本表或删去本列");
    expect(r.problems.map((p) => [p.kind, p.targetRow])).toEqual([["notFound", 5]]);
  });

  it("keeps organisations of the same name in two townships apart", () => {
    const list = [
      { row: 2, organisation: "新村党支部", township: "城关镇", fiveGood: null },
      { row: 3, organisation: "新村党支部", township: "河西乡", fiveGood: null },
    ];
    const assessed = [
      { row: 2, organisation: "新村党支部", township: "河西乡", fiveGood: false },
      { row: 3, organisation: "新村党支部", township: "城关镇", fiveGood: true },
    ];
    const r = countFiveGood(list, place, assessed);
    expect(r.verdicts).toEqual([true, false]);
    expect(r.problems).toEqual([]);
  });
});
