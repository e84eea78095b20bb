import { describe, expect, it } from "vitest";
import { readWorkbookBytes, XlsxError } from "../../src/xlsx";
import { EMPTY_ROWS_KEPT } from "../../src/xlsx/zip-guard";
import { rawXlsx } from "./workbook-xml";

const name = "测试.xlsx";

describe("reading an .xlsx by streaming: each kind of cell as Office.js would give it", () => {
  const values = () =>
    rawXlsx({
      sharedStrings: [
        "<si><t>姓名</t></si>",
        // A rich text item with a phonetic run: the runs joined, the reading (ゆう) left out.
        '<si><r><t>优</t></r><r><rPr><b/></rPr><t>秀</t></r><rPh sb="0" eb="1"><t>ゆう</t></rPh></si>',
        // ST_Xstring: _x000D_ is a carriage return.
        "<si><t>a_x000D_b</t></si>",
        '<si><t xml:space="preserve"> 前后有空格 </t></si>',
      ],
      sheets: [
        {
          name: "表",
          sheetData: [
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>得分</t></is></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c><c r="E1" t="s"><v>3</v></c></row>',
            '<row r="2"><c r="A2"><v>95.5</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#N/A</v></c><c r="D2" t="b"><v>0</v></c><c r="E2"><v>-1.25E-3</v></c></row>',
            '<row r="3"><c r="A3"><f>SUM(A2,1)</f><v>96.5</v></c><c r="B3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C3"><f>A2*2</f></c>' +
              '<c r="D3"><f t="shared" ref="D3:D4" si="0">A2+1</f><v>96.5</v></c><c r="E3" t="b"><f>A2&gt;0</f><v>1</v></c><c r="F3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>',
            '<row r="4"><c r="D4"><f t="shared" si="0"/><v>97</v></c></row>',
          ].join(""),
        },
      ],
    });

  it("strings (shared, inline, rich, escaped), numbers, booleans, errors, and formulas as their cached results", async () => {
    const { data } = await readWorkbookBytes(await values(), { name });
    expect(data.sheets).toHaveLength(1);
    expect(data.sheets[0].rows).toEqual([
      ["姓名", "得分", "优秀", "a\rb", " 前后有空格 "],
      [95.5, true, "#N/A", false, -0.00125],
      [96.5, "ab", null, 96.5, true, "#DIV/0!"],
      [null, null, null, 97],
    ]);
  });

  it("says which formula has no result kept, so it is not read as a blank", async () => {
    const { data } = await readWorkbookBytes(await values(), { name });
    expect(data.sheets[0].uncached).toEqual([{ row: 2, col: 2 }]);
  });

  it("knows which cells hold formulas (1-based), a shared formula's copies included", async () => {
    const read = await readWorkbookBytes(await values(), { name });
    const has = (row: number, col: number) => read.holdsFormula("表", row, col);
    expect([has(3, 1), has(3, 2), has(3, 3), has(3, 4), has(4, 4), has(3, 5), has(3, 6)]).toEqual([true, true, true, true, true, true, true]);
    expect([has(1, 1), has(2, 1), has(4, 1), has(3, 7)]).toEqual([false, false, false, false]);
    expect(read.holdsFormula("没有这张表", 3, 1)).toBe(false);
  });

  it("gives the same as the ExcelJS reader on the same file", async () => {
    const bytes = await values();
    const streamed = await readWorkbookBytes(bytes, { name });
    const modelled = await readWorkbookBytes(bytes, { name, engine: "exceljs" });
    expect(streamed.data).toEqual(modelled.data);
  });
});

describe("dates: a date-formatted number is its serial in Excel's 1900 system", () => {
  // Styles: 1 a built-in date (14), 2 a custom date, 3 a custom number with a letter only inside quotes, 4 the Chinese built-in date 31 (yyyy"年"m"月"d"日").
  const dated = (date1904: boolean) =>
    rawXlsx({
      date1904,
      numFmts: '<numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.0&quot;分&quot;"/>',
      cellXfs: ['<xf numFmtId="0"/>', '<xf numFmtId="14" applyNumberFormat="1"/>', '<xf numFmtId="164" applyNumberFormat="1"/>', '<xf numFmtId="165" applyNumberFormat="1"/>', '<xf numFmtId="31" applyNumberFormat="1"/>'],
      sheets: [{ name: "日期", sheetData: '<row r="1"><c r="A1" s="1"><v>45000</v></c><c r="B1" s="2"><v>45000.5</v></c><c r="C1" s="3"><v>88.5</v></c><c r="D1" s="4"><v>45000</v></c><c r="E1"><v>45000</v></c></row>' }],
    });

  it("in a 1900-system workbook the serial is the number stored", async () => {
    const { data } = await readWorkbookBytes(await dated(false), { name });
    expect(data.sheets[0].rows).toEqual([[45000, 45000.5, 88.5, 45000, 45000]]);
  });

  it("in a 1904-system workbook a date moves by the 1,462 days between the systems (45000 → 46462); plain numbers do not", async () => {
    const { data } = await readWorkbookBytes(await dated(true), { name });
    expect(data.sheets[0].rows).toEqual([[46462, 46462.5, 88.5, 46462, 45000]]);
  });
});

describe("the shape of a sheet", () => {
  const shaped = (extraEmptyRows = 0) =>
    rawXlsx({
      cellXfs: ['<xf numFmtId="0"/>', '<xf numFmtId="0" fillId="1" applyFill="1"/>'],
      sheets: [
        {
          name: "表",
          sheetData:
            '<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c><c r="B1" t="inlineStr"><is><t>被合并</t></is></c></row>' +
            // Row 2 is not written at all; in row 3, B3 is not.
            '<row r="3"><c r="A3"><v>1</v></c><c r="C3"><v>3</v></c></row>' +
            // Rows that only carry formatting, past the data.
            '<row r="5" s="1" customFormat="1"><c r="A5" s="1"/></row><row r="6"><c r="B6" s="1"/></row>' +
            Array.from({ length: extraEmptyRows }, (_v, i) => `<row r="${i + 7}" s="1" customFormat="1"/>`).join(""),
          after: '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>',
        },
        { name: "隐藏", state: "hidden", sheetData: '<row r="1"><c r="A1" t="inlineStr"><is><t>秘</t></is></c></row>' },
        { name: "深藏", state: "veryHidden", sheetData: "" },
      ],
    });

  it("merged areas (0-based), their covered cells blank; gaps as blanks; rows without values past the data dropped", async () => {
    const { data } = await readWorkbookBytes(await shaped(), { name });
    expect(data.sheets[0]).toEqual({ name: "表", rows: [["标题"], [], [1, null, 3]], merges: [{ top: 0, left: 0, bottom: 0, right: 2 }] });
  });

  it("hidden sheets are read like any other, in the workbook's order", async () => {
    const { data } = await readWorkbookBytes(await shaped(), { name });
    expect(data.sheets.map((s) => s.name)).toEqual(["表", "隐藏", "深藏"]);
    expect(data.sheets[1].rows).toEqual([["秘"]]);
    expect(data.sheets[2].rows).toEqual([]);
  });

  it(`says so when a sheet has more than ${EMPTY_ROWS_KEPT.toLocaleString("en-US")} rows that only carry formatting (the result leaves their formatting out)`, async () => {
    const few = await readWorkbookBytes(await shaped(), { name });
    expect(few.notes).toEqual([]);
    const many = await readWorkbookBytes(await shaped(EMPTY_ROWS_KEPT), { name });
    // Rows 5 and 6 and the 10,000 more: 10,002 rows without a value.
    expect(many.notes).toEqual([{ zh: "工作表“表”中 10,002 个没有内容的行的格式", en: 'the formatting of 10,002 rows without content in sheet "表"' }]);
    expect(many.data.sheets[0].rows).toEqual([["标题"], [], [1, null, 3]]);
  });
});

describe("files it cannot read are refused with words", () => {
  it("a shared string the table does not have: damaged", async () => {
    const bytes = await rawXlsx({ sharedStrings: ["<si><t>一</t></si>"], sheets: [{ name: "表", sheetData: '<row r="1"><c r="A1" t="s"><v>5</v></c></row>' }] });
    const e = await readWorkbookBytes(bytes, { name }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(XlsxError);
    expect((e as XlsxError).kind).toBe("unreadable");
    expect((e as XlsxError).zh).toContain(`“${name}”已损坏`);
  });

  it("XML that breaks off: damaged", async () => {
    const bytes = await rawXlsx({ sheets: [{ name: "表", sheetData: '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"' }] });
    const e = await readWorkbookBytes(bytes, { name }).catch((x: unknown) => x);
    expect((e as XlsxError).kind).toBe("unreadable");
    expect((e as XlsxError).zh).toContain("已损坏");
  });

  it("a text file: not a workbook, with what to do", async () => {
    const e = await readWorkbookBytes(new TextEncoder().encode("姓名,得分\n张三,90\n"), { name }).catch((x: unknown) => x);
    expect((e as XlsxError).kind).toBe("unreadable");
    expect((e as XlsxError).zh).toContain("文本文件");
  });

  it("an ArrayBuffer is read as well as a Uint8Array (a browser hands over the former)", async () => {
    const bytes = await rawXlsx({ sheets: [{ name: "表", sheetData: '<row r="1"><c r="A1"><v>7</v></c></row>' }] });
    const copy = bytes.slice().buffer;
    expect((await readWorkbookBytes(copy, { name })).data.sheets[0].rows).toEqual([[7]]);
  });
});
