import { describe, expect, it } from "vitest";
import { drawPlan as drawXlsx, workbookFromData } from "../../src/cli/draw";
import { type SchemeKind } from "../../src/core/scheme";
import { defaultScheme, schemeKinds } from "../../src/kinds/registry";
import { type FieldDef } from "../../src/workbook/fields";
import { ORGANISATION_SHEET } from "../../src/kinds/ledger/fields";
import { fieldsFor, standardSheetNames } from "../../src/kinds/registry";
import { runAssessment } from "../../src/workbook/pipeline";
import type { CellValue, WorkbookData } from "../../src/workbook/sheet";
import { setup } from "./helpers";
import { differences, lookDifferences } from "./same-cells";

const now = new Date("2025-12-31T08:00:00Z");
const townships = ["城关镇", "东山乡", "西河镇"];
/** Names a county may really have typed, and some that only look like formulas or numbers. */
const names = ["=张三", "+李四", "-王五", "@赵六", "007", "孙七", "周八", "吴九", "郑十", "冯一", "陈二", "褚三"];

function value(f: FieldDef, i: number, kind: SchemeKind): CellValue {
  const scheme = defaultScheme(kind, 2025);
  switch (f.id) {
    case "township":
      return townships[i % townships.length];
    case "village":
    case "branch":
    case "organisation":
      return `${townships[i % townships.length]}${(i % 4) + 1}村`;
    case "name":
      return names[i % names.length] + (i >= names.length ? String(i) : "");
    case "id":
      return `ID${String(i).padStart(3, "0")}`;
    case "post":
      return "科员";
    case "category":
      return scheme.stars.categories[i % scheme.stars.categories.length].name;
    case "orgType":
      return ["乡镇党委", "村党组织", "社区党组织"][i % 3];
    // Left blank: an override, a post coefficient, the member's 初审 (passed when blank).
    case "override":
    case "overrideReason":
    case "postCoefficient":
    case "review":
    case "reviewStars":
    case "reviewReason":
      return null;
  }
  switch (f.type) {
    case "score": {
      const lo = f.min ?? 0;
      const hi = f.max ?? 100;
      return lo + ((i * 7 + 3) % (hi - lo + 1));
    }
    case "count":
      return i % 3;
    case "money":
      return 3000 + i * 10.5;
    case "number":
      return (f.min ?? 0) + (i % Math.max(1, Math.min(10, (f.max ?? 10) - (f.min ?? 0))));
    case "flag":
      return i % 9 === 4 ? "是" : "";
    case "date":
      return 45600 + i;
    default:
      return "甲";
  }
}

function county(kind: SchemeKind, n = 24): WorkbookData {
  const fields = fieldsFor(defaultScheme(kind, 2025));
  const rows: CellValue[][] = [["2025年度考核表"], fields.map((f) => f.header)];
  for (let i = 0; i < n; i++) rows.push(fields.map((f) => value(f, i, kind)));
  const sheets = [{ name: standardSheetNames[kind], rows }];
  // The ledger reads its organisations from a second table.
  if (kind === "ledger") {
    const orgs = [...new Set(rows.slice(2).map((r) => r[0]))];
    sheets.push({ name: ORGANISATION_SHEET, rows: [["组织名称", "组织类型", "党员人数", "培训经费"], ...orgs.map((o, i) => [o, i % 2 ? "村党组织" : "乡镇党委", 10 + i, 300 + i * 7])] });
  }
  return { sheets };
}

describe("each kind's plan, drawn by the add-in and by the command line", () => {
  it.each(schemeKinds.map((k) => [k]))("%s: the same cells and look in the result columns and every report sheet", async (kind) => {
    const data = county(kind as SchemeKind);
    const result = runAssessment(data, { kind: kind as SchemeKind, now, skipBadRows: true });
    expect(result.status, JSON.stringify(result.problems.slice(0, 3))).toBe("ok");
    const plan = result.plan!;
    const wb = workbookFromData(data);
    drawXlsx(wb, plan);
    const { fake, host } = setup({ sheets: data.sheets.map((s) => ({ name: s.name, rows: s.rows })) });
    const report = await host.drawPlan(plan);
    expect(report.notWritten).toEqual([]);
    expect(differences(plan, wb, fake)).toEqual([]);
    expect(lookDifferences(plan, wb, fake)).toEqual([]);
  });
});
