// What the kinds' presets share: grade labels renamed with the pay coefficient table.
import type { Scheme } from "../core/scheme";

/**
 * New grade labels, with the pay coefficient table renamed to match by position, so a cadre scheme
 * given the members' words (合格 for 称职) still pays every grade it can give.
 */
export function relabel(s: Scheme, labels: string[]): { labels: string[]; pay: Scheme["pay"] } {
  const renamed = new Map(s.grade.labels.map((old, i) => [old, labels[i] ?? old]));
  return { labels, pay: { ...s.pay, coefficients: s.pay.coefficients.map((c) => ({ ...c, grade: renamed.get(c.grade) ?? c.grade })) } };
}
