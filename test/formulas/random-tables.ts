// Seeded random tables for each kind, built to reach the hard cases: ties at the quota cut, blanks, 缺考, zero coefficients, a township with one cadre, a branch with two members.
import { type Scheme, type SchemeKind } from "../../src/core/scheme";
import { defaultScheme } from "../../src/kinds/registry";
import { FIVE_GOOD_CRITERIA } from "../../src/kinds/five-good/fields";
import { mulberry32 } from "../../src/kinds/sample-county";
import type { CellValue } from "../../src/workbook/sheet";
import { dataSheets, inputColumns, ledgerEventChoices, type TemplateData, type TemplateSpec } from "../../src/workbook/templates";
import { templateSpec } from "../../src/workbook/template-spec";
import { NEGATIVE_RECORD_SHEET } from "../../src/workbook/negative-records";
import { fourPromiseItem } from "../../src/kinds/secretary/four-promises-sheet";

class Dice {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
}

/** A row by field id; fields not given are blank. */
export type Row = Record<string, CellValue>;

export interface RandomTable {
  kind: SchemeKind;
  seed: number;
  scheme: Scheme;
  spec: TemplateSpec;
  data: TemplateData;
}

const YEAR = 2025;
const TOWNSHIPS = ["东镇", "西乡", "南镇", "北乡"];

/** Rows keyed by field in the order of the sheet's input columns, as TemplateData holds them. */
export function ordered(spec: TemplateSpec, rows: Row[], sheet = 0): CellValue[][] {
  const columns = inputColumns(dataSheets(spec)[sheet]);
  return rows.map((r) => columns.map((c) => r[c.field!] ?? null));
}

/** A score from a short list, so equal scores (and ties across a quota line) are common; now and then blank. */
const coarse = (d: Dice, blank: number, xs: readonly number[]) => (d.chance(blank) ? null : d.pick(xs));

/**
 * Townships of 1 to 9 rows: the first has one row, so a group of one (a township with one cadre) is
 * always there. Each later township of 5 or more (a top-grade quota of ⌊20% × n⌋ = 1) begins with a
 * top row and ends with its twin, so the best score is tied across the quota line; the smaller ones
 * repeat a row at random.
 */
function grouped(d: Dice, make: (township: string, i: number, top: boolean) => Row): Row[] {
  const rows: Row[] = [];
  TOWNSHIPS.slice(0, d.int(2, 4)).forEach((t, k) => {
    const n = k === 0 ? 1 : d.int(3, 8);
    const atCut = n + 1 >= 5;
    const own: Row[] = [];
    for (let i = 0; i < n; i++) own.push(make(t, rows.length + own.length, atCut && i === 0));
    if (k > 0) own.push({ ...(atCut ? own[0] : d.pick(own)), name: `${t}并列`, id: `${t}并列`, village: `${t}并列村` });
    rows.push(...own);
  });
  return rows;
}

/**
 * The secretaries' scheme awards 四诺 stars at 60%, 80% and 100% of the item's 5 points, so 四诺星级 is
 * compared too; the default scheme (no stars) is the sample county's. The 四诺 item takes points on
 * and between the lines: 5 → 3 stars, 4.5 and 4 → 2, 3 → 1, 2.5 → 0, blank → none. Half points only,
 * as the other items: the sums stay where the template's ROUND and the pipeline's agree.
 */
export const SECRETARY_STAR_THRESHOLDS = [60, 80, 100];
const PROMISE_POINTS = [5, 4.5, 4, 3, 2.5];

function secretary(d: Dice, s: Scheme): Row[] {
  const promiseItem = fourPromiseItem(s.items);
  return grouped(d, (township, i, top) => {
    const r: Row = { township, village: `${township}${i}村`, name: `书记${i}`, id: `S${i}` };
    if (top) {
      s.items.forEach((it, k) => (r[`item${k + 1}`] = it.max));
      return { ...r, halfYear: 100, ballot: 100 };
    }
    // Mostly full marks, so totals cross 90 and the quota bites; a blank item counts as 0.
    s.items.forEach((it, k) => (r[`item${k + 1}`] = coarse(d, 0.05, k === promiseItem ? PROMISE_POINTS : [it.max, it.max, it.max - 0.5, it.max - 1, 0])));
    s.deductions.forEach((_, k) => (r[`deduction${k + 1}`] = d.chance(0.6) ? null : d.pick([0, 1, 2, 6])));
    r.bonus = d.chance(0.6) ? null : d.pick([1, 2.5, 5, 8]);
    r.halfYear = coarse(d, 0.3, [100, 95, 90, 85, 70]); // blank: 缺考 or no half-year test
    r.ballot = coarse(d, 0.3, [100, 95, 90, 85, 60]);
    r.veto = d.chance(0.1) ? "是" : d.chance(0.3) ? "否" : null;
    return r;
  });
}

function cadre(d: Dice): Row[] {
  let zeroTownship = "";
  return grouped(d, (township, i, top): Row => {
    // One township fails everyone (不称职, coefficient 0): its pool has nothing to weigh.
    if (zeroTownship === "" && township !== TOWNSHIPS[0] && d.chance(0.3)) zeroTownship = township;
    if (top && township !== zeroTownship) return { township, name: `干部${i}`, id: `G${i}`, post: "党委书记", postCoefficient: 1.5, taskScore: 97, yearEnd: 96, pay: 7447 };
    const failing = township === zeroTownship;
    return {
      township,
      name: `干部${i}`,
      id: `G${i}`,
      post: d.pick(["党委书记", "科员", "站长"]),
      postCoefficient: d.chance(0.3) ? null : d.pick([1, 1.2, 1.5, 0]),
      taskScore: failing ? d.pick([40, 55]) : d.pick([95, 92, 90, 88, 85, 80, 72, 50]),
      yearEnd: failing ? null : coarse(d, 0.3, [96, 90, 84, 70]), // blank: 缺考
      pay: d.pick([5000, 6123.45, 7447, 4380.5]),
      veto: d.chance(0.08) ? "是" : null,
    };
  });
}

function member(d: Dice, s: Scheme): Row[] {
  const rows: Row[] = [];
  const branches = ["甲村党支部", "乙村党支部", "丙村党支部"];
  branches.forEach((branch, b) => {
    // The first branch has two members; the others enough for the 30% quota to cut through ties.
    const n = b === 0 ? 2 : d.int(6, 12);
    for (let i = 0; i < n; i++) {
      // Three members of 10 stars open each larger branch, two with the same 综合得分 and one without: the 30% line falls between equals.
      if (b > 0 && i < 3) {
        rows.push({ township: "东镇", branch, name: `党员${rows.length}`, id: `D${rows.length}`, category: "村干部党员", aspect1: 95, aspect2: 95, aspect3: 95, aspect4: 95, aspect5: 95, tiebreak: i < 2 ? 92 : null });
        continue;
      }
      const category = d.pick(s.stars.categories);
      const r: Row = { township: "东镇", branch, name: `党员${rows.length}`, id: `D${rows.length}`, category: d.chance(0.2) ? category.aliases[0] : category.name };
      // The aspects a category is rated on are all filled (the pipeline refuses a blank one; see the known differences), the others left blank.
      for (let k = 0; k < category.aspects; k++) r[`aspect${k + 1}`] = d.pick([100, 95, 90, 90, 89, 80, 75, 74, 60]);
      r.tiebreak = coarse(d, 0.3, [95, 90, 90, 85]);
      // 三评两公开 for some: each group's stars or a group that did not rate, then a 初审 passing, adjusting or sending back.
      if (d.chance(0.35)) {
        s.raters.forEach((_, k) => (r[`rating${k + 1}`] = d.chance(0.2) ? null : d.int(0, category.cap)));
        const outcome = d.pick([null, null, "通过", "调整", "退回"]);
        r.review = outcome;
        if (outcome === "调整") r.reviewStars = d.int(0, category.cap);
        if (outcome === "调整" || outcome === "退回") r.reviewReason = "乡镇党委初审意见";
      }
      rows.push(r);
    }
  });
  return rows;
}

function appraisal(d: Dice, s: Scheme): Row[] {
  return grouped(d, (township, i) => {
    const r: Row = { township, name: `被评${i}`, id: `A${i}` };
    const none = d.chance(0.08); // no rater scored this one
    s.raters.forEach((_, k) => (r[`rater${k + 1}`] = none ? null : coarse(d, 0.2, [98, 95, 90, 86, 80, 70])));
    if (d.chance(0.85)) {
      const votes = [d.int(0, 30), d.int(0, 10), d.int(0, 5), d.int(0, 3)];
      ["votesTop", "votesSecond", "votesThird", "votesBottom"].forEach((f, k) => (r[f] = votes[k] === 0 && d.chance(0.3) ? null : votes[k]));
      const cast = votes.reduce((a, b) => a + b, 0);
      // Sometimes too few voted (turnout under 4/5): the ballot is void.
      r.voters = d.chance(0.3) ? null : cast + d.pick([0, 1, Math.ceil(cast / 2) + 1]);
    }
    return r;
  });
}

function fiveGood(d: Dice): Row[] {
  const rows: Row[] = [];
  TOWNSHIPS.slice(0, d.int(1, 3)).forEach((t) => {
    rows.push({ township: t, organisation: `${t}党委`, orgType: "乡镇党委", satisfaction: coarse(d, 0.3, [90, 85.5, 70]) });
    for (let i = 0, n = d.int(1, 6); i < n; i++) {
      const r: Row = { township: t, organisation: `${t}${i}村党支部`, orgType: "村党组织" };
      FIVE_GOOD_CRITERIA.forEach((_, k) => (r[`criterion${k + 1}`] = d.chance(0.85) ? "是" : d.pick(["否", null])));
      r.satisfaction = coarse(d, 0.2, [95, 88.8, 80, 60]);
      const members = d.chance(0.15) ? d.pick([null, 0]) : d.int(1, 40);
      r.members = members;
      r.fiveLead = members === null || members === 0 ? null : d.chance(0.2) ? null : d.int(0, members);
      rows.push(r);
    }
  });
  return rows;
}

function ledger(d: Dice, s: Scheme): { rows: Row[]; organisations: Row[] } {
  const organisations: Row[] = [
    { organisation: "东镇党委", township: "东镇", orgType: "乡镇党委", members: 30 },
    { organisation: "东镇甲村党支部", township: "东镇", orgType: "村党组织", members: 25 },
  ];
  const types = ledgerEventChoices(s);
  const rows: Row[] = [];
  for (let i = 0, n = d.int(15, 40); i < n; i++) {
    const due = d.chance(0.3) ? d.pick([null, 0]) : d.pick([3, 7, 9, 12]);
    const decision = d.chance(0.3) ? "是" : d.pick(["否", null]);
    const upTo = (x: number | null) => (x === null || x === 0 ? d.pick([null, 0]) : d.chance(0.1) ? null : d.int(0, x));
    rows.push({
      organisation: d.pick(organisations).organisation,
      eventType: d.pick(types),
      date: 45658 + d.int(0, 364), // 2025
      due,
      present: upTo(due as number | null),
      decision,
      inFavour: decision === "是" ? upTo(due as number | null) : null,
    });
  }
  return { rows, organisations };
}

/**
 * Negative-list records for a few people named once in the table (a namesake would be matched by the
 * pipeline only through a unit, which the template's formulas do not read): any item of the list,
 * once or several times, sometimes two records for one person; the ties at the quota line untouched.
 */
function negativeRecords(d: Dice, s: Scheme, rows: Row[]): Row[] {
  const names = rows.map((r) => String(r.name ?? "").trim());
  // A township's first and last rows are the pair tied at the top (grouped): left alone, so the tie stays a tie.
  const edge = (i: number) => rows[i - 1]?.township !== rows[i].township || rows[i + 1]?.township !== rows[i].township;
  const once = names.filter((n, i) => n !== "" && !edge(i) && names.indexOf(n) === names.lastIndexOf(n));
  const out: Row[] = [];
  for (let k = 0; k < Math.min(once.length, d.int(1, 4)); k++) {
    const name = d.pick(once);
    const item = d.pick(s.negativeList);
    out.push({ name, item: d.chance(0.5) ? item.id : item.text, count: d.pick([null, 1, 2, 3]), date: 45700 + d.int(0, 300) });
  }
  return out;
}

/** The template's extra sheets, with the records in 负面清单记录 and the rest blank. */
function withRecords(spec: TemplateSpec, records: Row[]): TemplateData[] {
  return (spec.extra ?? []).map((e, i) => ({ rows: e.name === NEGATIVE_RECORD_SHEET ? ordered(spec, records, i + 1) : [] }));
}

/** A random table of the kind from the seed, under the kind's default scheme. */
export function randomTable(kind: SchemeKind, seed: number): RandomTable {
  const d = new Dice(seed);
  const scheme = defaultScheme(kind, YEAR);
  // The cadre template's formula shares a blank 年终考评 out to 任务得分; the default scheme refuses the row instead, so the two are compared under the setting that computes.
  if (kind === "cadre") scheme.missing = { ...scheme.missing, parts: "reweight" };
  if (kind === "secretary") scheme.fourPromises = { starThresholds: SECRETARY_STAR_THRESHOLDS };
  const spec = templateSpec(kind, { scheme, year: YEAR });
  const rows =
    kind === "secretary" ? secretary(d, scheme) : kind === "cadre" ? cadre(d) : kind === "member" ? member(d, scheme) : kind === "appraisal" ? appraisal(d, scheme) : kind === "fiveGood" ? fiveGood(d) : undefined;
  const recorded = spec.extra?.some((e) => e.name === NEGATIVE_RECORD_SHEET);
  if (rows && recorded) return { kind, seed, scheme, spec, data: { rows: ordered(spec, rows), extra: withRecords(spec, negativeRecords(d, scheme, rows)) } };
  if (rows) return { kind, seed, scheme, spec, data: { rows: ordered(spec, rows) } };
  const l = ledger(d, scheme);
  return { kind, seed, scheme, spec, data: { rows: ordered(spec, l.rows), extra: [{ rows: ordered(spec, l.organisations, 1) }] } };
}
