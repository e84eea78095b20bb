import { describe, expect, it } from "vitest";
import { runAssessment } from "../../src/workbook/pipeline";
import type { SheetData } from "../../src/workbook/sheet";

const now = new Date("2025-12-31T08:00:00Z");
const cadres: SheetData = {
  name: "干部考核",
  rows: [
    ["乡镇", "姓名", "编号", "职务", "任务得分", "年终考评", "应发工资", "一票否决"],
    // 综合得分 = 0.8 × task + 0.2 × year-end
    ["城关镇", "张三", "A1", "科员", 95, 90, 5000, ""], // 94: next in line for 优秀
    ["城关镇", "李四", "A2", "科员", 88, 80, 4000, ""], // 86.4 − 2 × 2 = 82.4
    ["城关镇", "王五", "A3", "站长", 92, 100, 6000.5, ""], // 93.6: in the 优秀 band, the one place gone
    ["城关镇", "赵六", "A4", "科员", 70, 60, 3000, ""], // 68 (基本称职 by score), forced to 不称职
    ["城关镇", "孙七", "A5", "科员", 96, 96, 4500, ""], // 96: would take the place, barred
    ["东山乡", "周八", "B1", "科员", 60, 50, 3000.01, ""], // 58
  ],
};
const records: SheetData = {
  name: "负面清单记录",
  rows: [
    ["单位", "姓名", "负面清单条目", "次数", "日期", "依据", "记录人"],
    ["城关镇", "孙七", "5-1", 1, "2025-5-6", "信访登记", "纪委"],
    ["城关镇", "李四", "1-1", 2, "2025-8-1", "会议签到", "党办"],
    ["城关镇", "赵六", "2-2", null, "2025-9-1", "审计报告", "纪委"],
  ],
};

describe("the negative list in the cadre kind", () => {
  const r = runAssessment({ sheets: [cadres, records] }, { kind: "cadre", now });
  const block = r.plan!.results[0];
  const col = (h: string) => block.rows.map((x) => x.cells[block.columns.findIndex((c) => c.header === h)]);

  it("points come off 综合得分 before the grades", () => {
    expect(r.problems).toEqual([]);
    expect(col("综合得分")).toEqual([94, 82.4, 93.6, 68, 96, 58]);
  });
  it("the barred 孙七 never takes the one 优秀 place of 城关镇 (20% of 5); it passes to 张三; 赵六 is forced to 不称职", () => {
    expect(col("等次")).toEqual(["优秀", "称职", "称职", "不称职", "称职", "不称职"]);
  });
  it("说明 names each item, and says the yuan are deducted when paying, not from the shared pool", () => {
    expect(col("说明")[4]).toBe("负面清单 5-1「发生越级上访、集体访且处置不力」1 次：本年度不得评为优秀");
    expect(col("说明")[3]).toBe("负面清单 2-2「违规举债或擅自处置集体资产」1 次：定为不称职，扣绩效工资 500.00 元；应扣绩效工资 500.00 元未从本表“绩效工资”中扣除，发放时扣减");
  });
});
