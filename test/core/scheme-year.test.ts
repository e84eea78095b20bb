// The year in a scheme's title: written in by the user, kept; left blank, the data's.
import { describe, expect, it } from "vitest";
import { withAssessedYear, yearInTitle } from "../../src/core/scheme";
import { defaultScheme } from "../../src/kinds/registry";

describe("the year in a scheme's title", () => {
  it("is blank in a default scheme given no year, and the given year otherwise", () => {
    expect(defaultScheme("ledger").title).toBe("______年度组织生活台账");
    expect(defaultScheme("ledger", 2025).title).toBe("2025年度组织生活台账");
  });

  it("reads the year a title names, and none from a blank", () => {
    expect(yearInTitle("某县2025年度干部考核")).toBe(2025);
    expect(yearInTitle("2024 年村书记考核")).toBe(2024);
    expect(yearInTitle("______年度干部考核")).toBeUndefined();
    expect(yearInTitle("干部考核")).toBeUndefined();
  });

  it("fills a blank with the data's year and keeps a year the user wrote in", () => {
    expect(withAssessedYear(defaultScheme("cadre"), 2025).title).toBe("2025年度乡镇干部绩效考核与绩效工资");
    expect(withAssessedYear(defaultScheme("cadre", 2024), 2025).title).toBe("2024年度乡镇干部绩效考核与绩效工资");
    expect(withAssessedYear({ ...defaultScheme("cadre"), title: "干部考核" }, 2025).title).toBe("干部考核");
  });
});
