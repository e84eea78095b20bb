// The town's half-year test of the village secretaries, item by item: found as a sheet of this workbook or of a linked one, matched to each secretary of the annual table.
import { linkRowsFromMany, placeWords, problemSheetOf, type LinkedFrom, type LinkSourcePlace } from "../../core/link";
import { searchedBooks } from "../../workbook/links";
import type { PeriodTest } from "../../core/item-periods";
import type { Scheme } from "../../core/scheme";
import { totalDeduction } from "../../core/scores";
import { type AssessInput, type Warning, num, str } from "../../workbook/assess/common";
import { deductionFieldId, itemFieldId, type FieldDef } from "../../workbook/fields";
import { readRecords, type RowRecord } from "../../workbook/read";
import type { Problem, SheetData } from "../../workbook/sheet";
import { findTable, type FoundTable } from "../../workbook/table";
import { secretaryFields } from "./fields";

/** The sheet the half-year test is looked for in; any sheet whose name or title says 半年 will do. */
export const HALF_YEAR_SHEET = "半年考核";

/** The fields a period's test holds: who, the items, the deduction events, the bonus (no ballot, no result of its own). */
export function periodFields(scheme: Scheme): FieldDef[] {
  const own = new Set(["halfYear", "ballot", "veto", "override", "overrideReason"]);
  return secretaryFields(scheme).filter((f) => !own.has(f.id));
}

export interface HalfYear {
  /** Every half-year table read: this workbook's, and one per linked workbook (each township's own). */
  places: LinkSourcePlace[];
  /** Per record of the annual table, in its order: the person's half-year test, or null when no half-year table has him. */
  tests: (PeriodTest | null)[];
  /** Per record: the half-year table and row of the person, or null. */
  from: (LinkedFrom | null)[];
  /** The half-year table's own problems (a cell that is not a score), and a secretary two of its rows could be. */
  problems: Problem[];
  /** People of one table and not the other, said on screen and in 审计. */
  warnings: Warning[];
  /** The linked workbooks they came from. */
  linked: string[];
}

const saysHalfYear = (sheet: SheetData, t: FoundTable) => sheet.name.includes("半年") || t.rows.slice(0, t.headerRow).some((r) => r.some((c) => typeof c === "string" && c.includes("半年")));

/**
 * The half-year tables: the one of this workbook (a sheet other than the annual one and the reports),
 * then one of each linked workbook, as each township sends its own; every column found, and named or
 * titled 半年.
 */
function findHalfYears(input: AssessInput, fields: readonly FieldDef[]): { table: FoundTable; place: LinkSourcePlace; linked?: string }[] {
  return searchedBooks(input.workbook, input.table.sheet, input.linked ?? []).flatMap((book) => {
    const ordered = [...book.sheets].sort((a, b) => Number(b.name === HALF_YEAR_SHEET) - Number(a.name === HALF_YEAR_SHEET));
    for (const sheet of ordered) {
      const t = findTable(sheet, fields, input.scheme.columns);
      if (t && t.missing.length === 0 && saysHalfYear(sheet, t)) return [{ table: t, place: { file: book.name, sheet: sheet.name }, linked: book.name }];
    }
    return [];
  });
}

/**
 * Each secretary's half-year test, matched by ID or by name within township and village; undefined
 * when there is no half-year table anywhere (the typed 半年考核 column is then the half-year result).
 */
export function readHalfYear(input: AssessInput): HalfYear | undefined {
  const { scheme } = input;
  const fields = periodFields(scheme);
  // The template's blank 半年考核 sheet is no test yet: the typed 半年考核 column still counts, as the data sheet's formula reads it.
  const found = findHalfYears(input, fields)
    .map((f) => ({ ...f, read: readRecords(f.table, fields) }))
    .filter((f) => f.read.records.length > 0);
  if (found.length === 0) return undefined;
  const unit = (v: RowRecord["values"]) => `${str(v.township)}${str(v.village)}` || null;
  const testOf = (v: RowRecord["values"]): PeriodTest => ({
    items: scheme.items.map((_, i) => num(v[itemFieldId(i)])),
    bonus: num(v.bonus),
    deductions: totalDeduction(scheme.deductions.map((d, i) => ({ count: num(v[deductionFieldId(i)]), points: d.points, cap: d.cap }))),
  });
  const linked = linkRowsFromMany(
    input.records.map((r) => ({ row: r.row, id: str(r.values.id) || null, name: str(r.values.name), unit: unit(r.values) })),
    found.map((f) => ({ place: f.place, rows: f.read.records.map((r) => ({ row: r.row, id: str(r.values.id) || null, name: str(r.values.name), unit: unit(r.values), values: testOf(r.values) })) })),
  );
  // A cell that is not a score in a linked workbook is named with that workbook.
  const problems: Problem[] = found.flatMap((f) => f.read.problems.map((p) => ({ ...p, sheet: problemSheetOf({ file: f.place.file, sheet: p.sheet }) })));
  const warnings: Warning[] = [];
  const nameCol = input.table.columns.get("name");
  for (const p of linked.problems) {
    // Two rows of the half-year test that could be one secretary leave his half year unknown: a problem to settle, never a guess.
    if (p.kind === "ambiguous")
      problems.push({ sheet: input.table.sheet, row: p.targetRow, col: nameCol === undefined ? 0 : nameCol + 1, header: input.table.headers.get("name"), zh: p.zh, en: p.en });
    else warnings.push({ zh: `半年考核：${p.zh}`, en: `half-year test: ${p.en}` });
  }
  return { places: found.map((f) => f.place), tests: linked.rows.map((r) => r.values), from: linked.rows.map((r) => r.from), problems, warnings, linked: found.flatMap((f) => (f.linked ? [f.linked] : [])) };
}

/** Where the half-year tests are, as a message names them. */
export const halfYearPlace = (h: HalfYear) => ({ zh: h.places.map((p) => placeWords(p).zh).join("、"), en: h.places.map((p) => placeWords(p).en).join("; ") });

/**
 * The half-year gaps, as missingParts says a composite's: a secretary the half-year table lacks is a
 * problem or is scored on the annual test alone (missing.periods), said in his 说明; an item left blank
 * in his half-year test is a problem at that cell, never a 0.
 */
export function halfYearGaps(input: AssessInput, half: HalfYear): { problems: Problem[]; notes: string[]; warnings: Warning[] } {
  const { scheme, records, table } = input;
  const where = halfYearPlace(half);
  const problems: Problem[] = [...half.problems];
  const notes = records.map(() => "");
  const alone: number[] = [];
  const nameCol = table.columns.get("name");
  const halfName = scheme.periods[0]?.name ?? "半年考核";
  records.forEach((r, i) => {
    const test = half.tests[i];
    if (test === null) {
      if (scheme.missing.periods === "problem")
        problems.push({
          sheet: table.sheet,
          row: r.row,
          col: nameCol === undefined ? 0 : nameCol + 1,
          header: table.headers.get("name"),
          zh: `${where.zh}中没有此人的${halfName}，而考核方案“缺少考核期”（missing.periods）为列为问题。请在${where.zh}补上，或把该设置改为按其余各项权重折算`,
          en: `${where.en} has no ${halfName} for this person, and the scheme's missing.periods is problem: add the person there, or set it to reweight`,
        });
      else {
        notes[i] = `无${halfName}，按年度考核计算`;
        alone.push(r.row);
      }
      return;
    }
    const from = half.from[i]!;
    const at = placeWords(from);
    test.items.forEach((s, k) => {
      if (s !== null) return;
      problems.push({
        sheet: problemSheetOf(from),
        row: from.row,
        col: 0,
        header: scheme.items[k].name,
        zh: `${at.zh}第${from.row}行 ${str(r.values.name)}：“${scheme.items[k].name}”为空；${halfName}逐项计算，每项都要有分数（0 分请填 0）`,
        en: `${at.en}, row ${from.row}, ${str(r.values.name)}: ${scheme.items[k].name} is blank; the half-year test is computed item by item and every item needs a score (type 0 for none)`,
      });
    });
  });
  const taken = half.tests.filter((t) => t !== null).length;
  const warnings: Warning[] = [
    {
      zh: `${halfName}逐项取自${where.zh}：${taken} 人${alone.length ? `；${alone.length} 人没有${halfName}，按年度考核计算（见各行说明）` : ""}`,
      en: `the half-year test taken item by item from ${where.en}: ${taken} people${alone.length ? `; ${alone.length} without it, scored on the annual test (see each row's 说明)` : ""}`,
    },
    ...half.warnings,
  ];
  return { problems, notes, warnings };
}
