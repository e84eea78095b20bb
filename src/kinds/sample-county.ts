// A deterministic sample county (样例县) for demonstrations, tests and benchmarks: the rows of every standard template, clean or with documented mess.


import { type SchemeKind } from "../core/scheme";
import { defaultScheme, schemeKinds } from "./registry";
import type { CellValue } from "../workbook/sheet";
import { COUNTY_NAME, DEFAULT_LEDGER_ORGANISATIONS, DEFAULT_MEMBERS, DEFAULT_SEED, Dice, MessEntry, PREAMBLE_LINE, SAMPLE_TOWNSHIPS, SampleCounty, SampleOptions, SampleSheet, mulberry32, villages } from "./sample/county-shape";
import { secretaryRows } from "./secretary/sample";
import { cadreRows } from "./cadre/sample";
import { memberRows } from "./member/sample";
import { appraisalRows } from "./appraisal/sample";
import { fiveGoodRows } from "./five-good/sample";
import { ledgerRows, ledgerOrganisations, addLedgerMess } from "./ledger/sample";
import { dataSheet, inputColumns, type TemplateSpec } from "../workbook/templates";
import { templateSpec } from "../workbook/template-spec";
import { addWorkflowCases } from "./sample/workflow-cases";
import { linkCounty } from "./sample/linked";

export { apportion, COUNTY_NAME, DEFAULT_LEDGER_ORGANISATIONS, DEFAULT_MEMBERS, DEFAULT_SEED, mulberry32, PREAMBLE_LINE, SAMPLE_CATEGORY_SHARES, SAMPLE_TOWNSHIPS } from "./sample/county-shape";
export { SAMPLE_NEGATIVE_CASES, SAMPLE_OBJECTION_CASES } from "./sample/workflow-cases";
export type { MessEntry, SampleCounty, SampleLedger, SampleLedgerGap, SampleOptions, SampleOrganisation, SampleSheet, SampleVillage } from "./sample/county-shape";

// ---------------------------------------------------------------- the mess

/** ASCII digits to full-width ones, as a Chinese input method types them. */
export const fullWidth = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

function addMess(d: Dice, county: SampleCounty): void {
  const mess = county.mess;
  const place = (kind: SchemeKind, index: number, field: string) => {
    const sheet = dataSheet(county.files[kind].spec);
    const cols = inputColumns(sheet);
    const j = cols.findIndex((c) => c.field === field);
    return { j, row: sheet.firstDataRow + county.files[kind].preamble.length + index, col: cols[j].col, header: cols[j].header, sheet: sheet.name };
  };
  const set = (kind: SchemeKind, index: number, field: string, value: CellValue, what: MessEntry["what"], zh: string) => {
    const p = place(kind, index, field);
    const row = county.files[kind].rows[index];
    mess.push({ kind, sheet: p.sheet, row: p.row, col: p.col, header: p.header, what, value, clean: row[p.j], zh });
    row[p.j] = value;
  };

  // A clerk's heading above every title: the header is one row lower than in the template.
  for (const kind of schemeKinds) {
    const f = county.files[kind];
    f.preamble = [PREAMBLE_LINE];
    mess.push({ kind, sheet: dataSheet(f.spec).name, row: 1, col: 1, header: "", what: "titleLine", value: PREAMBLE_LINE, clean: null, zh: "标题上方多了一行制表单位" });
  }

  const secretaries = county.files.secretary.rows;
  const picks = new Set<number>();
  const fresh = (n: number) => {
    let i = d.int(0, n - 1);
    while (picks.has(i)) i = (i + 1) % n;
    picks.add(i);
    return i;
  };
  set("secretary", fresh(secretaries.length), "halfYear", "缺考", "absentWord", "分数格里填了“缺考”");

  const members = county.files.member.rows;
  const mCols = inputColumns(dataSheet(county.files.member.spec));
  const idCol = mCols.findIndex((c) => c.field === "id");
  const nameCol = mCols.findIndex((c) => c.field === "name");
  const aspectCol = mCols.findIndex((c) => c.field === "aspect1");
  picks.clear();
  const n = members.length;
  const dupFrom = fresh(n);
  let dupTo = fresh(n);
  if (dupTo === dupFrom) dupTo = (dupFrom + 1) % n;
  set("member", dupTo, "id", members[dupFrom][idCol], "duplicateId", `编号与第${place("member", dupFrom, "id").row}行重复`);

  // Full-width digits ("８５" where the clean sheet has 85): the same score, typed with a Chinese input method.
  let fw = fresh(n);
  for (let k = 0; k < n && members[fw][aspectCol] !== 85; k++) fw = (fw + 1) % n;
  picks.add(fw);
  set("member", fw, "aspect1", fullWidth(String(members[fw][aspectCol])), "fullWidthDigits", "全角数字分数（有效）");

  const spaced: [SchemeKind, (name: string) => string, string][] = [
    ["member", (s) => ` ${s}`, "姓名前有空格"],
    ["member", (s) => `${s}  `, "姓名后有空格"],
    ["member", (s) => `${s[0]}\u3000${s.slice(1)}`, "姓名中间有全角空格"],
    ["cadre", (s) => ` ${s} `, "姓名前后有空格"],
  ];
  for (const [kind, spoil, zh] of spaced) {
    const rows = county.files[kind].rows;
    const col = kind === "member" ? nameCol : inputColumns(dataSheet(county.files.cadre.spec)).findIndex((c) => c.field === "name");
    let i = kind === "member" ? fresh(n) : d.int(0, rows.length - 1);
    // Names of two characters are the ones people pad with a space in the middle, to line up with three.
    if (zh.includes("中间")) for (let k = 0; k < n && String(rows[i][col]).length !== 2; k++) i = (i + 1) % n;
    picks.add(i);
    set(kind, i, "name", spoil(String(rows[i][col])), "straySpaces", zh);
  }

  // One township's clerk merged each branch name over its members' rows.
  const town = SAMPLE_TOWNSHIPS[1].name;
  const bCol = mCols.findIndex((c) => c.field === "branch");
  const tCol = mCols.findIndex((c) => c.field === "township");
  const file = county.files.member;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && members[j + 1][bCol] === members[i][bCol]) j++;
    if (members[i][tCol] === town && j > i) {
      file.merges.push({ top: i, left: bCol, bottom: j, right: bCol });
      const p = place("member", i, "branch");
      mess.push({ kind: "member", sheet: p.sheet, row: p.row, col: p.col, header: p.header, what: "mergedBranch", value: members[i][bCol], clean: members[i][bCol], zh: `支部名称合并单元格（第${p.row}–${p.row + j - i}行）` });
      for (let k = i + 1; k <= j; k++) members[k][bCol] = null;
    }
    i = j + 1;
  }
}

/** One ledger date a clerk wrote in words, without the year: it cannot be read, and the pipeline names its cell. */
// ---------------------------------------------------------------- the county

/**
 * The sample county: 12 townships, 180 villages (one Party branch and one secretary each), 6,000
 * Party members by default, 300 township cadres, the secretaries' duty-report appraisal and the
 * "five good" ratings of 192 organisations, and a year's ledger of their organisational life (组织生活台账
 * with its 组织名单; more years and organisations on request). Deterministic: the same options give the same rows.
 * With `mess`, the flaws listed in `mess` are added to otherwise identical rows.
 */
export function sampleCounty(options: SampleOptions = {}): SampleCounty {
  const seed = options.seed ?? DEFAULT_SEED;
  const year = options.year ?? 2025;
  const total = options.members ?? DEFAULT_MEMBERS;
  if (!Number.isSafeInteger(total) || total < 1) throw new Error(`sample county: members must be a whole number ≥ 1 (${total})`);
  // One stream per kind, so the size of one table never changes the rows of another.
  const stream = (k: number) => new Dice(mulberry32((seed ^ Math.imul(k + 1, 0x9e3779b1)) >>> 0));
  const specs = Object.fromEntries(schemeKinds.map((k) => [k, templateSpec(k, { year })])) as Record<SchemeKind, TemplateSpec>;
  const vs = villages(stream(0));
  const member = memberRows(stream(3), specs.member, vs, total);
  const secretary = secretaryRows(stream(1), specs.secretary, vs);
  const ledgerYears = options.ledgerYears ?? 1;
  const ledgerCount = options.ledgerOrganisations ?? DEFAULT_LEDGER_ORGANISATIONS;
  if (!Number.isSafeInteger(ledgerYears) || ledgerYears < 1) throw new Error(`sample county: ledgerYears must be a whole number ≥ 1 (${ledgerYears})`);
  if (!Number.isSafeInteger(ledgerCount) || ledgerCount < 1) throw new Error(`sample county: ledgerOrganisations must be a whole number ≥ 1 (${ledgerCount})`);
  const ledgerDice = stream(7);
  const organisations = ledgerOrganisations(ledgerDice, vs, ledgerCount);
  const years = Array.from({ length: ledgerYears }, (_, i) => year - ledgerYears + 1 + i);
  const ledger = ledgerRows(ledgerDice, dataSheet(specs.ledger), specs.ledger.extra![0], organisations, years, stream(9));
  const ballotAt = inputColumns(dataSheet(specs.secretary)).findIndex((c) => c.field === "ballot");
  const ballots = secretary.map((r) => Number(r[ballotAt]));
  const rows: Record<SchemeKind, CellValue[][]> = {
    secretary,
    cadre: cadreRows(stream(2), specs.cadre),
    member,
    // The appraisal gives each secretary the 民主测评 his return then leaves blank.
    appraisal: appraisalRows(stream(4), specs.appraisal, secretary, specs.secretary, ballots, defaultScheme("appraisal", year).raters.map((r) => r.weight)),
    fiveGood: fiveGoodRows(stream(5), specs.fiveGood, vs),
    ledger: ledger.rows,
  };
  const sheet = (k: SchemeKind): SampleSheet => ({
    kind: k,
    spec: specs[k],
    fileName: `${COUNTY_NAME}-${specs[k].fileName}`,
    rows: rows[k],
    merges: [],
    preamble: [],
    ...(k === "ledger" ? { extra: [{ rows: ledger.organisations, merges: [], preamble: [] }] } : {}),
  });
  const files = Object.fromEntries(schemeKinds.map((k) => [k, sheet(k)])) as Record<SchemeKind, SampleSheet>;
  const county: SampleCounty = { name: COUNTY_NAME, seed, year, townships: SAMPLE_TOWNSHIPS.map((t) => t.name), villages: vs, files, ledger: ledger.ledger, mess: [], sources: {} };
  addWorkflowCases(county);
  linkCounty(stream(10), county);
  if (options.mess) {
    addMess(stream(6), county);
    addLedgerMess(stream(8), county);
  }
  return county;
}
