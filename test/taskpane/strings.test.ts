// The string tables: every key in both languages, nothing empty, Chinese where Chinese is due.
import { describe, expect, it } from "vitest";
import { paneLocale, strings } from "../../src/taskpane/strings";

const han = /[\u4e00-\u9fff]/;

/** A value of each kind a string function takes, to call it. */
const sample = (fn: (...args: never[]) => unknown) => (fn as (...args: unknown[]) => unknown)(...Array.from({ length: fn.length }, (_, i) => (i === 0 ? 3 : "工作表")));

describe("the task pane's strings", () => {
  it("has every key in both languages, with the same kind of value", () => {
    const zh = strings["zh-CN"];
    const en = strings["en-US"];
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(typeof en[key], key).toBe(typeof zh[key]);
      if (typeof zh[key] === "function") expect((en[key] as (...a: never[]) => unknown).length, key).toBe((zh[key] as (...a: never[]) => unknown).length);
    }
  });

  it("never leaves a text empty, and the Chinese texts are Chinese", () => {
    for (const locale of ["zh-CN", "en-US"] as const) {
      for (const [key, value] of Object.entries(strings[locale])) {
        const text = typeof value === "function" ? String(sample(value)) : value;
        expect(text.trim(), `${locale} ${key}`).not.toBe("");
        expect(text, `${locale} ${key}`).not.toMatch(/undefined|NaN|\[object/);
        if (locale === "zh-CN") expect(text, key).toMatch(han);
      }
    }
  });

  it("keeps the texts the start screen's browser test looks for", () => {
    expect(strings["zh-CN"].outsideExcel).toContain("当前为浏览器预览");
    expect(strings["zh-CN"].functionsHeading).toBe("考核函数");
    expect(strings["zh-CN"].appTitle).toBe("考核");
  });

  it("chooses Chinese for a zh display language or none, English otherwise", () => {
    expect(paneLocale(undefined)).toBe("zh-CN");
    expect(paneLocale(null)).toBe("zh-CN");
    expect(paneLocale("zh-CN")).toBe("zh-CN");
    expect(paneLocale("zh-TW")).toBe("zh-CN");
    expect(paneLocale("ZH-hk")).toBe("zh-CN");
    expect(paneLocale("en-US")).toBe("en-US");
    expect(paneLocale("fr-FR")).toBe("en-US");
  });
});
