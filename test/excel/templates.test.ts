import { describe, expect, it } from "vitest";
import { renderTemplate } from "../../src/cli/xlsx-template";
import { schemeToJson, type SchemeKind } from "../../src/core/scheme";
import { defaultScheme, schemeKinds } from "../../src/kinds/registry";
import { SCHEME_SETTING } from "../../src/excel/read";
import { HostError } from "../../src/excel/ops";
import { columnLetter } from "../../src/workbook/sheet";
import { dataSheet, formulaCells, NOTES_SHEET_NAME, notesSheet } from "../../src/workbook/templates";
import { templateSpec } from "../../src/workbook/template-spec";
import { rejection, setup } from "./helpers";
import { fakeCell, xlsxCell } from "./same-cells";

describe("insertTemplate", () => {
  it.each(schemeKinds.map((k) => [k]))("%s: the sheets, looks, validations, print setup and the add-in's formulas, cell for cell as the command line's template", async (k) => {
    const kind = k as SchemeKind;
    const { fake, host } = setup({ sheets: [{ name: "Sheet1" }] });
    await host.insertTemplate(kind);
    const spec = templateSpec(kind, { year: 2025 });
    const data = dataSheet(spec);
    const extra = spec.extra ?? [];
    expect(fake.sheetNames()).toEqual(["Sheet1", data.name, ...extra.map((x) => x.name), NOTES_SHEET_NAME]);
    expect(fake.activeSheet()).toBe(data.name);
    const ws = fake.sheet(data.name);

    // Formulas, written by the add-in on every sheet that has them (the secretary's 半年考核 and 四诺 register too; 组织名单 has none).
    const cells = formulaCells(data);
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect(ws.cell(c.address).formula, c.address).toBe(c.formula);
    for (const x of extra) for (const c of formulaCells(x)) expect(fake.sheet(x.name).cell(c.address).formula, `${x.name}!${c.address}`).toBe(c.formula);

    // Everything else as the command line's template has it, on every data sheet: band, header, formats of the data rows, merges, validations.
    const wb = renderTemplate(spec);
    const formulaAt = new Map([data, ...extra].map((x) => [x, new Set(formulaCells(x).map((c) => c.address))]));
    for (const sheet of [data, ...extra]) {
      const x = wb.getWorksheet(sheet.name)!;
      const view = fake.sheet(sheet.name);
      const diffs: string[] = [];
      for (let r = 1; r <= sheet.firstDataRow + 1; r++)
        for (let c = 1; c <= sheet.columns.length; c++) {
          const address = `${columnLetter(c)}${r}`;
          if (formulaAt.get(sheet)!.has(address)) continue;
          const a = xlsxCell(x, r, c);
          const b = fakeCell(view, r, c);
          if (JSON.stringify(a) !== JSON.stringify(b)) diffs.push(`${sheet.name}!${address}: ExcelJS ${JSON.stringify(a)}, Office.js ${JSON.stringify(b)}`);
        }
      expect(diffs).toEqual([]);
      expect(view.merges().sort()).toEqual([...((x.model as { merges?: string[] }).merges ?? [])].sort());
      const last = sheet.firstDataRow + sheet.blankRows - 1;
      const validated = sheet.columns.filter((c) => c.validation);
      expect(view.validations().map((v) => v.address)).toEqual(validated.map((c) => `${c.letter}${sheet.firstDataRow}:${c.letter}${last}`));
      for (const v of view.validations()) {
        expect(v.prompt).toMatchObject({ showPrompt: true });
        expect(v.errorAlert).toMatchObject({ showAlert: true });
      }
    }

    expect(ws.freeze()).toEqual({ rows: data.freeze.rows, columns: data.freeze.columns });
    expect(ws.pageLayout()).toMatchObject({ paperSize: "A4", orientation: data.print.orientation === "landscape" ? "Landscape" : "Portrait", zoom: data.print.fitToWidth === 1 ? { horizontalFitToPages: 1, verticalFitToPages: 0 } : { scale: data.print.scale } });
    expect(ws.printTitleRows()).toBe(`$1:$${data.headerRow}`);
    expect(ws.footers()).toEqual({ leftFooter: "制表人：", centerFooter: "第 &P 页，共 &N 页", rightFooter: "审核人：" });
    expect(ws.style(`A${data.headerRow}`, "fill.color")).toBe("#D9E1F2");
    const result = data.columns.find((c) => c.role === "result")!;
    expect(ws.style(`${result.letter}${data.headerRow}`, "fill.color")).toBe("#FCE4D6");

    const notes = fake.sheet(NOTES_SHEET_NAME);
    const n = notesSheet(spec);
    expect(notes.cell("A1").value).toBe(n.title);
    expect(notes.cell("A3").value).toBe(n.sections[0].heading);
    expect(notes.cell("A4").value).toBe(n.sections[0].lines[0]);
    expect(notes.showGridlines()).toBe(false);
  });

  it("follows the workbook's own scheme of that kind", async () => {
    const scheme = { ...defaultScheme("cadre", 2025), title: "本县考核" };
    scheme.parts = scheme.parts.map((p, i) => ({ ...p, weight: i === 0 ? 0.6 : 0.4 }));
    const { fake, host } = setup({ sheets: [{ name: "Sheet1" }], settings: { [SCHEME_SETTING]: schemeToJson(scheme) } });
    await host.insertTemplate("cadre");
    const data = dataSheet(templateSpec("cadre", { scheme, year: 2025 }));
    for (const c of formulaCells(data)) expect(fake.sheet(data.name).cell(c.address).formula).toBe(c.formula);
  });

  it("never takes over a sheet of the same name; a second notes sheet gets its data sheet's name; the record sheets are shared", async () => {
    const { fake, host } = setup({ sheets: [{ name: "Sheet1" }] });
    await host.insertTemplate("cadre");
    const records = fake.sheet("负面清单记录").cell("A1").value;
    // The member template finds the cadre's 负面清单记录 and 异议记录 and keeps them: one register for the workbook.
    await host.insertTemplate("member");
    expect(fake.sheetNames()).toEqual(["Sheet1", "干部考核", "负面清单记录", "异议记录", NOTES_SHEET_NAME, "党员星级", `${NOTES_SHEET_NAME}（党员星级）`]);
    expect(fake.sheet("负面清单记录").cell("A1").value).toBe(records);
    const e = await rejection(host.insertTemplate("cadre"));
    expect(e).toBeInstanceOf(HostError);
    expect(e.message).toContain("工作簿中已有名为“干部考核”的工作表，模板不会覆盖它");
    expect(fake.sheetNames()).toHaveLength(7);
  });
});
