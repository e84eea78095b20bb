import { describe, expect, it } from "vitest";
import { createProgress, renderBar } from "../../src/cli/progress";

describe("the progress display", () => {
  it("draws a bar with the percentage, the stage and the time taken", () => {
    expect(renderBar("计算中", "排名", 3, 5, undefined, 10)).toBe("计算中 [██████░░░░]  60% 排名");
    expect(renderBar("Working", "done", 5, 5, 12.7, 4)).toBe("Working [████] 100% done 12s");
    expect(renderBar("计算中", "读取文件", 0, 0, 0.5, 4)).toBe("计算中 [░░░░]   0% 读取文件");
  });

  it("prints one line per stage when stderr is not a terminal", () => {
    let out = "";
    const p = createProgress({ write: (s: string) => (out += s) }, "计算中");
    p.update("检查数据", 1, 4);
    p.update("检查数据", 2, 4);
    p.update("计算", 3, 4);
    p.finish();
    expect(out).toBe("计算中：检查数据\n计算中：计算\n");
    let en = "";
    createProgress({ write: (s: string) => (en += s) }, "Working").update("checking", 0, 1);
    expect(en).toBe("Working: checking\n");
  });

  it("redraws in place on a terminal, at most every few milliseconds within a stage, and clears the line at the end", () => {
    let out = "";
    let t = 0;
    const p = createProgress({ write: (s: string) => (out += s), isTTY: true, columns: 80 }, "计算中", () => t);
    p.update("计算", 1, 100);
    p.update("计算", 2, 100); // too soon: not drawn
    t = 500;
    p.update("计算", 50, 100);
    p.update("计算", 100, 100); // complete: always drawn
    p.finish();
    const draws = out.split("\r").filter((s) => s.includes("计算中"));
    expect(draws).toHaveLength(3);
    expect(draws[2]).toContain("100% 计算");
    expect(out.endsWith("\r\x1b[K")).toBe(true);
  });

  it("keeps the line within the terminal's width", () => {
    let out = "";
    const p = createProgress({ write: (s: string) => (out += s), isTTY: true, columns: 20 }, "计算中");
    p.update("一个很长很长很长的阶段名称", 1, 2);
    p.finish();
    const line = out.split("\r")[1].replace("\x1b[K", "");
    expect(line.length).toBeLessThan(20);
  });
});
