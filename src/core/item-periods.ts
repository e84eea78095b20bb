// Period tests combined item by item: each item's half-year and annual points weighed by the scheme's period weights, then one total.
import { RuleError, valueError } from "./errors";
import { ZERO, dividedBy, exactOf, greater, lesser, minus, plus, times, toNumber, type Exact } from "./exact";
import type { MissingPartPolicy } from "./scheme";
import { itemScore, nonNegativeAt } from "./scores";

/** One period's test of one person (the town's half-year test, the county's annual test): the points of each item, the bonus and the deduction points. */
export interface PeriodTest {
  /** In the scheme's item order; null is a blank cell. */
  readonly items: readonly (number | null)[];
  /** Bonus points before the cap (加分); null or omitted: none. */
  readonly bonus?: number | null;
  /** Deduction points already worked out from the events (扣分); null or omitted: none. */
  readonly deductions?: number | null;
}

export interface ItemPeriods {
  /** Each item's maximum, in the scheme's item order. */
  readonly maxes: readonly number[];
  /** Each period's weight, in the scheme's period order (半年考核 0.4, 年度考核 0.6). */
  readonly weights: readonly number[];
  /** One test per period, in the same order. */
  readonly tests: readonly PeriodTest[];
  /** The most the bonus may add in a period (封顶); null or omitted: no cap. */
  readonly bonusCap?: number | null;
  /** A period not held at all: a problem, or its weight shared among the periods held (the scheme's missing.periods). */
  readonly missing: MissingPartPolicy;
}

/** A period's item left blank while the period was held. */
export interface BlankItem {
  readonly period: number;
  readonly item: number;
}

export type ItemPeriodsResult =
  | {
      readonly ok: true;
      /** Each item's combined points. */
      readonly items: number[];
      /** The combined bonus (each period's capped first) and deduction points. */
      readonly bonus: number;
      readonly deductions: number;
      /** Σ items + bonus − deductions, floored at 0: computed exactly and rounded once, here. */
      readonly total: number;
      /** Each period's own total (Σ items + capped bonus − deductions, floored at 0); null for a period not held. */
      readonly periodTotals: (number | null)[];
      /** The periods not held whose weight the others took (missing.periods = reweight). */
      readonly skipped: number[];
    }
  | {
      readonly ok: false;
      /** Periods not held, where the scheme makes that a problem, or where no period was held at all. */
      readonly missingPeriods: number[];
      /** Items left blank in a period that was held. */
      readonly blankItems: BlankItem[];
    };

const isBlank = (x: number | null | undefined): boolean => x === null || x === undefined;

/** A period is held when any of its cells is filled: a test with every item blank was not held. */
function held(test: PeriodTest): boolean {
  return test.items.some((s) => !isBlank(s)) || !isBlank(test.bonus) || !isBlank(test.deductions);
}

/**
 * Each item is Σₚ wₚ·sₚᵢ / Σₚ wₚ over the periods held, with sₚᵢ clamped to [0, maxᵢ] as a sheet
 * clamps it; the bonus (capped in each period) and the deductions combine the same way; the total is
 * Σ items + bonus − deductions, floored at 0. Nothing is rounded before the total, so the year is a
 * linear function of the period points: half-year points moved from one item to another leave the
 * total as it was. A held period with a blank item is a problem (the half-year result is computed from
 * every item, never guessed); a period not held is a problem or shares out its weight, as `missing` says.
 */
export function combineItemPeriods(input: ItemPeriods): ItemPeriodsResult {
  const { maxes, weights, tests } = input;
  if (weights.length !== tests.length) throw valueError("sizeMismatch", { arg: "weights", got: weights.length, other: "tests", expected: tests.length });
  weights.forEach((w, p) => nonNegativeAt(w, { arg: "weights", row: p + 1 }));
  tests.forEach((t, p) => {
    if (t.items.length !== maxes.length) throw valueError("sizeMismatch", { arg: "scores", row: p + 1, got: t.items.length, other: "maxes", expected: maxes.length });
  });

  const present = tests.map(held);
  const notHeld = present.flatMap((h, p) => (h ? [] : [p]));
  const blankItems: BlankItem[] = [];
  tests.forEach((t, p) => {
    if (present[p]) t.items.forEach((s, i) => isBlank(s) && blankItems.push({ period: p, item: i }));
  });
  const noneHeld = notHeld.length === tests.length;
  if (blankItems.length > 0 || noneHeld || (notHeld.length > 0 && input.missing === "problem"))
    return { ok: false, missingPeriods: noneHeld || input.missing === "problem" ? notHeld : [], blankItems };

  const cap = isBlank(input.bonusCap) ? null : exactOf(nonNegativeAt(input.bonusCap!, { arg: "bonus_cap" }));
  const w = weights.map((x, p) => (present[p] ? exactOf(x) : ZERO));
  const weightSum = w.reduce(plus, ZERO);
  if (weightSum.num === 0n) throw new RuleError("#DIV/0!", "zeroWeights", { arg: "weights" });

  const itemPoints = tests.map((t) => t.items.map((s, i) => itemScore({ score: s, max: maxes[i] }, i)));
  const bonusOf = (t: PeriodTest, p: number): Exact => {
    const b = isBlank(t.bonus) ? ZERO : exactOf(nonNegativeAt(t.bonus!, { arg: "bonus", row: p + 1 }));
    return cap === null ? b : lesser(b, cap);
  };
  const deductionOf = (t: PeriodTest, p: number): Exact => (isBlank(t.deductions) ? ZERO : exactOf(nonNegativeAt(t.deductions!, { arg: "deductions", row: p + 1 })));
  const mean = (value: (p: number) => Exact): Exact => dividedBy(tests.reduce<Exact>((s, _, p) => (present[p] ? plus(s, times(w[p], value(p))) : s), ZERO), weightSum);

  const items = maxes.map((_, i) => mean((p) => itemPoints[p][i]));
  const bonus = mean((p) => bonusOf(tests[p], p));
  const deductions = mean((p) => deductionOf(tests[p], p));
  const total = greater(minus(plus(items.reduce(plus, ZERO), bonus), deductions), ZERO);
  const periodTotals = tests.map((t, p) =>
    present[p] ? toNumber(greater(minus(plus(itemPoints[p].reduce(plus, ZERO), bonusOf(t, p)), deductionOf(t, p)), ZERO)) : null,
  );
  return {
    ok: true,
    items: items.map(toNumber),
    bonus: toNumber(bonus),
    deductions: toNumber(deductions),
    total: toNumber(total),
    periodTotals,
    skipped: notHeld,
  };
}
