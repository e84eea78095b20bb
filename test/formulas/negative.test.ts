// KAOHE.NEGATIVE in a real formula engine (HyperFormula with the KAOHE plugin): a template computes one person's negative-list outcome live.
import { HyperFormula, type RawCellContent } from "hyperformula";
import { afterEach, describe, expect, it } from "vitest";
import { KaohePlugin, kaoheTranslations } from "./kaohe-plugin";

HyperFormula.registerFunctionPlugin(KaohePlugin, kaoheTranslations);

let engine: HyperFormula | undefined;
afterEach(() => engine?.destroy());

/** A workbook of three sheets; values by sheet and A1 address. */
function book(sheets: Record<string, RawCellContent[][]>) {
  engine = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3", useArrayArithmetic: true });
  const hf = engine;
  return (sheet: string, a1: string) => {
    const v = hf.getCellValue(hf.simpleCellAddressFromString(a1, hf.getSheetId(sheet)!)!);
    return typeof v === "object" && v !== null && "value" in v ? v.value : v;
  };
}

describe("=KAOHE.NEGATIVE in a template", () => {
  it("points, stars removed and the no-优秀 flag of each person, from the record sheet and the list", () => {
    const at = book({
      // 编号, 类别, 内容, 每次扣分, 扣分上限, 摘星, 不得评优, 定为不称职, 扣绩效工资（元）
      List: [
        ["1-1", "党的组织纪律和工作纪律", "无故不参加组织生活", 2, 5, null, null, null, null],
        ["5-1", "社会秩序管理", "越级上访处置不力", null, null, null, "是", null, null],
      ],
      // 姓名, 条目, 次数
      Rec: [
        ["张三", "1-1", 2],
        ["张三", "1-1", 1],
        ["李四", "5-1", null],
      ],
      T: [
        ["张三", "=KAOHE.NEGATIVE(A1,Rec!$A$1:$A$3,Rec!$B$1:$B$3,List!$A$1:$I$2,\"扣分\",Rec!$C$1:$C$3)", "=KAOHE.NEGATIVE(A1,Rec!$A$1:$A$3,Rec!$B$1:$B$3,List!$A$1:$I$2,\"不得评优\",Rec!$C$1:$C$3)"],
        ["李四", "=KAOHE.NEGATIVE(A2,Rec!$A$1:$A$3,Rec!$B$1:$B$3,List!$A$1:$I$2,\"扣分\",Rec!$C$1:$C$3)", "=KAOHE.NEGATIVE(A2,Rec!$A$1:$A$3,Rec!$B$1:$B$3,List!$A$1:$I$2,\"不得评优\",Rec!$C$1:$C$3)"],
      ],
    });
    // 张三: 1-1 three times, 3 × 2 = 6, capped at 5; 李四: no points, barred from 优秀.
    expect([at("T", "B1"), at("T", "C1"), at("T", "B2"), at("T", "C2")]).toEqual([5, false, 0, true]);
  });
});
