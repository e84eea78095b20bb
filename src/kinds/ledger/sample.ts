// The sample county's ledger rows: deterministic, realistic, and as a clerk fills the template.
import { baseScheme } from "../../core/scheme";
import { periodIndex, periodLabel, periodStart, type Period } from "../../core/cadence";
import { calendarOf, excelSerial } from "../../core/dates";
import { CellValue } from "../../workbook/sheet";
import { dataSheet, inputColumns, type DataSheetSpec } from "../../workbook/templates";
import { Dice, SAMPLE_TOWNSHIPS, SampleCounty, SampleLedger, SampleLedgerGap, SampleOrganisation, SampleVillage, VILLAGE_ENDINGS, VILLAGE_STEMS, clamp, round1 } from "../sample/county-shape";

/** Village names beyond the county's 180, for a larger ledger: unused names, then 新村, then numbered ones. */
function moreVillageNames(d: Dice, used: ReadonlySet<string>, n: number): string[] {
  const stems = VILLAGE_STEMS.flatMap((s) => VILLAGE_ENDINGS.map((e) => `${s}${e}`));
  const pool = d.shuffle([...stems.map((b) => `${b}村`).filter((x) => !used.has(x)), ...stems.map((b) => `${b}新村`)]);
  return Array.from({ length: n }, (_, k) => (k < pool.length ? pool[k] : `${stems[(k - pool.length) % stems.length]}${Math.floor((k - pool.length) / stems.length) + 2}村`));
}

/** The ledger's organisations, township by township: the committee, then its village branches. */
export function ledgerOrganisations(d: Dice, vs: SampleVillage[], count: number): SampleOrganisation[] {
  const townships = SAMPLE_TOWNSHIPS.slice(0, Math.min(count, SAMPLE_TOWNSHIPS.length)).map<SampleOrganisation>((t) => ({
    name: `${t.name}党委`,
    township: t.name,
    type: "乡镇党委",
    members: d.int(28, 65),
    // Township committees have 9 to 13 members (委员).
    committee: d.pick([9, 9, 11, 11, 12, 13]),
  }));
  const wanted = Math.max(0, count - townships.length);
  const villages = vs.slice(0, wanted).map<SampleOrganisation>((v) => ({ name: v.branch, township: v.township, type: "村党组织", members: v.members, committee: d.int(5, 7) }));
  const more = moreVillageNames(d, new Set(vs.map((v) => v.name)), wanted - villages.length);
  more.forEach((name, k) => villages.push({ name: `${name}党支部`, township: SAMPLE_TOWNSHIPS[k % SAMPLE_TOWNSHIPS.length].name, type: "村党组织", members: d.int(15, 60), committee: d.int(5, 7) }));
  return townships.length === 0 ? [] : SAMPLE_TOWNSHIPS.flatMap((t) => [...townships.filter((o) => o.township === t.name), ...villages.filter((o) => o.township === t.name)]);
}

interface LedgerEvent {
  date: number;
  type: string;
  due: number | null;
  present: number | null;
  decision: boolean;
  inFavour: number | null;
  notes: string | null;
  /** What the event is in the sample's design. */
  role?: "belowQuorum" | "atQuorum" | "carried" | "failed";
  /** The dice that types its date: the later duties' own, so adding them left every other number of the sample as it was. */
  dice?: Dice;
}

const COMMITTEE_TOPICS = ["传达学习上级会议精神", "研究部署重点工作", "研究党建工作", "研究乡村振兴工作", "研究安全生产工作", "研究信访维稳工作"];
const CHINESE_DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1–31 in Chinese numerals, as a clerk writes 三月五日. */
function chineseNumber(n: number): string {
  if (n < 10) return CHINESE_DIGITS[n];
  return `${n >= 20 ? CHINESE_DIGITS[Math.floor(n / 10)] : ""}十${CHINESE_DIGITS[n % 10]}`;
}

/** The smallest count that is at least two thirds of n (三分之二以上 includes two thirds). */
const twoThirds = (n: number) => Math.ceil((2 * n) / 3);

/** A working day in the month: days 1–26, a weekend moved to the Monday after. */
function workday(d: Dice, year: number, month: number): number {
  const serial = excelSerial(year, month, d.int(1, 26))!;
  const { weekday } = calendarOf(serial);
  return serial + (weekday === 5 ? 2 : weekday === 6 ? 1 : 0);
}

/** A date as people type it in a ledger: mostly a date cell (the serial), now and then one of the texts the pipeline reads. */
function typedDate(d: Dice, serial: number): CellValue {
  if (!d.chance(0.1)) return serial;
  const { year, month, day } = calendarOf(serial);
  const two = (n: number) => String(n).padStart(2, "0");
  return d.pick([`${year}-${month}-${day}`, `${year}/${two(month)}/${two(day)}`, `${year}年${month}月${day}日`, `${year}.${month}.${day}`]);
}

/**
 * Each township's contact points, in the order of its leaders (党委书记, 乡镇长): its first two village
 * branches. The ledger visits them and only them; the 联系点名单 lists them.
 */
export function contactPoints(orgs: readonly SampleOrganisation[]): SampleOrganisation[][] {
  const towns = [...new Set(orgs.filter((o) => o.type === "村党组织").map((o) => o.township))];
  return towns.map((t) => orgs.filter((o) => o.type === "村党组织" && o.township === t).slice(0, 2));
}

/**
 * The ledger: township committees meet monthly and hold a democratic life meeting each half year;
 * village branches meet weekly, their secretaries are talked with each half year, their cadres
 * trained; each township's two contact points (contactPoints) are visited twice a year. Each year a few things are left short on
 * purpose (a few committee months, one second life meeting, some village weeks, a few villages
 * trained once), one meeting falls below two thirds and one has just enough, and of two personnel
 * decisions one carries with just two thirds and one lacks them. The duties added later (the
 * cadres' monthly study day, the quarterly finance report, the yearly vote recommending outstanding
 * cadres, the special study and the two reports heard on rural Party building, the yearly talk with
 * village cadres) are all held, drawn from their own dice `x`.
 */
export function ledgerRows(d: Dice, main: DataSheetSpec, list: DataSheetSpec, orgs: SampleOrganisation[], years: number[], x: Dice): { rows: CellValue[][]; organisations: CellValue[][]; ledger: SampleLedger } {
  const duties = baseScheme("ledger", "").ledger.duties;
  const dutyOf = (word: string) => duties.find((x) => x.events.includes(word))!.name;
  const townships = orgs.filter((o) => o.type === "乡镇党委");
  const villages = orgs.filter((o) => o.type === "村党组织");
  const events = new Map<SampleOrganisation, LedgerEvent[]>(orgs.map((o) => [o, []]));
  const gaps: SampleLedgerGap[] = [];
  const gap = (o: SampleOrganisation, word: string, serial: number, period: Period) => gaps.push({ organisation: o.name, duty: dutyOf(word), period: periodLabel(periodIndex(serial, period), period) });
  const add = (o: SampleOrganisation, e: Omit<LedgerEvent, "decision" | "inFavour" | "due" | "present" | "notes"> & Partial<LedgerEvent>) =>
    events.get(o)!.push({ due: null, present: null, decision: false, inFavour: null, notes: null, ...e });
  // Most of a committee attends; at least two thirds, so only the meetings chosen below are short.
  const attendance = (due: number) => Math.max(twoThirds(due), due - d.pick([0, 0, 0, 1, 1, 2]));
  const distinct = (n: number, draw: () => string) => {
    const seen = new Set<string>();
    for (let k = 0; seen.size < n && k < 100 * n; k++) seen.add(draw());
    return seen;
  };

  const points = new Set(contactPoints(orgs).flat());
  const spanFirst = excelSerial(years[0], 1, 1)!;
  const spanLast = excelSerial(years[years.length - 1], 12, 31)!;
  for (const year of years) {
    const pair = () => `${d.int(0, townships.length - 1)}:${d.int(1, 12)}`;
    const missing = townships.length ? distinct(3, pair) : new Set<string>();
    const special = townships.length ? [...distinct(6, pair)].filter((k) => !missing.has(k)).slice(0, 4) : [];
    const [below, exact, carried, failed] = special;
    const noSecondLife = townships.length ? d.int(0, townships.length - 1) : -1;
    const trainedOnce = new Set(villages.length ? [...distinct(Math.min(3, villages.length), () => String(d.int(0, villages.length - 1)))].map(Number) : []);

    townships.forEach((o, t) => {
      for (let month = 1; month <= 12; month++) {
        const key = `${t}:${month}`;
        const date = workday(d, year, month);
        if (missing.has(key)) {
          gap(o, "党委会", date, "month");
          continue;
        }
        const due = o.committee;
        const present = key === below ? twoThirds(due) - 1 : key === exact ? twoThirds(due) : attendance(due);
        add(o, { date, type: d.chance(0.9) ? "党委会" : "党委会议", due, present, notes: d.chance(0.6) ? d.pick(COMMITTEE_TOPICS) : null, role: key === below ? "belowQuorum" : key === exact ? "atQuorum" : undefined });
        if (key === carried || key === failed) {
          // A second meeting that month on appointments: everyone present, the vote at or just under two thirds.
          const inFavour = key === carried ? twoThirds(due) : twoThirds(due) - 1;
          add(o, { date: Math.min(date + 7, excelSerial(year, month, 28)!), type: "党委会", due, present: due, decision: true, inFavour, notes: "研究干部任免", role: key === carried ? "carried" : "failed" });
        }
      }
      for (const h of [0, 1]) {
        const date = workday(d, year, h * 6 + d.int(1, 6));
        if (h === 1 && t === noSecondLife) {
          gap(o, "民主生活会", date, "half");
          continue;
        }
        add(o, { date, type: "民主生活会", due: o.committee, present: attendance(o.committee), notes: d.pick(["年度民主生活会", "专题民主生活会"]) });
      }
      for (let month = 1; month <= 12; month++) add(o, { date: workday(x, year, month), type: x.chance(0.85) ? "学习日" : "集中学习日", notes: x.chance(0.5) ? "乡镇干部集中学习" : null, dice: x });
      for (let q = 0; q < 4; q++) add(o, { date: workday(x, year, q * 3 + x.int(1, 3)), type: x.chance(0.85) ? "财务报告" : "财务收支报告", notes: "党委书记向党委扩大会议报告财务收支", dice: x });
      // All township cadres and village leaders vote; every one of them attends, so no quorum is short.
      const voters = 40 + x.int(0, 30);
      add(o, { date: workday(x, year, x.int(10, 12)), type: "推荐优秀干部", due: voters, present: voters, notes: `计票：应到${voters}人，实到${voters}人，有效票${voters}张`, dice: x });
      add(o, { date: workday(x, year, x.int(2, 4)), type: "专题研究农村党建", notes: "党委会专题研究农村党建工作", dice: x });
      for (const h of [0, 1]) add(o, { date: workday(x, year, h * 6 + x.int(1, 6)), type: x.chance(0.8) ? "听取党建汇报" : "农村党建工作汇报", notes: "听取村党组织书记抓党建工作汇报", dice: x });
    });

    const first = excelSerial(year, 1, 1)!;
    const last = excelSerial(year, 12, 31)!;
    // A week across New Year belongs to the year of its Monday, so it is held once; at the ledger's ends it is cut to the ledger's days.
    const fromWeek = periodIndex(first, "week") + (year !== years[0] && periodStart(periodIndex(first, "week"), "week") < first ? 1 : 0);
    villages.forEach((o, v) => {
      for (let w = fromWeek; w <= periodIndex(last, "week"); w++) {
        const monday = periodStart(w, "week");
        // A working day of the week; a week at the ledger's edge with none takes its weekend.
        const days = (n: number) => Array.from({ length: n }, (_, k) => monday + k).filter((x) => x >= spanFirst && x <= spanLast);
        const choices = days(5).length ? days(5) : days(7);
        const date = d.pick(choices);
        if (d.chance(0.015)) {
          gap(o, "村委会", date, "week");
          continue;
        }
        add(o, { date, type: d.chance(0.85) ? "村委会" : "村两委会议", due: o.committee, present: o.committee - (d.chance(0.3) ? 1 : 0) });
      }
      for (const h of [0, 1]) add(o, { date: workday(d, year, h * 6 + d.int(1, 6)), type: d.chance(0.9) ? "谈心谈话" : "谈话", notes: d.chance(0.5) ? "乡镇党委书记与村党组织书记谈话" : null });
      add(o, { date: workday(d, year, d.int(3, 5)), type: d.chance(0.8) ? "培训" : "村干部培训", notes: d.chance(0.5) ? "村干部集中培训" : null });
      if (trainedOnce.has(v)) gaps.push({ organisation: o.name, duty: dutyOf("培训"), period: `${year}年` });
      else add(o, { date: workday(d, year, d.int(9, 11)), type: d.chance(0.8) ? "培训" : "村干部培训", notes: d.chance(0.5) ? "党员冬训" : null });
      // Only a leader's contact point is visited as a duty; other villages log no such visit.
      if (points.has(o)) for (const h of [0, 1]) add(o, { date: workday(d, year, h * 6 + d.int(1, 6)), type: d.chance(0.8) ? "走访" : "联系点走访", notes: d.chance(0.4) ? "乡镇领导联系点走访" : null });
      add(o, { date: workday(x, year, x.int(1, 12)), type: x.chance(0.8) ? "村干部谈话" : "与村干部谈话", notes: "乡镇党委书记与村干部谈话", dice: x });
    });
  }

  const cols = inputColumns(main);
  const rows: CellValue[][] = [];
  const ledger: SampleLedger = { years, organisations: orgs, gaps, belowQuorum: [], atQuorum: [], decisionsCarried: [], decisionsFailed: [], underfunded: [], exactlyFunded: "" };
  const roles = { belowQuorum: ledger.belowQuorum, atQuorum: ledger.atQuorum, carried: ledger.decisionsCarried, failed: ledger.decisionsFailed };
  for (const o of orgs) {
    const list = events.get(o)!.sort((a, b) => a.date - b.date);
    for (const e of list) {
      if (e.role) roles[e.role].push(rows.length);
      const date = typedDate(e.dice ?? d, e.date);
      rows.push(
        cols.map<CellValue>((c) => {
          switch (c.field) {
            case "organisation":
              return o.name;
            case "eventType":
              return e.type;
            case "date":
              return date;
            case "due":
              return e.due;
            case "present":
              return e.present;
            case "decision":
              return e.decision ? "是" : null;
            case "inFavour":
              return e.inFavour;
            case "notes":
              return e.notes;
            default:
              return null;
          }
        }),
      );
    }
  }

  // 组织名单: training funds mostly above 30 yuan a member, a few below, one exactly at it.
  const funded = villages.length ? d.shuffle(villages.map((_, i) => i)).slice(0, Math.min(6, villages.length)) : [];
  const exact = funded[0];
  const under = new Set(funded.slice(1));
  const perMember = baseScheme("ledger", "").ledger.trainingPerMember;
  const listCols = inputColumns(list);
  const organisations = orgs.map<CellValue[]>((o) => {
    const v = o.type === "村党组织" ? villages.indexOf(o) : -1;
    const yuan = v === exact ? perMember : under.has(v) ? 20 + d.int(0, 19) / 2 : perMember + d.next() * 30;
    const spend = v === exact ? o.members * perMember : d.chance(0.3) ? Math.round(o.members * yuan * 100) / 100 : Math.round(o.members * yuan);
    if (v === exact) ledger.exactlyFunded = o.name;
    if (under.has(v)) ledger.underfunded.push(o.name);
    const values: Record<string, CellValue> = {
      organisation: o.name,
      township: o.township,
      orgType: o.type,
      members: o.members,
      trainingSpend: spend,
      fiveGood: d.chance(0.78) ? "是" : "否",
      satisfaction: round1(clamp(d.normal(86, 7), 60, 98)),
      fiveLead: o.type === "村党组织" ? Math.round(o.members * clamp(d.normal(0.66, 0.08), 0.35, 0.95)) : null,
    };
    return listCols.map((c) => values[c.field!] ?? null);
  });
  return { rows, organisations, ledger };
}

export function addLedgerMess(d: Dice, county: SampleCounty): void {
  const file = county.files.ledger;
  const sheet = dataSheet(file.spec);
  const cols = inputColumns(sheet);
  const j = cols.findIndex((c) => c.field === "date");
  const typeCol = cols.findIndex((c) => c.field === "eventType");
  const rows = file.rows;
  let i = d.int(0, rows.length - 1);
  // A weekly village meeting held as a date cell: losing it leaves one week short, nothing else.
  for (let k = 0; k < rows.length && !(typeof rows[i][j] === "number" && String(rows[i][typeCol]).startsWith("村")); k++) i = (i + 1) % rows.length;
  const clean = rows[i][j];
  const { month, day } = calendarOf(Number(clean));
  const value = `${chineseNumber(month)}月${chineseNumber(day)}日`;
  county.mess.push({ kind: "ledger", sheet: sheet.name, row: sheet.firstDataRow + file.preamble.length + i, col: cols[j].col, header: cols[j].header, what: "badDate", value, clean, zh: `日期写成“${value}”（汉字、没有年份），无法识别` });
  rows[i][j] = value;
}
