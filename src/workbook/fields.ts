// A column of an assessment table (a field) and the fields several kinds share; each kind lists its own in src/kinds.

export type FieldType =
  /** free text: names, units */
  | "text"
  /** a score: number (or numeric text), blank = not scored; within [min, max] */
  | "score"
  /** a whole count ≥ 0, blank = 0 */
  | "count"
  /** any number ≥ 0, blank allowed */
  | "number"
  /** yuan, whole fen */
  | "money"
  /** yes/no: 是/否, √, TRUE/FALSE, 1/0; blank = no */
  | "flag"
  /** a date: an Excel serial or date text (2025-3-5, 2025/03/05, 2025年3月5日, 2025.3.5) */
  | "date";

export interface FieldDef {
  id: string;
  /** The header the standard template uses. */
  header: string;
  /** Other headers counties use for the same column. */
  aliases?: string[];
  type: FieldType;
  required: boolean;
  min?: number;
  max?: number;
  /** A group label (township, branch) that may be merged over its rows or written once above them. */
  fillDown?: boolean;
  /** A key that must not repeat (an ID number): compared as people read it, case and spaces aside. */
  unique?: boolean;
  /** The person's name: the same name twice in one unit is a suspected duplicate when there is no ID. */
  person?: boolean;
  /** Part of the unit a person belongs to (township, branch, village). */
  unit?: boolean;
  /** What the computation takes when this optional column is absent: said on screen and in 审计. */
  absent?: { zh: string; en: string };
}


export const township: FieldDef = { id: "township", header: "乡镇", aliases: ["乡镇（街道）", "乡镇街道", "镇街", "所属乡镇", "乡（镇）"], type: "text", required: true, fillDown: true, unit: true };
export const person: FieldDef = { id: "name", header: "姓名", aliases: ["名字"], type: "text", required: true, person: true };
/** A real ID. 序号, 行号, No. number the rows (often again in each branch) and are never an ID. */
export const personId: FieldDef = {
  id: "id",
  header: "编号",
  aliases: ["党员编号", "干部编号", "人员编号", "身份证号", "身份证号码", "公民身份号码", "工号"],
  type: "text",
  required: false,
  unique: true,
};

export const gradeOverride: FieldDef[] = [
  { id: "override", header: "调整后等次", aliases: ["人工调整等次", "调整等次"], type: "text", required: false },
  { id: "overrideReason", header: "调整原因", aliases: ["调整理由", "调整说明"], type: "text", required: false },
];
export const veto: FieldDef = {
  id: "veto",
  header: "一票否决",
  aliases: ["否决", "一票否决事项"],
  type: "flag",
  required: false,
  absent: { zh: "没有“一票否决”列：按无人被一票否决计算", en: "no 一票否决 (veto) column: nobody is taken as vetoed" },
};

export const itemFieldId = (i: number) => `item${i + 1}`;
export const deductionFieldId = (i: number) => `deduction${i + 1}`;
export const aspectFieldId = (i: number) => `aspect${i + 1}`;
export const raterFieldId = (i: number) => `rater${i + 1}`;

