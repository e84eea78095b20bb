// The sample county's appraisal rows: deterministic, realistic, and as a clerk fills the template.
import { CellValue } from "../../workbook/sheet";
import { dataSheet, inputColumns, type TemplateSpec } from "../../workbook/templates";
import { Dice, clamp, round1 } from "../sample/county-shape";

export function appraisalRows(d: Dice, spec: TemplateSpec, secretaries: CellValue[][], secretarySpec: TemplateSpec): CellValue[][] {
  const cols = inputColumns(dataSheet(spec));
  const sCols = inputColumns(dataSheet(secretarySpec));
  const at = (row: CellValue[], field: string) => row[sCols.findIndex((c) => c.field === field)];
  return secretaries.map((s) => {
    const voters = d.int(20, 60);
    const cast = voters - d.int(0, 3);
    const topShare = clamp(d.normal(0.78, 0.14), 0.2, 1);
    const top = Math.round(cast * topShare);
    const second = Math.round((cast - top) * clamp(d.normal(0.8, 0.1), 0, 1));
    const bottom = Math.min(cast - top - second, d.chance(0.1) ? d.int(1, 3) : 0);
    const third = cast - top - second - bottom;
    const publicMissing = d.chance(0.03);
    const scores = [round1(clamp(d.normal(93, 3), 70, 100)), round1(clamp(d.normal(86, 5), 55, 100)), publicMissing ? null : round1(clamp(d.normal(85, 6), 50, 100)), round1(clamp(d.normal(87, 5), 55, 100))];
    return cols.map<CellValue>((c) => {
      const f = c.field!;
      if (f === "township") return at(s, "township");
      if (f === "name") return at(s, "name");
      if (f === "id") return at(s, "id");
      if (f.startsWith("rater")) return scores[Number(f.slice(5)) - 1] ?? null;
      if (f === "votesTop") return top;
      if (f === "votesSecond") return second;
      if (f === "votesThird") return third;
      if (f === "votesBottom") return bottom;
      if (f === "voters") return voters;
      return null;
    });
  });
}
