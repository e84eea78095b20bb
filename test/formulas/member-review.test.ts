// 三评两公开 in the member template: the 三评星数 and 初审 formulas evaluated by a real engine (HyperFormula with the KAOHE plugin) equal the pipeline and the hand computation.
import { describe, expect, it } from "vitest";
import { defaultScheme } from "../../src/kinds/registry";
import { dataSheet } from "../../src/workbook/templates";
import { templateSpec } from "../../src/workbook/template-spec";
import { evaluate } from "./harness";
import { ordered, type Row } from "./random-tables";

const who = (name: string, extra: Row): Row => ({ township: "东镇", branch: "甲村党支部", name, id: name, category: "在村务农党员", ...extra });
const aspects = (...xs: number[]): Row => Object.fromEntries(xs.map((x, k) => [`aspect${k + 1}`, x]));

describe("the member template's 三评 stages, formula beside pipeline", () => {
  const scheme = defaultScheme("member", 2025);
  const spec = templateSpec("member", { scheme, year: 2025 });
  const rows: Row[] = [
    // The public did not rate: (.2×6 + .4×8 + .2×8) / .8 = 7.5 → 8, half up.
    who("甲", { ...aspects(95, 95, 95, 95, 95), rating1: 6, rating2: 8, rating4: 8 }),
    // 6.8 → 7, adjusted by the township to 5.
    who("乙", { rating1: 8, rating2: 7, rating3: 3, rating4: 9, review: "调整", reviewStars: 5, reviewReason: "群众反映服务意识不强" }),
    // 6 sent back: blank, no quota place.
    who("丙", { rating1: 6, rating2: 6, rating3: 6, rating4: 6, review: "退回", reviewReason: "互评人数不足" }),
    // Nobody rated: the aspects, 2 + 2 + 1 + 1 + 0 = 6, passed.
    who("丁", { ...aspects(95, 95, 80, 80, 60), review: "通过" }),
  ];
  const e = evaluate(spec, scheme, { rows: ordered(spec, rows) });
  const first = dataSheet(spec).firstDataRow;
  const values = (column: string, side: "fromFormula" | "fromPipeline") => rows.map((_, i) => e.pairs.find((p) => p.column === column && p.row === first + i)?.[side]);

  for (const [column, expected] of [
    ["三评星数", [8, 7, 6, ""]],
    ["星数", [8, 5, "", 6]],
    ["最终星数", [8, 5, "", 6]],
  ] as const)
    it(`${column}: ${expected.map((x) => (x === "" ? "blank" : x)).join(", ")} by formula and by the pipeline`, () => {
      expect(values(column, "fromFormula")).toEqual(expected);
      expect(values(column, "fromPipeline")).toEqual(expected);
    });
});
