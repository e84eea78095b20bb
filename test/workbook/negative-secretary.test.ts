import { describe, expect, it } from "vitest";
import { defaultScheme, fieldsFor } from "../../src/kinds/registry";
import { runAssessment } from "../../src/workbook/pipeline";
import type { CellValue, SheetData } from "../../src/workbook/sheet";

const now = new Date("2025-12-31T08:00:00Z");
const scheme = defaultScheme("secretary", 2025);
const headers = fieldsFor(scheme).map((f) => f.header);
const row = (village: string, name: string, id: string, items: number[], extra: Record<string, CellValue>) => {
  const r: CellValue[] = ["城关镇", village, name, id, ...items];
  for (const h of headers.slice(4 + items.length)) r.push(extra[h] ?? null);
  return r;
};
const full = scheme.items.map((i) => i.max); // 100 points
const table: SheetData = {
  name: "村书记考核",
  rows: [headers, row("一村", "甲", "S1", full, { 半年考核: 100, 民主测评: 100 }), row("二村", "乙", "S2", full, { 半年考核: 100, 民主测评: 100 })],
};
const records: SheetData = {
  name: "负面清单记录",
  rows: [
    ["单位", "姓名", "负面清单条目", "次数", "日期", "依据", "记录人"],
    ["一村", "甲", "4-1", 5, "2025-10-1", "村务公开栏检查", "镇纪委"], // 5 × 2 = 10, capped at 8
  ],
};

describe("the negative list in the secretary kind", () => {
  it("its points come off 综合得分, said in 说明; a secretary with no record is untouched", () => {
    const r = runAssessment({ sheets: [table, records] }, { kind: "secretary", now });
    expect(r.problems).toEqual([]);
    const block = r.plan!.results[0];
    const col = (h: string) => block.rows.map((x) => x.cells[block.columns.findIndex((c) => c.header === h)]);
    // 100 on every part: 100 − 8 = 92 for 甲, 100 for 乙.
    expect(col("综合得分")).toEqual([92, 100]);
    expect(String(col("说明")[0])).toContain("负面清单 4-1「村务、财务未按时公开」5 次：扣 8 分（每次 2 分，本项上限 8 分）");
  });
});
