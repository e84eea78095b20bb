import { describe, expect, it } from "vitest";
import { type SchemeKind } from "../../src/core/scheme";
import { defaultScheme, schemeKinds } from "../../src/kinds/registry";
import { runAssessment } from "../../src/workbook/pipeline";
import { setup } from "./helpers";

// Every host with the shared runtime the manifest requires has ExcelApi 1.10: the add-in must work there, with nothing newer unguarded.
const FLOOR = 10;

const header = ["乡镇", "姓名", "编号", "职务", "任务得分", "年终考评", "应发工资", "一票否决"];
const rows = [header, ["城关镇", "张三", "A1", "科员", 95, 90, 5000, ""], ["城关镇", "李四", "A2", "科员", 88, 80, 4000, ""], ["东山乡", "王五", "B1", "站长", 92, 100, 6000.5, "是"]];

describe(`on ExcelApi 1.${FLOOR}, where the fake refuses every newer member`, () => {
  it.each(schemeKinds.map((k) => [k]))("%s: inserts the template", async (kind) => {
    const { fake, host } = setup({ sheets: [{ name: "Sheet1" }], apiMinor: FLOOR });
    await host.insertTemplate(kind as SchemeKind);
    expect(fake.sheetNames().length).toBeGreaterThan(1);
  });

  it("reads, computes, checks for overwrites, draws, freezes and keeps the scheme", async () => {
    const { fake, host } = setup({ sheets: [{ name: "干部考核", rows, merges: ["A2:A3"] }], apiMinor: FLOOR });
    expect((await host.overview()).sheets).toEqual(["干部考核"]);
    const wb = await host.readWorkbook();
    const result = runAssessment(wb, { kind: "cadre", now: new Date("2025-12-31T00:00:00Z") });
    expect(result.status).toBe("ok");
    expect(await host.conflicts(result.plan!)).toEqual([]);
    const report = await host.drawPlan(result.plan!);
    expect(report.notWritten).toEqual([]);
    expect(fake.runOptions.every((o) => o === undefined)).toBe(true);
    const frozen = await host.freezeReports(result.plan!);
    expect(frozen.length).toBe(result.plan!.reports.length);
    await host.saveScheme(defaultScheme("cadre", 2025));
    expect((await host.loadScheme())?.kind).toBe("cadre");
    await host.selectCell("干部考核", 2, 2);
    expect(fake.selection()).toBe("干部考核!B2");
  });
});
