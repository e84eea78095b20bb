// The 四诺 item's stars at year end (授星) where the scheme sets thresholds: the result column, its formula and each secretary's stars.
import { dividedBy, exactOf, times, toNumber } from "../../core/exact";
import { fourPromiseStars } from "../../core/four-promises";
import { numberText } from "../../core/number-text";
import type { Scheme } from "../../core/scheme";
import type { Warning } from "../../workbook/assess/common";
import type { PlanColumn } from "../../workbook/plan";
import type { ResultDef } from "../../workbook/templates";
import { FOUR_PROMISES_SHEET, fourPromiseItem } from "./four-promises-sheet";

export const FOUR_PROMISE_STARS_HEADER = "四诺星级";

export interface FourPromiseStarRules {
  /** The 四诺 item's index among the scheme's items, and its maximum. */
  item: number;
  name: string;
  max: number;
  /** Percentages of the maximum, from low to high. */
  thresholds: readonly number[];
}

/** The stars' rules where the scheme awards them and has a 四诺 item; undefined otherwise (no column on either side). */
export function fourPromiseStarRules(s: Scheme): FourPromiseStarRules | undefined {
  const thresholds = s.fourPromises.starThresholds;
  const item = fourPromiseItem(s.items);
  if (thresholds.length === 0 || item < 0) return undefined;
  return { item, name: s.items[item].name, max: s.items[item].max, thresholds };
}

/**
 * The points each threshold asks of the item, t% of its maximum computed exactly and written as the
 * nearest double: comparing the item's points with these in the formula gives the stars that
 * fourPromiseStars counts exactly (4.35 of 5 reaches 87%, where 4.35 × 100 / 5 in binary falls short).
 */
export function starPoints(rules: FourPromiseStarRules): number[] {
  return rules.thresholds.map((t) => toNumber(dividedBy(times(exactOf(t), exactOf(rules.max)), { num: 100n, den: 1n })));
}

/** The item's name in a sentence: quoted, unless it carries quotes of its own (“四诺”承诺践诺). */
const itemName = (r: FourPromiseStarRules) => (/[“”"]/.test(r.name) ? r.name : `“${r.name}”`);

const percentList = (r: FourPromiseStarRules) => r.thresholds.map((t) => `${numberText(t)}%`).join("、");

/** The template's result column, after 分类. */
export function fourPromiseStarResults(s: Scheme): ResultDef[] {
  const r = fourPromiseStarRules(s);
  if (!r) return [];
  return [
    {
      header: FOUR_PROMISE_STARS_HEADER,
      format: "integer",
      meaning: `年终授星：${itemName(r)}得分每达到满分${numberText(r.max)}分的${percentList(r)}（含）之一得一星；该项留空的不评（空白）。填了“${FOUR_PROMISES_SHEET}”表的，按该表计算出的得分评定`,
    },
  ];
}

/** The formula's body for one row, given the cell of an item by its index ("X{r}"): blank where the 四诺 item is blank, never 0 stars. */
export function fourPromiseStarFormula(s: Scheme, cellOf: (item: number) => string): string | undefined {
  const r = fourPromiseStarRules(s);
  if (!r) return undefined;
  const itemCell = cellOf(r.item);
  // An item worth nothing earns no star, as fourPromiseStars says; KAOHE.STARS would count every threshold of 0 points reached.
  const stars = r.max > 0 ? `KAOHE.STARS(${itemCell},{${starPoints(r).join(",")}})` : "0";
  return `IF(${itemCell}="","",${stars})`;
}

/** The pipeline's column, before 说明. */
export const fourPromiseStarColumn: PlanColumn = { header: FOUR_PROMISE_STARS_HEADER, format: "integer", width: 8 };

/**
 * One secretary's stars from the 四诺 item's points as the table shows them (the register's result
 * rounded as written into the item, or the typed points), with the line for 说明 where the source
 * matters: the register, or a blank item that earns no stars rather than 0.
 */
export function fourPromiseStarsOf(r: FourPromiseStarRules, points: number | null, fromRegister: boolean): { stars: number | null; note: string } {
  if (points === null) return { stars: null, note: `${itemName(r)}未填，不评四诺星级` };
  const stars = fourPromiseStars(points, r.max, r.thresholds);
  return { stars, note: fromRegister ? `四诺星级按“${FOUR_PROMISES_SHEET}”表计算的${itemName(r)} ${numberText(points)} 分评定（${stars}星）` : "" };
}

/** Said where the scheme sets thresholds but has no 四诺 item to award them on. */
export function fourPromiseStarWarnings(s: Scheme): Warning[] {
  if (s.fourPromises.starThresholds.length === 0 || fourPromiseItem(s.items) >= 0) return [];
  return [
    {
      zh: "考核方案设置了四诺授星门槛（四诺 授星门槛），但指标中没有名称含“四诺”的一项，未评四诺星级；请保留“四诺”一项，或删去授星门槛",
      en: "the scheme sets 四诺 star thresholds (fourPromises.starThresholds) but no item's name contains 四诺, so no 四诺 stars were given; keep the 四诺 item, or remove the thresholds",
    },
  ];
}
