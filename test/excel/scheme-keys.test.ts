// The add-in's scheme loading with a crafted 考核方案 sheet or settings JSON: a clear error naming the row, and no built-in prototype changed.
import { describe, expect, it } from "vitest";
import { defaultScheme } from "../../src/kinds/registry";
import { SCHEME_SETTING } from "../../src/excel/read";
import { HostError } from "../../src/excel/ops";
import { schemeSheet, SCHEME_SHEET } from "../../src/workbook/scheme-sheet";
import type { CellValue } from "../../src/workbook/sheet";
import { rejection, setup } from "./helpers";

const header = ["乡镇", "姓名", "编号", "职务", "任务得分", "年终考评", "应发工资", "一票否决"];

/** The default cadre scheme's sheet (title, header, one setting a row) with `key` set to "yes" on the row after the last. */
function craftedSheet(key: string): { rows: CellValue[][]; row: number } {
  const s = schemeSheet(defaultScheme("cadre", 2025));
  const rows: CellValue[][] = [[s.title], s.columns.map((c) => c.header), ...(s.rows as CellValue[][])];
  return { rows: [...rows, [key, "", "yes", ""]], row: rows.length + 1 };
}

const untouched = () => {
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted).toBeUndefined();
  expect(probe.x).toBeUndefined();
};

describe("the add-in's loadScheme with crafted keys", () => {
  it.each(["__proto__.polluted", "constructor.prototype.polluted", "grade.__proto__.x"])("refuses the sheet row %s, naming the sheet and the row", async (key) => {
    const { rows, row } = craftedSheet(key);
    const { host } = setup({ sheets: [{ name: "干部考核", rows: [header] }, { name: SCHEME_SHEET, rows }] });
    const e = await rejection(host.loadScheme());
    expect(e).toBeInstanceOf(HostError);
    expect(e.message).toMatch(new RegExp(`^工作表“考核方案”有 1 处问题：第${row}行：键“${key.replace(/[.]/g, "\\.")}”含有“(__proto__|constructor)”，不能用作设置名`));
    untouched();
    // The start screen still opens; it names no kind it cannot trust.
    expect((await host.overview()).sheets).toEqual(["干部考核", SCHEME_SHEET]);
    untouched();
  });

  it("refuses settings JSON with __proto__ keys", async () => {
    const { host } = setup({
      sheets: [{ name: "干部考核", rows: [header] }],
      settings: { [SCHEME_SETTING]: '{"kind":"cadre","title":"t","__proto__":{"polluted":"yes"},"pay":{"__proto__":{"x":"yes"}}}' },
    });
    const e = await rejection(host.loadScheme());
    expect(e).toBeInstanceOf(HostError);
    expect(e.message).toBe(
      "保存的考核方案有 2 处问题：__proto__: “__proto__”不能用作设置名（它会改动程序内部的对象）。请删除这一项；pay.__proto__: “__proto__”不能用作设置名（它会改动程序内部的对象）。请删除这一项",
    );
    untouched();
  });
});
