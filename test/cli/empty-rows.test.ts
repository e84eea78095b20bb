import { describe, expect, it } from "vitest";
import { RowSieve } from "../../src/cli/empty-rows";

const head = '<worksheet xmlns="x"><sheetData>';
const tail = '</sheetData><rowBreaks count="1"><brk id="3"/></rowBreaks></worksheet>';
const valued = [
  '<row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"/></row>',
  '<row r="4"><c r="A4"><f>SUM(1,2)</f></c></row>',
  '<row r="5"><c r="A5" t="inlineStr"><is><t>甲乙</t></is></c></row>',
  '<row r="6"><c r="A6" s="2"><v xml:space="preserve">3</v></c></row>',
];
const empty = ['<row r="2" s="1" customFormat="1"/>', '<row r="3" ht="20" customHeight="1"><c r="A3" s="1"/><c r="B3" s="1"/></row>', '<row r="7"\n/>'];
const xml = head + valued[0] + empty[0] + empty[1] + valued[1] + valued[2] + valued[3] + empty[2] + tail;
const kept = head + valued.join("") + tail;

function sieve(text: string, sizes: (i: number) => number, dropEmpty: boolean): RowSieve {
  const bytes = Buffer.from(text, "utf8");
  const s = new RowSieve(dropEmpty);
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const n = sizes(i);
    // Copies, so no chunk shares memory with the next, as an inflater's chunks do not.
    s.push(Buffer.from(bytes.subarray(at, at + n)));
    at += n;
  }
  s.end();
  return s;
}

describe("the sieve of rows without a value", () => {
  it("counts rows with a value, an inline string or a formula apart from rows of formatting alone, and does not take <rowBreaks> for a row", () => {
    const s = sieve(xml, () => xml.length * 3, false);
    expect([s.valuedRows, s.emptyRows]).toEqual([4, 3]);
    expect(s.bytes().length).toBe(0);
  });

  it("passes the XML on without the empty rows, however the chunks cut it (every size from 1 byte)", () => {
    for (let size = 1; size <= 64; size++) {
      const s = sieve(xml, () => size, true);
      expect([s.valuedRows, s.emptyRows], `chunks of ${size}`).toEqual([4, 3]);
      expect(s.bytes().toString("utf8"), `chunks of ${size}`).toBe(kept);
    }
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) % 23 + 1;
    expect(sieve(xml, random, true).bytes().toString("utf8")).toBe(kept);
  });

  it("passes XML cut off inside a row on unchanged, for the loader to call damaged", () => {
    const cut = head + valued[0] + '<row r="2"><c r="A2"><v>1';
    expect(sieve(cut, () => 5, true).bytes().toString("utf8")).toBe(cut);
  });
});
