// The sample county's shape and dice: its townships, villages and names, and what a generated county holds; each kind draws its rows from these.
import { type SchemeKind } from "../../core/scheme";
import { CellValue, MergeArea } from "../../workbook/sheet";
import { type TemplateData, type TemplateSpec } from "../../workbook/templates";

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

export class Dice {
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

export const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
export const round1 = (x: number) => Math.round(x * 10) / 10;
export const half = (x: number) => Math.round(x * 2) / 2;

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

export const VILLAGE_STEMS = [
  "张家", "李家", "王家", "刘家", "陈家", "杨家", "赵家", "石门", "新华", "红星", "胜利", "团结", "和平", "永丰", "丰收", "太平", "长岭", "大坪", "小河", "马鞍",
  "黄土", "青龙", "白马", "双河", "三合", "五里", "七星", "九龙", "花园", "杨柳", "梨树", "枣林", "松林", "竹园", "荷塘", "桥头", "上营", "下庄", "前进", "光明",
];
export const VILLAGE_ENDINGS = ["", "湾", "坪", "岭", "沟", "坝", "岗", "庄", "铺", "塘"];

/** The most common surnames, more often first. */
export const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈";
export const GIVEN = "建国华明伟芳丽军平勇强秀英兰红霞文海林辉峰刚涛杰敏静燕梅玉春志德福贵荣成新宏东庆云亮洪金永树学光生珍";

/** Member categories (the star-striving action opinions) and their shares in the sample county. */
export const SAMPLE_CATEGORY_SHARES: readonly { name: string; share: number; aspects: number }[] = [
  { name: "村干部党员", share: 0.1, aspects: 5 },
  { name: "在村务农党员", share: 0.55, aspects: 5 },
  { name: "无劳动能力党员", share: 0.2, aspects: 3 },
  { name: "外出流动党员", share: 0.15, aspects: 3 },
];

/** The township posts, most senior first, with their post coefficients and monthly pay range in yuan. */
export const POSTS: readonly { post: (town: string) => string; coefficient: number; pay: [number, number] }[] = [
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
export const STAFF = { post: () => "工作人员", coefficient: 1.0, pay: [4200, 5600] as [number, number] };

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
  what: "titleLine" | "absentWord" | "duplicateId" | "fullWidthDigits" | "straySpaces" | "mergedBranch" | "badDate";
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
  /** The other returns each return reads what it leaves blank from (`kaohe run … --with …`). */
  sources: Partial<Record<SchemeKind, SchemeKind[]>>;
}

export interface SampleOptions {
  seed?: number;
  /** Party members in the county (6,000 by default; a benchmark may ask for 100,000). */
  members?: number;
  /** Add the documented mess (缺考, a duplicate 编号, …). */
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

export function personName(d: Dice): string {
  // Common surnames come up more often: the square skews the pick to the front of the list.
  const s = SURNAMES[Math.floor(d.next() ** 2 * SURNAMES.length)];
  const g = d.chance(0.7) ? d.pick([...GIVEN]) + d.pick([...GIVEN]) : d.pick([...GIVEN]);
  return s + g;
}

export function villages(d: Dice): SampleVillage[] {
  const names = d.shuffle(VILLAGE_STEMS.flatMap((s) => VILLAGE_ENDINGS.map((e) => `${s}${e}村`)));
  const out: SampleVillage[] = [];
  let k = 0;
  for (const t of SAMPLE_TOWNSHIPS)
    for (let i = 0; i < t.villages; i++, k++) out.push({ name: names[k], township: t.name, branch: `${names[k]}党支部`, members: 0 });
  return out;
}

/** An ability: mostly good (75–95), a few weak. */
export function ability(d: Dice, mean: number, sd: number, weakShare: number, weakMean: number): number {
  return d.chance(weakShare) ? d.normal(weakMean, sd) : d.normal(mean, sd);
}
