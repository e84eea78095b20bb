// The village Party secretaries' annual assessment: 20 quantified items, deductions, half-year and annual tests, the ballot.
import type { Kind } from "../kind";
import { secretaryRules } from "./assess";
import { secretaryFields } from "./fields";
import { secretaryDefaults } from "./scheme";
import { FOUR_PROMISES_SHEET, fourPromiseFields } from "./four-promises-sheet";
import { HALF_YEAR_SHEET, periodFields } from "./half-year";
import { secretaryNotes, secretarySheet } from "./template";
import { SECRETARY_SHEET } from "./period-formulas";

export const secretary: Kind = {
  id: "secretary",
  names: { zh: "村党组织书记年度考核", en: "Village Party secretaries' annual assessment" },
  words: ["村书记", "村党组织书记", "书记"],
  sheetName: SECRETARY_SHEET,
  template: { title: "村党组织书记年度考核表", file: "村党组织书记年度考核" },
  defaults: secretaryDefaults,
  fields: secretaryFields,
  // Read by its own rules, never a table of its own: the 四诺 register, and the half-year test (the secretary's own columns, under the scheme); kaohe merge carries both.
  secondTables: [
    { sheet: FOUR_PROMISES_SHEET, fields: fourPromiseFields, merged: true, linked: true },
    { sheet: HALF_YEAR_SHEET, fields: [], fieldsOf: periodFields, merged: true, linked: true },
  ],
  // The appraisal's composite, where its table is in this workbook or one named with --with: typed once, in the appraisal.
  links: [{ field: "ballot", from: "appraisal", result: "综合得分", also: "得票等次" }],
  rules: secretaryRules,
  sheet: secretarySheet,
  notes: secretaryNotes,
  sections: ["basic", "items", "deductions", "composite", "grade", "pay", "workflow"],
  announced: { columns: ["综合得分", "等次"] },
  presets: [{ id: "secretaryPay6040", apply: (s) => ({ ...s, pay: { ...s.pay, basicRatio: "60%" } }) }],
};
