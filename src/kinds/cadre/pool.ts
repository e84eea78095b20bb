// The performance pool of a pay sheet: each person's performance part, or one total written beside the table or given in the scheme.
import { nearestFen, yuanText } from "../../core/money";
import { parseNumericText } from "../../core/text";
import { settingName } from "../../workbook/setting-names";
import { choiceNamed } from "../../workbook/scheme-values";
import type { CellValue, Problem } from "../../workbook/sheet";
import type { AssessInput, Warning } from "../../workbook/assess/common";

/** A pool total written in a line of the sheet (绩效工资总额：368000.00元). */
export interface SheetPool {
  fen: number;
  /** 1-based row and column of the label. */
  row: number;
  col: number;
  text: string;
}

const poolLabel = /绩效(工资|奖金|考核奖)?(总额|总量|总计|资金|池)/;

/** The amount after a label in the same text ("…：368,000.00元", "…3.68万元"), in fen. */
function amountIn(text: string): number | undefined {
  const m = /([0-9０-９][0-9０-９,，.．]*)\s*(万)?\s*元?\s*$/.exec(text.replace(/[（(][^）)]*[）)]/g, ""));
  if (!m) return undefined;
  const n = parseNumericText(m[1].replace(/，/g, ","));
  if (n === undefined) return undefined;
  return nearestFen(n * (m[2] ? 10000 : 1));
}

function amountOf(v: CellValue | undefined): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) && v >= 0 ? nearestFen(v) : undefined;
  return typeof v === "string" ? amountIn(v) : undefined;
}

/** Every pool total written in the sheet's lines that are not people: the title and header block, footers and notes. */
export function poolsInSheet(input: AssessInput): SheetPool[] {
  const people = new Set(input.records.map((r) => r.row));
  const out: SheetPool[] = [];
  input.table.rows.forEach((row, r) => {
    if (people.has(r + 1) || r === input.table.headerRow) return;
    (row ?? []).forEach((v, c) => {
      if (typeof v !== "string" || !poolLabel.test(v)) return;
      const after = v.slice(v.search(poolLabel));
      // The amount in the label's own text, else in the next cell that holds something.
      let fen = amountIn(after);
      if (fen === undefined) {
        const next = row.slice(c + 1).find((x) => x !== null && x !== undefined && String(x).trim() !== "");
        fen = amountOf(next);
      }
      if (fen !== undefined) out.push({ fen, row: r + 1, col: c + 1, text: v.trim() });
    });
  });
  return out;
}

const key = "pay.pool";

/** The one pool total the scheme asks for: given, or from the sheet; a problem when the sheet has none, or several that differ. */
export function singlePool(input: AssessInput): { fen?: number; problems: Problem[]; warning?: Warning } {
  const pool = input.scheme.pay.pool;
  const setting = `考核方案“${settingName(key)}”（${key}）`;
  if (typeof pool === "number") {
    const fen = nearestFen(pool);
    return { fen, problems: [], warning: { zh: `绩效工资池 ${yuanText(fen)} 元，取自${setting}`, en: `performance pool ${yuanText(fen)} yuan, from the scheme's ${key}` } };
  }
  if (pool !== "sheet") return { problems: [] };
  const found = poolsInSheet(input);
  const amounts = [...new Set(found.map((f) => f.fen))];
  const { sheet } = input.table;
  if (amounts.length === 0)
    return {
      problems: [
        {
          sheet,
          row: 0,
          col: 0,
          zh: `${setting}为${choiceNamed(key, "sheet")}，但工作表中没有“绩效工资总额：金额”这样的一行。请在表头或表尾写明，或在方案中直接填写金额`,
          en: `the scheme's ${key} is sheet, but the sheet has no line such as "绩效工资总额：368000元"; write one above or below the table, or give the amount in the scheme`,
        },
      ],
    };
  if (amounts.length > 1)
    return {
      problems: [
        {
          sheet,
          row: found[1].row,
          col: found[1].col,
          zh: `表中写有不同的绩效工资总额：${found.map((f) => `第${f.row}行 ${yuanText(f.fen)} 元`).join("、")}。请只保留一个，或在考核方案中直接填写金额`,
          en: `the sheet gives different pool totals: ${found.map((f) => `row ${f.row} ${yuanText(f.fen)}`).join(", ")}; keep one, or give the amount in the scheme`,
        },
      ],
    };
  const f = found[0];
  return {
    fen: f.fen,
    problems: [],
    warning: {
      zh: `绩效工资池 ${yuanText(f.fen)} 元，取自工作表“${sheet}”第${f.row}行“${f.text}”（${setting}为${choiceNamed(key, "sheet")}）`,
      en: `performance pool ${yuanText(f.fen)} yuan, from sheet "${sheet}" row ${f.row} ("${f.text}"), as the scheme's ${key} is sheet`,
    },
  };
}

/** With the pool from each person's pay, a total written in the sheet is pointed out: it may be the one meant. */
export function unusedSheetPool(input: AssessInput, rowsTotalFen: number): Warning | undefined {
  if (input.scheme.pay.pool !== "rows") return undefined;
  const f = poolsInSheet(input)[0];
  if (!f || f.fen === rowsTotalFen) return undefined;
  return {
    zh: `表中第${f.row}行写有“${f.text}”（${yuanText(f.fen)} 元），本次绩效工资池按各人应发工资的绩效部分合计（${yuanText(rowsTotalFen)} 元）。如应以表中总额为准，请把考核方案“${settingName(key)}”（${key}）设为${choiceNamed(key, "sheet")}`,
    en: `row ${f.row} says "${f.text}" (${yuanText(f.fen)} yuan), but the pool was the sum of everyone's performance part (${yuanText(rowsTotalFen)} yuan); to use the sheet's total, set the scheme's ${key} to sheet`,
  };
}
