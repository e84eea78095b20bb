// The words for rounding modes, periods and ratios in Chinese and English: the one place the scheme sheet, the pane, the messages, the templates and the help take them from.
import type { Period } from "./cadence";
import { roundHalfUp, type Ratio, type Rounding } from "./exact";

/** A name in both languages. */
export interface Words {
  zh: string;
  en: string;
}

/** One word each, those of docs/rules.md §1; what every sheet, note and message shows. */
export const roundingWords: Readonly<Record<Rounding, Words>> = {
  floor: { zh: "去尾法", en: "round down" },
  round: { zh: "四舍五入", en: "round half up" },
  ceil: { zh: "进一法", en: "round up" },
};

/**
 * Every name read for a rounding mode, lower case: the codes, the words above, and other words users
 * type. 小数舍去 was the templates' word for 去尾法, so a workbook written with it still reads.
 */
export const roundingNames: Readonly<Record<string, Rounding>> = {
  floor: "floor",
  round: "round",
  ceil: "ceil",
  ceiling: "ceil",
  [roundingWords.floor.zh]: "floor",
  去尾: "floor",
  小数舍去: "floor",
  [roundingWords.round.zh]: "round",
  [roundingWords.ceil.zh]: "ceil",
  进一: "ceil",
};

/** How often a duty falls due, as a requirement says it (每月不少于1次). */
export const periodWords: Readonly<Record<Period, Words>> = {
  week: { zh: "每周", en: "weekly" },
  month: { zh: "每月", en: "monthly" },
  quarter: { zh: "每季度", en: "quarterly" },
  half: { zh: "每半年", en: "half-yearly" },
  year: { zh: "每年", en: "yearly" },
};

/** Every name read for a period, lower case; a half year is January–June and July–December. */
export const periodNames: Readonly<Record<string, Period>> = {
  week: "week",
  周: "week",
  [periodWords.week.zh]: "week",
  month: "month",
  月: "month",
  [periodWords.month.zh]: "month",
  quarter: "quarter",
  季: "quarter",
  季度: "quarter",
  [periodWords.quarter.zh]: "quarter",
  half: "half",
  halfyear: "half",
  半年: "half",
  [periodWords.half.zh]: "half",
  year: "year",
  年: "year",
  [periodWords.year.zh]: "year",
};

/** An exact ratio in a message: 3/10, 2/3, or a whole number. */
export function ratioText(r: Ratio): string {
  return r.den === 1n ? String(r.num) : `${r.num}/${r.den}`;
}

/**
 * A ratio of the scheme as a person reads it: a number as a percentage to one decimal (0.3 → 30%,
 * 2/3 as typed 0.6667 → 66.7%), rounded half up on its decimal; text ("30%", "1/3") as it was typed.
 */
export function ratioWords(r: number | string): string {
  if (typeof r !== "number") return r.trim();
  return `${roundHalfUp(r * 100, 1)}%`;
}

const chineseDigits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** A ratio as the rules say it: "2/3" → 三分之二 (up to tenths); anything else as ratioWords. */
export function shareWords(r: number | string): string {
  const m = typeof r === "string" ? /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(r) : null;
  if (m && Number(m[2]) <= 10 && Number(m[1]) <= 10) return `${chineseDigits[Number(m[2])]}分之${chineseDigits[Number(m[1])]}`;
  return ratioWords(r);
}

/** A count of a total with its share to one decimal, as the reports show a rate: 137/192（71.4%）. */
export function countShareText(count: number, total: number): string {
  return `${count}/${total}（${((count / total) * 100).toFixed(1)}%）`;
}

/** A number with fixed decimals, as a note shows a score (86.50). */
export function fixedText(x: number, digits: number): string {
  return x.toFixed(digits);
}
