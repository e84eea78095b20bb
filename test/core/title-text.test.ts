// Report titles that do not say a word twice, and quotation marks nested as Chinese writing nests them.
import { describe, expect, it } from "vitest";
import { quoted, reportTitle } from "../../src/core/title-text";

describe("a report's title", () => {
  it("does not repeat the words the assessment's title ends with", () => {
    expect(reportTitle("2026年度乡镇干部绩效考核与绩效工资", "绩效工资发放表")).toBe("2026年度乡镇干部绩效考核与绩效工资发放表");
    expect(reportTitle("2026年度民主测评/述职评议汇总", "汇总")).toBe("2026年度民主测评/述职评议汇总");
    expect(reportTitle("2026年度党组织“五好”评定", "评定表")).toBe("2026年度党组织“五好”评定表");
  });

  it("adds the report's name whole when nothing repeats, or only one character", () => {
    expect(reportTitle("2026年度党员星级评定", "汇总")).toBe("2026年度党员星级评定汇总");
    expect(reportTitle("2026年度村党组织书记年度考核", "核查表")).toBe("2026年度村党组织书记年度考核核查表");
    expect(reportTitle("", "汇总")).toBe("汇总");
  });
});

describe("a name in quotation marks", () => {
  it("nests the name's own quotation marks as single ones", () => {
    expect(quoted("党组织“五好”评定表")).toBe("“党组织‘五好’评定表”");
    expect(quoted("2026年度党组织“五好”评定")).toBe("“2026年度党组织‘五好’评定”");
  });

  it("leaves a name without quotation marks as it is", () => {
    expect(quoted("干部考核")).toBe("“干部考核”");
  });
});
