// The 四诺承诺践诺台账 read for the secretaries: one row per promise, grouped per secretary, summed into the 四诺 item (北戴河区《农村基层党建工作责任落实办法》).
import { fourPromiseScore, QUARTERS, yearEndShare, type PromiseRecord } from "../../core/four-promises";
import { linkRowsFromMany, placeWords, problemSheetOf, type LinkSourcePlace } from "../../core/link";
import { searchedBooks } from "../../workbook/links";
import { idKey } from "../../core/duplicates";
import { labelKey } from "../../core/grade";
import { parseFlagText } from "../../core/text";
import { type AssessInput, type Warning, num, str } from "../../workbook/assess/common";
import type { FieldDef } from "../../workbook/fields";
import { readRecords, type RowRecord } from "../../workbook/read";
import type { Problem } from "../../workbook/sheet";
import { findTable, type FoundTable } from "../../workbook/table";

export const FOUR_PROMISES_SHEET = "四诺承诺践诺台账";

const quarterNames = ["一季度践诺", "二季度践诺", "三季度践诺", "四季度践诺"];

/** One row per promise: who, the promise set at the start of the year, a practice record per quarter, the half-year evaluation, the year-end result. */
export const fourPromiseFields: readonly FieldDef[] = [
  { id: "township", header: "乡镇", aliases: ["所属乡镇"], type: "text", required: true, fillDown: true },
  { id: "village", header: "村", aliases: ["村名", "行政村", "村（社区）"], type: "text", required: true, fillDown: true },
  { id: "name", header: "姓名", aliases: ["书记姓名"], type: "text", required: true, fillDown: true },
  { id: "id", header: "编号", aliases: ["人员编号"], type: "text", required: false },
  { id: "promise", header: "承诺事项", aliases: ["承诺内容", "建诺事项"], type: "text", required: true },
  ...quarterNames.map<FieldDef>((h, i) => ({ id: `quarter${i + 1}`, header: h, aliases: [`第${"一二三四"[i]}季度践诺`, `${"一二三四"[i]}季度`], type: "text", required: false })),
  { id: "halfYear", header: "半年评诺", aliases: ["半年评诺得分", "评诺得分"], type: "score", required: false, min: 0, max: 100 },
  { id: "yearEnd", header: "年终兑现", aliases: ["年终结果", "兑现情况", "授星结果"], type: "text", required: false },
];

/** The 四诺 item of the scheme: the one named for it. */
export const fourPromiseItem = (items: readonly { name: string }[]): number => items.findIndex((it) => it.name.includes("四诺"));

export interface FourPromises {
  /** Every register read: this workbook's, and one per linked workbook (each township's own). */
  places: LinkSourcePlace[];
  /** Per record of the secretaries' table: the 四诺 points computed, or null (not in a register, or a gap to fill). */
  scores: (number | null)[];
  problems: Problem[];
  warnings: Warning[];
  /** The linked workbooks they came from. */
  linked: string[];
}

/** A practice record: any text but a no (否、无、×) is a record of practice that quarter. */
function practised(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  const t = String(v).trim();
  if (t === "") return false;
  return parseFlagText(t) !== false;
}

/** The registers: the one of this workbook (a sheet other than the secretaries' table and the reports), then one of each linked workbook. */
function findRegisters(input: AssessInput): { table: FoundTable; place: LinkSourcePlace; linked?: string }[] {
  return searchedBooks(input.workbook, input.table.sheet, input.linked ?? []).flatMap((book) => {
    for (const sheet of [...book.sheets].sort((a, b) => Number(b.name === FOUR_PROMISES_SHEET) - Number(a.name === FOUR_PROMISES_SHEET))) {
      const t = findTable(sheet, fourPromiseFields);
      if (t && t.missing.length === 0) return [{ table: t, place: { file: book.name, sheet: sheet.name }, linked: book.name }];
    }
    return [];
  });
}

/** One secretary of a register: his promise rows, read as the core takes them, and where a problem of his rows is placed. */
interface RegisterPerson {
  row: number;
  rows: RowRecord[];
  promises: PromiseRecord[];
  id: string | null;
  name: string;
  unit: string | null;
  at: (r: RowRecord, field: string, zh: string, en: string) => Problem;
}

/**
 * A register's secretaries: his rows by ID, else by township, village and name. A year-end result that
 * is neither 兑现, 部分兑现 nor 未兑现 is a problem at its cell (its row noted in `unreadable`).
 */
function registerPeople(table: FoundTable, place: LinkSourcePlace, records: readonly RowRecord[], problems: Problem[], unreadable: Set<RowRecord>): RegisterPerson[] {
  // A problem in a linked workbook names that workbook.
  const sheet = problemSheetOf({ file: place.file, sheet: table.sheet });
  const at = (r: RowRecord, field: string, zh: string, en: string): Problem => ({ sheet, row: r.row, col: (table.columns.get(field) ?? -1) + 1, header: table.headers.get(field), zh, en });
  const groups = new Map<string, RowRecord[]>();
  for (const r of records) {
    const v = r.values;
    const key = str(v.id) ? `id:${idKey(str(v.id))}` : `n:${labelKey(str(v.township))}|${labelKey(str(v.village))}|${labelKey(str(v.name))}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((rows) => {
    const promises: PromiseRecord[] = rows.map((r) => {
      const raw = str(r.values.yearEnd);
      const share = raw === "" ? undefined : yearEndShare(raw);
      if (raw !== "" && share === undefined) {
        unreadable.add(r);
        problems.push(at(r, "yearEnd", `无法识别年终兑现“${raw}”；请填写“兑现”“部分兑现”或“未兑现”`, `the year-end result "${raw}" is not recognised; write 兑现, 部分兑现 or 未兑现`));
      }
      return {
        quarters: Array.from({ length: QUARTERS }, (_, q) => practised(table.rows[r.row - 1]?.[table.columns.get(`quarter${q + 1}`) ?? -1])),
        halfYear: num(r.values.halfYear),
        yearEnd: share ?? null,
      };
    });
    const first = rows[0];
    return { row: first.row, rows, promises, id: str(first.values.id) || null, name: str(first.values.name), unit: `${str(first.values.township)}${str(first.values.village)}` || null, at };
  });
}

/**
 * The secretaries' 四诺 points from the register, undefined without one (the typed 四诺 item counts).
 * A secretary's promises are his rows (by ID, else by township, village and name); he is matched to
 * the secretaries' table by ID or by name within township and village. A blank half-year evaluation or
 * year-end result, or a result that is not 兑现 / 部分兑现 / 未兑现, is a problem at its cell.
 */
export function readFourPromises(input: AssessInput): FourPromises | undefined {
  const { scheme } = input;
  const k = fourPromiseItem(scheme.items);
  if (k < 0) return undefined;
  // The template's blank register is no register yet: the typed 四诺 item still counts.
  const found = findRegisters(input)
    .map((f) => ({ ...f, read: readRecords(f.table, fourPromiseFields) }))
    .filter((f) => f.read.records.length > 0);
  if (found.length === 0) return undefined;
  const problems: Problem[] = found.flatMap((f) => f.read.problems.map((p) => ({ ...p, sheet: problemSheetOf({ file: f.place.file, sheet: p.sheet }) })));
  // A result already named as unreadable is not named again as blank.
  const unreadable = new Set<RowRecord>();
  const registers = found.map((f) => ({ place: f.place, people: registerPeople(f.table, f.place, f.read.records, problems, unreadable) }));

  const max = scheme.items[k].max;
  const linked = linkRowsFromMany(
    input.records.map((r) => ({ row: r.row, id: str(r.values.id) || null, name: str(r.values.name), unit: `${str(r.values.township)}${str(r.values.village)}` || null })),
    registers.map((g) => ({ place: g.place, rows: g.people.map((p) => ({ row: p.row, id: p.id, name: p.name, unit: p.unit, values: p })) })),
  );
  const warnings: Warning[] = [];
  const nameCol = input.table.columns.get("name");
  for (const p of linked.problems) {
    // Two of the register's people who could be one secretary leave his 四诺 unknown: a problem to settle, as the template's KAOHE.LINK shows #N/A, never the typed item silently.
    if (p.kind === "ambiguous")
      problems.push({ sheet: input.table.sheet, row: p.targetRow, col: nameCol === undefined ? 0 : nameCol + 1, header: input.table.headers.get("name"), zh: `四诺承诺践诺台账：${p.zh}`, en: `四诺 register: ${p.en}` });
    else warnings.push({ zh: `四诺承诺践诺台账：${p.zh}`, en: `四诺 register: ${p.en}` });
  }
  const scores = linked.rows.map((l) => {
    if (!l.values) return null;
    const res = fourPromiseScore(l.values.promises, max);
    if (res.ok) return res.score;
    const at = l.values.at;
    for (const g of res.gaps) {
      const r = l.values.rows[g.promise];
      if (g.stage === "yearEnd" && unreadable.has(r)) continue;
      problems.push(
        g.stage === "halfYear"
          ? at(r, "halfYear", "半年评诺为空：四诺逐条计算，每条承诺都要有半年评诺得分（0 分请填 0）", "the half-year evaluation is blank: every promise needs one (type 0 for none)")
          : at(r, "yearEnd", "年终兑现为空：请填写“兑现”“部分兑现”或“未兑现”", "the year-end result is blank: write 兑现, 部分兑现 or 未兑现"),
      );
    }
    return null;
  });
  const taken = scores.filter((s) => s !== null).length;
  const where = found.map((f) => placeWords(f.place).zh).join("、");
  const whereEn = found.map((f) => `${f.place.file ? `${f.place.file}, ` : ""}${f.place.sheet}`).join("; ");
  warnings.unshift({
    zh: `“${scheme.items[k].name}”取自${where}：${taken} 人，按承诺、季度践诺、半年评诺、年终兑现计算（各占三分之一）`,
    en: `${scheme.items[k].name} taken from the register ${whereEn}: ${taken} people, by practice, half-year evaluation and year-end result (a third each)`,
  });
  return { places: found.map((f) => f.place), scores, problems, warnings, linked: found.flatMap((f) => (f.linked ? [f.linked] : [])) };
}
