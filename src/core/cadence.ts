// Duties counted by period (台账): which weeks, months, quarters, half years or years had too few meetings, talks or trainings.
import { valueError } from "./errors";
import { calendarOf, excelSerial } from "./dates";

export type Period = "week" | "month" | "quarter" | "half" | "year";

export { periodNames } from "./wording";

/**
 * The period a date falls in, as one whole number that grows by one from each period to the next.
 * Weeks run Monday to Sunday, as Chinese calendars and work plans count them.
 */
// Serials of Mondays leave this remainder mod 7 (1900-03-05, serial 65, was a Monday).
const MONDAY_REMAINDER = 2;

export function periodIndex(serial: number, period: Period): number {
  const { year, month, weekday } = calendarOf(serial);
  switch (period) {
    case "week":
      return (Math.floor(serial) - weekday - MONDAY_REMAINDER) / 7;
    case "month":
      return year * 12 + (month - 1);
    case "quarter":
      return year * 4 + Math.floor((month - 1) / 3);
    case "half":
      return year * 2 + (month <= 6 ? 0 : 1);
    case "year":
      return year;
  }
}

/** The first day (serial) of a period index. */
export function periodStart(index: number, period: Period): number {
  switch (period) {
    case "week":
      return index * 7 + MONDAY_REMAINDER;
    case "month":
      return excelSerial(Math.floor(index / 12), (index % 12) + 1, 1)!;
    case "quarter":
      return excelSerial(Math.floor(index / 4), (index % 4) * 3 + 1, 1)!;
    case "half":
      return excelSerial(Math.floor(index / 2), (index % 2) * 6 + 1, 1)!;
    case "year":
      return excelSerial(index, 1, 1)!;
  }
}

const quarterNames = ["第一季度", "第二季度", "第三季度", "第四季度"];

/** A period as people say it: 2025年3月, 2025年第二季度, 2025年下半年, 2025年, 2025年3月3日至9日当周. */
export function periodLabel(index: number, period: Period): string {
  switch (period) {
    case "week": {
      const from = calendarOf(periodStart(index, period));
      const to = calendarOf(periodStart(index, period) + 6);
      const end = to.month === from.month ? `${to.day}日` : `${to.month}月${to.day}日`;
      return `${from.year}年${from.month}月${from.day}日至${end}当周`;
    }
    case "month":
      return `${Math.floor(index / 12)}年${(index % 12) + 1}月`;
    case "quarter":
      return `${Math.floor(index / 4)}年${quarterNames[index % 4]}`;
    case "half":
      return `${Math.floor(index / 2)}年${index % 2 === 0 ? "上半年" : "下半年"}`;
    case "year":
      return `${index}年`;
  }
}

export interface PeriodCount {
  index: number;
  label: string;
  count: number;
}

/**
 * Every period from the one holding `start` to the one holding `end`, with how many of the dates fall
 * in it. Dates outside start–end are not counted. O(n + periods).
 */
export function countByPeriod(serials: readonly number[], period: Period, start: number, end: number): PeriodCount[] {
  if (end < start) throw valueError("endBeforeStart", { arg: "end", value: dayText(end), start: dayText(start) });
  const first = periodIndex(start, period);
  const counts = tally(serials, start, end, first, periodIndex(end, period), (s) => periodIndex(s, period));
  return counts.map((count, k) => ({ index: first + k, label: periodLabel(first + k, period), count }));
}

/** How many of the dates fall in each period first…last; dates outside start–end are not counted. */
function tally(serials: readonly number[], start: number, end: number, first: number, last: number, indexOf: (serial: number) => number): number[] {
  const counts = new Array<number>(last - first + 1).fill(0);
  for (const s of serials) {
    if (s < Math.floor(start) || Math.floor(s) > Math.floor(end)) continue;
    counts[indexOf(s) - first]++;
  }
  return counts;
}

/** One duty's dates counted: how many periods start–end spans, and the labels of those with too few dates. */
export interface DutyCount {
  periods: number;
  short: string[];
}

/**
 * countByPeriod for the many lists of dates of one ledger over one start–end (every organisation and
 * duty): a date's period and a period's label are worked out once per period kind, as a ledger of a
 * few hundred thousand rows repeats the same days, and only the periods short of `min` are named.
 */
export function periodCounter(start: number, end: number): (serials: readonly number[], period: Period, min: number) => DutyCount {
  if (end < start) throw valueError("endBeforeStart", { arg: "end", value: dayText(end), start: dayText(start) });
  const indexOf = new Map<Period, Map<number, number>>();
  const labelOf = new Map<Period, Map<number, string>>();
  const remembered = <K, V>(maps: Map<Period, Map<K, V>>, period: Period, key: K, make: () => V): V => {
    let m = maps.get(period);
    if (!m) maps.set(period, (m = new Map()));
    let v = m.get(key);
    if (v === undefined) m.set(key, (v = make()));
    return v;
  };
  const index = (serial: number, period: Period) => remembered(indexOf, period, serial, () => periodIndex(serial, period));
  return (serials, period, min) => {
    const first = index(start, period);
    const counts = tally(serials, start, end, first, index(end, period), (s) => index(s, period));
    const short: string[] = [];
    counts.forEach((c, k) => c < min && short.push(remembered(labelOf, period, first + k, () => periodLabel(first + k, period))));
    return { periods: counts.length, short };
  };
}

/** A date as a message shows it: 2025-3-5, not its serial number. */
function dayText(serial: number): string {
  const { year, month, day } = calendarOf(serial);
  return `${year}-${month}-${day}`;
}

/** The periods with fewer than minPerPeriod dates: the duty's missing periods. */
export function missingPeriods(serials: readonly number[], period: Period, minPerPeriod: number, start: number, end: number): PeriodCount[] {
  if (!Number.isInteger(minPerPeriod) || minPerPeriod < 1) throw valueError("notInteger", { arg: "min_per_period", value: minPerPeriod });
  return countByPeriod(serials, period, start, end).filter((p) => p.count < minPerPeriod);
}
