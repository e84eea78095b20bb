// The table search answers each sheet and search once: the same answers as reading every row, and each caller's own maps.
import { describe, expect, it } from "vitest";
import type { FieldDef } from "../../src/workbook/fields";
import type { CellValue, SheetData } from "../../src/workbook/sheet";
import { findTable, headerKey } from "../../src/workbook/table";

const fields: FieldDef[] = [
  { id: "township", header: "乡镇", type: "text", required: true },
  { id: "name", header: "姓名", type: "text", required: true },
  { id: "score", header: "得分", type: "score", required: true, min: 0, max: 100 },
];

const sheet = (rows: CellValue[][]): SheetData => ({ name: "考核", rows });

describe("findTable over the whole sheet", () => {
  it("finds a header under 5,000 rows of notes, naming its row and columns", () => {
    const notes: CellValue[][] = Array.from({ length: 5000 }, (_, i) => [`说明第${i + 1}条`, "见附件"]);
    const t = findTable(sheet([...notes, ["序号", "乡镇", "姓名", "得分"], [1, "城关镇", "张三", 90]]), fields);
    expect(t?.headerRow).toBe(5000);
    expect(t?.firstDataRow).toBe(5001);
    expect([...(t?.columns ?? [])]).toEqual([
      ["township", 1],
      ["name", 2],
      ["score", 3],
    ]);
    expect(t?.missing).toEqual([]);
  });

  it("finds a two-row header whose lower row has one text, under an upper row with two", () => {
    // Upper row: 乡镇 and 姓名 (two texts); lower row: only 得分（分）, whose unit is dropped to match.
    const t = findTable(sheet([["2025年度考核表"], ["乡镇", "姓名", "考核"], [null, null, "得分（分）"], ["城关镇", "张三", 90]]), fields);
    expect(t?.headerRow).toBe(2);
    expect([...(t?.columns ?? [])]).toEqual([
      ["township", 0],
      ["name", 1],
      ["score", 2],
    ]);
  });

  it("takes a numbered header (1.得分) as its field", () => {
    const t = findTable(sheet([["乡镇", "姓名", "1.得分"], ["城关镇", "张三", 90]]), fields);
    expect(t?.columns.get("score")).toBe(2);
    expect(t?.headers.get("score")).toBe("1.得分");
  });

  it("gives each caller its own columns and problems: changing one answer leaves the next as found", () => {
    const s = sheet([["乡镇", "姓名", "得分", "得分"], ["城关镇", "张三", 90, 91]]);
    const first = findTable(s, fields)!;
    expect(first.duplicates).toEqual([{ id: "score", cols: [2, 3] }]);
    first.columns.set("score", 9);
    first.duplicates[0].cols.push(9);
    first.missing.push(fields[0]);
    const second = findTable(s, fields)!;
    expect(second.columns.get("score")).toBe(2);
    expect(second.duplicates).toEqual([{ id: "score", cols: [2, 3] }]);
    expect(second.missing).toEqual([]);
  });

  it("answers a search with a mapping, or other required fields, on the same sheet as that search asks", () => {
    const s = sheet([["乡镇", "姓名", "年度得分", "备用得分"], ["城关镇", "张三", 90, 80]]);
    // No column is headed 得分: without a mapping the score is missing; mapped to 备用得分 it is column D.
    expect(findTable(s, fields)?.missing.map((f) => f.id)).toEqual(["score"]);
    expect(findTable(s, fields, { score: "备用得分" })?.columns.get("score")).toBe(3);
    expect(findTable(s, fields, { score: "年度得分" })?.columns.get("score")).toBe(2);
    expect(findTable(s, fields)?.columns.has("score")).toBe(false);
    const optional = fields.map((f) => (f.id === "score" ? { ...f, required: false } : f));
    expect(findTable(s, optional)?.missing).toEqual([]);
  });
});

describe("headerKey", () => {
  it("gives the same key however often a text is asked, short or long", () => {
    const long = `“得\u3000分”${"说".repeat(300)}`;
    for (let i = 0; i < 3; i++) {
      expect(headerKey("“得\u3000分”")).toBe("得分");
      expect(headerKey("ＡＢ Ｃ")).toBe("abc");
      expect(headerKey(long)).toBe(`得分${"说".repeat(300)}`);
      expect(headerKey(12)).toBe("12");
    }
  });
});
