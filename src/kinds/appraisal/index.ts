// Democratic appraisal and duty-report review: rater groups' scores, votes by grade with turnout, a composite and a grade.
import type { Kind } from "../kind";
import { appraisalRules } from "./assess";
import { APPRAISAL_SHEET, appraisalFields, RATER_DETAIL_SHEET, raterDetailFields } from "./fields";
import { appraisalNotes, appraisalSheet } from "./template";

export const appraisal: Kind = {
  id: "appraisal",
  names: { zh: "民主测评/述职评议汇总", en: "Democratic appraisal and duty-report review" },
  words: ["测评", "民主测评"],
  sheetName: APPRAISAL_SHEET,
  template: { title: "民主测评与述职评议汇总表", file: "民主测评与述职评议汇总" },
  defaults() {},
  fields: appraisalFields,
  // kaohe merge carries each return's raters' scores, or the county's run would take the typed group scores instead of their trimmed means.
  secondTables: [{ sheet: RATER_DETAIL_SHEET, fields: raterDetailFields, merged: true }],
  rules: appraisalRules,
  sheet: appraisalSheet,
  notes: appraisalNotes,
  sections: ["basic", "raters", "ballot", "grade", "workflow"],
  announced: { columns: ["综合得分", "得票等次"] },
};
