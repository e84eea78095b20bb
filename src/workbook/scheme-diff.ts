// The settings in which two schemes differ, named in Chinese, so a township's own scheme is never silently overruled by the county's.
import type { Scheme } from "../core/scheme";
import { schemeSheet } from "./scheme-sheet";

export interface SettingDifference {
  /** The setting's key ("grade.topRatio"). */
  path: string;
  /** Its Chinese name ("等次 最高等次比例"). */
  name: string;
  /** Its value in each scheme, as the 考核方案 sheet shows it; "" when one scheme has no such setting. */
  county: string;
  own: string;
}

/** The title and the format's version name a scheme; they decide nothing. */
const ignored = new Set(["title", "version"]);

const shown = (v: unknown) => (v === null || v === undefined ? "" : String(v));

/** Every setting whose value differs between the county's scheme and a return's own, in the sheet's order. */
export function schemeDifferences(county: Scheme, own: Scheme): SettingDifference[] {
  const values = (s: Scheme) => new Map(schemeSheet(s).rows.map((r) => [String(r[0]), { name: shown(r[1]), value: shown(r[2]) }]));
  const a = values(county);
  const b = values(own);
  const out: SettingDifference[] = [];
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    if (ignored.has(path)) continue;
    const x = a.get(path);
    const y = b.get(path);
    if (x?.value === y?.value) continue;
    out.push({ path, name: (x ?? y)!.name, county: x?.value ?? "", own: y?.value ?? "" });
  }
  return out;
}

/** "等次 最高等次比例：全县 0.15，本文件 1；…" — at most `limit` settings, then how many more. */
export function describeDifferences(diffs: readonly SettingDifference[], limit = 6): { zh: string; en: string } {
  const head = diffs.slice(0, limit);
  const more = diffs.length - head.length;
  return {
    zh: head.map((d) => `${d.name}：全县 ${d.county || "（无）"}，本文件 ${d.own || "（无）"}`).join("；") + (more > 0 ? `；另有 ${more} 项` : ""),
    en: head.map((d) => `${d.path}: county ${d.county || "(none)"}, this file ${d.own || "(none)"}`).join("; ") + (more > 0 ? `; ${more} more` : ""),
  };
}
