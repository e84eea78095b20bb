// A random secretary table with its 半年考核 sheet and 四诺 register filled: people found by ID in another case or width, or by name and unit; one missing from each; blank rows and blank quarters; a half year below 0 before the floor; a register merged by name.
import { mulberry32 } from "../../src/kinds/sample-county";
import { FOUR_PROMISES_SHEET } from "../../src/kinds/secretary/four-promises-sheet";
import { HALF_YEAR_SHEET } from "../../src/kinds/secretary/half-year";
import type { CellValue, MergeArea } from "../../src/workbook/sheet";
import { dataSheets, inputColumns, type TemplateData } from "../../src/workbook/templates";
import { ordered, randomTable, type RandomTable, type Row } from "./random-tables";

/** The table's rows back as rows by field. */
function rowsOf(t: RandomTable): Row[] {
  const columns = inputColumns(dataSheets(t.spec)[0]);
  return t.data.rows.map((values) => Object.fromEntries(columns.map((c, j) => [c.field!, values[j] ?? null])));
}

/** An ID as a town may type it: the same letters in lower case, or the digits in full width. */
const retyped = (id: string, k: number) => (k % 3 === 0 ? id.toLowerCase() : k % 3 === 1 ? id.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : id);

/**
 * The seed's random secretaries (random-tables.ts) with both sheets filled. 半年考核: every secretary but
 * the second, in reverse order, each item filled; IDs retyped or left out (then name and unit find
 * him); a blank row; one secretary with every item 0 and four uncapped deductions, whose half year is −20
 * before the floor. The register: every secretary but the third, one to three promises each, some
 * quarters blank or 否, year-end words and shares; the first secretary's name, township and village
 * merged over his promises.
 */
export function withPeriodSheets(seed: number): RandomTable {
  const t = randomTable("secretary", seed);
  const next = mulberry32(seed * 7919);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const s = t.scheme;
  const people = rowsOf(t);

  const half: Row[] = [];
  [...people].reverse().forEach((p, k) => {
    if (p === people[1]) return;
    const r: Row = { township: p.township, village: p.village, name: p.name, id: k % 4 === 3 ? null : retyped(String(p.id), k) };
    const sunk = k === 2;
    s.items.forEach((it, i) => (r[`item${i + 1}`] = sunk ? 0 : pick([it.max, it.max, it.max - 0.5, it.max - 1, 0])));
    s.deductions.forEach((_, i) => (r[`deduction${i + 1}`] = sunk ? (i === s.deductions.length - 1 ? 4 : null) : pick([null, null, 0, 1, 3])));
    r.bonus = sunk ? null : pick([null, null, 1, 2.5, 6]);
    half.push(r);
    if (k === 1) half.push({});
  });

  const promises: Row[] = [];
  const merges: MergeArea[] = [];
  people.forEach((p, k) => {
    if (k === 2) return;
    const n = k === 0 ? 3 : 1 + Math.floor(next() * 3);
    const start = promises.length;
    for (let i = 0; i < n; i++) {
      const merged = k === 0 && i > 0;
      promises.push({
        township: merged ? null : p.township,
        village: merged ? null : p.village,
        name: merged ? null : p.name,
        id: k === 0 || k % 2 === 1 ? null : p.id,
        promise: `承诺${i + 1}`,
        quarter1: pick(["已践诺", "是", null, "否"]),
        quarter2: pick(["已践诺", "√", null]),
        quarter3: pick(["已践诺", null, "无"]),
        quarter4: pick(["已践诺", "召开会议2次", null]),
        halfYear: pick([100, 90, 85.5, 70, 0]),
        yearEnd: pick(["兑现", "部分兑现", "未兑现", "已兑现", "50%", 0.8]),
      });
    }
    // The first secretary's cells of who he is, merged over his promises (the pipeline reads the merge; the formula the row above).
    if (k === 0) for (const col of [0, 1, 2]) merges.push({ top: start, left: col, bottom: start + n - 1, right: col });
  });

  const extra: TemplateData[] = (t.spec.extra ?? []).map((x, i) => {
    const rows: CellValue[][] = x.name === HALF_YEAR_SHEET ? ordered(t.spec, half, i + 1) : x.name === FOUR_PROMISES_SHEET ? ordered(t.spec, promises, i + 1) : (t.data.extra?.[i]?.rows ?? []);
    return x.name === FOUR_PROMISES_SHEET ? { rows, merges } : { rows };
  });
  return { ...t, data: { ...t.data, extra } };
}
