import { describe, expect, it } from "vitest";
import { defaultScheme } from "../../src/kinds/registry";
import { workflowSheets } from "../../src/workbook/workflow-sheets";

describe("the record and objection sheets of a template", () => {
  const [records, objections] = workflowSheets(defaultScheme("member", 2025));
  it("负面清单记录: who, unit, item, count, date, evidence, recorded by", () => {
    expect(records.name).toBe("负面清单记录");
    expect(records.sheet.builder.columns.map((c) => c.header)).toEqual(["单位", "姓名", "负面清单条目", "次数", "日期", "依据", "记录人"]);
    expect(records.sheet.formulas).toEqual([]);
  });
  it("异议记录: when, who, about whom, what, the outcome, the change and its reason, who decided", () => {
    expect(objections.name).toBe("异议记录");
    expect(objections.sheet.builder.columns.map((c) => c.header)).toEqual(["日期", "异议人", "被异议人", "异议内容", "处理结果", "调整为", "调整原因", "处理人"]);
  });
  it("the record sheet's note counts the scheme's own list", () => {
    const band = JSON.stringify(records.sheet.band);
    expect(band).toContain("现有 12 条");
  });
});
