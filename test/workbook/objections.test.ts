import { describe, expect, it } from "vitest";
import { noticePeriod } from "../../src/core/notice";
import { applyObjections } from "../../src/workbook/objections";
import type { WorkbookData } from "../../src/workbook/sheet";

// 2025-12-01 is serial 45992 (Excel).
const DEC_1 = 45992;
const period = noticePeriod(DEC_1);

const workbook = (rows: (string | number | null)[][]): WorkbookData => ({
  sheets: [{ name: "异议记录", rows: [["日期", "异议人", "被异议人", "异议内容", "处理结果", "调整为", "调整原因", "处理人"], ...rows] }],
});

const names = ["张三", "李四", "王五"];
const stars = [9, 8, 5];

describe("objections to the notice", () => {
  it("an upheld objection with a change moves the result, and 审计 shows the objection and the change", () => {
    const out = applyObjections(
      workbook([
        [DEC_1 + 2, "王某", "张三", "长期外出未参加组织生活", "成立", "7", "核实属实，按外出党员评定", "镇党委"],
        [DEC_1 + 3, "", "李四", "联系户评价有误", "不成立", "", "", "镇党委"],
      ]),
      names,
      stars,
      period,
    );
    expect(out.problems).toEqual([]);
    expect(out.values).toEqual([7, 8, 5]);
    expect(out.audit).toEqual([
      ["异议", "张三", "2025年12月3日，王某对张三提出异议：长期外出未参加组织生活；处理结果：成立"],
      ["公示后调整", "张三", "2025年12月3日，张三的结果由“9”改为“7”（异议成立：长期外出未参加组织生活），镇党委调整；原因：核实属实，按外出党员评定"],
      ["异议", "李四", "2025年12月4日，匿名对李四提出异议：联系户评价有误；处理结果：不成立"],
    ]);
  });
  it("a change on a rejected objection, or without a reason, is a problem and the result stays", () => {
    const out = applyObjections(
      workbook([
        [DEC_1 + 2, "王某", "张三", "x", "不成立", "7", "y", ""],
        [DEC_1 + 2, "王某", "李四", "x", "成立", "6", "", ""],
      ]),
      names,
      stars,
      period,
    );
    expect(out.values).toEqual([9, 8, 5]);
    expect(out.problems.map((p) => [p.row, p.col, p.zh])).toEqual([
      [2, 5, "对“张三”的异议未成立，结果不能因此改变；异议成立后再调整，或删去这条调整"],
      [3, 7, "改变了“李四”的结果，必须填写调整原因"],
    ]);
  });
  it("an objection about someone not on the notice, or an outcome not understood, is a problem with its place", () => {
    const out = applyObjections(
      workbook([
        [DEC_1, "王某", "赵六", "x", "成立", "", "", ""],
        [DEC_1, "王某", "张三", "x", "已阅", "", "", ""],
      ]),
      names,
      stars,
    );
    expect(out.problems.map((p) => [p.row, p.header, p.zh])).toEqual([
      [2, "被异议人", "“赵六”不在公示名单中；请核对姓名和单位"],
      [3, "处理结果", "处理结果“已阅”无法识别；请填写 成立、不成立 或 待处理"],
    ]);
  });
  it("namesakes: the unit in its column or in brackets after the name picks the one meant; without it, a problem saying how to write it", () => {
    const twin = ["张三", "李四", "张三"];
    const units = [["城关镇", "东村"], ["城关镇", "西村"], ["河口镇", "东村"]];
    const withUnit = (rows: (string | number | null)[][]): WorkbookData => ({ sheets: [{ name: "异议记录", rows: [["日期", "异议人", "被异议人", "异议内容", "处理结果", "调整为", "调整原因", "处理人", "被异议人单位"], ...rows] }] });
    const bracketed = applyObjections(workbook([[DEC_1, "王某", "张三（河口镇）", "x", "成立", "7", "核实属实", "镇党委"]]), twin, stars, period, units);
    expect([bracketed.problems, bracketed.values]).toEqual([[], [9, 8, 7]]);
    const column = applyObjections(withUnit([[DEC_1, "王某", "张三", "x", "成立", "4", "核实属实", "镇党委", "城关镇"]]), twin, stars, period, units);
    expect([column.problems, column.values]).toEqual([[], [4, 8, 5]]);
    const bare = applyObjections(workbook([[DEC_1, "王某", "张三", "x", "成立", "7", "核实属实", "镇党委"]]), twin, stars, period, units);
    expect(bare.values).toEqual([9, 8, 5]);
    expect(bare.problems.map((p) => p.zh)).toEqual(["公示名单中有 2 个“张三”；请在“被异议人单位”列填写其乡镇、村或支部，或写作“张三（单位）”"]);
    const nobody = applyObjections(withUnit([[DEC_1, "王某", "李四", "x", "成立", "", "", "", "河口镇"]]), twin, stars, period, units);
    expect(nobody.problems.map((p) => p.zh)).toEqual(["“李四”（河口镇）不在公示名单中；请核对姓名和单位"]);
  });

  it("no objection sheet: the results stand", () => {
    expect(applyObjections({ sheets: [] }, names, stars)).toEqual({ found: false, values: [9, 8, 5], problems: [], audit: [] });
  });
});
