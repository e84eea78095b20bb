import { describe, expect, it } from "vitest";
import { choiceCode, choiceList, choiceNamed, settingChoices } from "../../src/workbook/scheme-values";

describe("the scheme sheet's words for rounding modes and periods", () => {
  it("shows one word for each rounding mode and reads 小数舍去 as 去尾法", () => {
    const rounding = settingChoices("grade.rounding", [])!;
    expect(choiceList(rounding)).toBe("去尾法、四舍五入、进一法");
    expect(choiceCode(rounding, "小数舍去")).toBe("floor");
    expect(choiceCode(rounding, " 去尾法 ")).toBe("floor");
    expect(choiceCode(rounding, "CEILING")).toBe("ceil");
    expect(choiceNamed("stars.rounding", "floor")).toBe("“去尾法”（floor）");
  });

  it("shows a duty's period as a requirement says it and reads the short words too", () => {
    const periods = settingChoices("ledger.duties[3].period", [])!;
    expect(choiceList(periods)).toBe("每周、每月、每季度、每半年、每年");
    expect(choiceCode(periods, "半年")).toBe("half");
    expect(choiceCode(periods, "每季度")).toBe("quarter");
    expect(choiceCode(periods, "季")).toBe("quarter");
    expect(choiceCode(periods, "每两月")).toBeUndefined();
  });
});
