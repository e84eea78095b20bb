// A deterministic sample county (样例县) for demonstrations, tests and benchmarks: the rows of every standard template, clean or with documented mess.
import { periodIndex, periodLabel, periodStart, type Period } from "../core/cadence";
import { calendarOf, excelSerial } from "../core/dates";
import { type SchemeKind } from "../core/scheme";
import { defaultScheme, schemeKinds } from "./registry";
import type { CellValue, MergeArea } from "../workbook/sheet";
import { dataSheet, inputColumns, type DataSheetSpec, type TemplateData, type TemplateSpec } from "../workbook/templates";
import { templateSpec } from "../workbook/template-spec";

// ---------------------------------------------------------------- randomness

/** mulberry32: a small, fast 32-bit PRNG; the same seed always gives the same county. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(readonly next: () => number) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Box–Muller; one draw per call keeps the stream simple to follow. */
  normal(mean: number, sd: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  }
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round1 = (x: number) => Math.round(x * 10) / 10;
const half = (x: number) => Math.round(x * 2) / 2;

/** Counts proportional to weights that add up to `total` exactly (largest remainder, ties by order). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, n) => s + n, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k].i]++;
  return out;
}

// ---------------------------------------------------------------- the county's shape

export const COUNTY_NAME = "样例县";

/** Townships and how many villages each has (180 in all). */
export const SAMPLE_TOWNSHIPS: readonly { name: string; villages: number; cadres: number }[] = [
  { name: "城关镇", villages: 18, cadres: 30 },
  { name: "东山乡", villages: 16, cadres: 26 },
  { name: "西河镇", villages: 15, cadres: 25 },
  { name: "南岭乡", villages: 14, cadres: 24 },
  { name: "北塘镇", villages: 17, cadres: 27 },
  { name: "青石镇", villages: 13, cadres: 23 },
  { name: "桃源乡", villages: 15, cadres: 25 },
  { name: "柳溪镇", villages: 16, cadres: 26 },
  { name: "白沙乡", villages: 14, cadres: 24 },
  { name: "金坪镇", villages: 15, cadres: 25 },
  { name: "龙泉乡", villages: 13, cadres: 22 },
  { name: "高桥镇", villages: 14, cadres: 23 },
];

const VILLAGE_STEMS = [
  "张家", "李家", "王家", "刘家", "陈家", "杨家", "赵家", "石门", "新华", "红星", "胜利", "团结", "和平", "永丰", "丰收", "太平", "长岭", "大坪", "小河", "马鞍",
  "黄土", "青龙", "白马", "双河", "三合", "五里", "七星", "九龙", "花园", "杨柳", "梨树", "枣林", "松林", "竹园", "荷塘", "桥头", "上营", "下庄", "前进", "光明",
];
const VILLAGE_ENDINGS = ["", "湾", "坪", "岭", "沟", "坝", "岗", "庄", "铺", "塘"];

/** The most common surnames, more often first. */
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈";
const GIVEN = "建国华明伟芳丽军平勇强秀英兰红霞文海林辉峰刚涛杰敏静燕梅玉春志德福贵荣成新宏东庆云亮洪金永树学光生珍";

/** Member categories (the star-striving action opinions) and their shares in the sample county. */
export const SAMPLE_CATEGORY_SHARES: readonly { name: string; share: number; aspects: number }[] = [
  { name: "村干部党员", share: 0.1, aspects: 5 },
  { name: "在村务农党员", share: 0.55, aspects: 5 },
  { name: "无劳动能力党员", share: 0.2, aspects: 3 },
  { name: "外出流动党员", share: 0.15, aspects: 3 },
];

/** The township posts, most senior first, with their post coefficients and monthly pay range in yuan. */
const POSTS: readonly { post: (town: string) => string; coefficient: number; pay: [number, number] }[] = [
  { post: () => "党委书记", coefficient: 1.5, pay: [7200, 8200] },
  { post: (t) => (t.endsWith("乡") ? "乡长" : "镇长"), coefficient: 1.5, pay: [7000, 8000] },
  { post: () => "党委副书记", coefficient: 1.3, pay: [6400, 7400] },
  { post: () => "人大主席", coefficient: 1.3, pay: [6300, 7300] },
  { post: () => "纪委书记", coefficient: 1.3, pay: [6200, 7200] },
  { post: (t) => (t.endsWith("乡") ? "副乡长" : "副镇长"), coefficient: 1.2, pay: [6000, 7000] },
  { post: (t) => (t.endsWith("乡") ? "副乡长" : "副镇长"), coefficient: 1.2, pay: [6000, 7000] },
  { post: () => "组织委员", coefficient: 1.2, pay: [5900, 6900] },
  { post: () => "宣传委员", coefficient: 1.2, pay: [5900, 6900] },
  { post: () => "武装部长", coefficient: 1.2, pay: [5800, 6800] },
  { post: () => "党政办主任", coefficient: 1.1, pay: [5200, 6200] },
  { post: () => "财政所所长", coefficient: 1.1, pay: [5200, 6200] },
  { post: () => "农业服务中心主任", coefficient: 1.1, pay: [5100, 6100] },
  { post: () => "社会事务办主任", coefficient: 1.1, pay: [5100, 6100] },
  { post: () => "综治中心主任", coefficient: 1.1, pay: [5100, 6100] },
];
const STAFF = { post: () => "工作人员", coefficient: 1.0, pay: [4200, 5600] as [number, number] };

// ---------------------------------------------------------------- the result

/** One deliberate flaw of the messy county, where it sits in the rendered sheet. */
export interface MessEntry {
  kind: SchemeKind;
  sheet: string;
  /** 1-based Excel row and column in the rendered sheet (0 for the column of a whole-row flaw). */
  row: number;
  col: number;
  header: string;
  /** The flaw. */
  what: "titleLine" | "blankBallot" | "absentWord" | "duplicateId" | "fullWidthDigits" | "straySpaces" | "mergedBranch" | "badDate";
  /** What the cell holds in the messy sheet. */
  value: CellValue;
  /** What the clean sheet holds there. */
  clean: CellValue;
  zh: string;
}

export interface SampleSheet extends TemplateData {
  kind: SchemeKind;
  spec: TemplateSpec;
  /** "样例县-党员星级评定.xlsx". */
  fileName: string;
  rows: CellValue[][];
  merges: MergeArea[];
  preamble: string[];
}

export interface SampleVillage {
  name: string;
  township: string;
  branch: string;
  members: number;
}

/** An organisation of the sample ledger: its row of 组织名单 and the size of its committee, who are due at its meetings. */
export interface SampleOrganisation {
  name: string;
  township: string;
  type: "乡镇党委" | "村党组织";
  members: number;
  committee: number;
}

/** A period in which the sample ledger leaves a duty short on purpose, labelled as the report labels it. */
export interface SampleLedgerGap {
  organisation: string;
  /** The duty's name in the default scheme. */
  duty: string;
  period: string;
}

/** What the sample ledger holds and, by design, what its report must find. */
export interface SampleLedger {
  years: number[];
  organisations: SampleOrganisation[];
  /** Every period short of a duty. */
  gaps: SampleLedgerGap[];
  /** 0-based ledger rows: meetings below the quorum, meetings with just enough present, decisions that carried (just) and that did not. */
  belowQuorum: number[];
  atQuorum: number[];
  decisionsCarried: number[];
  decisionsFailed: number[];
  /** Organisations spending less than the minimum per member on training, and the one spending exactly the minimum. */
  underfunded: string[];
  exactlyFunded: string;
}

export interface SampleCounty {
  name: string;
  seed: number;
  year: number;
  townships: string[];
  villages: SampleVillage[];
  /** By kind: the template and the rows to render into it. */
  files: Record<SchemeKind, SampleSheet>;
  ledger: SampleLedger;
  /** Every flaw, exactly where it is; empty for a clean county. */
  mess: MessEntry[];
}

export interface SampleOptions {
  seed?: number;
  /** Party members in the county (6,000 by default; a benchmark may ask for 100,000). */
  members?: number;
  /** Add the documented mess (blank ballots, 缺考, a duplicate 编号, …). */
  mess?: boolean;
  year?: number;
  /** Years the ledger covers, ending with `year` (1 by default). */
  ledgerYears?: number;
  /** Organisations in the ledger: the 12 township committees, then village branches (192 by default: every village). */
  ledgerOrganisations?: number;
}

export const DEFAULT_SEED = 20250101;
export const DEFAULT_MEMBERS = 6000;
export const DEFAULT_LEDGER_ORGANISATIONS = 192;

/** A line a clerk puts above the title; the messy sheets carry it. */
export const PREAMBLE_LINE = `${COUNTY_NAME}委组织部制表`;

// ---------------------------------------------------------------- generation

function personName(d: Dice): string {
  // Common surnames come up more often: the square skews the pick to the front of the list.
  const s = SURNAMES[Math.floor(d.next() ** 2 * SURNAMES.length)];
  const g = d.chance(0.7) ? d.pick([...GIVEN]) + d.pick([...GIVEN]) : d.pick([...GIVEN]);
  return s + g;
}

function villages(d: Dice): SampleVillage[] {
  const names = d.shuffle(VILLAGE_STEMS.flatMap((s) => VILLAGE_ENDINGS.map((e) => `${s}${e}村`)));
  const out: SampleVillage[] = [];
  let k = 0;
  for (const t of SAMPLE_TOWNSHIPS)
    for (let i = 0; i < t.villages; i++, k++) out.push({ name: names[k], township: t.name, branch: `${names[k]}党支部`, members: 0 });
  return out;
}

/** An ability: mostly good (75–95), a few weak. */
function ability(d: Dice, mean: number, sd: number, weakShare: number, weakMean: number): number {
  return d.chance(weakShare) ? d.normal(weakMean, sd) : d.normal(mean, sd);
}

function secretaryRows(d: Dice, spec: TemplateSpec, vs: SampleVillage[]): CellValue[][] {
  const cols = inputColumns(dataSheet(spec));
  const vetoes = new Set([d.int(0, vs.length - 1), d.int(0, vs.length - 1)]);
  return vs.map((v, i) => {
    const a = clamp(ability(d, 0.87, 0.05, 0.08, 0.68), 0.4, 1);
    let sum = 0;
    const row = cols.map<CellValue>((c) => {
      const f = c.field!;
      if (f === "township") return v.township;
      if (f === "village") return v.name;
      if (f === "name") return personName(d);
      if (f === "id") return `SJ${String(i + 1).padStart(3, "0")}`;
      if (f.startsWith("item")) {
        const max = c.validation?.type === "decimal" ? (c.validation.max ?? 0) : 0;
        const s = clamp(half(max * (a + d.normal(0, 0.06))), 0, max);
        sum += s;
        return s;
      }
      if (f === "deduction1") return d.chance(0.18) ? d.int(1, 2) : null;
      if (f === "deduction2") return d.chance(0.1) ? 1 : null;
      if (f === "deduction3") return d.chance(0.01) ? 1 : null;
      if (f === "bonus") return d.chance(0.25) ? half(d.int(2, 10) / 2) : null;
      if (f === "halfYear") return round1(clamp(sum + d.normal(0, 3), 40, 100));
      if (f === "ballot") return round1(clamp(d.normal(88, 5), 55, 99));
      if (f === "veto") return vetoes.has(i) ? "是" : null;
      return null;
    });
    return row;
  });
}

function cadreRows(d: Dice, spec: TemplateSpec): CellValue[][] {
  const cols = inputColumns(dataSheet(spec));
  const rows: CellValue[][] = [];
  let n = 0;
  const veto = d.int(0, SAMPLE_TOWNSHIPS.reduce((s, t) => s + t.cadres, 0) - 1);
  for (const t of SAMPLE_TOWNSHIPS) {
    for (let i = 0; i < t.cadres; i++, n++) {
      const p = POSTS[i] ?? STAFF;
      const task = round1(clamp(ability(d, 86, 5, 0.05, 70), 45, 99));
      // Whole yuan mostly, fen now and then, as pay sheets have them.
      const fen = d.int(p.pay[0] * 100, p.pay[1] * 100);
      const pay = d.chance(0.6) ? Math.round(fen / 100) : fen / 100;
      rows.push(
        cols.map<CellValue>((c) => {
          switch (c.field) {
            case "township":
              return t.name;
            case "name":
              return personName(d);
            case "id":
              return `GB${String(n + 1).padStart(3, "0")}`;
            case "post":
              return p.post(t.name);
            case "postCoefficient":
              return p.coefficient;
            case "taskScore":
              return task;
            case "yearEnd":
              // A cadre without a year-end score is a problem, not a reweighting: the few the dice pick keep their task score (the same composite).
              return d.chance(0.03) ? task : round1(clamp(task + d.normal(1, 3), 50, 99));
            case "pay":
              return pay;
            case "veto":
              return n === veto ? "是" : null;
            default:
              return null;
          }
        }),
      );
    }
  }
  return rows;
}

function memberRows(d: Dice, spec: TemplateSpec, vs: SampleVillage[], total: number): CellValue[][] {
  const cols = inputColumns(dataSheet(spec));
  const sizes = apportion(
    total,
    vs.map(() => 0.6 + d.next() * 0.8),
  );
  vs.forEach((v, i) => (v.members = sizes[i]));
  const counts = apportion(
    total,
    SAMPLE_CATEGORY_SHARES.map((c) => c.share),
  );
  const categories = d.shuffle(SAMPLE_CATEGORY_SHARES.flatMap((c, i) => Array.from({ length: counts[i] }, () => c)));
  const rows: CellValue[][] = [];
  let n = 0;
  for (const v of vs) {
    for (let i = 0; i < v.members; i++, n++) {
      const cat = categories[n];
      const a = clamp(ability(d, 86, 6, 0.06, 68), 30, 100);
      const aspects: (number | null)[] = [];
      for (let k = 0; k < 5; k++) aspects.push(k < cat.aspects ? Math.round(clamp(a + d.normal(0, 4), 30, 100)) : null);
      const rated = aspects.filter((x): x is number => x !== null);
      const mean = round1(rated.reduce((s, x) => s + x, 0) / rated.length);
      rows.push(
        cols.map<CellValue>((c) => {
          const f = c.field!;
          if (f === "township") return v.township;
          if (f === "branch") return v.branch;
          if (f === "name") return personName(d);
          if (f === "id") return `DY${String(n + 1).padStart(6, "0")}`;
          if (f === "category") return cat.name;
          if (f.startsWith("aspect")) return aspects[Number(f.slice(6)) - 1];
          if (f === "tiebreak") return mean;
          return null;
        }),
      );
    }
  }
  return rows;
}

function appraisalRows(d: Dice, spec: TemplateSpec, secretaries: CellValue[][], secretarySpec: TemplateSpec): CellValue[][] {
  const cols = inputColumns(dataSheet(spec));
  const sCols = inputColumns(dataSheet(secretarySpec));
  const at = (row: CellValue[], field: string) => row[sCols.findIndex((c) => c.field === field)];
  return secretaries.map((s) => {
    const voters = d.int(20, 60);
    const cast = voters - d.int(0, 3);
    const topShare = clamp(d.normal(0.78, 0.14), 0.2, 1);
    const top = Math.round(cast * topShare);
    const second = Math.round((cast - top) * clamp(d.normal(0.8, 0.1), 0, 1));
    const bottom = Math.min(cast - top - second, d.chance(0.1) ? d.int(1, 3) : 0);
    const third = cast - top - second - bottom;
    const publicMissing = d.chance(0.03);
    const scores = [round1(clamp(d.normal(93, 3), 70, 100)), round1(clamp(d.normal(86, 5), 55, 100)), publicMissing ? null : round1(clamp(d.normal(85, 6), 50, 100)), round1(clamp(d.normal(87, 5), 55, 100))];
    return cols.map<CellValue>((c) => {
      const f = c.field!;
      if (f === "township") return at(s, "township");
      if (f === "name") return at(s, "name");
      if (f === "id") return at(s, "id");
      if (f.startsWith("rater")) return scores[Number(f.slice(5)) - 1] ?? null;
      if (f === "votesTop") return top;
      if (f === "votesSecond") return second;
      if (f === "votesThird") return third;
      if (f === "votesBottom") return bottom;
      if (f === "voters") return voters;
      return null;
    });
  });
}

function fiveGoodRows(d: Dice, spec: TemplateSpec, vs: SampleVillage[]): CellValue[][] {
  const cols = inputColumns(dataSheet(spec));
  const rows: CellValue[][] = [];
  const one = (township: string, org: string, type: string, members: number | null) => {
    const good = d.chance(0.74);
    const misses = good ? new Set<number>() : new Set([d.int(1, 5), d.int(1, 5)]);
    const satisfaction = round1(clamp(d.normal(good ? 88 : 78, 6), 50, 99));
    const fiveLead = members === null ? null : Math.round(members * clamp(d.normal(0.66, 0.08), 0.3, 0.95));
    rows.push(
      cols.map<CellValue>((c) => {
        const f = c.field!;
        if (f === "township") return township;
        if (f === "organisation") return org;
        if (f === "orgType") return type;
        if (f.startsWith("criterion")) return misses.has(Number(f.slice(9))) ? "否" : "是";
        if (f === "satisfaction") return satisfaction;
        if (f === "members") return members;
        if (f === "fiveLead") return fiveLead;
        return null;
      }),
    );
  };
  for (const t of SAMPLE_TOWNSHIPS) {
    one(t.name, `${t.name}党委`, "乡镇党委", null);
    for (const v of vs.filter((x) => x.township === t.name)) one(t.name, v.branch, "村党组织", v.members);
  }
  return rows;
}

// ---------------------------------------------------------------- the ledger of organisational life

/** Village names beyond the county's 180, for a larger ledger: unused names, then 新村, then numbered ones. */
function moreVillageNames(d: Dice, used: ReadonlySet<string>, n: number): string[] {
  const stems = VILLAGE_STEMS.flatMap((s) => VILLAGE_ENDINGS.map((e) => `${s}${e}`));
  const pool = d.shuffle([...stems.map((b) => `${b}村`).filter((x) => !used.has(x)), ...stems.map((b) => `${b}新村`)]);
  return Array.from({ length: n }, (_, k) => (k < pool.length ? pool[k] : `${stems[(k - pool.length) % stems.length]}${Math.floor((k - pool.length) / stems.length) + 2}村`));
}

/** The ledger's organisations, township by township: the committee, then its village branches. */
function ledgerOrganisations(d: Dice, vs: SampleVillage[], count: number): SampleOrganisation[] {
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
 * The ledger: township committees meet monthly and hold a democratic life meeting each half year;
 * village branches meet weekly, their secretaries are talked with each half year, their cadres
 * trained and their contact point visited twice a year. Each year a few things are left short on
 * purpose (a few committee months, one second life meeting, some village weeks, a few villages
 * trained once), one meeting falls below two thirds and one has just enough, and of two personnel
 * decisions one carries with just two thirds and one lacks them. The duties added later (the
 * cadres' monthly study day, the quarterly finance report, the yearly vote recommending outstanding
 * cadres, the special study and the two reports heard on rural Party building, the yearly talk with
 * village cadres) are all held, drawn from their own dice `x`.
 */
function ledgerRows(d: Dice, main: DataSheetSpec, list: DataSheetSpec, orgs: SampleOrganisation[], years: number[], x: Dice): { rows: CellValue[][]; organisations: CellValue[][]; ledger: SampleLedger } {
  const duties = defaultScheme("ledger").ledger.duties;
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
      for (const h of [0, 1]) add(o, { date: workday(d, year, h * 6 + d.int(1, 6)), type: d.chance(0.8) ? "走访" : "联系点走访", notes: d.chance(0.4) ? "县级领导联系点走访" : null });
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
  const perMember = defaultScheme("ledger").ledger.trainingPerMember;
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
  for (let k = 0; k < 3; k++) set("secretary", fresh(secretaries.length), "ballot", null, "blankBallot", "民主测评留空（未测评）");
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
function addLedgerMess(d: Dice, county: SampleCounty): void {
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
  const rows: Record<SchemeKind, CellValue[][]> = {
    secretary,
    cadre: cadreRows(stream(2), specs.cadre),
    member,
    appraisal: appraisalRows(stream(4), specs.appraisal, secretary, specs.secretary),
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
  const county: SampleCounty = { name: COUNTY_NAME, seed, year, townships: SAMPLE_TOWNSHIPS.map((t) => t.name), villages: vs, files, ledger: ledger.ledger, mess: [] };
  if (options.mess) {
    addMess(stream(6), county);
    addLedgerMess(stream(8), county);
  }
  return county;
}
