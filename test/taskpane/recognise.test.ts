// The start screen's recognition: the scheme's own table first, the headers' best guess without a scheme.
import { describe, expect, it } from "vitest";
import { defaultScheme } from "../../src/kinds/registry";
import { recognise } from "../../src/taskpane/model/recognise";
import { detectKind } from "../../src/workbook/pipeline";
import { SHEET, VILLAGE_HEADER, secretaryWorkbook } from "./fixtures/fake-host";

describe("what the start screen recognises", () => {
  it("looks for the scheme's own table, with its mapping, when there is a scheme", () => {
    const wb = secretaryWorkbook();
    const scheme = defaultScheme("secretary", 2025);
    expect(recognise(wb, scheme)).toEqual({ kind: "secretary", sheet: SHEET, missing: ["村"], fromScheme: true });
    expect(recognise(wb, { ...scheme, columns: { village: VILLAGE_HEADER } })).toEqual({ kind: "secretary", sheet: SHEET, missing: [], fromScheme: true });
  });

  it("goes by the headers when there is no scheme", () => {
    const wb = secretaryWorkbook();
    const found = recognise(wb);
    expect(found?.kind).toBe(detectKind(wb));
    expect(found?.fromScheme).toBe(false);
    expect(found?.sheet).toBe(SHEET);
  });

  it("recognises nothing in a workbook without a table, and names every column the scheme's table lacks", () => {
    const wb = { sheets: [{ name: "Sheet1", rows: [["备忘"]] }] };
    expect(recognise(wb)).toBeUndefined();
    const r = recognise(wb, defaultScheme("cadre"));
    expect(r?.missing).toEqual(["乡镇", "姓名", "任务得分", "应发工资"]);
  });
});
