import { describe, expect, it } from "vitest";
import { agrees } from "../../src/excel/kept";
import { isKaoheFormula } from "../../src/excel/formulas";
import type { Plan, ResultBlock } from "../../src/workbook/plan";
import type { FakeWorkbookInit } from "./fake-office";
import { setup } from "./helpers";

// A template's result columns hold one KAOHE formula per row (fill "row"): 综合得分 in C, 等次 in D.
const shows: Record<string, number | string> = {
  "=KAOHE.SCORE(B2)": 95,
  "=KAOHE.SCORE(B3)": 70,
  "=KAOHE.SCORE(B4)": 85.004,
  "=KAOHE.GRADE(C2)": "优秀",
  "=KAOHE.GRADE(C3)": "称职",
  "=KAOHE.GRADE(C4)": "优秀",
};

function template(overrides: Partial<typeof shows> = {}, formulas: Record<string, string> = {}, extraRows: (string | number)[][] = []): FakeWorkbookInit {
  const table = { ...shows, ...overrides };
  return {
    sheets: [
      {
        name: "干部考核",
        rows: [["姓名", "得分", "综合得分", "等次"], ["甲", 95], ["乙", 70], ["丙", 85], ...extraRows],
        formulas: {
          C2: "=KAOHE.SCORE(B2)",
          C3: "=KAOHE.SCORE(B3)",
          C4: "=KAOHE.SCORE(B4)",
          D2: "=KAOHE.GRADE(C2)",
          D3: "=KAOHE.GRADE(C3)",
          D4: "=KAOHE.GRADE(C4)",
          ...formulas,
        },
      },
    ],
    calculate: (f) => table[f] ?? 0,
  };
}

// The pipeline's values, by hand: 甲 95 → 优秀, 乙 70 → 称职, 丙 85 → 优秀.
const block: ResultBlock = {
  sheet: "干部考核",
  headerRow: 1,
  columns: [
    { header: "综合得分", format: "score", col: 3 },
    { header: "等次", format: "text", col: 4 },
  ],
  rows: [
    { row: 2, cells: [95, "优秀"] },
    { row: 3, cells: [70, "称职"] },
    { row: 4, cells: [85, "优秀"] },
  ],
};

const plan = (b: ResultBlock = block): Plan => ({ results: [b], reports: [], replaceable: [], summary: { kind: "cadre", title: "t", rows: 0, zh: [], en: [] } });

describe("a result column holding the template's KAOHE formulas", () => {
  it("keeps them, writes nothing, and says they agree with the computation", async () => {
    const { fake, host } = setup(template());
    expect(await host.conflicts(plan())).toEqual([]);
    const before = fake.syncs;
    const report = await host.drawPlan(plan());
    const ws = fake.sheet("干部考核");
    expect(ws.cell("C4")).toMatchObject({ formula: "=KAOHE.SCORE(B4)", value: 85.004 });
    expect(ws.cell("D3")).toMatchObject({ formula: "=KAOHE.GRADE(C3)", value: "称职" });
    expect(fake.requests.slice(-(fake.syncs - before)).every((r) => r.writes === 0)).toBe(true);
    // Sheets; protection, header, spills and formula cells together; the formulas of C:D; their values after calculation.
    expect(fake.syncs - before).toBe(4);
    expect(report).toMatchObject({ written: ["干部考核"], notWritten: [], rows: 0 });
    expect(report.differences).toBeUndefined();
    // 85.004 against 85: within 0.005, as a score shows to two decimals.
    expect(report.kept).toEqual([
      "“综合得分”列 干部考核!C2:C4 的 3 个 KAOHE 公式是模板的，保留未写入；公式结果与本次计算逐格核对一致",
      "“等次”列 干部考核!D2:D4 的 3 个 KAOHE 公式是模板的，保留未写入；公式结果与本次计算逐格核对一致",
    ]);
  });

  it("names the cell whose formula gives another value, with both values", async () => {
    const { fake, host } = setup(template({ "=KAOHE.GRADE(C3)": "优秀" }));
    const report = await host.drawPlan(plan());
    expect(fake.sheet("干部考核").cell("D3").formula).toBe("=KAOHE.GRADE(C3)");
    expect(report.differences).toEqual(["干部考核!D3：公式结果 “优秀”，计算结果 “称职”"]);
    expect(report.differing).toBe(1);
    expect(report.kept?.[1]).toBe("“等次”列 干部考核!D2:D4 的 3 个 KAOHE 公式是模板的，保留未写入；其中 1 个单元格的公式结果与本次计算不同（见下），请检查公式引用的单元格和考核方案");
  });

  it("in English", async () => {
    const { host } = setup(template({ "=KAOHE.SCORE(B2)": 94.99 }), { locale: "en-US" });
    const report = await host.drawPlan(plan());
    // 94.99 against 95: 0.01 apart, more than 0.005.
    expect(report.differences).toEqual(["干部考核!C2: the formula gives 94.99, 计算 gives 95"]);
  });

  it("writes values in the plan's rows below the formulas, and says where", async () => {
    const { fake, host } = setup(template({}, {}, [["丁", 60]]));
    const b: ResultBlock = { ...block, rows: [...block.rows, { row: 5, cells: [60, "不称职"] }] };
    const report = await host.drawPlan(plan(b));
    const ws = fake.sheet("干部考核");
    expect(ws.cell("C2").formula).toBe("=KAOHE.SCORE(B2)");
    expect([ws.cell("C5").formula, ws.cell("C5").value]).toEqual([undefined, 60]);
    expect([ws.cell("D5").formula, ws.cell("D5").value]).toEqual([undefined, "不称职"]);
    // Only row 5 got values.
    expect(report.rows).toBe(1);
    expect(report.kept?.[0]).toBe("“综合得分”列 干部考核!C2:C4 的 3 个 KAOHE 公式是模板的，保留未写入；公式结果与本次计算逐格核对一致；干部考核!C5 没有公式，写入了计算的数值，若要公式请把公式向下填充");
  });

  it("recognises a formula as a saved file shows it where the add-in was not loaded", async () => {
    const { fake, host } = setup(template({ "=_xldudf_KAOHE_GRADE(C2)": "优秀" }, { D2: "=_xldudf_KAOHE_GRADE(C2)" }));
    expect(await host.conflicts(plan())).toEqual([]);
    await host.drawPlan(plan());
    expect(fake.sheet("干部考核").cell("D2").formula).toBe("=_xldudf_KAOHE_GRADE(C2)");
  });

  it("counts a cell still calculating (#BUSY!) as unchecked, never as agreeing", async () => {
    const { host } = setup(template({ "=KAOHE.GRADE(C4)": { error: "#BUSY!" } as unknown as string }));
    const report = await host.drawPlan(plan());
    expect(report.differences).toBeUndefined();
    expect(report.kept?.[1]).toBe("“等次”列 干部考核!D2:D4 的 3 个 KAOHE 公式是模板的，保留未写入；公式结果与本次计算逐格核对一致；1 个单元格仍在计算（#BUSY!），未能核对，请稍后再点“计算”");
  });
});

describe("50,000 rows of template formulas", () => {
  it("are read and checked a chunk of rows per sync, never a sync per row", async () => {
    const n = 50_000;
    const rows: (string | number)[][] = [["姓名", "得分", "综合得分", "等次"]];
    const formulas: Record<string, string> = {};
    for (let i = 0; i < n; i++) {
      rows.push([`人${i}`, i % 100]);
      formulas[`C${i + 2}`] = `=KAOHE.SCORE(B${i + 2})`;
      formulas[`D${i + 2}`] = `=KAOHE.GRADE(C${i + 2})`;
    }
    // Each formula shows its row's score (B) or 称职: what the plan says too.
    const { fake, host } = setup({ sheets: [{ name: "干部考核", rows, formulas }], calculate: (f) => (f.startsWith("=KAOHE.SCORE") ? (Number(/B(\d+)/.exec(f)![1]) - 2) % 100 : "称职") });
    const big: ResultBlock = { ...block, rows: Array.from({ length: n }, (_, i) => ({ row: i + 2, cells: [i % 100, "称职"] })) };
    const t0 = Date.now();
    const report = await host.drawPlan(plan(big));
    const ms = Date.now() - t0;
    // Sheets 1; probes 1; the formulas of C:D, 5,000 rows a read: 10; nothing written; their values: 10.
    expect(fake.syncs).toBe(22);
    expect(report.differences).toBeUndefined();
    expect(report.rows).toBe(0);
    const largest = Math.max(...fake.requests.map((r) => r.responseBytes));
    expect(largest).toBeLessThan(5 * 2 ** 20);
    console.log(`${n} rows × 2 kept columns: ${fake.syncs} syncs, largest response ${Math.round(largest / 1024)} KB, ${ms} ms in the fake`);
  });
});

describe("a result column holding the user's own formulas", () => {
  it("is a conflict named before anything is written, under the plan's own header too", async () => {
    const own = { D2: '=IF(C2>=90,"优秀","称职")', D3: '=IF(C3>=90,"优秀","称职")', D4: '=IF(C4>=90,"优秀","称职")' };
    const { fake, host } = setup(template({}, own));
    const before = fake.requests.length;
    expect(await host.conflicts(plan())).toEqual(['干部考核!D2:D4 有你自己的公式（3 个单元格，如 =IF(C2>=90,"优秀","称职")），不是 KAOHE 公式：写入会以数值覆盖它们']);
    expect(fake.requests.slice(before).every((r) => r.writes === 0)).toBe(true);
  });

  it("in English, one cell", async () => {
    const { host } = setup(template({}, { D3: "=C3&\"\"" }), { locale: "en-US" });
    expect(await host.conflicts(plan())).toEqual(['干部考核!D3 holds your own formula =C3&"", not a KAOHE formula: writing replaces it with values']);
  });
});

describe("agrees", () => {
  it("numbers within 0.005, money to the fen, text exactly, empty with empty", () => {
    expect(agrees(90.004, 90, "score")).toBe(true);
    expect(agrees(90.006, 90, "score")).toBe(false);
    // 1500.004 and 1500 are both 1500.00 yuan; 1500.005 rounds half up to 1500.01.
    expect(agrees(1500.004, 1500, "money")).toBe(true);
    expect(agrees(1500.005, 1500, "money")).toBe(false);
    expect(agrees("优秀 ", "优秀", "text")).toBe(false);
    expect(agrees("90", 90, "score")).toBe(false);
    expect(agrees("", null, undefined)).toBe(true);
    expect(agrees("", { formula: "A1", result: 3 }, undefined)).toBe(false);
  });

  it("tells KAOHE formulas from others", () => {
    expect(isKaoheFormula("=KAOHE.GRADES(B2:B9)")).toBe(true);
    expect(isKaoheFormula("=IFERROR(kaohe.score(B2),0)")).toBe(true);
    expect(isKaoheFormula("=_xldudf_KAOHE_SCORE(B2)")).toBe(true);
    expect(isKaoheFormula("=MYKAOHE.SCORE(B2)")).toBe(false);
    expect(isKaoheFormula("='KAOHE'!B2")).toBe(false);
  });
});
