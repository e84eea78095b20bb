import { describe, expect, it } from "vitest";
import { noticePeriod } from "../../src/core/notice";
import { layoutReport } from "../../src/workbook/layout";
import { NOTICE_SHEET, noticeReport, type NoticeInput } from "../../src/workbook/notice-report";

// 2025-12-01 is serial 45992 in Excel's 1900 date system.
const DEC_1 = 45992;

const input: NoticeInput = {
  title: "2025年度党员星级评定结果公示",
  subject: "2025年度党员星级评定结果",
  columns: [
    { header: "支部", width: 14 },
    { header: "姓名", width: 10 },
    { header: "身份证号码", width: 20 },
    { header: "联系电话", width: 14 },
    { header: "家庭住址", width: 24 },
    { header: "星级", format: "integer", width: 6 },
    { header: "说明", width: 30 },
  ],
  rows: [
    ["一支部", "张三", "110101199003071234", "13800138000", "某村3组", 9, ""],
    ["一支部", "李四", "110101199105082345", "13900139000", "某村5组", 6, "身份证 110101199105082345 与档案不符"],
  ],
  settings: { issuer: "中共某某镇委员会", issued: DEC_1, period: noticePeriod(DEC_1), objectionsTo: "镇党委组织办", phone: "0335-1234567" },
};

describe("the 公示 sheet", () => {
  const sheet = noticeReport(input);

  it("never shows an ID-card number, a phone number or an address", () => {
    expect(sheet.columns.map((c) => c.header)).toEqual(["序号", "支部", "姓名", "星级", "说明"]);
    expect(sheet.rows).toEqual([
      [1, "一支部", "张三", 9, ""],
      [2, "一支部", "李四", 6, "身份证 110101********2345 与档案不符"],
    ]);
    const all = JSON.stringify(sheet);
    for (const secret of ["199003071234", "13800138000", "某村3组"]) expect(all).not.toContain(secret);
  });
  it("states the period, where objections go, and the issuer and date", () => {
    expect(sheet.name).toBe(NOTICE_SHEET);
    expect(sheet.title).toBe("2025年度党员星级评定结果公示");
    expect(sheet.subtitle).toBe("现将2025年度党员星级评定结果予以公示，接受党员和群众监督。");
    expect(sheet.notes).toEqual([
      "公示时间：2025年12月1日至2025年12月7日（共7天）",
      "公示期间，如有异议，请以书面或当面方式向镇党委组织办反映（联系电话：0335-1234567）。反映问题应实事求是，提倡署真实姓名。",
      "特此公示。",
      "中共某某镇委员会",
      "2025年12月1日",
    ]);
    expect(sheet.signatures).toBe(true);
  });
  it("a column the scheme names personal is left out too", () => {
    const s = noticeReport({ ...input, personalHeaders: { id: [], phone: [], address: ["说明"] } });
    expect(s.columns.map((c) => c.header)).toEqual(["序号", "支部", "姓名", "星级"]);
  });
  it("prints on one A4 page across, portrait", () => {
    const print = layoutReport(sheet).print;
    expect(print).toMatchObject({ paper: "A4", landscape: false, pagesWide: 1 });
  });
});
