// Reads the rows of a found table into typed records, collecting every problem with its sheet, row and column.
import { append } from "../core/append";
import { parseDateText } from "../core/dates";
import { MAX_YUAN } from "../core/money";
import { numberText } from "../core/number-text";
import { idKey, isRowNumberHeader, repeatedKeys, saysRepeat } from "../core/duplicates";
import { normaliseText, parseFlagText, parseNumericText } from "../core/text";
import type { FieldDef } from "./fields";
import type { CellValue, Problem } from "./sheet";
import { headerKey, type FoundTable } from "./table";

export type FieldValue = string | number | boolean | null;

export interface RowRecord {
  /** 1-based Excel row. */
  row: number;
  values: Record<string, FieldValue>;
}

export interface IgnoredRow {
  row: number;
  zh: string;
  en: string;
}

export interface ReadResult {
  records: RowRecord[];
  problems: Problem[];
  /** Rows that are not data (totals, notes, blank) or that were skipped for their problems. */
  ignored: IgnoredRow[];
  /** What was taken without the data saying it (a group carried down where merged cells could not be read). */
  warnings?: { zh: string; en: string }[];
}

const blank = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** Words people type in a score cell to say "no score"; they are reported, never read as 0. */
const absenceWords = ["缺考", "缺席", "请假", "免考", "未考", "未参加", "无", "/", "-", "—"];

/**
 * A row whose first text says it is a total or a footer, not a person: a totals word, a signature or
 * note label, or any label ending in a colon (绩效工资总额（元）：), which no name or score ends in.
 */
const footerWords =
  /^(合计|总计|小计|共计)|(合计|总计|小计)$|^(平均|平均分|注|备注|说明|填表说明|制表人|制表|审核人|审核|填表人|负责人|单位负责人|日期|填表日期|制表日期|联系电话)([:：]|$)|[:：]$|^[^:：\d]{1,20}[:：]/;

/** A label that opens a block of notes: the lines under it, each one text alone, are notes too. */
const noteBlock = /^(注|备注|说明|填表说明)[:：]?$|^(注|备注|说明|填表说明)[:：]/;

/** The uncached-formula message: the fix is to let Excel or WPS calculate the workbook once. */
export const UNCACHED_FORMULA = {
  zh: "公式没有计算结果：请在 Excel 或 WPS 中打开、保存后再试",
  en: "the formula has no calculated result: open and save the workbook in Excel or WPS, then try again",
};

/** The error values Excel shows in a cell; a cell holding one is reported as such. */
const excelErrors = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|BUSY!|CONNECT!|BLOCKED!|FIELD!|UNKNOWN!)$/;

const isWholeFen = (yuan: number) => Math.abs(Math.round(yuan * 100) - yuan * 100) < 1e-6;

/**
 * A number outside its column's limits, said as what the column holds: a score "超过满分", any other
 * number (a coefficient, a share) "超过上限", with the range allowed; an open end is "不小于 0".
 */
function outOfBounds(field: FieldDef, n: number): { zh: string; en: string } {
  const zhN = numberText(n);
  const enN = numberText(n, "en-US");
  const { min, max } = field;
  const range =
    min !== undefined && max !== undefined
      ? { zh: `${numberText(min)} 至 ${numberText(max)}`, en: `${numberText(min, "en-US")} to ${numberText(max, "en-US")}` }
      : min !== undefined
        ? { zh: `不小于 ${numberText(min)} 的数`, en: `at least ${numberText(min, "en-US")}` }
        : { zh: `不大于 ${numberText(max!)} 的数`, en: `at most ${numberText(max!, "en-US")}` };
  const score = field.type === "score";
  if (min !== undefined && n < min)
    return score
      ? { zh: `分数 ${zhN} 低于 ${numberText(min)}；请填写 ${range.zh} 的分数`, en: `the score ${enN} is below ${numberText(min, "en-US")}; enter a score from ${range.en}` }
      : { zh: `${field.header} ${zhN} 低于下限 ${numberText(min)}；应为 ${range.zh}`, en: `${field.header} ${enN} is below the least allowed, ${numberText(min, "en-US")}; it must be ${range.en}` };
  return score
    ? { zh: `分数 ${zhN} 超过满分 ${numberText(max!)}；请填写 ${range.zh} 的分数`, en: `the score ${enN} is above the full marks ${numberText(max!, "en-US")}; enter a score from ${range.en}` }
    : { zh: `${field.header} ${zhN} 超过上限 ${numberText(max!)}；应为 ${range.zh}`, en: `${field.header} ${enN} is above the most allowed, ${numberText(max!, "en-US")}; it must be ${range.en}` };
}

function convert(field: FieldDef, raw: CellValue | undefined): { value: FieldValue } | { zh: string; en: string } {
  if (blank(raw)) return { value: field.type === "count" ? 0 : field.type === "flag" ? false : null };
  const text = typeof raw === "string" ? raw.trim() : String(raw);
  if (excelErrors.test(text)) return { zh: `单元格是错误值 ${text}，请先改正公式或数据`, en: `the cell holds the error ${text}; fix its formula or data first` };
  switch (field.type) {
    case "text":
      return { value: text };
    case "flag": {
      if (typeof raw === "boolean") return { value: raw };
      if (typeof raw === "number") return raw === 0 || raw === 1 ? { value: raw === 1 } : { zh: `“${text}”不是“是/否”`, en: `"${text}" is not yes/no` };
      const f = parseFlagText(text);
      return f === undefined ? { zh: `“${text}”不是“是/否”，请填 是 或 否（或留空）`, en: `"${text}" is not yes/no; write 是 or 否 (or leave blank)` } : { value: f };
    }
    case "date": {
      if (typeof raw === "number" && raw >= 1 && raw < 2958466) return { value: Math.floor(raw) };
      const serial = typeof raw === "string" ? parseDateText(normaliseText(raw)) : undefined;
      return serial === undefined
        ? { zh: `“${text}”不是日期：请写作 2025-3-5、2025/03/05 或 2025年3月5日`, en: `"${text}" is not a date: write 2025-3-5, 2025/03/05 or 2025年3月5日` }
        : { value: serial };
    }
    default: {
      // An amount typed as text keeps its currency sign or unit (¥5,000.00, 5000元): the number is the same.
      const typed = typeof raw === "string" && field.type === "money" ? raw.trim().replace(/^[¥￥]\s*/, "").replace(/\s*元$/, "") : raw;
      const n = typeof typed === "number" ? typed : typeof typed === "string" ? parseNumericText(typed) : undefined;
      if (n === undefined || !Number.isFinite(n)) {
        if (field.type === "score" && absenceWords.includes(text))
          return {
            zh: `“${text}”不是分数：不计分请留空，计 0 分请填 0`,
            en: `"${text}" is not a score: leave the cell blank for no score, or enter 0`,
          };
        return { zh: `“${text}”不是数字`, en: `"${text}" is not a number` };
      }
      // A message quotes a number as digits (1×10³⁰⁸, never 1e+308); the text column above keeps what was typed.
      const said = typeof raw === "number" ? numberText(raw) : text;
      if (field.type === "count" && (!Number.isInteger(n) || n < 0))
        return { zh: `次数应为 0 或正整数（${said}）；请改为整数次数`, en: `a count must be a whole number ≥ 0 (${numberText(n, "en-US")}); enter a whole number` };
      if (field.type === "money") {
        if (n < 0) return { zh: `金额不能为负数（${said}）；请填写 0 或正数`, en: `an amount cannot be negative (${numberText(n, "en-US")}); enter 0 or more` };
        if (n > MAX_YUAN)
          return { zh: `金额 ${said} 元太大，最多 ${numberText(MAX_YUAN)} 元；请检查是否多输了数字`, en: `the amount ${numberText(n, "en-US")} yuan is too large; at most ${numberText(MAX_YUAN, "en-US")} yuan: check for extra digits` };
        if (!isWholeFen(n)) return { zh: `金额最多两位小数（${said} 元）；请改到分`, en: `an amount has at most two decimals (${numberText(n, "en-US")} yuan); round it to the fen` };
      }
      if ((field.min !== undefined && n < field.min) || (field.max !== undefined && n > field.max)) return outOfBounds(field, n);
      return { value: n };
    }
  }
}

/**
 * Every data row of the table as a record. A row counts as data when any field has a value; totals,
 * footer and note rows are set aside. A group label (township, branch) is read from its own cell, a
 * merged area giving its value to every cell it covers; a blank one outside a merged area is a
 * problem, never the group of the row above. Problems are collected for every cell, never just the first.
 */
export function readRecords(table: FoundTable, fields: readonly FieldDef[]): ReadResult {
  const records: RowRecord[] = [];
  const problems: Problem[] = [];
  const ignored: IgnoredRow[] = [];
  const present = fields.filter((f) => table.columns.has(f.id));
  const seen = new Map<string, Map<string, number>>();
  const textFields = present.filter((f) => f.type === "text");
  const headerCols = present.slice(0, 3).map((f) => ({ col: table.columns.get(f.id)!, key: headerKey(table.headers.get(f.id) ?? "") }));
  const repeatsHeader = (row: CellValue[]) => headerCols.every((h) => typeof row[h.col] === "string" && headerKey(row[h.col]) === h.key);
  const at = (f: FieldDef, row: number, zh: string, en: string): Problem => ({ sheet: table.sheet, row, col: table.columns.get(f.id)! + 1, header: table.headers.get(f.id), zh, en });
  // Almost every table has no uncached formula: no key is built for each cell then.
  const uncachedAt = (r: number, col: number) => table.uncached.size > 0 && table.uncached.has(`${r},${col}`);
  let inNotes = false;
  // Only where the host cannot list merged areas is a blank group cell carried down, and each such row is named.
  const carried: Record<string, FieldValue> = {};
  const carriedRows = new Map<string, number[]>();

  for (let r = table.firstDataRow; r < table.rows.length; r++) {
    const row = table.rows[r] ?? [];
    const excelRow = r + 1;
    const cells = present.map((f) => row[table.columns.get(f.id)!]);
    const texts = row.filter((v) => typeof v === "string" && !blank(v));
    if (cells.every(blank)) {
      // Nothing for any field: not a person. A signature or note line in a column of the sheet's own is still listed.
      const label = texts.find((v) => footerWords.test(headerKey(v)));
      if (label !== undefined) {
        if (noteBlock.test(headerKey(label))) inNotes = true;
        ignored.push({ row: excelRow, zh: `合计或说明行：“${String(label).trim()}”`, en: `a totals or note row: "${String(label).trim()}"` });
      }
      continue;
    }
    // A totals, signature or note row: its first words say so, in a field's column or in one of the sheet's own (序号).
    const firstText = [...texts.slice(0, 2), textFields.map((f) => row[table.columns.get(f.id)!]).find((v) => !blank(v))].find(
      (v) => v !== undefined && footerWords.test(headerKey(v)),
    );
    if (firstText !== undefined) {
      if (noteBlock.test(headerKey(firstText))) inNotes = true;
      ignored.push({ row: excelRow, zh: `合计或说明行：“${String(firstText).trim()}”`, en: `a totals or note row: "${String(firstText).trim()}"` });
      continue;
    }
    // Under 说明： the numbered lines of the note, one text each, are the note's, not people.
    if (inNotes && row.filter((v) => !blank(v)).length === 1 && texts.length === 1) {
      ignored.push({ row: excelRow, zh: `说明行：“${String(texts[0]).trim()}”`, en: `a note line: "${String(texts[0]).trim()}"` });
      continue;
    }
    // A repeated header (a table printed page by page) is not data; most rows differ at the first column.
    if (repeatsHeader(row)) {
      ignored.push({ row: excelRow, zh: "重复的表头行", en: "a repeated header row" });
      continue;
    }
    const values: Record<string, FieldValue> = {};
    for (const f of present) {
      const col = table.columns.get(f.id)!;
      const raw = row[col];
      if (uncachedAt(r, col)) {
        values[f.id] = null;
        problems.push(at(f, excelRow, UNCACHED_FORMULA.zh, UNCACHED_FORMULA.en));
        continue;
      }
      if (f.fillDown && table.mergesUnknown) {
        if (!blank(raw)) carried[f.id] = typeof raw === "string" ? raw.trim() : raw;
        else if (carried[f.id] !== undefined) {
          values[f.id] = carried[f.id];
          const list = carriedRows.get(f.id) ?? [];
          list.push(excelRow);
          carriedRows.set(f.id, list);
          continue;
        }
      }
      const out = convert(f, raw);
      if ("value" in out) values[f.id] = out.value;
      else {
        values[f.id] = null;
        problems.push(at(f, excelRow, out.zh, out.en));
      }
    }
    for (const f of present) {
      const empty = values[f.id] === null || values[f.id] === "";
      if (f.fillDown && empty && !uncachedAt(r, table.columns.get(f.id)!))
        problems.push(
          at(
            f,
            excelRow,
            `${f.header}为空：空白单元格不在合并单元格内，不能沿用上一行。请填写${f.header}，或把同一${f.header}的单元格合并`,
            `the ${f.header} cell is blank and not inside a merged area, so it is not taken from the row above: fill it in, or merge the cells of one group`,
          ),
        );
      else if (f.required && f.type === "text" && empty) problems.push(at(f, excelRow, "不能为空", "must not be blank"));
      if (f.unique && !empty && !isRowNumberHeader(table.headers.get(f.id) ?? "")) {
        const key = idKey(String(values[f.id]));
        const byValue = seen.get(f.id) ?? new Map<string, number>();
        seen.set(f.id, byValue);
        const first = byValue.get(key);
        if (first !== undefined) problems.push(at(f, excelRow, `“${String(values[f.id])}”与第${first}行重复`, `"${String(values[f.id])}" repeats row ${first}`));
        else byValue.set(key, excelRow);
      }
    }
    records.push({ row: excelRow, values });
  }
  append(problems, suspectedDuplicates(table, present, records));
  const warnings = [...carriedRows].map(([id, rows]) => {
    const f = present.find((x) => x.id === id)!;
    return {
      zh: `第${rows.join("、")}行的${f.header}为空，按上一行填写：此版本 Excel 无法读取合并单元格，请核对这些行确属上一行的${f.header}`,
      en: `rows ${rows.join(", ")} have a blank ${f.header}, taken from the row above: this Excel cannot list merged cells, so check that they belong to it`,
    };
  });
  return warnings.length ? { records, problems, ignored, warnings } : { records, problems, ignored };
}

/**
 * Rows that may be one person twice, each reported with the other row: without an ID (or with it
 * blank) the same name in the same unit (township and branch or village); and a row whose 备注 says 重复.
 */
function suspectedDuplicates(table: FoundTable, present: readonly FieldDef[], records: readonly RowRecord[]): Problem[] {
  const person = present.find((f) => f.person);
  if (!person) return [];
  const units = present.filter((f) => f.unit);
  // A column mapped to the ID that only numbers the rows (序号) identifies nobody.
  const idField = present.find((f) => f.unique && !isRowNumberHeader(table.headers.get(f.id) ?? ""));
  const out: Problem[] = [];
  const at = (f: FieldDef, row: number, zh: string, en: string): Problem => ({ sheet: table.sheet, row, col: table.columns.get(f.id)! + 1, header: table.headers.get(f.id), zh, en });
  const keys = records.map((r) => {
    if (idField && String(r.values[idField.id] ?? "").trim() !== "") return "";
    const name = idKey(String(r.values[person.id] ?? ""));
    return name === "" ? "" : [...units.map((u) => idKey(String(r.values[u.id] ?? ""))), name].join("\u0000");
  });
  for (const [a, b] of repeatedKeys(keys)) {
    const name = String(records[b].values[person.id]);
    const unit = units.map((u) => String(records[b].values[u.id] ?? "")).join(" ");
    const fix = idField ? "如确为两人，请填写编号区分；如是重复录入，请删除一行" : "如确为两人，请增加“编号”列区分；如是重复录入，请删除一行";
    const fixEn = idField ? "if they are two people, give each an ID; if it was entered twice, delete one row" : "if they are two people, add an 编号 (ID) column; if it was entered twice, delete one row";
    for (const [self, other] of [
      [a, b],
      [b, a],
    ])
      out.push(
        at(
          person,
          records[self].row,
          `疑似重复：${unit}的“${name}”在第${records[a].row}行和第${records[b].row}行各出现一次（与第${records[other].row}行同名）。${fix}`,
          `suspected duplicate: "${name}" of ${unit} is on rows ${records[a].row} and ${records[b].row} (same name as row ${records[other].row}); ${fixEn}`,
        ),
      );
  }
  // 备注 is no field of any kind (the templates have none), so its column is looked up by its header.
  const header = table.rows[table.headerRow] ?? [];
  const noteCol = header.findIndex((v, c) => /^备注/.test(headerKey(v)) && ![...table.columns.values()].includes(c));
  if (noteCol >= 0)
    for (const r of records) {
      const text = String(table.rows[r.row - 1]?.[noteCol] ?? "").trim();
      if (saysRepeat(text))
        out.push({
          sheet: table.sheet,
          row: r.row,
          col: noteCol + 1,
          header: String(header[noteCol]).trim(),
          zh: `备注写明“${text}”：疑似重复行。请删除重复的一行，或改正备注`,
          en: `the note says "${text}": a suspected duplicate row; delete the repeated row, or correct the note`,
        });
    }
  return out;
}

/**
 * The records without the rows of `sheet` that have problems, each listed as skipped: for "skip the
 * bad rows". Problems elsewhere (a second table, the sheet as a whole) cannot be skipped row by row
 * and stay problems.
 */
export function withoutBadRows(result: ReadResult, sheet: string): ReadResult {
  const bad = new Map<number, Problem[]>();
  const remaining: Problem[] = [];
  for (const p of result.problems) {
    if (p.sheet === sheet && p.row > 0) bad.set(p.row, [...(bad.get(p.row) ?? []), p]);
    else remaining.push(p);
  }
  const skipped = [...bad.entries()].map(([row, ps]) => ({
    row,
    zh: `已跳过：${ps.map((p) => (p.header ? `${p.header}：${p.zh}` : p.zh)).join("；")}`,
    en: `skipped: ${ps.map((p) => (p.header ? `${p.header}: ${p.en}` : p.en)).join("; ")}`,
  }));
  return { records: result.records.filter((r) => !bad.has(r.row)), problems: remaining, ignored: [...result.ignored, ...skipped] };
}
