// Party members' star rating: five aspects, four member categories with their caps, star quotas per branch.
import { baseScheme } from "../../core/scheme";
import type { Kind } from "../kind";
import { relabel } from "../presets";
import { memberRules } from "./assess";
import { memberFields } from "./fields";
import { MEMBER_PERIODS } from "./periods";
import { memberNotes, memberSheet } from "./template";

const memberLabels = ["优秀", "合格", "基本合格", "不合格"];

export const member: Kind = {
  id: "member",
  names: { zh: "党员星级评定", en: "Party members' star rating" },
  words: ["党员", "党员星级", "星级"],
  sheetName: "党员星级",
  template: { title: "党员星级评定表", file: "党员星级评定" },
  defaults(base) {
    base.grade = { ...base.grade, topRatio: "1/3", groupBy: "branch", labels: [...memberLabels] };
  },
  fields: memberFields,
  rules: memberRules,
  sheet: memberSheet,
  notes: memberNotes,
  // Read by its own rules, never tables of their own: each period's sheet, computed for 星级进展; kaohe merge carries each under its name.
  secondTables: MEMBER_PERIODS.map((sheet) => ({ sheet, fields: [], fieldsOf: memberFields, merged: true, namedOnly: true })),
  sections: ["basic", "stars", "raters", "grade", "workflow"],
  announced: { columns: ["最终星数"], starLists: true },
  presets: [
    {
      id: "memberTopThird",
      apply: (s) => {
        const { labels, pay } = relabel(s, memberLabels);
        return { ...s, pay, grade: { ...s.grade, topRatio: "1/3", rounding: "floor", labels, cutoffs: [90, 80, 60] } };
      },
    },
    {
      id: "starQuotaOpinions",
      apply: (s) => {
        const d = baseScheme(s.kind, "").stars;
        return { ...s, stars: { ...s.stars, thresholds: d.thresholds, categories: d.categories, quota: d.quota } };
      },
    },
  ],
};
