import { describe, expect, it } from "vitest";
import { excelSerial } from "../../src/core/dates";
import { applyOverride, DEFAULT_NOTICE_DAYS, noticePeriod, noticePeriodText, objectionAudit, withinNotice, type Objection } from "../../src/core/notice";
import { ruleErrorOf } from "./helpers";

// 2025-01-01 is serial 45658 (Excel); 2025-12-01 is 334 days later.
const DEC_1 = 45992;

describe("the notice period", () => {
  it("2025-12-01 is serial 45992, as Excel has it", () => {
    expect(excelSerial(2025, 12, 1)).toBe(DEC_1);
  });
  it("seven days by default, the start day the first: 12月1日 to 12月7日", () => {
    expect(DEFAULT_NOTICE_DAYS).toBe(7);
    const p = noticePeriod(DEC_1);
    expect(p).toEqual({ start: DEC_1, days: 7, end: DEC_1 + 6 });
    expect(noticePeriodText(p)).toBe("公示时间：2025年12月1日至2025年12月7日（共7天）");
  });
  it("five days across the new year: 2025-12-28 to 2026-01-01", () => {
    expect(noticePeriodText(noticePeriod("2025-12-28", 5))).toBe("公示时间：2025年12月28日至2026年1月1日（共5天）");
  });
  it("seven days over 29 February 2024: 2月26日 to 3月3日", () => {
    expect(noticePeriodText(noticePeriod("2024年2月26日"))).toBe("公示时间：2024年2月26日至2024年3月3日（共7天）");
  });
  it("a time of day on the start date is dropped", () => {
    expect(noticePeriod(DEC_1 + 0.75, 1)).toEqual({ start: DEC_1, days: 1, end: DEC_1 });
  });
  it("both ends are inside the period, the day after is not", () => {
    const p = noticePeriod(DEC_1);
    expect([DEC_1 - 1, DEC_1, DEC_1 + 6, DEC_1 + 6.9, DEC_1 + 7].map((d) => withinNotice(p, d))).toEqual([false, true, true, true, false]);
  });
  it("0 days, 1.5 days or a start that is not a date are refused", () => {
    expect(ruleErrorOf(() => noticePeriod(DEC_1, 0)).key).toBe("notInteger");
    expect(ruleErrorOf(() => noticePeriod(DEC_1, 1.5)).key).toBe("notInteger");
    expect(ruleErrorOf(() => noticePeriod("下周一")).key).toBe("notDate");
  });
});

describe("objections and overrides", () => {
  const upheld: Objection = { objector: "王某", date: DEC_1 + 2, subject: "李四", matter: "负面清单记录漏登一次无故缺席", outcome: "upheld" };

  it("an objection is recorded with its date, objector, subject, matter and outcome", () => {
    expect(objectionAudit(upheld, noticePeriod(DEC_1)).zh).toBe("2025年12月3日，王某对李四提出异议：负面清单记录漏登一次无故缺席；处理结果：成立");
  });
  it("one after the period is marked so, and a nameless one is 匿名", () => {
    const late = objectionAudit({ ...upheld, objector: " ", date: DEC_1 + 7 }, noticePeriod(DEC_1));
    expect(late.zh).toBe("2025年12月8日（不在公示期内），匿名对李四提出异议：负面清单记录漏登一次无故缺席；处理结果：成立");
    expect(late.en).toBe("2025-12-08 (outside the notice period): anonymous objected to the result of 李四: 负面清单记录漏登一次无故缺席; outcome: upheld");
  });
  it("an override after an upheld objection changes the result and writes the audit line", () => {
    const out = applyOverride("优秀", { subject: "李四", to: "称职", reason: "核实缺席属实，不得评为优秀", by: "镇党委", date: DEC_1 + 8 }, upheld);
    expect(out.value).toBe("称职");
    expect(out.audit).toEqual({
      subject: "李四",
      zh: "2025年12月9日，李四的结果由“优秀”改为“称职”（异议成立：负面清单记录漏登一次无故缺席），镇党委调整；原因：核实缺席属实，不得评为优秀",
      en: '2025-12-09: the result of 李四 changed from "优秀" to "称职" after an upheld objection, by 镇党委; reason: 核实缺席属实，不得评为优秀',
    });
  });
  it("no reason, no change", () => {
    const e = ruleErrorOf(() => applyOverride(9, { subject: "李四", to: 8, reason: "  " }, upheld));
    expect(e.key).toBe("overrideNeedsReason");
    expect(e.describe("zh-CN")).toContain("必须填写调整原因");
  });
  it("a rejected or pending objection cannot move a result", () => {
    expect(ruleErrorOf(() => applyOverride(9, { subject: "李四", to: 8, reason: "x" }, { ...upheld, outcome: "rejected" })).describe("zh-CN")).toContain("未成立");
    expect(ruleErrorOf(() => applyOverride(9, { subject: "李四", to: 8, reason: "x" }, { ...upheld, outcome: "pending" })).describe("zh-CN")).toContain("尚未处理");
  });
  it("a correction with no objection still needs its reason and is audited", () => {
    expect(applyOverride(null, { subject: "张三", to: 7, reason: "补录漏评" }).audit.zh).toBe("张三的结果由“（空）”改为“7”；原因：补录漏评");
  });
});
