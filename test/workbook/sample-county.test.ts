// The sample county: deterministic, the documented size and shares, realistic scores, and exactly the documented mess.
import { Workbook } from "exceljs";
import { describe, expect, it } from "vitest";
import { sheetData } from "../../src/cli/xlsx";
import { renderTemplate, workbookBytes } from "../../src/cli/xlsx-template";
import { type SchemeKind } from "../../src/core/scheme";
import { defaultScheme, schemeKinds } from "../../src/kinds/registry";
import { calendarOf, parseDateText } from "../../src/core/dates";
import { ledgerFields, organisationFields } from "../../src/kinds/ledger/fields";
import { fieldsFor } from "../../src/kinds/registry";
import { readRecords } from "../../src/workbook/read";
import {
  apportion,
  DEFAULT_MEMBERS,
  fullWidth,
  mulberry32,
  PREAMBLE_LINE,
  SAMPLE_CATEGORY_SHARES,
  SAMPLE_TOWNSHIPS,
  sampleCounty,
  type SampleCounty,
} from "../../src/kinds/sample-county";
import type { CellValue } from "../../src/workbook/sheet";
import { findTable } from "../../src/workbook/table";
import { dataSheet, inputColumns } from "../../src/workbook/templates";

const clean = sampleCounty();
const messy = sampleCounty({ mess: true });

const fieldIndex = (county: SampleCounty, kind: SchemeKind, id: string) => inputColumns(dataSheet(county.files[kind].spec)).findIndex((c) => c.field === id);
const column = (county: SampleCounty, kind: SchemeKind, id: string) => county.files[kind].rows.map((r) => r[fieldIndex(county, kind, id)]);

describe("the random numbers", () => {
  it("are mulberry32: the same seed gives the same stream, in [0, 1)", () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs[0]).toBeCloseTo(0.6270739405881613, 15);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(2)()).not.toBe(xs[0]);
  });

  it("apportion exactly: counts add up to the total, by largest remainder", () => {
    expect(apportion(6000, [0.1, 0.55, 0.2, 0.15])).toEqual([600, 3300, 1200, 900]);
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [0.5, 0.5]).reduce((s, n) => s + n, 0)).toBe(7);
  });
});

describe("the sample county", () => {
  it("is deterministic: the same options give the same county, another seed another", () => {
    expect(sampleCounty()).toEqual(clean);
    expect(sampleCounty({ mess: true })).toEqual(messy);
    const other = sampleCounty({ seed: 7 });
    expect(other.files.member.rows).not.toEqual(clean.files.member.rows);
    expect(other.files.member.rows.length).toBe(DEFAULT_MEMBERS);
  });

  it("has 12 townships, 180 villages with one branch and one secretary each, 6,000 members, 300 cadres", () => {
    expect(clean.townships).toHaveLength(12);
    expect(new Set(clean.townships).size).toBe(12);
    expect(clean.villages).toHaveLength(180);
    expect(new Set(clean.villages.map((v) => v.name)).size).toBe(180);
    expect(clean.villages.every((v) => v.name.endsWith("村") && v.branch === `${v.name}党支部`)).toBe(true);
    expect(clean.files.member.rows).toHaveLength(6000);
    expect(clean.files.secretary.rows).toHaveLength(180);
    expect(column(clean, "secretary", "village")).toEqual(clean.villages.map((v) => v.name));
    expect(clean.files.cadre.rows).toHaveLength(300);
    expect(clean.files.appraisal.rows).toHaveLength(180);
    expect(clean.files.fiveGood.rows).toHaveLength(12 + 180);
    for (const t of clean.townships) {
      const cadres = column(clean, "cadre", "township").filter((x) => x === t).length;
      expect(cadres).toBeGreaterThanOrEqual(20);
      expect(cadres).toBeLessThanOrEqual(30);
    }
    expect(clean.villages.reduce((s, v) => s + v.members, 0)).toBe(6000);
    expect(Math.min(...clean.villages.map((v) => v.members))).toBeGreaterThan(10);
  });

  it("has every row as wide as its template's input columns, and unique 编号 when clean", () => {
    for (const kind of schemeKinds) {
      const width = inputColumns(dataSheet(clean.files[kind].spec)).length;
      expect(width).toBe(fieldsFor(defaultScheme(kind)).length);
      for (const r of clean.files[kind].rows) expect(r).toHaveLength(width);
      if (fieldIndex(clean, kind, "id") >= 0 && kind !== "appraisal") {
        const ids = column(clean, kind, "id");
        expect(new Set(ids).size).toBe(ids.length);
      }
      expect(clean.files[kind].fileName).toBe(`样例县-${clean.files[kind].spec.fileName}`);
    }
  });

  it("has the four member categories in the documented shares, exactly", () => {
    const cats = column(clean, "member", "category");
    SAMPLE_CATEGORY_SHARES.forEach((c) => expect(cats.filter((x) => x === c.name).length).toBe(Math.round(6000 * c.share)));
    expect(SAMPLE_CATEGORY_SHARES.map((c) => c.name)).toEqual(defaultScheme("member").stars.categories.map((c) => c.name));
  });

  it("rates members unable to work and mobile members on the first three aspects only", () => {
    const cat = fieldIndex(clean, "member", "category");
    const a1 = fieldIndex(clean, "member", "aspect1");
    for (const r of clean.files.member.rows) {
      const three = r[cat] === "无劳动能力党员" || r[cat] === "外出流动党员";
      const aspects = r.slice(a1, a1 + 5);
      expect(aspects.slice(0, 3).every((x) => typeof x === "number")).toBe(true);
      expect(aspects.slice(3).every((x) => (three ? x === null : typeof x === "number"))).toBe(true);
    }
  });

  it("has realistic scores: mostly 75–95, some low, none out of range", () => {
    const share = (xs: number[], lo: number, hi: number) => xs.filter((x) => x >= lo && x <= hi).length / xs.length;
    const aspects = clean.files.member.rows.flatMap((r) => r.slice(fieldIndex(clean, "member", "aspect1"), fieldIndex(clean, "member", "aspect1") + 5)).filter((x): x is number => typeof x === "number");
    expect(share(aspects, 75, 95)).toBeGreaterThan(0.6);
    expect(aspects.filter((x) => x < 60).length).toBeGreaterThan(0);
    expect(share(aspects, 0, 100)).toBe(1);
    const scheme = defaultScheme("secretary");
    const totals = clean.files.secretary.rows.map((r) => scheme.items.reduce((s, it, k) => s + Number(r[fieldIndex(clean, "secretary", `item${k + 1}`)]), 0));
    expect(share(totals, 75, 95)).toBeGreaterThan(0.7);
    expect(totals.filter((x) => x < 75).length).toBeGreaterThan(0);
    clean.files.secretary.rows.forEach((r) => scheme.items.forEach((it, k) => expect(r[fieldIndex(clean, "secretary", `item${k + 1}`)]).toBeLessThanOrEqual(it.max)));
    const tasks = column(clean, "cadre", "taskScore") as number[];
    expect(share(tasks, 75, 95)).toBeGreaterThan(0.7);
    expect(column(clean, "secretary", "veto").filter((x) => x === "是").length).toBeGreaterThan(0);
  });

  it("pays cadres in whole yuan or fen, by post", () => {
    const pays = column(clean, "cadre", "pay") as number[];
    for (const p of pays) {
      expect(p).toBeGreaterThan(4000);
      expect(Math.abs(Math.round(p * 100) - p * 100)).toBeLessThan(1e-6);
    }
    expect(pays.some((p) => !Number.isInteger(p))).toBe(true);
    expect(pays.some((p) => Number.isInteger(p))).toBe(true);
    expect(column(clean, "cadre", "post").filter((p) => p === "党委书记")).toHaveLength(12);
  });

  it("has ballots that add up: votes cast never exceed the voters", () => {
    const f = (id: string) => fieldIndex(clean, "appraisal", id);
    for (const r of clean.files.appraisal.rows) {
      const cast = ["votesTop", "votesSecond", "votesThird", "votesBottom"].reduce((s, id) => s + (r[f(id)] as number), 0);
      for (const id of ["votesTop", "votesSecond", "votesThird", "votesBottom"]) expect(r[f(id)]).toBeGreaterThanOrEqual(0);
      expect(cast).toBeLessThanOrEqual(r[f("voters")] as number);
      expect(cast).toBeGreaterThanOrEqual((r[f("voters")] as number) - 3);
    }
    expect(column(clean, "appraisal", "name")).toEqual(column(clean, "secretary", "name"));
  });

  it("rates 12 township committees and 180 village branches, with members and five-lead members for villages only", () => {
    const f = (id: string) => fieldIndex(clean, "fiveGood", id);
    const rows = clean.files.fiveGood.rows;
    expect(rows.filter((r) => r[f("orgType")] === "乡镇党委")).toHaveLength(12);
    expect(rows.filter((r) => r[f("orgType")] === "村党组织")).toHaveLength(180);
    for (const r of rows) {
      if (r[f("orgType")] === "乡镇党委") expect(r[f("members")]).toBeNull();
      else expect(r[f("fiveLead")] as number).toBeLessThanOrEqual(r[f("members")] as number);
    }
    expect(rows.reduce((s, r) => s + ((r[f("members")] as number) ?? 0), 0)).toBe(6000);
  });

  it("is clean by default: no mess, no merges, no lines above the title", () => {
    expect(clean.mess).toEqual([]);
    for (const kind of schemeKinds) {
      expect(clean.files[kind].merges).toEqual([]);
      expect(clean.files[kind].preamble).toEqual([]);
    }
  });

  it("scales: a 100,000-member county keeps its shares and the other tables", () => {
    const big = sampleCounty({ members: 100_000 });
    expect(big.files.member.rows).toHaveLength(100_000);
    const cats = column(big, "member", "category");
    SAMPLE_CATEGORY_SHARES.forEach((c) => expect(cats.filter((x) => x === c.name).length).toBe(Math.round(100_000 * c.share)));
    expect(big.files.secretary.rows).toEqual(clean.files.secretary.rows);
    expect(big.files.cadre.rows).toEqual(clean.files.cadre.rows);
    expect(new Set(column(big, "member", "id")).size).toBe(100_000);
    expect(() => sampleCounty({ members: 0 })).toThrow();
  });
});

describe("the sample county's negative-list and objection cases", () => {
  /** The rows of a file's extra sheet, by the sheet's name. */
  const sheetRows = (kind: SchemeKind, name: string) => clean.files[kind].extra![clean.files[kind].spec.extra!.findIndex((e) => e.name === name)].rows;

  it("records each case in the 负面清单记录 sheet, the person named with the unit the table gives", () => {
    // 单位, 姓名, 负面清单条目, 次数, 日期 (2025-06-18 is Excel day 45826), 依据, 记录人.
    expect(sheetRows("secretary", "负面清单记录")).toEqual([
      ["北塘镇", "苏云强", "4-2", null, 45826, "村务监督委员会书面报告", "组织办"],
      ["桃源乡", "李永", "4-1", 2, 45930, "乡镇党委督查通报两次", "组织办"],
    ]);
    expect(sheetRows("cadre", "负面清单记录").map((r) => r.slice(0, 4))).toEqual([
      ["城关镇", "彭东金", "1-3", null],
      ["城关镇", "徐平春", "1-2", 3],
    ]);
    expect(sheetRows("member", "负面清单记录").map((r) => r.slice(0, 4))).toEqual([
      ["青龙岗村党支部", "王宏海", "5-3", 2],
      ["青龙岗村党支部", "叶东生", "5-1", null],
    ]);
  });

  it("records one objection upheld with its change and reason, and one not upheld, in the secretaries' 异议记录 (2026-01-16, Excel day 46038)", () => {
    expect(sheetRows("secretary", "异议记录")).toEqual([
      [46038, "青龙铺村村民代表", "吴永", "反映该书记年内违规发放误工补贴，未计入考核", "成立", "称职", "经镇党委核实，违规发放补贴属实，按规定不得评为优秀", "乡镇党委", null],
      [46038, null, "刘刚", "反映民主测评存在拉票", "不成立", null, null, "乡镇党委", null],
    ]);
    expect(sheetRows("member", "异议记录")).toEqual([]);
  });

  it("names people the tables hold once, so a record or an objection is never matched to a namesake", () => {
    for (const kind of ["secretary", "cadre", "member"] as const) {
      const names = column(clean, kind, "name");
      for (const r of [...sheetRows(kind, "负面清单记录").map((x) => x[1]), ...sheetRows(kind, "异议记录").map((x) => x[2])]) expect(names.filter((n) => n === r), `${kind} ${String(r)}`).toHaveLength(1);
    }
  });
});

describe("the sample ledger", () => {
  const file = clean.files.ledger;
  const list = file.extra![0].rows;
  const listSheet = file.spec.extra![0];
  const at = (id: string) => inputColumns(listSheet).findIndex((c) => c.field === id);
  const col = (id: string) => column(clean, "ledger", id);
  const duties = defaultScheme("ledger").ledger.duties;

  it("lists 12 township committees and 180 village branches with their funds, and the committees' members", () => {
    expect(list).toHaveLength(192);
    for (const r of list) expect(r).toHaveLength(organisationFields.length);
    const type = (r: CellValue[]) => r[at("orgType")];
    expect(list.filter((r) => type(r) === "乡镇党委").map((r) => r[at("organisation")])).toEqual(SAMPLE_TOWNSHIPS.map((t) => `${t.name}党委`));
    const villages = list.filter((r) => type(r) === "村党组织");
    expect(villages.map((r) => r[at("organisation")]).sort()).toEqual(clean.villages.map((v) => v.branch).sort());
    // A branch's members are typed once, as 农村党员数 in the five-good table, and are its members in the star table; only the township committees' are typed here.
    const fiveGood = clean.files.fiveGood;
    const fg = (id: string) => inputColumns(dataSheet(fiveGood.spec)).findIndex((c) => c.field === id);
    const fiveGoodRow = (org: CellValue) => fiveGood.rows.find((r) => r[fg("organisation")] === org)!;
    for (const v of clean.villages) {
      expect(villages.find((r) => r[at("organisation")] === v.branch)![at("members")]).toBeNull();
      expect(fiveGoodRow(v.branch)[fg("members")]).toBe(v.members);
    }
    for (const r of list.filter((x) => type(x) === "乡镇党委")) expect(r[at("members")] as number).toBeGreaterThan(0);
    const members = (r: CellValue[]) => (r[at("members")] ?? fiveGoodRow(r[at("organisation")])[fg("members")]) as number;
    expect(new Set(list.map((r) => r[at("organisation")])).size).toBe(192);
    const perHead = list.map((r) => (r[at("trainingSpend")] as number) / members(r));
    expect(perHead.filter((x) => x < 30).length).toBe(clean.ledger.underfunded.length);
    expect(clean.ledger.underfunded.length).toBeGreaterThanOrEqual(3);
    const exact = list.find((r) => r[at("organisation")] === clean.ledger.exactlyFunded)!;
    expect(exact[at("trainingSpend")]).toBe(30 * members(exact));
    for (const r of list) expect(Math.abs(Math.round((r[at("trainingSpend")] as number) * 100) - (r[at("trainingSpend")] as number) * 100)).toBeLessThan(1e-6);
    // 是否“五好”, 群众满意度 and “五带头”党员数 are left to the five-good table, which the ledger reads: nothing typed here.
    for (const id of ["fiveGood", "satisfaction", "fiveLead"]) expect(list.filter((r) => r[at(id)] !== null), id).toEqual([]);
  });

  it("records the year's meetings, talks, trainings and visits of every organisation, in the words the duties count", () => {
    const names = new Set(list.map((r) => r[at("organisation")]));
    expect(new Set(col("organisation"))).toEqual(names);
    const words = new Set(duties.flatMap((d) => d.events));
    for (const t of col("eventType")) expect(words.has(String(t))).toBe(true);
    // Aliases as well as the list's words.
    expect(new Set(col("eventType")).size).toBeGreaterThan(duties.length);
    expect(file.rows.length).toBeGreaterThan(180 * 55);
    for (const r of file.rows) expect(r).toHaveLength(ledgerFields.length);
  });

  it("writes dates mostly as date cells, some as each kind of date text, all within the year and readable", () => {
    const dates = col("date");
    const texts = dates.filter((d): d is string => typeof d === "string");
    expect(texts.length / dates.length).toBeGreaterThan(0.05);
    expect(texts.length / dates.length).toBeLessThan(0.2);
    for (const form of [/^\d{4}-\d{1,2}-\d{1,2}$/, /^\d{4}\/\d{2}\/\d{2}$/, /^\d{4}年\d{1,2}月\d{1,2}日$/, /^\d{4}\.\d{1,2}\.\d{1,2}$/]) expect(texts.some((t) => form.test(t)), String(form)).toBe(true);
    for (const d of dates) {
      const serial = typeof d === "number" ? d : parseDateText(String(d));
      expect(serial).toBeDefined();
      expect(calendarOf(serial!).year).toBe(2025);
    }
  });

  it("records attendance: meetings at two thirds or more, except one below and one exactly at it; two personnel votes, one short of two thirds", () => {
    const due = col("due");
    const present = col("present");
    const f = fieldIndex(clean, "ledger", "inFavour");
    const short = file.rows.map((_, i) => i).filter((i) => typeof due[i] === "number" && (present[i] as number) * 3 < (due[i] as number) * 2);
    expect(short).toEqual(clean.ledger.belowQuorum);
    expect(clean.ledger.belowQuorum).toHaveLength(1);
    const [exact] = clean.ledger.atQuorum;
    expect(present[exact]).toBe(Math.ceil(((due[exact] as number) * 2) / 3));
    const decisions = file.rows.map((_, i) => i).filter((i) => file.rows[i][fieldIndex(clean, "ledger", "decision")] === "是");
    expect(decisions.sort((a, b) => a - b)).toEqual([...clean.ledger.decisionsCarried, ...clean.ledger.decisionsFailed].sort((a, b) => a - b));
    for (const i of clean.ledger.decisionsFailed) expect((file.rows[i][f] as number) * 3).toBeLessThan((due[i] as number) * 2);
    for (const i of clean.ledger.decisionsCarried) expect((file.rows[i][f] as number) * 3).toBeGreaterThanOrEqual((due[i] as number) * 2);
  });

  it("leaves a few duties short on purpose: committee months, one second life meeting, village weeks, a few trainings", () => {
    const gaps = (duty: string) => clean.ledger.gaps.filter((g) => g.duty === duty);
    const name = (word: string) => duties.find((d) => d.events.includes(word))!.name;
    expect(gaps(name("党委会"))).toHaveLength(3);
    expect(gaps(name("党委会")).every((g) => /^2025年\d{1,2}月$/.test(g.period))).toBe(true);
    expect(gaps(name("民主生活会"))).toEqual([expect.objectContaining({ period: "2025年下半年" })]);
    expect(gaps(name("村委会")).length).toBeGreaterThan(50);
    expect(gaps(name("村委会")).every((g) => g.period.endsWith("当周"))).toBe(true);
    expect(gaps(name("培训"))).toHaveLength(3);
    expect(gaps(name("谈心谈话"))).toEqual([]);
    expect(gaps(name("走访"))).toEqual([]);
  });

  it("grows on request: 3 years of 300 organisations, the other tables unchanged", () => {
    const big = sampleCounty({ ledgerYears: 3, ledgerOrganisations: 300 });
    expect(big.ledger.years).toEqual([2023, 2024, 2025]);
    expect(big.files.ledger.extra![0].rows).toHaveLength(300);
    expect(new Set(big.files.ledger.extra![0].rows.map((r) => r[at("organisation")])).size).toBe(300);
    expect(big.files.ledger.rows.length).toBeGreaterThan(3 * 288 * 55);
    for (const kind of schemeKinds.filter((k) => k !== "ledger")) expect(big.files[kind].rows).toEqual(clean.files[kind].rows);
    expect(sampleCounty({ ledgerOrganisations: 5 }).files.ledger.extra![0].rows).toHaveLength(5);
    expect(() => sampleCounty({ ledgerYears: 0 })).toThrow();
    expect(() => sampleCounty({ ledgerOrganisations: 1.5 })).toThrow();
  });
});

describe("the messy county", () => {
  const of = (what: string) => messy.mess.filter((m) => m.what === what);

  it("differs from the clean county in exactly the documented cells", () => {
    for (const kind of schemeKinds) {
      const sheet = dataSheet(messy.files[kind].spec);
      const shift = messy.files[kind].preamble.length;
      const cols = inputColumns(sheet);
      const documented = new Map(messy.mess.filter((m) => m.kind === kind && m.what !== "titleLine").map((m) => [`${m.row}:${m.col}`, m]));
      const merged = messy.files[kind].merges;
      const covered = (i: number, j: number) => merged.some((a) => i > a.top && i <= a.bottom && j >= a.left && j <= a.right);
      const a = clean.files[kind].rows;
      const b = messy.files[kind].rows;
      expect(b).toHaveLength(a.length);
      a.forEach((row, i) =>
        row.forEach((v, j) => {
          const key = `${sheet.firstDataRow + shift + i}:${cols[j].col}`;
          const m = documented.get(key);
          if (covered(i, j)) expect(b[i][j]).toBeNull();
          else if (m && m.what !== "mergedBranch") {
            expect(m.clean).toEqual(v);
            expect(b[i][j]).toEqual(m.value);
            expect(m.header).toBe(cols[j].header);
          } else expect(b[i][j], `${kind} ${key}`).toEqual(v);
        }),
      );
    }
  });

  it("has a clerk's line above the title of every sheet", () => {
    expect(of("titleLine").map((m) => m.kind)).toEqual([...schemeKinds]);
    for (const kind of schemeKinds) expect(messy.files[kind].preamble).toEqual([PREAMBLE_LINE]);
  });

  it("has one 缺考 among the secretaries, typed into the 半年考核 column the town's sheet leaves blank", () => {
    expect(of("absentWord")).toHaveLength(1);
    expect([of("absentWord")[0].kind, of("absentWord")[0].header, of("absentWord")[0].value, of("absentWord")[0].clean]).toEqual(["secretary", "半年考核", "缺考", null]);
    expect(messy.mess.filter((m) => m.kind === "secretary" && m.what !== "titleLine")).toHaveLength(1);
  });

  it("has one duplicate 编号, one full-width score ８５ and four names with stray spaces", () => {
    const [dup] = of("duplicateId");
    expect(of("duplicateId")).toHaveLength(1);
    expect(dup.kind).toBe("member");
    expect(column(messy, "member", "id").filter((x) => x === dup.value)).toHaveLength(2);
    expect(new Set(column(messy, "member", "id")).size).toBe(5999);
    expect(of("fullWidthDigits")).toHaveLength(1);
    expect([of("fullWidthDigits")[0].value, of("fullWidthDigits")[0].clean]).toEqual(["８５", 85]);
    expect(fullWidth("85")).toBe("８５");
    const spaces = of("straySpaces");
    expect(spaces.map((m) => m.kind)).toEqual(["member", "member", "member", "cadre"]);
    for (const m of spaces) {
      expect(String(m.value).replace(/[\s\u3000]/g, "")).toBe(m.clean);
      expect(m.value).not.toBe(m.clean);
    }
    expect(String(spaces[2].clean)).toHaveLength(2);
  });

  it("has one ledger date written in Chinese numerals without its year", () => {
    const [bad] = of("badDate");
    expect(of("badDate")).toHaveLength(1);
    expect([bad.kind, bad.header, typeof bad.clean]).toEqual(["ledger", "日期", "number"]);
    expect(bad.value).toMatch(/^[一二三四五六七八九十]+月[一二三四五六七八九十]+日$/);
    expect(parseDateText(String(bad.value))).toBeUndefined();
  });

  it("merges each branch name of one township over its members' rows", () => {
    const town = SAMPLE_TOWNSHIPS[1].name;
    const merged = messy.files.member.merges;
    expect(merged).toHaveLength(messy.villages.filter((v) => v.township === town).length);
    expect(of("mergedBranch")).toHaveLength(merged.length);
    const branch = fieldIndex(messy, "member", "branch");
    const township = fieldIndex(messy, "member", "township");
    const rows = clean.files.member.rows;
    for (const m of merged) {
      expect([m.left, m.right]).toEqual([branch, branch]);
      const names = new Set(rows.slice(m.top, m.bottom + 1).map((r) => r[branch]));
      expect(names.size).toBe(1);
      expect(rows[m.top][township]).toBe(town);
      // The whole branch: the rows just outside belong to other branches.
      expect(rows[m.top - 1]?.[branch]).not.toBe(rows[m.top][branch]);
      expect(rows[m.bottom + 1]?.[branch]).not.toBe(rows[m.top][branch]);
    }
    expect(rows.filter((r) => r[township] === town).length).toBe(merged.reduce((s, m) => s + m.bottom - m.top + 1, 0));
  });

  it("once rendered, is read by the pipeline with exactly the 缺考 and the duplicate 编号 reported, and the rest read through", async () => {
    const read = async (kind: SchemeKind) => {
      const f = messy.files[kind];
      const wb = new Workbook();
      await wb.xlsx.load((await workbookBytes(renderTemplate(f.spec, f))) as unknown as ArrayBuffer);
      const ws = wb.getWorksheet(dataSheet(f.spec).name)!;
      expect(ws.getCell("A1").value).toBe(PREAMBLE_LINE);
      const fields = fieldsFor(defaultScheme(kind));
      const t = findTable(sheetData(ws), fields)!;
      expect(t.missing).toEqual([]);
      expect(t.headerRow + 1).toBe(dataSheet(f.spec).headerRow + 1);
      return { ws, result: readRecords(t, fields) };
    };
    const secretary = await read("secretary");
    const absent = of("absentWord")[0];
    expect(secretary.result.problems.map((p) => [p.row, p.col, p.header])).toEqual([[absent.row, absent.col, "半年考核"]]);

    const member = await read("member");
    const dup = of("duplicateId")[0];
    expect(member.result.problems.map((p) => [p.row, p.col, p.header])).toEqual([[dup.row, dup.col, "编号"]]);
    const fw = of("fullWidthDigits")[0];
    expect(member.ws.getCell(fw.row, fw.col).value).toBe("８５");
    expect(member.result.records.find((r) => r.row === fw.row)!.values.aspect1).toBe(85);
    expect(member.result.records).toHaveLength(6000);
    const branches = member.result.records.map((r) => r.values.branch);
    expect(branches).toEqual(column(clean, "member", "branch"));
    for (const m of of("mergedBranch")) expect(member.ws.getCell(m.row + 1, m.col).isMerged).toBe(true);

    const cadre = await read("cadre");
    expect(cadre.result.problems).toEqual([]);
    const spaced = of("straySpaces").find((m) => m.kind === "cadre")!;
    expect(cadre.ws.getCell(spaced.row, spaced.col).value).toBe(spaced.value);
  }, 60_000);
});

describe("rows as cells", () => {
  it("hold only strings, numbers, booleans and blanks", () => {
    const ok = (v: CellValue) => v === null || ["string", "number", "boolean"].includes(typeof v);
    for (const kind of schemeKinds) for (const r of messy.files[kind].rows) expect(r.every(ok)).toBe(true);
  });
});
