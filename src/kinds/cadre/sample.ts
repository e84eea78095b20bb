// The sample county's cadre rows: deterministic, realistic, and as a clerk fills the template.
import { CellValue } from "../../workbook/sheet";
import { dataSheet, inputColumns, type TemplateSpec } from "../../workbook/templates";
import { Dice, POSTS, SAMPLE_TOWNSHIPS, STAFF, ability, clamp, personName, round1 } from "../sample/county-shape";

export function cadreRows(d: Dice, spec: TemplateSpec): CellValue[][] {
  const cols = inputColumns(dataSheet(spec));
  const rows: CellValue[][] = [];
  let n = 0;
  const veto = d.int(0, SAMPLE_TOWNSHIPS.reduce((s, t) => s + t.cadres, 0) - 1);
  for (const t of SAMPLE_TOWNSHIPS) {
    for (let i = 0; i < t.cadres; i++, n++) {
      const p = POSTS[i] ?? STAFF;
      const task = round1(clamp(ability(d, 86, 5, 0.05, 70), 45, 99));
      // Whole yuan mostly, fen now and then, as pay sheets have them.
      const fen = d.int(p.pay[0] * 100, p.pay[1] * 100);
      const pay = d.chance(0.6) ? Math.round(fen / 100) : fen / 100;
      rows.push(
        cols.map<CellValue>((c) => {
          switch (c.field) {
            case "township":
              return t.name;
            case "name":
              return personName(d);
            case "id":
              return `GB${String(n + 1).padStart(3, "0")}`;
            case "post":
              return p.post(t.name);
            case "postCoefficient":
              return p.coefficient;
            case "taskScore":
              return task;
            case "yearEnd":
              // A cadre without a year-end score is a problem, not a reweighting: the few the dice pick keep their task score (the same composite).
              return d.chance(0.03) ? task : round1(clamp(task + d.normal(1, 3), 50, 99));
            case "pay":
              return pay;
            case "veto":
              return n === veto ? "是" : null;
            default:
              return null;
          }
        }),
      );
    }
  }
  return rows;
}
