// Common schemes a county starts from: each preset changes a few settings of the scheme being edited.
import { defaultScheme, type Scheme, type SchemeKind } from "../../core/scheme";
import type { Strings } from "../strings";

export type PresetId = "cadreTop20" | "memberTopThird" | "bands907560" | "secretaryPay6040" | "starsSeed002";

export interface Preset {
  id: PresetId;
  /** The kind to start from when nothing is being edited yet. */
  kind: SchemeKind;
  apply(scheme: Scheme): Scheme;
}

const cadreLabels = ["优秀", "称职", "基本称职", "不称职"];
const memberLabels = ["优秀", "合格", "基本合格", "不合格"];

/**
 * New grade labels, with the pay coefficient table renamed to match by position, so a cadre scheme
 * given the members' words (合格 for 称职) still pays every grade it can give.
 */
function relabel(s: Scheme, labels: string[]): { labels: string[]; pay: Scheme["pay"] } {
  const renamed = new Map(s.grade.labels.map((old, i) => [old, labels[i] ?? old]));
  return { labels, pay: { ...s.pay, coefficients: s.pay.coefficients.map((c) => ({ ...c, grade: renamed.get(c.grade) ?? c.grade })) } };
}

/**
 * A preset changes only the settings it names and keeps the kind being edited: a secretary's scheme
 * with the 20% rule is still a secretary's scheme (several kinds share the grading rules).
 */
export const presets: readonly Preset[] = [
  {
    id: "cadreTop20",
    kind: "cadre",
    apply: (s) => {
      const { labels, pay } = relabel(s, cadreLabels);
      return { ...s, pay, grade: { ...s.grade, topRatio: "20%", rounding: "floor", labels, cutoffs: [90, 80, 60] } };
    },
  },
  {
    id: "memberTopThird",
    kind: "member",
    apply: (s) => {
      const { labels, pay } = relabel(s, memberLabels);
      return { ...s, pay, grade: { ...s.grade, topRatio: "1/3", rounding: "floor", labels, cutoffs: [90, 80, 60] } };
    },
  },
  {
    id: "bands907560",
    kind: "cadre",
    apply: (s) => ({ ...s, grade: { ...s.grade, cutoffs: [90, 75, 60], labels: s.grade.labels.length === 4 ? s.grade.labels : cadreLabels } }),
  },
  {
    id: "secretaryPay6040",
    kind: "secretary",
    apply: (s) => ({ ...s, pay: { ...s.pay, basicRatio: "60%" } }),
  },
  {
    id: "starsSeed002",
    kind: "member",
    apply: (s) => {
      const d = defaultScheme("member");
      return { ...s, stars: { ...s.stars, thresholds: d.stars.thresholds, categories: d.stars.categories, quota: d.stars.quota } };
    },
  },
];

/** The scheme after a preset: applied to the draft, or to the preset's kind's defaults when there is none. */
export function applyPreset(preset: Preset, draft: Scheme | undefined, year?: number): Scheme {
  return preset.apply(structuredClone(draft ?? defaultScheme(preset.kind, year)));
}

/** A preset's name and one-line description in the pane's language (string keys preset<Id> and preset<Id>Desc). */
export function presetText(id: PresetId, s: Strings): { name: string; description: string } {
  const key = `preset${id[0].toUpperCase()}${id.slice(1)}`;
  const table = s as unknown as Record<string, unknown>;
  return { name: String(table[key]), description: String(table[`${key}Desc`]) };
}
