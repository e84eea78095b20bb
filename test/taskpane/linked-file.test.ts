// A workbook chosen under 取数来源, read in the pane and in the web page's worker: its values as the pipeline reads them, and a file that is no .xlsx refused in the user's language.
import { Workbook } from "exceljs";
import { describe, expect, it } from "vitest";
import { HostError } from "../../src/excel/ops";
import { readLinkedInPane } from "../../src/taskpane/model/linked-file";
import { createWork } from "../../src/web/work";
import { runAssessment } from "../../src/workbook/pipeline";

/** An appraisal file with two sheets, last year's first: 李四's groups give 75, then 90. */
async function appraisalFile(): Promise<Blob> {
  const wb = new Workbook();
  for (const [name, score] of [["2024民主测评", 75], ["民主测评", 90]] as const) {
    const ws = wb.addWorksheet(name);
    ws.addRow(["单位", "姓名", "编号", "自评", "互评", "群众评议", "支部评定"]);
    ws.addRow(["城关镇", "李四", "A2", score, score, score, score]);
  }
  return new Blob([await wb.xlsx.writeBuffer()]);
}

const cadres = { sheets: [{ name: "干部考核", rows: [["乡镇", "姓名", "编号", "职务", "任务得分", "年终考评", "应发工资", "一票否决"], ["城关镇", "李四", "A2", "科员", 90, null, 4000, ""]] }] };
const now = new Date("2025-12-31T08:00:00Z");
const notXlsx = () => new Blob([new TextEncoder().encode("姓名,得分\n李四,90\n")]);

describe("a workbook chosen as a source", () => {
  it("is read in the pane into the values a run takes from it, its chosen sheet read", async () => {
    const workbook = await readLinkedInPane(await appraisalFile(), "测评.xlsx", "zh-CN");
    expect(workbook.sheets.map((s) => s.name)).toEqual(["2024民主测评", "民主测评"]);
    expect(workbook.sheets[1].rows[1]).toEqual(["城关镇", "李四", "A2", 90, 90, 90, 90]);
    const r = runAssessment(cadres, { kind: "cadre", now, with: [{ name: "测评.xlsx", workbook }], sources: { appraisal: { file: "测评.xlsx", sheet: "民主测评" } } });
    const block = r.plan!.results[0];
    // .8 × 90 + .2 × 90 = 90
    expect(block.rows[0].cells[block.columns.findIndex((c) => c.header === "综合得分")]).toBe(90);
  });

  it("that is no .xlsx is refused with the reader's words, naming the file, in the user's language", async () => {
    const zh = await readLinkedInPane(notXlsx(), "名单.xlsx", "zh-CN").catch((e: unknown) => e);
    expect(zh).toBeInstanceOf(HostError);
    expect((zh as Error).message).toContain("“名单.xlsx”");
    expect((zh as Error).message).toMatch(/[\u4e00-\u9fff]/);
    expect((zh as Error).message).toContain("不是 .xlsx 工作簿");
    const en = await readLinkedInPane(notXlsx(), "名单.xlsx", "en-US").catch((e: unknown) => e);
    expect((en as Error).message).toContain('"名单.xlsx" is a text file');
  });

  it("is read by the web page's worker without closing the file it has open", async () => {
    const work = createWork({ now: () => now });
    const own = new Workbook();
    const sheet = own.addWorksheet("干部考核");
    for (const row of cadres.sheets[0].rows) sheet.addRow(row);
    await work.handle({ type: "open", file: new Blob([await own.xlsx.writeBuffer()]), name: "干部.xlsx" }, () => {});
    const data = await work.handle({ type: "readLinked", file: await appraisalFile(), name: "测评.xlsx" }, () => {});
    expect(data.sheets.map((s) => s.name)).toEqual(["2024民主测评", "民主测评"]);
    // The run is of the file opened, taking the chosen sheet of the one read beside it.
    const r = await work.handle({ type: "assess", options: { kind: "cadre", with: [{ name: "测评.xlsx", workbook: data }], sources: { appraisal: { file: "测评.xlsx", sheet: "民主测评" } } } }, () => {});
    expect(r.table?.sheet).toBe("干部考核");
    expect(r.plan!.summary.zh.some((l) => l.includes("“年终考评”取自“测评.xlsx”的“民主测评”表"))).toBe(true);
    const failed = await work.handle({ type: "readLinked", file: notXlsx(), name: "名单.xlsx" }, () => {}).then(
      () => ({ zh: "", en: "" }),
      (e: unknown) => e as { zh: string; en: string },
    );
    expect(failed.zh).toContain("“名单.xlsx”");
    expect(failed.en).toContain("名单.xlsx");
  });
});
