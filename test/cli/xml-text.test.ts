// The writer's escape of text XML cannot carry (checked against ECMA-376 ST_Xstring by hand), and the notice of invisible characters in an input.
import { Workbook } from "exceljs";
import { describe, expect, it } from "vitest";
import { escapeUnwritableText, invisibleCharacters, xstring } from "../../src/cli/xml-text";

describe("text as an .xlsx must hold it (ECMA-376 ST_Xstring)", () => {
  it("escapes what XML 1.0 cannot carry, and DEL, as _xHHHH_ in upper-case hex", () => {
    expect(xstring("李\u0001四")).toBe("李_x0001_四");
    expect(xstring("\u0000\u0008\u000b\u000c\u000e\u001f\u007f")).toBe("_x0000__x0008__x000B__x000C__x000E__x001F__x007F_");
    expect(xstring("赵\ufffe\uffff六")).toBe("赵_xFFFE__xFFFF_六");
  });

  it("escapes a lone surrogate of either half, and leaves a pair alone", () => {
    expect(xstring("钱\ud800七")).toBe("钱_xD800_七");
    expect(xstring("\udc00钱")).toBe("_xDC00_钱");
    expect(xstring("钱\ud83d\ude00七")).toBe("钱\ud83d\ude00七");
    expect(xstring("\ud83d\ude00\ud800")).toBe("\ud83d\ude00_xD800_");
  });

  it("keeps tab, line feed and carriage return, and ordinary text, as they are", () => {
    for (const s of ["张三", "\t=1+1", "第一行\n第二行\r\n", "x_1234_", "_x12_", ""]) expect(xstring(s)).toBe(s);
  });

  it("escapes the underscore of text that a reader would take for an escape", () => {
    expect(xstring("_x0041_")).toBe("_x005F_x0041_");
    expect(xstring("a_x00e9_b\u0001")).toBe("a_x005F_x00e9_b_x0001_");
  });
});

describe("escapeUnwritableText", () => {
  it("changes the cells only until the returned function is called", () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("干部考核");
    ws.getCell("A1").value = "李\u0001四";
    ws.getCell("A2").value = { richText: [{ text: "王\u001f" }, { text: "五" }] };
    ws.getCell("A3").value = "张三";
    ws.mergeCells("B1:C1");
    ws.getCell("B1").value = "_x0041_";
    const restore = escapeUnwritableText(wb);
    expect(ws.getCell("A1").value).toBe("李_x0001_四");
    expect(ws.getCell("A2").value).toEqual({ richText: [{ text: "王_x001F_" }, { text: "五" }] });
    // escaped once, through its master, not again through the cell it covers
    expect(ws.getCell("B1").value).toBe("_x005F_x0041_");
    restore();
    expect(ws.getCell("A1").value).toBe("李\u0001四");
    expect(ws.getCell("A2").value).toEqual({ richText: [{ text: "王\u001f" }, { text: "五" }] });
    expect(ws.getCell("B1").value).toBe("_x0041_");
    expect(ws.getCell("A3").value).toBe("张三");
  });

  it("escapes a formula's cached text and a link's text, and passes numbers, dates, booleans and errors as they are", () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("汇总");
    ws.getCell("A1").value = { formula: "B1", result: "赵\u0002" };
    ws.getCell("A2").value = { text: "链接\u0003", hyperlink: "https://example.org/" };
    const date = new Date(Date.UTC(2025, 0, 2));
    const kept = [90.5, date, true, { error: "#N/A" }] as const;
    kept.forEach((v, i) => (ws.getCell(`B${i + 1}`).value = v));
    const restore = escapeUnwritableText(wb);
    // A formula's cached text is taken by readers as it stands: only the character is escaped.
    expect(ws.getCell("A1").value).toEqual({ formula: "B1", result: "赵_x0002_" });
    expect(ws.getCell("A2").value).toEqual({ text: "链接_x0003_", hyperlink: "https://example.org/" });
    kept.forEach((v, i) => expect(ws.getCell(`B${i + 1}`).value).toEqual(v));
    restore();
    expect(ws.getCell("A1").value).toEqual({ formula: "B1", result: "赵\u0002" });
    expect(ws.getCell("A2").value).toEqual({ text: "链接\u0003", hyperlink: "https://example.org/" });
  });
});

describe("invisibleCharacters", () => {
  it("names the first five cells by sheet, and counts them all", () => {
    const rows = Array.from({ length: 6 }, (_, i) => ["城关镇", `张\u0001${i}`]);
    const said = invisibleCharacters({ sheets: [{ name: "说明", rows: [["\u007f"]] }, { name: "干部考核", rows }] });
    expect(said?.zh).toMatch(/^工作表“说明”A1，工作表“干部考核”B1、B2、B3、B4 等，共 7 个单元格的文字中有看不见的控制字符/);
    expect(said?.en).toMatch(/^7 cell\(s\) \(sheet "说明" A1; sheet "干部考核" B1, B2, B3, B4, …\) hold invisible control characters/);
  });

  it("says nothing of text with tabs and line breaks only", () => {
    expect(invisibleCharacters({ sheets: [{ name: "干部考核", rows: [["张\t三", "第一行\n第二行"]] }] })).toBeUndefined();
  });
});
