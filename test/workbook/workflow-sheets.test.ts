import { describe, expect, it } from "vitest";
import { defaultScheme } from "../../src/kinds/registry";
import { templateSpec } from "../../src/workbook/template-spec";
import { notesSheet } from "../../src/workbook/templates";
import { negativeCall, workflowSheets } from "../../src/workbook/workflow-sheets";

describe("the record and objection sheets of a template", () => {
  const [records, objections] = workflowSheets(defaultScheme("member", 2025));
  it("负面清单记录: who, unit, item, count, date, evidence, recorded by", () => {
    expect(records.name).toBe("负面清单记录");
    expect(records.sheet.builder.columns.map((c) => c.header)).toEqual(["单位", "姓名", "负面清单条目", "次数", "日期", "依据", "记录人"]);
    expect(records.sheet.formulas).toEqual([]);
  });
  it("异议记录: when, who, about whom, what, the outcome, the change and its reason, who decided, and the unit that tells namesakes apart", () => {
    expect(objections.name).toBe("异议记录");
    expect(objections.sheet.builder.columns.map((c) => c.header)).toEqual(["日期", "异议人", "被异议人", "异议内容", "处理结果", "调整为", "调整原因", "处理人", "被异议人单位"]);
  });
  it("the record sheet's note counts the scheme's own list", () => {
    const band = JSON.stringify(records.sheet.band);
    expect(band).toContain("现有 12 条");
  });
  it("lists the scheme's negative list above the records, in KAOHE.NEGATIVE's nine columns: headings in row 4, the 12 items in rows 5–16, the records' header in row 18", () => {
    const row = (r: number) => records.sheet.band.find((b) => b.row === r)?.cells.map((c) => c.value);
    expect(row(4)).toEqual(["编号", "类别", "内容", "每次扣分", "扣分上限", "摘星", "不得评优", "定为不称职", "扣绩效工资（元）"]);
    expect(row(5)).toEqual(["1-1", "党的组织纪律和工作纪律", "无故不参加“三会一课”等组织生活", 2, 6, 1, null, null, null]);
    expect(row(9)).toEqual(["2-2", "村务民主决策", "违规举债或擅自处置集体资产", null, null, null, null, "是", 500]);
    expect(row(16)?.[0]).toBe("5-3");
    expect(records.sheet.headerRow).toBe(18);
    expect(objections.sheet.headerRow).toBe(3);
  });
  it("a formula reads that list and the 200 record rows under the header, by absolute ranges", () => {
    expect(negativeCall(defaultScheme("member", 2025), "$C{r}", "摘星")).toBe(
      "KAOHE.NEGATIVE($C{r},'负面清单记录'!$B$19:$B$218,'负面清单记录'!$C$19:$C$218,'负面清单记录'!$A$5:$I$16,\"摘星\",'负面清单记录'!$D$19:$D$218)",
    );
    expect(negativeCall({ ...defaultScheme("member", 2025), negativeList: [] }, "$C{r}", "摘星")).toBeNull();
  });
});

describe("the templates that carry them", () => {
  it("secretary, cadre and member, each saying in 填表说明 what the two sheets do; not the five-good rating", () => {
    for (const kind of ["secretary", "cadre", "member"] as const) {
      const spec = templateSpec(kind);
      expect(spec.extra?.map((e) => e.name), kind).toEqual(expect.arrayContaining(["负面清单记录", "异议记录"]));
      const lines = notesSheet(spec).sections.flatMap((x) => x.lines);
      expect(lines.some((l) => l.startsWith("负面清单：每发生一次负面清单事项")), kind).toBe(true);
      expect(lines.some((l) => l.startsWith("公示异议：")), kind).toBe(true);
    }
    expect(templateSpec("fiveGood").extra?.map((e) => e.name) ?? []).not.toContain("负面清单记录");
  });
});
