// Points of a quantified assessment sheet: item scores, deductions, bonus, totals, the veto flag, task scores; summed exactly.
import { valueError } from "./errors";
import { ZERO, exactOf, greater, lesser, minus, plus, times, toNumber, type Exact } from "./exact";
import type { MessageParams } from "./messages";
import { daysAfter } from "./dates";
import { DEFAULT_VETO_MODE, type VetoMode } from "./grade";

// ---------------------------------------------------------------- checked inputs

/** A finite number, else #VALUE! naming where it sits. */
export function finiteAt(x: number, at: MessageParams): number {
  if (!Number.isFinite(x)) throw valueError("notFinite", at);
  return x;
}

/** A finite number ≥ 0 (a maximum, a weight, a count, points), else #VALUE! naming where it sits. */
export function nonNegativeAt(x: number, at: MessageParams): number {
  finiteAt(x, at);
  if (x < 0) throw valueError("negative", { ...at, value: x });
  return x;
}

/**
 * Where the i-th value of an argument sits, for messages. Rules see flat lists; the caller knows the
 * shape of the range they came from (a worksheet function passes the cell's row and column).
 */
export type Locate = (arg: string, index: number) => MessageParams;

/** The default: the i-th value is row i + 1 of a column. */
export const byRow: Locate = (arg, i) => ({ arg, row: i + 1 });

// ---------------------------------------------------------------- items

/**
 * One row of a quantified sheet (指标): the points given and the item's maximum (分值); null = blank.
 * A row with neither is not an item (a heading or spacer row in the sheet).
 */
export interface Item {
  readonly score: number | null;
  readonly max: number | null;
}

/** The item's points clamped to [0, max]; a blank score earns nothing; a score without a maximum is an error. */
export function itemScore(item: Item, index = 0, locate: Locate = byRow): Exact {
  if (item.max === null) {
    if (item.score === null) return ZERO;
    throw valueError("required", locate("maxes", index));
  }
  const max = exactOf(nonNegativeAt(item.max, locate("maxes", index)));
  if (item.score === null) return ZERO;
  const given = exactOf(finiteAt(item.score, locate("scores", index)));
  return lesser(greater(given, ZERO), max);
}

// ---------------------------------------------------------------- deductions

/**
 * A deduction item (扣分项): how often it happened (null: it did not), the points per event, the most
 * it may take (null or omitted: no cap).
 */
export interface DeductionRule {
  readonly count: number | null;
  readonly points: number | null;
  readonly cap?: number | null;
}

/** count × points, at most cap (扣完为止: deduct down to the cap and no further). Events need points. */
export function deduction(rule: DeductionRule, index = 0, locate: Locate = byRow): Exact {
  if (rule.points !== null) nonNegativeAt(rule.points, locate("points", index));
  if (rule.cap !== null && rule.cap !== undefined) nonNegativeAt(rule.cap, locate("caps", index));
  if (rule.count === null) return ZERO;
  const count = exactOf(nonNegativeAt(rule.count, locate("counts", index)));
  if (count.num === 0n) return ZERO;
  if (rule.points === null) throw valueError("required", locate("points", index));
  const raw = times(count, exactOf(rule.points));
  return rule.cap === null || rule.cap === undefined ? raw : lesser(raw, exactOf(rule.cap));
}

function deductionSum(rules: readonly DeductionRule[], locate: Locate): Exact {
  return rules.reduce<Exact>((s, r, i) => plus(s, deduction(r, i, locate)), ZERO);
}

/** Σ min(countᵢ × pointsᵢ, capᵢ). */
export function totalDeduction(rules: readonly DeductionRule[], locate: Locate = byRow): number {
  return toNumber(deductionSum(rules, locate));
}

/**
 * An item scored by deduction (扣分制): it starts at its maximum and loses points per event, down to
 * zero and no further (扣完为止), so one item's failures never eat into another item's points.
 */
export function deductedItem(max: number, rules: readonly DeductionRule[], locate: Locate = byRow): number {
  const full = exactOf(nonNegativeAt(max, { arg: "max" }));
  const lost = deductionSum(rules, locate);
  return toNumber(minus(full, lesser(lost, full)));
}

// ---------------------------------------------------------------- veto

/**
 * A one-vote veto (一票否决) acts on the grade, never on the points: the total stays as computed, so
 * the audit shows both, and grade.ts applies the mode ("noTop" by default: no 优秀; or "fail").
 * Any one raised flag vetoes; the result is the mode that applies, or null.
 */
export function vetoOf(flags: readonly boolean[], mode: VetoMode = DEFAULT_VETO_MODE): VetoMode | null {
  return flags.some(Boolean) ? mode : null;
}

// ---------------------------------------------------------------- totals

/** One subject's sheet: items, bonus points (加分), deduction points (扣分), the bonus cap, veto flags. */
export interface Sheet {
  readonly items: readonly Item[];
  readonly bonus?: readonly (number | null)[];
  /** The most the bonus may add (封顶); null or omitted: the bonus counts in full. */
  readonly bonusCap?: number | null;
  readonly deductions?: readonly (number | null)[];
  /** Veto events (一票否决事项); any raised flag vetoes. */
  readonly vetoes?: readonly boolean[];
  readonly vetoMode?: VetoMode;
}

/** The parts of a total, so an audit sheet can show how it was reached. */
export interface SheetResult {
  /** Σ items, each clamped to [0, max]. */
  readonly itemPoints: number;
  /** The bonus counted, after the cap. */
  readonly bonus: number;
  readonly deductions: number;
  /** items + bonus − deductions, floored at 0. */
  readonly total: number;
  /** The veto mode grade.ts must apply, or null. */
  readonly veto: VetoMode | null;
}

/** Σ of points that cannot be negative (bonus, deductions); blanks add nothing. */
function pointsSum(values: readonly (number | null)[], arg: string, locate: Locate): Exact {
  return values.reduce<Exact>((s, x, i) => (x === null ? s : plus(s, exactOf(nonNegativeAt(x, locate(arg, i))))), ZERO);
}

/** Σ clamp(scoreᵢ, 0, maxᵢ) + min(Σ bonus, cap) − Σ deductions, floored at 0, with its parts. */
export function sheetTotal(sheet: Sheet, locate: Locate = byRow): SheetResult {
  const items = sheet.items.reduce<Exact>((s, item, i) => plus(s, itemScore(item, i, locate)), ZERO);
  let bonus = pointsSum(sheet.bonus ?? [], "bonus", locate);
  if (sheet.bonusCap !== null && sheet.bonusCap !== undefined)
    bonus = lesser(bonus, exactOf(nonNegativeAt(sheet.bonusCap, { arg: "bonus_cap" })));
  const deductions = pointsSum(sheet.deductions ?? [], "deductions", locate);
  const total = greater(minus(plus(items, bonus), deductions), ZERO);
  return {
    itemPoints: toNumber(items),
    bonus: toNumber(bonus),
    deductions: toNumber(deductions),
    total: toNumber(total),
    veto: vetoOf(sheet.vetoes ?? [], sheet.vetoMode),
  };
}

// ---------------------------------------------------------------- tasks scored by time and quality

/** One point off per day late: the contract of KAOHE.TASKSCORE (src/functions/functions.ts) (per_day = 1); schemes set their own. */
export const DEFAULT_POINTS_PER_DAY_LATE = 1;

/** Full quality unless the task is graded lower: the contract of KAOHE.TASKSCORE (src/functions/functions.ts) (quality = 1). */
export const DEFAULT_QUALITY = 1;

/** A task assigned to a township committee member (the Beidaihe rural Party-building responsibility measures: scored by completion time and quality). */
export interface Task {
  readonly max: number;
  /** Due date, as an Excel serial; null (blank) is an error, as lateness cannot be judged. */
  readonly due: number | null;
  /** Completion date as an Excel serial; null: not done. */
  readonly done: number | null;
  readonly perDay?: number;
  /** The share of the points the quality earns, 0 to 1. */
  readonly quality?: number;
}

/** max × quality − perDay × whole days late, floored at 0; a task not done scores 0. */
export function scoreTask(task: Task): number {
  const max = exactOf(nonNegativeAt(task.max, { arg: "max" }));
  const perDay = exactOf(nonNegativeAt(task.perDay ?? DEFAULT_POINTS_PER_DAY_LATE, { arg: "per_day" }));
  const quality = nonNegativeAt(task.quality ?? DEFAULT_QUALITY, { arg: "quality" });
  if (quality > 1) throw valueError("outOfRange", { arg: "quality", value: quality, min: 0, max: 1 });
  if (task.due === null) throw valueError("required", { arg: "due" });
  finiteAt(task.due, { arg: "due" });
  if (task.done === null) return 0;
  finiteAt(task.done, { arg: "done" });
  const late = exactOf(daysAfter(task.due, task.done));
  const earned = minus(times(max, exactOf(quality)), times(perDay, late));
  return toNumber(greater(earned, ZERO));
}
