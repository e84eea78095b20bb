import { describe, expect, it } from "vitest";
import { renderTemplate } from "../../src/cli/xlsx-template";
import { defaultScheme, schemeKinds, schemeToJson, type SchemeKind } from "../../src/core/scheme";
import { SCHEME_SETTING } from "../../src/excel/read";
import { HostError } from "../../src/taskpane/host";
import { columnLetter } from "../../src/workbook/sheet";
import { dataSheet, formulaCells, NOTES_SHEET_NAME, notesSheet, templateSpec } from "../../src/workbook/templates";
import { rejection, setup } from "./helpers";
import { fakeCell, xlsxCell } from "./same-cells";

describe("insertTemplate", () => {
  it.each(schemeKinds.map((k) => [k]))("%s: the sheets, looks, validations, print setup and the add-in's formulas, cell for cell as the command line's template", async (k) => {
    const kind = k as SchemeKind;
    const { fake, host } = setup({ sheets: [{ name: "Sheet1" }] });
    await host.insertTemplate(kind);
    const spec = templateSpec(kind, { year: 2025 });
    const data = dataSheet(spec);
    expect(fake.sheetNames()).toEqual(["Sheet1", data.name, NOTES_SHEET_NAME]);
    expect(fake.activeSheet()).toBe(data.name);
    const ws = fake.sheet(data.name);

    // Formulas, written by the add-in.
    const cells = formulaCells(data);
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect(ws.cell(c.address).formula, c.address).toBe(c.formula);

    // Everything else as the command line's template has it: band, header, formats of the data rows, merges.
    const wb = renderTemplate(spec);
    const x = wb.getWorksheet(data.name)!;
    const formulaAt = new Set(cells.map((c) => c.address));
    const diffs: string[] = [];
    for (let r = 1; r <= data.firstDataRow + 1; r++)
      for (let c = 1; c <= data.columns.length; c++) {
        const address = `${columnLetter(c)}${r}`;
        if (formulaAt.has(address)) continue;
        const a = xlsxCell(x, r, c);
        const b = fakeCell(ws, r, c);
        if (JSON.stringify(a) !== JSON.stringify(b)) diffs.push(`${address}: ExcelJS ${JSON.stringify(a)}, Office.js ${JSON.stringify(b)}`);
      }
    expect(diffs).toEqual([]);
    expect(ws.merges().sort()).toEqual([...((x.model as { merges?: string[] }).merges ?? [])].sort());

    // Validations on every validated column, over the template's rows.
    const last = data.firstDataRow + data.blankRows - 1;
    const validated = data.columns.filter((c) => c.validation);
    expect(ws.validations().map((v) => v.address)).toEqual(validated.map((c) => `${c.letter}${data.firstDataRow}:${c.letter}${last}`));
    for (const v of ws.validations()) {
      expect(v.prompt).toMatchObject({ showPrompt: true });
      expect(v.errorAlert).toMatchObject({ showAlert: true });
    }

    expect(ws.freeze()).toEqual({ rows: data.freeze.rows, columns: data.freeze.columns });
    expect(ws.pageLayout()).toMatchObject({ paperSize: "A4", orientation: data.print.orientation === "landscape" ? "Landscape" : "Portrait", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
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

  it("never takes over a sheet of the same name; a second notes sheet gets its data sheet's name", async () => {
    const { fake, host } = setup({ sheets: [{ name: "Sheet1" }] });
    await host.insertTemplate("cadre");
    await host.insertTemplate("member");
    expect(fake.sheetNames()).toEqual(["Sheet1", "干部考核", NOTES_SHEET_NAME, "党员星级", `${NOTES_SHEET_NAME}（党员星级）`]);
    const e = await rejection(host.insertTemplate("cadre"));
    expect(e).toBeInstanceOf(HostError);
    expect(e.message).toContain("工作簿中已有名为“干部考核”的工作表，模板不会覆盖它");
    expect(fake.sheetNames()).toHaveLength(5);
  });
});
