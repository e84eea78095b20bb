// A composite's blank parts: a problem naming the row (or the absent column), or, where the scheme says so, the others' weights shared out and said.
import type { MissingPartPolicy } from "../../core/scheme";
import { settingName } from "../setting-names";
import { choiceNamed } from "../scheme-values";
import type { Problem } from "../sheet";
import type { AssessInput, Warning } from "./common";

/** One part of a composite: the field it is read from, its name and weight in the scheme. */
export interface PartSpec {
  /** null for a part computed from other columns, which is always there. */
  field: string | null;
  name: string;
  weight: number;
}

export interface MissingParts {
  problems: Problem[];
  /** Per record, what its 说明 says about a part shared out. */
  notes: string[];
  warnings: Warning[];
}

const blankCell = (input: AssessInput, row: number, col: number) => {
  const v = input.table.rows[row - 1]?.[col];
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
};

/** "第5、6、8行": every row, up to a length a screen can still show. */
export function rowList(rows: readonly number[]): { zh: string; en: string } {
  const shown = rows.slice(0, 200);
  const more = rows.length > shown.length;
  return {
    zh: `第${shown.join("、")}行${more ? ` 等 ${rows.length} 行` : ""}`,
    en: `row${rows.length > 1 ? "s" : ""} ${shown.join(", ")}${more ? ` and more (${rows.length} rows)` : ""}`,
  };
}

/**
 * The parts (weight above 0) a record lacks. Under "problem" each blank cell is a problem, and an
 * absent column one problem for the sheet naming the rows; under "reweight" the row's 说明 says which
 * part was left out, and an absent column is also a warning. A row lacking every part is always a problem.
 */
export function missingParts(input: AssessInput, parts: readonly PartSpec[], policy: MissingPartPolicy, setting: "parts" | "periods" | "raters"): MissingParts {
  const { table, records } = input;
  const counted = parts.filter((p) => p.weight > 0);
  const out: MissingParts = { problems: [], notes: records.map(() => ""), warnings: [] };
  if (counted.length < 2) return out;
  const composite = counted.map((p) => `${p.name} ${p.weight}`).join("、");
  const key = `missing.${setting}`;
  const rule = `考核方案“${settingName(key)}”（${key}）为${choiceNamed(key, policy)}`;
  const reweight = choiceNamed(key, "reweight");
  const absentRows = new Map<string, number[]>();
  const sharedRows = new Map<string, number[]>();
  records.forEach((r, i) => {
    const lacking = counted.filter((p) => {
      if (p.field === null) return false;
      const col = table.columns.get(p.field);
      return col === undefined || (r.values[p.field] === null && blankCell(input, r.row, col) && !table.uncached.has(`${r.row - 1},${col}`));
    });
    if (lacking.length === 0) return;
    if (lacking.length === counted.length) {
      const p = counted.find((x) => x.field !== null && table.columns.has(x.field));
      out.problems.push({
        sheet: table.sheet,
        row: r.row,
        col: p?.field ? table.columns.get(p.field)! + 1 : 0,
        header: p?.field ? table.headers.get(p.field) : undefined,
        zh: `${counted.map((x) => x.name).join("、")}都没有分数，无法计算。请填写分数`,
        en: `${counted.map((x) => x.name).join(", ")} all have no score, so nothing can be computed; fill in the scores`,
      });
      return;
    }
    if (policy === "reweight") {
      const names = lacking.map((p) => p.name).join("、");
      out.notes[i] = `无${names}，按${counted.filter((p) => !lacking.includes(p)).map((p) => p.name).join("、")}折算`;
      sharedRows.set(names, [...(sharedRows.get(names) ?? []), r.row]);
      return;
    }
    for (const p of lacking) {
      const field = p.field!;
      const col = table.columns.get(field);
      if (col === undefined) absentRows.set(field, [...(absentRows.get(field) ?? []), r.row]);
      else
        out.problems.push({
          sheet: table.sheet,
          row: r.row,
          col: col + 1,
          header: table.headers.get(field),
          zh: `缺少${p.name}得分：综合得分由${composite}组成，${rule}，缺项不按其余各项折算。请填写分数，或把该设置改为${reweight}`,
          en: `no ${p.name} score: the composite is ${composite}, and the scheme's ${key} is ${policy}, so a missing part is not reweighted; fill in the score, or set it to reweight`,
        });
    }
  });
  for (const [field, rows] of absentRows) {
    const p = counted.find((x) => x.field === field)!;
    const list = rowList(rows);
    out.problems.push({
      sheet: table.sheet,
      row: 0,
      col: 0,
      header: p.name,
      zh: `表中没有“${p.name}”列，而${list.zh}的综合得分需要它（${composite}；${rule}）。请核对表头，或在考核方案的列对应中指明，或把该设置改为${reweight}`,
      en: `the table has no ${p.name} column, which the composite of ${list.en} needs (${composite}; the scheme's ${key} is ${policy}); check the headers, map the column in the scheme, or set it to reweight`,
    });
  }
  // Each row shared out is named in 审计 and on screen as well as in its own 说明.
  for (const [names, rows] of sharedRows) {
    const list = rowList(rows);
    out.warnings.push({
      zh: `${list.zh}缺少${names}：${rule}，已按其余各项折算（见各行说明）`,
      en: `${list.en} lack ${names}: the scheme's ${key} is ${policy}, so the other parts were reweighted (see each row's 说明)`,
    });
  }
  if (policy === "reweight")
    for (const p of counted)
      if (p.field !== null && !table.columns.has(p.field))
        out.warnings.push({
          zh: `没有“${p.name}”列：按${rule}，其权重按比例分给${counted.filter((x) => x !== p).map((x) => x.name).join("、")}，并在各行说明中注明`,
          en: `no ${p.name} column: as the scheme's ${key} is ${policy}, its weight is shared among the other parts, and each row's 说明 says so`,
        });
  return out;
}

/** A row's 说明 with a further note. */
export const withNote = (note: string, more: string) => [note, more].filter((n) => n !== "").join("；");

