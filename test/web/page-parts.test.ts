// The page's small rules: what a browser must have, the result file's name, and a file's size said before reading it.
import { describe, expect, it } from "vitest";
import { missingFeatures } from "../../src/web/features";
import { fileSizeProblem } from "../../src/web/file-size";
import { resultName } from "../../src/web/result-name";

class Has {}
const withArrayBuffer = Object.assign(function Blob() {}, { prototype: { arrayBuffer() {} } });
const full = { Worker: Has, Blob: withArrayBuffer, File: Has, FileReader: Has, URL: Object.assign(function URL() {}, { createObjectURL() {} }), TextDecoder: Has, TextEncoder: Has };

describe("missingFeatures", () => {
  it("finds nothing missing in a browser that has everything", () => {
    expect(missingFeatures(full)).toEqual([]);
  });
  it("names each thing a browser lacks", () => {
    const { Worker: _w, FileReader: _f, ...rest } = full;
    expect(missingFeatures(rest)).toEqual(["Web Worker", "File API"]);
  });
  it("wants Blob.arrayBuffer (Chromium 76), not only Blob", () => {
    expect(missingFeatures({ ...full, Blob: function Blob() {} })).toEqual(["Blob"]);
  });
});

describe("resultName", () => {
  it("names the result as kaohe run does, beside the input's name", () => {
    expect(resultName("样例县-农村党员星级评定.xlsx")).toBe("样例县-农村党员星级评定-结果.xlsx");
    expect(resultName("a.b.xlsx")).toBe("a.b-结果.xlsx");
  });
  it("puts _ for characters a file name cannot hold", () => {
    expect(resultName('干部"考核"<1>.xlsx')).toBe("干部_考核__1_-结果.xlsx");
  });
});

describe("fileSizeProblem", () => {
  it("lets a file of plausible size through", () => {
    expect(fileSizeProblem("a.xlsx", 1)).toBeUndefined();
    expect(fileSizeProblem("a.xlsx", 1024 * 2 ** 20)).toBeUndefined();
  });
  it("says a file past 1,024 MB is too large, in MB rounded up", () => {
    expect(fileSizeProblem("a.xlsx", 2048 * 2 ** 20 + 1)?.zh).toBe("“a.xlsx”有 2,049 MB，太大，不像真实的上报文件（可读取的内容最多 1024 MB）。请核对文件来源，或把表格分成几个文件");
  });
});
