// The township a table belongs to when it has no 乡镇 column: named in its title, its sheet's name or its file's name.
import type { CellValue } from "./sheet";

/** Words that end like a township's name but name none ("全镇党员", "各乡镇", "城镇"). */
const notAName = /^(全|本|各|该|每|乡|城|村|集)?$/;

/**
 * The first township's name in a text: "2025年度城关镇党员星级评定表" → 城关镇, "某县东山乡" → 东山乡,
 * "西城街道（修改）" → 西城街道; undefined when none (乡镇干部考核表, 全镇党员).
 */
export function townshipIn(text: string): string | undefined {
  for (const m of text.normalize("NFKC").matchAll(/[\u4e00-\u9fff]{1,12}?(?:街道|办事处|镇|乡)/g)) {
    const suffix = /(?:街道|办事处|镇|乡)$/.exec(m[0])![0];
    // A year, the county or the city before the name is not part of it: "2025年度城关镇", "某市某县城关镇";
    // a name that itself has 区 in it (城区街道) keeps it.
    const stem = m[0].slice(0, -suffix.length).replace(/^.*(?:年度|年|度|县|市|区|省)(?=[\u4e00-\u9fff]{2,}$)/, "");
    if (notAName.test(stem) || /(?:年|度)$/.test(stem)) continue;
    return stem + suffix;
  }
  return undefined;
}

export type TownshipSource = "title" | "sheetName" | "fileName";

export interface TownshipFound {
  name: string;
  from: TownshipSource;
  /** The text it was read from: the title, the sheet's name, the file's name. */
  text: string;
}

/**
 * A table's township when it has no 乡镇 column: the title rows above its header first, then the
 * sheet's name (two townships in two sheets of one workbook), then the file's name.
 */
export function townshipOf(titleRows: readonly (readonly CellValue[])[], sheetName: string, fileName: string | undefined): TownshipFound | undefined {
  for (const row of titleRows)
    for (const v of row) {
      if (typeof v !== "string") continue;
      const name = townshipIn(v);
      if (name) return { name, from: "title", text: v.trim() };
    }
  const fromSheet = townshipIn(sheetName);
  if (fromSheet) return { name: fromSheet, from: "sheetName", text: sheetName };
  const base = fileName?.split(/[\\/]/).pop();
  const fromFile = base ? townshipIn(base.replace(/\.[^.]*$/, "")) : undefined;
  return fromFile && base ? { name: fromFile, from: "fileName", text: base } : undefined;
}

/** Where a township came from, for the screen and the 审计 sheet. */
export function describeTownshipSource(t: TownshipFound): { zh: string; en: string } {
  switch (t.from) {
    case "title":
      return { zh: `表中没有“乡镇”列，乡镇“${t.name}”取自标题“${t.text}”`, en: `the table has no 乡镇 column; the township "${t.name}" is taken from the title "${t.text}"` };
    case "sheetName":
      return { zh: `表中没有“乡镇”列，乡镇“${t.name}”取自工作表名“${t.text}”`, en: `the table has no 乡镇 column; the township "${t.name}" is taken from the sheet name "${t.text}"` };
    case "fileName":
      return { zh: `表中没有“乡镇”列，乡镇“${t.name}”取自文件名“${t.text}”`, en: `the table has no 乡镇 column; the township "${t.name}" is taken from the file name "${t.text}"` };
  }
}
