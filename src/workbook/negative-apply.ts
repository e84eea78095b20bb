// The negative list applied to every person of an assessment table: each person's outcome, the lines for 说明 and 审计, and records that match nobody.
import { applyNegativeList, type NegativeList, type NegativeOutcome } from "../core/negative-list";
import type { PlanCell } from "./plan";
import type { Problem, WorkbookData } from "./sheet";
import { readNegativeRecords } from "./negative-records";
import type { FieldDef } from "./fields";
import type { RowRecord } from "./read";

/** The people of a table as the record sheet names them: the name, within the table's unit columns (township, village, branch). */
export function peopleOf(fields: readonly FieldDef[], records: readonly RowRecord[]): PersonRef[] {
  // The township is a unit too: a record of a merged county names the township its return came from.
  const units = fields.filter((f) => f.unit || f.id === "township");
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());
  return records.map((r) => ({ name: text(r.values.name), units: units.map((f) => text(r.values[f.id])) }));
}

/** A person of the assessment table: the name and the units (township, village, branch) the row gives. */
export interface PersonRef {
  readonly name: string;
  readonly units: readonly string[];
}

export interface NegativeApplied {
  /** Whether the workbook has a record sheet at all. */
  readonly found: boolean;
  /** By person, in the order given. */
  readonly outcomes: NegativeOutcome[];
  /** Records that cannot be applied (an item not on the list, a bad count or date), with their place. */
  readonly problems: Problem[];
  /** Records that match no person of the table, or more than one: never dropped in silence. */
  readonly unmatched: Problem[];
  /** Rows for 审计: 负面清单, the person, each consequence applied; then the records left out. */
  readonly audit: PlanCell[][];
}

const NONE: NegativeOutcome = { deduction: 0, starsRemoved: 0, noTop: false, forcedFail: false, yuanDeducted: 0, reasons: [] };

/**
 * Reads the record sheet and applies each person's records. A record matches a person by name and,
 * where the record gives a unit, by unit; a record that matches nobody (a typo in the name) or two
 * people of that name (the unit would tell them apart) is listed, since applying it to nobody would
 * be a silent wrong number. `failLabel` is the lowest grade as 说明 names it.
 */
export function applyNegativeRecords(workbook: WorkbookData, list: NegativeList, people: readonly PersonRef[], options: { period?: { from: number; to: number }; failLabel?: string } = {}): NegativeApplied {
  const read = readNegativeRecords(workbook, list, options.period);
  if (!read.found) return { found: false, outcomes: people.map(() => NONE), problems: [], unmatched: [], audit: [] };
  const byName = new Map<string, number[]>();
  people.forEach((p, i) => {
    const k = p.name.trim();
    byName.set(k, [...(byName.get(k) ?? []), i]);
  });
  const mine = people.map(() => [] as (typeof read.entries)[number]["record"][]);
  const unmatched: Problem[] = [];
  for (const e of read.entries) {
    const candidates = (byName.get(e.name) ?? []).filter((i) => e.unit === "" || people[i].units.some((u) => u.trim() === e.unit));
    const at = { sheet: read.sheet, row: e.record.row ?? 0, col: 0 };
    if (candidates.length === 1) mine[candidates[0]].push(e.record);
    else if (candidates.length === 0)
      unmatched.push({ ...at, zh: `“${e.name}”${e.unit ? `（${e.unit}）` : ""}不在考核表中，这条记录未计入；请核对姓名和单位`, en: `"${e.name}"${e.unit ? ` (${e.unit})` : ""} is not in the assessment table, so the record is not applied; check the name and unit` });
    else unmatched.push({ ...at, zh: `考核表中有 ${candidates.length} 个“${e.name}”，这条记录未计入；请在“单位”列填写其乡镇、村或支部`, en: `the table has ${candidates.length} people named "${e.name}", so the record is not applied; give the township, village or branch in 单位` });
  }
  const outcomes = mine.map((records) => (records.length ? applyNegativeList(records, list, options.failLabel) : NONE));
  const audit: PlanCell[][] = [];
  outcomes.forEach((o, i) => o.reasons.forEach((r) => audit.push(["负面清单", people[i].name, r])));
  for (const p of unmatched) audit.push(["负面清单（未计入）", `第${p.row}行`, p.zh]);
  for (const o of read.outside) audit.push(["负面清单（未计入）", `第${o.row}行`, o.zh]);
  return { found: true, outcomes, problems: read.problems, unmatched, audit };
}
