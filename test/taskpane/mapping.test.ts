// Mapping missing columns to the workbook's own headers, and the check that follows.
import { describe, expect, it } from "vitest";
import { defaultScheme } from "../../src/kinds/registry";
import { dataSheetNames, headerOptions, headerRowOf, mappingSheet, missingFields, withMapping } from "../../src/taskpane/model/mapping";
import { runAssessment } from "../../src/workbook/pipeline";
import type { WorkbookData } from "../../src/workbook/sheet";
import { BAD_ROW, SHEET, VILLAGE_HEADER, secretaryWorkbook } from "./fixtures/fake-host";

describe("mapping a missing column to the workbook's own header", () => {
  const scheme = defaultScheme("secretary", 2025);

  it("lists the missing column and the headers of the sheet the table is on, title row skipped", () => {
    const wb = secretaryWorkbook();
    const r = runAssessment(wb, { scheme });
    expect(r.status).toBe("noTable");
    expect(missingFields(r).map((f) => f.id)).toEqual(["village"]);
    expect(mappingSheet(r, wb)).toBe(SHEET);
    expect(headerRowOf(wb, SHEET, scheme)).toBe(1);
    const options = headerOptions(wb, SHEET, scheme);
    expect(options.slice(0, 3)).toEqual([
      { header: "乡镇", col: 1 },
      { header: VILLAGE_HEADER, col: 2 },
      { header: "姓名", col: 3 },
    ]);
    expect(new Set(options.map((o) => o.header)).size).toBe(options.length);
  });

  it("then finds the table, lists the data's problems, and computes the other rows when asked", () => {
    const wb = secretaryWorkbook();
    const mapped = withMapping(scheme, { village: VILLAGE_HEADER });
    expect(mapped.columns).toEqual({ village: VILLAGE_HEADER });
    expect(scheme.columns).toEqual({});
    const r = runAssessment(wb, { scheme: mapped });
    expect(r.status).toBe("problems");
    expect(r.problems.map((p) => [p.sheet, p.row, p.col])).toEqual([[SHEET, BAD_ROW, 4]]);
    const skipped = runAssessment(wb, { scheme: mapped, skipBadRows: true });
    expect(skipped.status).toBe("ok");
    expect(skipped.plan?.summary.rows).toBe(7);
  });

  it("removes a mapping when the choice is emptied, and keeps the others", () => {
    const s = withMapping({ ...scheme, columns: { village: "所在村", name: "书记姓名" } }, { village: "", township: "镇" });
    expect(s.columns).toEqual({ name: "书记姓名", township: "镇" });
  });

  it("offers every sheet but the reports, and reads a two-row header's group heading over a blank cell", () => {
    const wb: WorkbookData = {
      sheets: [
        { name: "汇总", rows: [["乡镇", "人数"]] },
        { name: "考核方案", rows: [["键", "设置值"]] },
        {
          name: "干部",
          rows: [
            ["乡镇", "姓名", "考核得分", null, "应发工资"],
            [null, null, "任务得分", "年终考评", null],
            ["城关镇", "张三", 90, 85, 5000],
          ],
        },
      ],
    };
    expect(dataSheetNames(wb)).toEqual(["干部"]);
    const cadre = defaultScheme("cadre");
    expect(headerRowOf(wb, "干部", cadre)).toBe(1);
    expect(headerOptions(wb, "干部", cadre).map((o) => o.header)).toEqual(["乡镇", "姓名", "任务得分", "年终考评", "应发工资"]);
    expect(headerOptions(wb, "没有", cadre)).toEqual([]);
  });

  it("falls back to the first data sheet when the run names none", () => {
    const wb = secretaryWorkbook();
    const r = runAssessment({ sheets: [{ name: "说明", rows: [["x"]] }] }, { scheme });
    expect(mappingSheet(r, { sheets: [{ name: "汇总", rows: [] }, ...wb.sheets] })).toBe(SHEET);
  });
});
