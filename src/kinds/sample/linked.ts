// The sample county's workbooks linked, each fact entered once: the secretaries' 民主测评 left to the appraisal, the ledger's 五好 to the five-good assessment, and the lists the ledger's counts need.
import type { CellValue } from "../../workbook/sheet";
import { dataSheet, inputColumns, type DataSheetSpec } from "../../workbook/templates";
import { CONTACT_SHEET } from "../ledger/contact-points";
import { SATISFACTION_SHEET } from "../ledger/satisfaction-sheet";
import { HALF_YEAR_SHEET } from "../secretary/half-year";
import { Dice, mulberry32, personName, type SampleCounty, type SampleSheet } from "./county-shape";

export interface LinkedSample {
  /**
   * The secretaries' return with 民主测评 blank (it comes from the appraisal) and 半年考核 blank: the
   * town's half-year test is its 半年考核 sheet, item by item.
   */
  secretary: SampleSheet;
  /** The ledger with the 组织名单's 是否“五好” blank (it comes from the five-good assessment), and its 联系点名单 and 满意度测评 filled. */
  ledger: SampleSheet;
}

/** The data rows with one input column blanked. */
function blanked(sheet: DataSheetSpec, rows: readonly CellValue[][], field: string): CellValue[][] {
  const at = inputColumns(sheet).findIndex((c) => c.field === field);
  return rows.map((r) => r.map((v, i) => (i === at ? null : v)));
}

/**
 * The town's half-year test of each secretary, item by item: each annual item scaled by the ratio of
 * the half-year score the standard return types to his annual items' sum, to the half point and within
 * the item's maximum; no deductions or bonus at half year.
 */
function halfYearRows(sheet: DataSheetSpec, annual: readonly CellValue[][], at: (field: string) => number): CellValue[][] {
  const cols = inputColumns(sheet);
  const items = cols.filter((c) => c.field!.startsWith("item")).map((c) => c.field!);
  const n = (v: CellValue) => (typeof v === "number" ? v : 0);
  return annual.map((r) => {
    const sum = items.reduce((t, f) => t + n(r[at(f)]), 0);
    const ratio = sum > 0 ? n(r[at("halfYear")]) / sum : 0;
    return cols.map((c) => {
      const f = c.field!;
      if (!f.startsWith("item")) return ["township", "village", "name", "id"].includes(f) ? r[at(f)] : null;
      const max = c.validation?.type === "decimal" ? (c.validation.max ?? 0) : 0;
      return Math.min(max, Math.round(n(r[at(f)]) * ratio * 2) / 2);
    });
  });
}

/** The county departments and grass-roots stations that rate the grass roots. */
const RATING_UNITS = ["县委办", "县政府办", "县纪委监委", "县委组织部", "县委宣传部", "县委统战部", "县委政法委", "县发改局", "县财政局", "县人社局", "县农业农村局", "县民政局", "县自然资源局", "县住建局", "县水利局", "县卫健局", "县教育局", "县司法局", "县供电所", "县农技站"];

/**
 * The linked returns of a county: the same people and organisations, nothing typed twice. Each
 * township's secretary and head of government take the first two village branches of the 组织名单 as
 * their contact points; the county's 20 rating units give 满意, 基本满意 or 不满意 (deterministic, from `seed`).
 */
export function linkedSample(county: SampleCounty, seed = county.seed): LinkedSample {
  const d = new Dice(mulberry32((seed ^ 0x5f3759df) >>> 0));
  const secretary = county.files.secretary;
  const ledger = county.files.ledger;
  const listSpec = ledger.spec.extra![0];
  const list = ledger.extra![0];
  const listCols = inputColumns(listSpec);
  const col = (field: string) => listCols.findIndex((c) => c.field === field);
  // Rows in the template's column order: the 联系点名单 and 满意度测评 sheets list their fields in this order.
  const contacts: CellValue[][] = [];
  for (const town of county.townships) {
    const villages = list.rows.filter((r) => r[col("township")] === town && r[col("orgType")] === "村党组织").slice(0, 2);
    villages.forEach((v, k) => contacts.push([town, personName(d), k === 0 ? "党委书记" : "乡镇长", v[col("organisation")]]));
  }
  const secretaryExtra = secretary.spec.extra ?? [];
  const mainCols = inputColumns(dataSheet(secretary.spec));
  const mainAt = (field: string) => mainCols.findIndex((c) => c.field === field);
  const ratings: CellValue[][] = [...RATING_UNITS.map((u) => [u, d.chance(0.8) ? "满意" : d.chance(0.7) ? "基本满意" : "不满意"])];
  return {
    secretary: {
      ...secretary,
      fileName: secretary.fileName.replace(/\.xlsx$/, "（取数）.xlsx"),
      rows: blanked(dataSheet(secretary.spec), blanked(dataSheet(secretary.spec), secretary.rows, "ballot"), "halfYear"),
      extra: secretaryExtra.map((e, i) => (e.name === HALF_YEAR_SHEET ? { rows: halfYearRows(e, secretary.rows, mainAt), merges: [], preamble: [] } : (secretary.extra?.[i] ?? { rows: [], merges: [], preamble: [] }))),
    },
    ledger: {
      ...ledger,
      fileName: ledger.fileName.replace(/\.xlsx$/, "（取数）.xlsx"),
      extra: ledger.spec.extra!.map((e, i) =>
        i === 0 ? { ...list, rows: blanked(listSpec, list.rows, "fiveGood") } : { rows: e.name === CONTACT_SHEET ? contacts : e.name === SATISFACTION_SHEET ? ratings : [], merges: [], preamble: [] },
      ),
    },
  };
}
