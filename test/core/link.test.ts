import { describe, expect, it } from "vitest";
import { linkRows, type LinkSourceRow } from "../../src/core/link";

/** The appraisal's results, as a source: composite and grade by person. */
type Result = { composite: number; grade: string };
const appraisal = { file: "民主测评.xlsx", sheet: "测评汇总" };
const src = (row: number, name: string, unit: string | null, composite: number, grade: string, id: string | null = null): LinkSourceRow<Result> => ({
  row,
  id,
  name,
  unit,
  values: { composite, grade },
});

describe("linkRows", () => {
  it("links by ID typed with another case, full-width letters and stray spaces", () => {
    const r = linkRows([{ row: 3, id: "gb-001", name: "王建国", unit: "城关镇" }], appraisal, [src(5, "王建国", "城关镇", 91.5, "优秀", " ＧＢ-001 ")]);
    expect(r.rows).toEqual([{ row: 3, values: { composite: 91.5, grade: "优秀" }, from: { file: "民主测评.xlsx", sheet: "测评汇总", row: 5 } }]);
    expect(r.problems).toEqual([]);
  });

  it("reports a person present in one file and not the other, on both sides", () => {
    const r = linkRows(
      [
        { row: 3, name: "王建国", unit: "城关镇" },
        { row: 4, name: "李秀英", unit: "城关镇" },
      ],
      appraisal,
      [src(2, "王建国", "城关镇", 88, "称职"), src(3, "赵志刚", "城关镇", 76, "基本称职")],
    );
    expect(r.rows.map((x) => x.values)).toEqual([{ composite: 88, grade: "称职" }, null]);
    expect(r.problems.map((p) => [p.kind, p.targetRow, p.sources.map((s) => s.row)])).toEqual([
      ["notFound", 4, []],
      ["notUsed", 0, [3]],
    ]);
    expect(r.problems[0].zh).toContain("第4行 城关镇李秀英");
    expect(r.problems[0].zh).toContain("“民主测评.xlsx”的“测评汇总”表");
    expect(r.problems[1].zh).toContain("“民主测评.xlsx”的“测评汇总”表第3行 城关镇赵志刚");
    expect(r.problems[1].en).toContain("民主测评.xlsx, sheet 测评汇总, row 3");
  });

  it("keeps two people of the same name in different units apart", () => {
    const r = linkRows(
      [
        { row: 3, name: "张伟", unit: "城关镇" },
        { row: 4, name: "张伟", unit: "河西乡" },
      ],
      appraisal,
      [src(7, "张伟", "河西乡", 70, "基本称职"), src(6, "张伟", "城关镇", 93, "优秀")],
    );
    expect(r.rows.map((x) => [x.values?.composite, x.from?.row])).toEqual([
      [93, 6],
      [70, 7],
    ]);
    expect(r.problems).toEqual([]);
  });

  it("does not take the namesake of another unit for a person missing from the source", () => {
    const r = linkRows([{ row: 3, name: "张伟", unit: "城关镇" }], { sheet: "测评汇总" }, [src(7, "张伟", "河西乡", 70, "基本称职")]);
    expect(r.rows[0].values).toBeNull();
    expect(r.problems.map((p) => p.kind)).toEqual(["notFound", "notUsed"]);
    expect(r.problems[0].sources).toEqual([{ sheet: "测评汇总", row: 7 }]);
    expect(r.problems[0].zh).toContain("同名的河西乡张伟（第7行）是另一单位的人，未采用");
    // The same workbook: no file named.
    expect(r.problems[0].zh).toContain("在“测评汇总”表中");
  });

  it("links neither of two people of the same name in the same unit, and names both rows", () => {
    const r = linkRows([{ row: 3, name: "刘洋", unit: "城关镇" }], appraisal, [src(4, "刘洋", "城关镇", 80, "称职"), src(9, "刘洋", "城关镇", 95, "优秀")]);
    expect(r.rows[0].values).toBeNull();
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ kind: "ambiguous", targetRow: 3, sources: [{ row: 4 }, { row: 9 }] });
    expect(r.problems[0].zh).toContain("有2人（第4行、第9行）");
  });

  it("tells apart two namesakes of one unit by their IDs", () => {
    const r = linkRows([{ row: 3, id: "B2", name: "刘洋", unit: "城关镇" }], appraisal, [src(4, "刘洋", "城关镇", 80, "称职", "b1"), src(9, "刘洋", "城关镇", 95, "优秀", "b2")]);
    expect(r.rows[0]).toMatchObject({ values: { composite: 95 }, from: { row: 9 } });
    expect(r.problems.map((p) => [p.kind, p.sources[0].row])).toEqual([["notUsed", 4]]);
  });

  it("never takes a source row with another ID for a target with an ID, but takes one without an ID", () => {
    const other = linkRows([{ row: 3, id: "A1", name: "陈静", unit: "城关镇" }], appraisal, [src(4, "陈静", "城关镇", 80, "称职", "A2")]);
    expect(other.rows[0].values).toBeNull();
    expect(other.problems.map((p) => p.kind)).toEqual(["notFound", "notUsed"]);
    const noId = linkRows([{ row: 3, id: "A1", name: "陈静", unit: "城关镇" }], appraisal, [src(4, "陈静", "城关镇", 80, "称职")]);
    expect(noId.rows[0].values).toEqual({ composite: 80, grade: "称职" });
    expect(noId.problems).toEqual([]);
  });

  it("links by ID when the names differ, and says so", () => {
    const r = linkRows([{ row: 3, id: "A1", name: "陈静", unit: "城关镇" }], appraisal, [src(4, "陈晶", "城关镇", 80, "称职", "a1")]);
    expect(r.rows[0].values).toEqual({ composite: 80, grade: "称职" });
    expect(r.problems.map((p) => p.kind)).toEqual(["nameDiffers"]);
    expect(r.problems[0].zh).toContain("“陈晶”，姓名不同，已按编号取数");
  });

  it("reads names and units as people type them, and a side without units by name alone", () => {
    const r = linkRows(
      [
        { row: 3, name: "王 建国", unit: "城关镇 " },
        { row: 4, name: "孙丽", unit: "河西乡" },
      ],
      appraisal,
      [src(2, "王建国", "城关镇", 88, "称职"), src(3, "孙丽", null, 90, "优秀")],
    );
    expect(r.rows.map((x) => x.values?.composite)).toEqual([88, 90]);
    expect(r.problems).toEqual([]);
  });

  it("gives one source person to one target row only", () => {
    const r = linkRows(
      [
        { row: 3, name: "周强", unit: "城关镇" },
        { row: 8, name: "周强", unit: "城关镇" },
      ],
      appraisal,
      [src(2, "周强", "城关镇", 85, "称职")],
    );
    expect(r.rows.map((x) => x.values?.composite ?? null)).toEqual([85, null]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ kind: "ambiguous", targetRow: 8, sources: [{ row: 2 }] });
    expect(r.problems[0].zh).toContain("已对应第3行");
  });
});
