// The sample county's workbooks linked, each fact entered once: the secretaries' 民主测评 left to the appraisal, their 半年考核 to the town's item sheet, the ledger's 五好 to the five-good assessment, the ledger's contact points, and the units' satisfaction ratings once, in the five-good workbook.
import type { CellValue } from "../../workbook/sheet";
import { dataSheet, inputColumns, type DataSheetSpec } from "../../workbook/templates";
import { CONTACT_SHEET } from "../ledger/contact-points";
import { SATISFACTION_SHEET } from "../ledger/satisfaction-sheet";
import { HALF_YEAR_SHEET } from "../secretary/half-year";
import { contactPoints } from "../ledger/sample";
import { Dice, personName, type SampleCounty, type SampleOrganisation, type SampleSheet } from "./county-shape";

/** The data rows with some input columns blanked. */
function blanked(sheet: DataSheetSpec, rows: readonly CellValue[][], fields: readonly string[]): CellValue[][] {
  const at = new Set(fields.map((f) => inputColumns(sheet).findIndex((c) => c.field === f)));
  return rows.map((r) => r.map((v, i) => (at.has(i) ? null : v)));
}

/**
 * The town's half-year test of each secretary, item by item, in tenths of a point: each annual item
 * scaled to the half-year total the county recorded for him, within the item's maximum, the last
 * tenths spread over the items with room, so the items add up to that total exactly; no deductions or
 * bonus at half year.
 */
function halfYearRows(sheet: DataSheetSpec, annual: readonly CellValue[][], at: (field: string) => number): CellValue[][] {
  const cols = inputColumns(sheet);
  const items = cols.flatMap((c, j) => (c.field!.startsWith("item") ? [j] : []));
  const maxOf = (j: number) => {
    const v = cols[j].validation;
    return Math.round((v?.type === "decimal" ? (v.max ?? 0) : 0) * 10);
  };
  const n = (v: CellValue) => (typeof v === "number" ? v : 0);
  return annual.map((r) => {
    const tenths = (j: number) => Math.round(n(r[at(cols[j].field!)]) * 10);
    const sum = items.reduce((t, j) => t + tenths(j), 0);
    const target = Math.round(n(r[at("halfYear")]) * 10);
    const got = new Map(items.map((j) => [j, Math.min(maxOf(j), sum > 0 ? Math.round((tenths(j) * target) / sum) : 0)]));
    let rest = target - [...got.values()].reduce((t, x) => t + x, 0);
    for (let pass = 0; rest !== 0 && pass < 1000; pass++)
      for (const j of items) {
        if (rest === 0) break;
        const x = got.get(j)!;
        const step = rest > 0 && x < maxOf(j) ? 1 : rest < 0 && x > 0 ? -1 : 0;
        got.set(j, x + step);
        rest -= step;
      }
    return cols.map((c, j) => {
      const f = c.field!;
      if (got.has(j)) return got.get(j)! / 10;
      return ["township", "village", "name", "id"].includes(f) ? r[at(f)] : null;
    });
  });
}

/** The county departments and grass-roots stations that rate the grass roots. */
const RATING_UNITS = ["县委办", "县政府办", "县纪委监委", "县委组织部", "县委宣传部", "县委统战部", "县委政法委", "县发改局", "县财政局", "县人社局", "县农业农村局", "县民政局", "县自然资源局", "县住建局", "县水利局", "县卫健局", "县教育局", "县司法局", "县供电所", "县农技站"];

/** The secretaries' return: 民主测评 and 半年考核 blank, the town's half-year test on its own sheet. */
function linkSecretary(secretary: SampleSheet): void {
  const main = dataSheet(secretary.spec);
  const mainCols = inputColumns(main);
  const mainAt = (field: string) => mainCols.findIndex((c) => c.field === field);
  const extra = secretary.spec.extra ?? [];
  secretary.extra = extra.map((e, i) => (e.name === HALF_YEAR_SHEET ? { rows: halfYearRows(e, secretary.rows, mainAt), merges: [], preamble: [] } : (secretary.extra?.[i] ?? { rows: [], merges: [], preamble: [] })));
  secretary.rows = blanked(main, secretary.rows, ["ballot", "halfYear"]);
}

/**
 * The ledger: the 组织名单's 是否“五好”, 群众满意度 and “五带头”党员数 blank, and the village branches'
 * 党员人数, all held by the five-good table; each township's secretary and head of government take its
 * contact points (its first two village branches), the only villages the ledger visits.
 */
function linkLedger(d: Dice, ledger: SampleSheet, organisations: readonly SampleOrganisation[]): void {
  const listSpec = ledger.spec.extra![0];
  const list = ledger.extra![0];
  const listCols = inputColumns(listSpec);
  const col = (field: string) => listCols.findIndex((c) => c.field === field);
  // Rows in the template's column order: the 联系点名单 and 满意度测评 sheets list their fields in this order.
  const contacts: CellValue[][] = [];
  for (const villages of contactPoints(organisations)) villages.forEach((v, k) => contacts.push([v.township, personName(d), k === 0 ? "党委书记" : "乡镇长", v.name]));
  // 是否“五好”, 群众满意度 and “五带头”党员数 are the five-good table's; so are a village branch's members (its 农村党员数).
  const members = col("members");
  const rows = blanked(listSpec, list.rows, ["fiveGood", "satisfaction", "fiveLead"]).map((r) => (r[col("orgType")] === "村党组织" ? r.map((v, j) => (j === members ? null : v)) : r));
  ledger.extra = ledger.spec.extra!.map((e, i) => (i === 0 ? { ...list, rows } : { rows: e.name === CONTACT_SHEET ? contacts : (ledger.extra?.[i]?.rows ?? []), merges: [], preamble: [] }));
}

/** The county's 20 rating units give 满意, 基本满意 or 不满意, on the five-good workbook's 满意度测评, which the ledger reads too. */
function rateUnits(d: Dice, fiveGood: SampleSheet): void {
  const ratings: CellValue[][] = RATING_UNITS.map((u) => [u, d.chance(0.8) ? "满意" : d.chance(0.7) ? "基本满意" : "不满意"]);
  fiveGood.extra = (fiveGood.spec.extra ?? []).map((e, i) => (e.name === SATISFACTION_SHEET ? { rows: ratings, merges: [], preamble: [] } : (fiveGood.extra?.[i] ?? { rows: [], merges: [], preamble: [] })));
}

/**
 * Links the county's returns, nothing typed twice: what one return computes, another leaves blank and
 * reads (`kaohe run 村书记.xlsx --with 民主测评.xlsx`, `kaohe run 台账.xlsx --with 五好.xlsx`).
 */
export function linkCounty(d: Dice, county: SampleCounty): void {
  linkSecretary(county.files.secretary);
  linkLedger(d, county.files.ledger, county.ledger.organisations);
  rateUnits(d, county.files.fiveGood);
  county.sources = { secretary: ["appraisal"], ledger: ["fiveGood"] };
}
