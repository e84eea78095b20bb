// The words after an operation: errors, what a drawing wrote, where a problem leads, and the preview host's refusals.
import { describe, expect, it } from "vitest";
import { RuleError } from "../../src/core/errors";
import { HostError } from "../../src/excel/ops";
import { drawLines, errorText, isAbort, partialOf, problemCell, problemLine } from "../../src/taskpane/model/outcome";
import { refusingHost } from "../../src/taskpane/preview-host";
import { strings } from "../../src/taskpane/strings";

const zh = strings["zh-CN"];
const en = strings["en-US"];

describe("what the pane tells the user after an operation", () => {
  it("gives every error in words: a host's message as it is, anything else as an unexpected error", () => {
    expect(errorText(new HostError("工作表受保护"), zh, "zh-CN")).toBe("工作表受保护");
    expect(errorText(new Error("boom"), zh, "zh-CN")).toBe("出现意外错误：boom");
    expect(errorText("odd", en, "en-US")).toBe("Unexpected error: odd");
    const rule = new RuleError("#VALUE!", "notNumber", { at: "x", value: "a" });
    expect(errorText(rule, zh, "zh-CN")).toBe(rule.describe("zh-CN"));
  });

  it("says exactly what a drawing wrote and what it did not", () => {
    const partial = { written: ["村书记考核", "汇总"], notWritten: ["排名", "审计"], rows: 120, syncs: 4 };
    expect(drawLines(partial, zh, "zh-CN")).toEqual(["已写入：村书记考核、汇总", "未写入：排名、审计", "结果列已写入 120 行。"]);
    expect(drawLines({ written: [], notWritten: ["汇总"], rows: 0, syncs: 1 }, en, "en-US")).toEqual(["Written: nothing", "Not written: 汇总"]);
    // A column left to its spilled formula is one more line, as the host said it.
    expect(drawLines({ written: ["干部考核"], notWritten: [], rows: 2, syncs: 3, kept: ["“等次”列……公式保留"] }, zh, "zh-CN")).toEqual(["已写入：干部考核", "结果列已写入 2 行。", "“等次”列……公式保留"]);
    // Kept KAOHE formulas that differ from the computation: each cell after the notes, as the host named it.
    expect(
      drawLines({ written: ["干部考核"], notWritten: [], rows: 0, syncs: 4, kept: ["“综合得分”列……保留未写入"], differences: ["干部考核!I4：公式结果 93，计算结果 93.6"], differing: 1 }, zh, "zh-CN"),
    ).toEqual(["已写入：干部考核", "“综合得分”列……保留未写入", "干部考核!I4：公式结果 93，计算结果 93.6"]);
    expect(zh.computeDoneDiffers(2)).toBe("计算完成，已写入工作簿；但模板的 KAOHE 公式有 2 个单元格与本次计算的结果不同，公式保留未改，请逐一核对：");
    expect(en.computeDoneDiffers(1)).toBe("Done: the results are written to the workbook, but 1 cell of the template's KAOHE formulas gives another value than this computation; the formulas are kept as they are. Check each:");
    expect(partialOf(new HostError("x", partial))).toBe(partial);
    expect(partialOf(new Error("x"))).toBeUndefined();
  });

  it("tells a cancellation from a failure", () => {
    const c = new AbortController();
    expect(isAbort(new HostError("x"), c.signal)).toBe(false);
    c.abort();
    expect(isAbort(new HostError("x"), c.signal)).toBe(true);
    expect(isAbort(new DOMException("stop", "AbortError"), undefined)).toBe(true);
  });

  it("places a problem, and selects its row's first cell or A1 when it names no cell", () => {
    const p = { sheet: "村书记考核", row: 12, col: 3, header: "得分", zh: "不是数字", en: "not a number" };
    expect(problemLine(p, "zh-CN")).toBe("工作表“村书记考核” 第12行 C列（得分）：不是数字");
    expect(problemCell(p)).toEqual({ sheet: "村书记考核", row: 12, col: 3 });
    expect(problemCell({ ...p, col: 0 })).toEqual({ sheet: "村书记考核", row: 12, col: 1 });
    expect(problemCell({ ...p, row: 0, col: 0 })).toEqual({ sheet: "村书记考核", row: 1, col: 1 });
  });

  it("refuses every operation in the browser preview with the message given", async () => {
    const host = refusingHost(zh.previewNoWorkbook);
    const ops = Object.entries(host) as [string, (...a: unknown[]) => Promise<unknown>][];
    expect(ops.map(([k]) => k).sort()).toEqual(["conflicts", "drawPlan", "freezeReports", "insertTemplate", "loadScheme", "overview", "readWorkbook", "saveScheme", "selectCell"]);
    for (const [name, op] of ops) {
      const e = await op().catch((x: unknown) => x);
      expect(e, name).toBeInstanceOf(HostError);
      expect((e as HostError).message).toBe("浏览器预览中无法操作工作簿");
    }
  });
});
