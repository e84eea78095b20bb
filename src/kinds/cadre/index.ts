// Township cadres' performance and pay: 100-point task scores, the year-end appraisal, grades with a quota, pay by grade.
import type { Kind } from "../kind";
import { cadreRules } from "./assess";
import { cadreFields } from "./fields";
import { cadreNotes, cadreSheet } from "./template";
import { relabel } from "../presets";

const cadreLabels = ["优秀", "称职", "基本称职", "不称职"];

export const cadre: Kind = {
  id: "cadre",
  names: { zh: "乡镇干部绩效考核与绩效工资", en: "Township cadres' performance and pay" },
  words: ["干部", "乡镇干部"],
  sheetName: "干部考核",
  template: { title: "乡镇干部绩效考核与绩效工资表", file: "乡镇干部绩效考核与绩效工资" },
  defaults(base) {
    base.parts = [
      { name: "日常考核", weight: 0.8 },
      { name: "年终考评", weight: 0.2 },
    ];
  },
  paidByGrade: true,
  fields: cadreFields,
  // The appraisal's composite, where its table is in this workbook or one named with --with: typed once, in the appraisal.
  links: [{ field: "yearEnd", from: "appraisal", result: "综合得分", also: "得票等次" }],
  rules: cadreRules,
  sheet: cadreSheet,
  notes: cadreNotes,
  sections: ["basic", "composite", "grade", "pay", "workflow"],
  announced: { columns: ["综合得分", "等次"] },
  presets: [
    {
      id: "cadreTop20",
      apply: (s) => {
        const { labels, pay } = relabel(s, cadreLabels);
        return { ...s, pay, grade: { ...s.grade, topRatio: "20%", rounding: "floor", labels, cutoffs: [90, 80, 60] } };
      },
    },
    {
      id: "bands907560",
      apply: (s) => ({ ...s, grade: { ...s.grade, cutoffs: [90, 75, 60], labels: s.grade.labels.length === 4 ? s.grade.labels : cadreLabels } }),
    },
  ],
};
