// A member sheet laid out the way county offices lay them out, read from .xlsx: merged title, two-row header, 序号, units, blank and totals rows.
import { Workbook } from "exceljs";
import { describe, expect, it } from "vitest";
import { workbookData } from "../../src/cli/xlsx";
import { runAssessment } from "../../src/workbook/pipeline";

async function countySheet(): Promise<Workbook> {
  const wb = new Workbook();
  const ws = wb.addWorksheet("Sheet1");
  ws.getCell("A1").value = "城关镇2025年度农村党员星级评定汇总表";
  ws.mergeCells("A1:K1");
  ws.getCell("A2").value = "填报单位（盖章）：城关镇党委　　　　填报时间：2025年12月20日";
  ws.mergeCells("A2:K2");
  // Two header rows: groups above, names below; the group cells are merged over their columns.
  ws.getCell("A3").value = "序号";
  ws.mergeCells("A3:A4");
  ws.getCell("B3").value = "基本情况";
  ws.mergeCells("B3:E3");
  ws.getCell("F3").value = "五个方面得分";
  ws.mergeCells("F3:J3");
  ws.getCell("K3").value = "备注";
  ws.mergeCells("K3:K4");
  const lower = ["", "所在支部", "姓 名", "党员类别", "乡镇（街道）", "思想政治\n（分）", "遵纪守法（分）", "文明风尚(分)", "联系服务", "岗位责任"];
  lower.forEach((h, i) => {
    if (h) ws.getCell(4, i + 1).value = h;
  });
  const members = [
    [1, "一村党支部", "张三", "村干部党员", "城关镇", 95, 92, 96, 91, 90],
    [2, null, "李四", "在村务农党员", null, 80, 78, 76, 70, 60],
    [3, null, "王五", "年老体弱党员", null, 91, 93, 88, null, null],
    [],
    [4, "二村党支部", "赵六", "外出流动党员", "城关镇", "９２", 90, 95, null, null],
  ];
  members.forEach((m, i) => m.forEach((v, j) => v !== null && v !== undefined && (ws.getCell(5 + i, j + 1).value = v as never)));
  ws.mergeCells("B5:B7");
  ws.mergeCells("E5:E7");
  ws.getCell("A10").value = "合计";
  ws.getCell("C10").value = "4人";
  ws.getCell("A12").value = "填表人：王某　　审核人：李某";
  return wb;
}

describe("a county's own member sheet", () => {
  it("is found, read and computed without a mapping", async () => {
    const wb = await countySheet();
    const buffer = await wb.xlsx.writeBuffer();
    const back = new Workbook();
    await back.xlsx.load(buffer as ArrayBuffer);
    const r = runAssessment(workbookData(back), { now: new Date("2025-12-31T00:00:00Z") });
    expect(r.problems).toEqual([]);
    expect(r.status).toBe("ok");
    expect(r.scheme.kind).toBe("member");
    expect(r.table?.headerRow).toBe(3);
    const block = r.plan!.results[0];
    expect(block.rows.map((x) => x.row)).toEqual([5, 6, 7, 9]);
    const stars = block.rows.map((x) => x.cells[0]);
    // 张三: 2+2+2+2+2 = 10; 李四: 1+1+1+0+0 = 3; 王五 (cap 6, three aspects): 2+2+1 = 5; 赵六 (full-width ９２): 2+2+2 = 6
    expect(stars).toEqual([10, 3, 5, 6]);
    // the branch merged over three rows carries down: 一村 has three members, 二村 one
    const quota = r.plan!.reports.find((x) => x.name === "配额核查")!;
    // Quotas counted per branch: each row names its branch's township first.
    expect(quota.rows.map((row) => [row[0], row[1], row[2], row[3]])).toEqual([
      ["城关镇", "一村党支部", 10, 2],
      ["城关镇", "一村党支部", 6, 1],
      ["城关镇", "二村党支部", 6, 1],
    ]);
    expect(r.ignored.map((x) => x.row)).toEqual(expect.arrayContaining([10, 12]));
    expect(r.plan!.summary.zh[0]).toContain("2025");
  });
});
