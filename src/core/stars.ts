// Party-member stars (the star-striving action opinions): stars from aspect scores, the star cap of each member category, and the star quota.
import { naError, valueError } from "./errors";
import { type Ratio } from "./exact";
import { labelKey } from "./grade";
import {
  compareTiebreak,
  cutAtQuota,
  DEFAULT_MINIMUM,
  DEFAULT_ROUNDING,
  DEFAULT_TIE_POLICY,
  groupRows,
  quota,
  type Rounding,
  type TiePolicy,
} from "./quota";

/**
 * One star per threshold an aspect score reaches: ≥ 90 gives 2, ≥ 75 gives 1 (docs/rules.md §2.4, default
 * reading of the star-striving action opinions: each of the five aspects gives up to 2 stars).
 */
export const DEFAULT_STAR_THRESHOLDS: readonly number[] = [90, 75];

/** Stars one aspect earns: the number of thresholds its score reaches (以上 includes). Blank earns 0 (an aspect the member is not rated on). */
export function aspectStars(score: number | null, thresholds: readonly number[] = DEFAULT_STAR_THRESHOLDS): number {
  if (score === null) return 0;
  let n = 0;
  for (const t of thresholds) if (score >= t) n++;
  return n;
}

/**
 * A member's stars: the sum over the aspects the member is rated on, at most cap when a cap is given.
 * Every aspect given must have a score: a blank one is #N/A naming it, since counting it as no stars
 * would be a silent wrong number (0 points are typed as 0).
 */
export function stars(aspects: readonly (number | null)[], thresholds: readonly number[] = DEFAULT_STAR_THRESHOLDS, cap?: number): number {
  for (const t of thresholds) if (!Number.isFinite(t)) throw valueError("notFinite", { arg: "thresholds" });
  if (cap !== undefined && (!Number.isSafeInteger(cap) || cap < 0)) throw valueError("notInteger", { arg: "cap", value: cap });
  const blank = aspects.indexOf(null);
  if (blank >= 0) throw naError("blankAspect", { arg: "aspect_scores", row: 1, col: blank + 1 });
  const total = aspects.reduce<number>((s, a) => s + aspectStars(a, thresholds), 0);
  return cap === undefined ? total : Math.min(cap, total);
}

/**
 * A member's second key among equal stars at the quota line: the 综合得分 typed, a blank ranking below
 * any number (as the template's 填表说明 says). Only a table with no 综合得分 column at all falls back
 * on the sum of the aspects the member is rated on, so its ties are not all cut by the strict policy.
 */
export function starTiebreak(overall: number | null, aspects: readonly (number | null)[], hasOverallColumn: boolean): number | null {
  if (hasOverallColumn) return overall;
  return aspects.reduce<number>((s, a) => s + (a ?? 0), 0);
}

/** A member category, its other names and its star cap. */
export interface StarCategory {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly cap: number;
}

/**
 * The four categories of the star-striving action opinions (docs/rules.md §1 and §2.4): those able to do all five aspects have cap
 * 10; members unable to work and mobile members do the first three, cap 6.
 */
export const DEFAULT_STAR_CATEGORIES: readonly StarCategory[] = [
  { name: "村干部党员", aliases: ["村干部", "村两委干部党员", "village cadre"], cap: 10 },
  { name: "在村务农党员", aliases: ["有劳动能力无职党员", "在村务农", "有劳动能力无职", "farming"], cap: 10 },
  { name: "无劳动能力党员", aliases: ["年老体弱党员", "无劳动能力", "年老体弱", "unable to work"], cap: 6 },
  { name: "外出流动党员", aliases: ["流动党员", "外出流动", "外出务工党员", "mobile"], cap: 6 },
];

/** A lookup from any category name or alias to its cap. */
export type StarCapTable = ReadonlyMap<string, number>;

/** How category names are compared: as grade labels are. */
export const categoryKey = labelKey;

/** A cap table from categories; a name given twice is an error, since the caps could disagree. */
export function starCapTable(categories: readonly StarCategory[]): StarCapTable {
  const table = new Map<string, number>();
  for (const c of categories) {
    if (!Number.isSafeInteger(c.cap) || c.cap < 0) throw valueError("notInteger", { arg: "table", value: c.cap });
    for (const n of [c.name, ...c.aliases]) {
      const k = categoryKey(n);
      if (k === "") continue;
      if (table.has(k)) throw valueError("duplicateEntry", { arg: "table", value: n });
      table.set(k, c.cap);
    }
  }
  return table;
}

export const DEFAULT_STAR_CAP_TABLE: StarCapTable = starCapTable(DEFAULT_STAR_CATEGORIES);

/** The star cap of a category; an unknown category is #N/A naming it. */
export function starCap(category: string, table: StarCapTable = DEFAULT_STAR_CAP_TABLE): number {
  const cap = table.get(categoryKey(category));
  if (cap === undefined) throw naError("unknownCategory", { value: category });
  return cap;
}

/** The star-striving action opinions: among members with cap `cap`, at most `ratio` of them may have `threshold` stars or more. */
export interface StarQuotaRule {
  readonly cap: number;
  readonly threshold: number;
  readonly ratio: Ratio;
}

/** 9 stars (inclusive) or more: at most 30% of cap-10 members; 5 or more: at most 30% of cap-6 members (the star-striving action opinions). */
export const DEFAULT_STAR_QUOTA_RULES: readonly StarQuotaRule[] = [
  { cap: 10, threshold: 9, ratio: { num: 3n, den: 10n } },
  { cap: 6, threshold: 5, ratio: { num: 3n, den: 10n } },
];

/** One member: blank stars means not rated and not counted. */
export interface StarMember {
  readonly stars: number | null;
  readonly cap: number | null;
  /** Second key among equal stars, higher keeps; blank ranks below any number. */
  readonly tiebreak?: number | null;
  /** The branch (支部); the quota is per group. */
  readonly group?: string;
  /**
   * Barred from the top (a negative-list item or a veto): held below every threshold of its cap's rule
   * and never counted among those at it, so the place goes to the next member in order.
   */
  readonly barred?: boolean;
}

export interface StarQuotaOptions {
  readonly rules?: readonly StarQuotaRule[];
  /** "Not more than 30%" (不超过) is floor. */
  readonly rounding?: Rounding;
  readonly minimum?: number;
  readonly tiePolicy?: TiePolicy;
}

export interface StarResult {
  /** Stars after the quota, or null for a blank member. */
  readonly stars: number | null;
  /** Brought down to threshold − 1 by the quota. */
  readonly dropped: boolean;
  /** Tie policy "all": kept in a tied block that took the group past its quota. */
  readonly overQuota: boolean;
  /** Brought down to threshold − 1 because the member is barred from the top. */
  readonly barred: boolean;
}

/** What one rule did in one group. */
export interface StarGroupQuota {
  readonly group: string;
  readonly cap: number;
  /** Members with this cap and a star count: the N of the quota. */
  readonly size: number;
  readonly quota: number;
  /** Members at or above the threshold after the quota. */
  readonly kept: number;
}

function checkRules(rules: readonly StarQuotaRule[]): void {
  const caps = new Set<number>();
  for (const r of rules) {
    if (!Number.isSafeInteger(r.cap) || r.cap < 0) throw valueError("notInteger", { arg: "rules", value: r.cap });
    if (!Number.isSafeInteger(r.threshold) || r.threshold < 1) throw valueError("notInteger", { arg: "rules", value: r.threshold });
    if (caps.has(r.cap)) throw valueError("duplicateEntry", { arg: "rules", value: r.cap });
    caps.add(r.cap);
  }
}

/**
 * The the star-striving action opinions star quota, per group and per rule: among members whose cap is rule.cap, those with
 * stars ≥ threshold may be at most quota(N, ratio) (N = members of that cap with a star count in the
 * group). Members beyond it drop to threshold − 1, the lowest first in (stars, tiebreak) order, so the
 * highest keep; ties across the cut follow tiePolicy (strict by default: the quota is never
 * exceeded). A rule touches only members of its own cap; caps without a rule are left as they are.
 * O(n log n).
 */
export function starQuota(members: readonly StarMember[], options: StarQuotaOptions = {}): { rows: StarResult[]; groups: StarGroupQuota[] } {
  const rules = options.rules ?? DEFAULT_STAR_QUOTA_RULES;
  checkRules(rules);
  const rounding = options.rounding ?? DEFAULT_ROUNDING;
  const minimum = options.minimum ?? DEFAULT_MINIMUM;
  const policy = options.tiePolicy ?? DEFAULT_TIE_POLICY;
  members.forEach((m, i) => {
    if (m.stars === null) return;
    if (!Number.isSafeInteger(m.stars) || m.stars < 0) throw valueError("notInteger", { arg: "stars", row: i + 1, value: m.stars });
    if (m.cap === null) throw valueError("required", { arg: "caps", row: i + 1 });
    if (m.stars > m.cap) throw valueError("starsAboveCap", { arg: "stars", row: i + 1, value: m.stars, cap: m.cap });
  });
  const out = members.map((m) => m.stars);
  const dropped = new Uint8Array(members.length);
  const over = new Uint8Array(members.length);
  const barred = new Uint8Array(members.length);
  const groupsOut: StarGroupQuota[] = [];
  const groups = groupRows(
    members.map((m) => m.group),
    (i) => members[i].stars !== null,
    members.length,
  );
  const better = (a: number, b: number) => (members[b].stars as number) - (members[a].stars as number) || compareTiebreak(members[a].tiebreak, members[b].tiebreak);
  for (const [group, rows] of groups) {
    for (const rule of rules) {
      const mine = rows.filter((i) => members[i].cap === rule.cap);
      if (mine.length === 0) continue;
      const limit = quota(mine.length, rule.ratio, rounding, minimum);
      for (const i of mine)
        if (members[i].barred && (members[i].stars as number) >= rule.threshold) {
          out[i] = rule.threshold - 1;
          barred[i] = 1;
        }
      const high = mine.filter((i) => !barred[i] && (members[i].stars as number) >= rule.threshold);
      const cut = cutAtQuota(high, limit, better, policy);
      for (const i of cut.dropped) {
        out[i] = rule.threshold - 1;
        dropped[i] = 1;
      }
      for (const i of cut.overQuota) over[i] = 1;
      groupsOut.push({ group, cap: rule.cap, size: mine.length, quota: limit, kept: cut.kept.length });
    }
  }
  return { rows: out.map((s, i) => ({ stars: s, dropped: dropped[i] === 1, overQuota: over[i] === 1, barred: barred[i] === 1 })), groups: groupsOut };
}
