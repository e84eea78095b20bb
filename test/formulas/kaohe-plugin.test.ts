// The KAOHE plugin in HyperFormula: each function reached by its Excel name, ranges passed whole, spills sized, errors kept as Excel shows them.
import { readFileSync } from "node:fs";
import { HyperFormula, type RawCellContent } from "hyperformula";
import { afterEach, describe, expect, it } from "vitest";
import { KaohePlugin, kaoheFunctions, kaoheTranslations } from "./kaohe-plugin";

HyperFormula.registerFunctionPlugin(KaohePlugin, kaoheTranslations);

let engine: HyperFormula | undefined;
afterEach(() => engine?.destroy());

/** A one-sheet workbook; the values of rows 1-based as the sheet shows them. */
function sheet(rows: RawCellContent[][]) {
  engine = HyperFormula.buildFromSheets({ S: rows }, { licenseKey: "gpl-v3", useArrayArithmetic: true });
  const hf = engine;
  return (a1: string) => {
    const address = hf.simpleCellAddressFromString(a1, 0)!;
    const v = hf.getCellValue(address);
    return typeof v === "object" && v !== null && "value" in v ? v.value : v;
  };
}

describe("the KAOHE plugin", () => {
  it("registers every function the add-in publishes, by the id Excel stores", () => {
    const published = readFileSync("test/addin/published-function-ids.txt", "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#"));
    expect(kaoheFunctions().map((f) => f.id).sort()).toEqual([...published].sort());
    expect(Object.keys(KaohePlugin.implementedFunctions).sort()).toEqual(published.map((id) => `KAOHE.${id}`).sort());
  });

  it("computes a scalar function: =KAOHE.QUORUM(8, 12) is TRUE (8 ≥ 2/3 × 12)", () => {
    const at = sheet([["=KAOHE.QUORUM(8,12)", "=KAOHE.QUORUM(7,12)"]]);
    expect([at("A1"), at("B1")]).toEqual([true, false]);
  });

  it("spills a range function down the shape of its range, ties sharing the best rank and a blank left empty", () => {
    const at = sheet([[90, "=KAOHE.RANKS(A1:A4)"], [80], [null], [90]]);
    expect(["B1", "B2", "B3", "B4"].map(at)).toEqual([1, 3, "", 1]);
  });

  it("spills a fixed size: =KAOHE.PAYSPLIT(5000) is 3500 and 1500 side by side, and INDEX reads one of them", () => {
    const at = sheet([["=KAOHE.PAYSPLIT(5000)", null, "=INDEX(KAOHE.PAYSPLIT(5000),1,2)"]]);
    expect([at("A1"), at("B1"), at("C1")]).toEqual([3500, 1500, 1500]);
  });

  it("shows #SPILL! when a typed value stands in the spill's way, as Excel does", () => {
    const at = sheet([[90, "=KAOHE.RANKS(A1:A2)"], [80, "在此"]]);
    expect(at("B1")).toBe("#SPILL!");
  });

  it("passes a lone blank cell as blank: =KAOHE.STARCAP(A1) over an empty A1 is empty", () => {
    const at = sheet([[null, "=KAOHE.STARCAP(A1)", "=KAOHE.STARCAP(\"外出流动党员\")"]]);
    expect([at("B1"), at("C1")]).toEqual(["", 6]);
  });

  it("keeps text typed as text: \"85\" in the range is ignored by RANK, as Excel's RANK ignores text", () => {
    const at = sheet([["'85", "=KAOHE.RANK(80,A1:A2)"], [80]]);
    expect(at("B1")).toBe(1);
  });

  it("turns the function's own error into the engine's: an unknown grade is #N/A with the function's message", () => {
    engine = HyperFormula.buildFromSheets({ S: [["=KAOHE.COEF(\"良好\")"]] }, { licenseKey: "gpl-v3", useArrayArithmetic: true });
    const v = engine.getCellValue({ sheet: 0, row: 0, col: 0 }) as { value: string; message: string };
    expect(v.value).toBe("#N/A");
    expect(v.message).toContain("良好");
  });

  it("hands an error value in a range to the function, which refuses it rather than ranking around it", () => {
    engine = HyperFormula.buildFromSheets({ S: [[90, "=KAOHE.RANK(90,A1:A2)"], ["=1/0"]] }, { licenseKey: "gpl-v3", useArrayArithmetic: true });
    const v = engine.getCellValue({ sheet: 0, row: 0, col: 1 }) as { value: string; message: string };
    expect(v.value).toBe("#VALUE!");
    expect(v.message).toContain("#DIV/0!");
    expect(v.message).toContain("第2行");
  });
});
