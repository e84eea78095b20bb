// Grade bands (优秀/称职/基本称职/不称职), the one-vote veto, and the top-grade quota per group.
import { valueError } from "./errors";
import { type Ratio } from "./exact";
import { compareTiebreak, cutAtQuota, DEFAULT_TIE_POLICY, groupRows, quotaOf, type QuotaRule, type TiePolicy } from "./quota";

/** Band cut-offs, best first: ≥ 90 优秀, [80, 90) 称职, [60, 80) 基本称职, < 60 不称职 (docs/rules.md §3, grade bands). */
export const DEFAULT_CUTOFFS: readonly number[] = [90, 80, 60];

/** The four grades, best first (docs/rules.md §1); Party members use 合格 for 称职, passed as labels. */
export const DEFAULT_LABELS: readonly string[] = ["优秀", "称职", "基本称职", "不称职"];

/** Top-grade quota for cadres: 20% (civil-servant appraisal rules, docs/rules.md §3). */
export const CADRE_TOP_RATIO: Ratio = { num: 1n, den: 5n };

/** Top-grade quota for Party members: one third (member appraisal rules, docs/rules.md §3). */
export const MEMBER_TOP_RATIO: Ratio = { num: 1n, den: 3n };

/** A veto either bars the top grade (the default, e.g. a petition to Beijing) or forces the lowest grade. */
export type VetoMode = "noTop" | "fail";

/** "No 优秀" is the usual effect of a veto (petition rules, docs/rules.md §3). */
export const DEFAULT_VETO_MODE: VetoMode = "noTop";

/** The names users type for a veto mode, lower case. */
export const vetoModeNames: Record<string, VetoMode> = {
  notop: "noTop",
  no_top: "noTop",
  不得优秀: "noTop",
  取消优秀: "noTop",
  fail: "fail",
  force: "fail",
  不称职: "fail",
  定为不称职: "fail",
  不合格: "fail",
};

/**
 * Shown after the top grade of a row kept only because tie policy "all" admitted its whole tied
 * block past the quota, so the published list says so; KAOHE.COEF reads the grade without it.
 */
export const OVER_QUOTA_MARK = "（超额）";

/** How labels and category names are compared: width folded (NFKC), spaces dropped, Latin letters in lower case. */
export function labelKey(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

/** A band scale: cut-offs best first and one label more than cut-offs. */
export interface GradeScale {
  readonly cutoffs: readonly number[];
  readonly labels: readonly string[];
}

export const DEFAULT_GRADE_SCALE: GradeScale = { cutoffs: DEFAULT_CUTOFFS, labels: DEFAULT_LABELS };

/**
 * A checked scale. Cut-offs may be typed in either order ({90,80,60} or {60,80,90}); they are used
 * best first, as the labels always are. Equal cut-offs would leave a band empty and are refused.
 */
export function gradeScale(cutoffs: readonly number[] = DEFAULT_CUTOFFS, labels: readonly string[] = DEFAULT_LABELS): GradeScale {
  if (cutoffs.length === 0) throw valueError("required", { arg: "cutoffs" });
  for (const c of cutoffs) if (!Number.isFinite(c)) throw valueError("notFinite", { arg: "cutoffs" });
  const sorted = [...cutoffs].sort((a, b) => b - a);
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) throw valueError("duplicateEntry", { arg: "cutoffs", value: sorted[i] });
  if (labels.length !== sorted.length + 1) throw valueError("labelCount", { arg: "labels", got: labels.length, expected: sorted.length + 1 });
  return { cutoffs: sorted, labels: [...labels] };
}

/** The band index of a score: 0 for the top band. A cut-off is included in its band (以上 includes). */
export function bandIndex(score: number, scale: GradeScale): number {
  const { cutoffs } = scale;
  for (let i = 0; i < cutoffs.length; i++) if (score >= cutoffs[i]) return i;
  return cutoffs.length;
}

/** The band after a veto: "noTop" moves the top band to the next, "fail" to the lowest. */
export function vetoBand(band: number, scale: GradeScale, mode: VetoMode): number {
  if (mode === "fail") return scale.labels.length - 1;
  return band === 0 ? 1 : band;
}

/** One score's grade label, with an optional veto. */
export function grade(score: number, scale: GradeScale = DEFAULT_GRADE_SCALE, veto = false, mode: VetoMode = DEFAULT_VETO_MODE): string {
  const band = bandIndex(score, scale);
  return scale.labels[veto ? vetoBand(band, scale, mode) : band];
}

/** One row to grade. Blank score: no grade, and not counted in its group. */
export interface GradeInput {
  readonly score: number | null;
  readonly group?: string;
  /** FALSE bars the top grade (e.g. joined mid-year); default TRUE. */
  readonly eligible?: boolean;
  /** A one-vote veto on this row, applied as options.vetoMode. */
  readonly veto?: boolean;
  /** This row's own veto mode, over options.vetoMode: a negative list bars one person's 优秀 and fails another in one run. */
  readonly vetoMode?: VetoMode;
  /** Second key for the top grade among equal scores, higher first; blank ranks below any number. */
  readonly tiebreak?: number | null;
}

export interface GradeOptions {
  readonly scale?: GradeScale;
  /** Limit on the top grade per group; none when omitted. */
  readonly topQuota?: QuotaRule;
  readonly tiePolicy?: TiePolicy;
  readonly vetoMode?: VetoMode;
}

/** One row's grade and why it is what it is, so a report can explain it. */
export interface GradeResult {
  /** The label, or null for a blank score. */
  readonly grade: string | null;
  /** Index of the label in the scale (0 = top), or -1 for a blank score. */
  readonly band: number;
  /** The veto or ineligibility changed this row's grade. */
  readonly vetoed: boolean;
  /** Reached the top band but lost the top grade to the quota; given the next band's label. */
  readonly demoted: boolean;
  /** Tie policy "all": kept the top grade in a tied block that took the group past its quota. */
  readonly overQuota: boolean;
}

/** What the quota did in one group. */
export interface GroupQuota {
  readonly group: string;
  /** Rows with a numeric score: the N of the quota, vetoed and ineligible rows included. */
  readonly size: number;
  /** The quota, or null when there is none. */
  readonly quota: number | null;
  /** Rows given the top grade. */
  readonly top: number;
}

/**
 * Band grades with the top grade limited per group. Veto and eligibility act first, so a barred row
 * never takes a top-grade place; the quota is quota(N, ratio) with N the group's rows that have a
 * numeric score (the whole group assessed, barred rows included, as the rule counts everyone
 * assessed). Candidates are ordered by score then tiebreak, higher first; ties across the cut follow
 * tiePolicy. Rows that lose the top grade to the quota get the next band's label.
 * O(n log n).
 */
export function gradesWithQuota(rows: readonly GradeInput[], options: GradeOptions = {}): { rows: GradeResult[]; groups: GroupQuota[] } {
  const scale = options.scale ?? DEFAULT_GRADE_SCALE;
  const mode = options.vetoMode ?? DEFAULT_VETO_MODE;
  const policy = options.tiePolicy ?? DEFAULT_TIE_POLICY;
  const bands = rows.map((r) => (r.score === null ? -1 : bandIndex(r.score, scale)));
  const after = rows.map((r, i) => {
    const b = bands[i];
    if (b < 0) return b;
    if (r.veto) return vetoBand(b, scale, r.vetoMode ?? mode);
    if (r.eligible === false) return vetoBand(b, scale, "noTop");
    return b;
  });
  const demoted = new Uint8Array(rows.length);
  const over = new Uint8Array(rows.length);
  const groupsOut: GroupQuota[] = [];
  const groups = groupRows(
    rows.map((r) => r.group),
    (i) => bands[i] >= 0,
    rows.length,
  );
  for (const [group, members] of groups) {
    const candidates = members.filter((i) => after[i] === 0);
    if (!options.topQuota) {
      groupsOut.push({ group, size: members.length, quota: null, top: candidates.length });
      continue;
    }
    const limit = quotaOf(members.length, options.topQuota);
    const better = (a: number, b: number) => (rows[b].score as number) - (rows[a].score as number) || compareTiebreak(rows[a].tiebreak, rows[b].tiebreak);
    const cut = cutAtQuota(candidates, limit, better, policy);
    for (const i of cut.dropped) demoted[i] = 1;
    for (const i of cut.overQuota) over[i] = 1;
    groupsOut.push({ group, size: members.length, quota: limit, top: cut.kept.length });
  }
  const results = rows.map((_, i): GradeResult => {
    if (bands[i] < 0) return { grade: null, band: -1, vetoed: false, demoted: false, overQuota: false };
    const band = demoted[i] ? 1 : after[i];
    return { grade: scale.labels[band], band, vetoed: after[i] !== bands[i], demoted: demoted[i] === 1, overQuota: over[i] === 1 };
  });
  return { rows: results, groups: groupsOut };
}
