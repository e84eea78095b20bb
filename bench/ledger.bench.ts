// The ledger pipeline on the sample county's 组织生活台账: a year of 192 organisations and ten years of 500, against counting the dates alone.
import { countByPeriod } from "../src/core/cadence";
import { parseDateText } from "../src/core/dates";
import { runAssessment } from "../src/workbook/pipeline";
import { sampleCounty } from "../src/kinds/sample-county";
import type { WorkbookData } from "../src/workbook/sheet";
import { dataSheet, inputColumns, templateWorkbook } from "../src/workbook/templates";
import { time, type BenchRow, type BenchSuite } from "./harness";

const SIZES = [
  { years: 1, organisations: 192 },
  { years: 10, organisations: 500 },
];

const now = new Date("2026-01-15T00:00:00Z");

/** The ledger's dates as serials, read the way the pipeline reads them (a date cell, or date text). */
function serialsOf(rows: readonly (readonly unknown[])[], col: number): number[] {
  return rows.map((r) => {
    const v = r[col];
    return typeof v === "number" ? Math.floor(v) : parseDateText(String(v))!;
  });
}

/** A run that is not a plan would time the problem path; fail loudly instead. */
function planned(wb: WorkbookData, kind?: "ledger"): number {
  const r = runAssessment(wb, { kind, now });
  if (r.status !== "ok") throw new Error(`the ledger did not compute: ${r.status} ${r.problems[0]?.zh ?? ""}`);
  return r.plan!.summary.rows;
}

const suite: BenchSuite = {
  title: "Ledger of organisational life: the 组织生活台账 pipeline",
  about:
    "runAssessment on the sample county's ledger and 组织名单 as WorkbookData (no .xlsx reading): every row read and checked, " +
    "six duties counted per week, month, half year and year for every organisation, quorums, two-thirds votes, training funds " +
    "and county targets, and the report. Against countByPeriod over all the dates by week alone (the floor-ish reference). Seeded data.",
  run(): BenchRow[] {
    const rows: BenchRow[] = [];
    for (const size of SIZES) {
      const county = sampleCounty({ ledgerYears: size.years, ledgerOrganisations: size.organisations });
      const file = county.files.ledger;
      const wb = templateWorkbook(file.spec, file);
      const n = file.rows.length;
      const what = `${size.organisations} organisations × ${size.years} year${size.years > 1 ? "s" : ""}`;
      const serials = serialsOf(file.rows, inputColumns(dataSheet(file.spec)).findIndex((c) => c.field === "date"));
      const first = serials.reduce((a, b) => Math.min(a, b), Infinity);
      const last = serials.reduce((a, b) => Math.max(a, b), -Infinity);
      const floor = time(() => countByPeriod(serials, "week", first, last));
      rows.push({ case: "countByPeriod, every date by week (floor)", n, ms: floor, note: what });
      if (planned(wb, "ledger") !== n) throw new Error("the ledger lost rows");
      const given = time(() => planned(wb, "ledger"));
      rows.push({ case: "runAssessment, kind given", n, ms: given, note: `${what}; ${(given / floor).toFixed(0)}× the floor` });
      const detected = time(() => planned(wb));
      rows.push({ case: "runAssessment, kind detected from the headers", n, ms: detected, note: `${what}; ${(detected / floor).toFixed(0)}× the floor` });
    }
    return rows;
  },
};

export default suite;
