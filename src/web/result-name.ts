// The result workbook's name, as kaohe run names it: "<name>-结果.xlsx".

/** "县干部考核.xlsx" → "县干部考核-结果.xlsx"; characters a file name may not hold become "_". */
export function resultName(input: string): string {
  const base = input.replace(/\.[^.]*$/, "") || input;
  const safe = [...base.trim()].map((ch) => (ch < " " || '<>:"/\\|?*'.includes(ch) ? "_" : ch)).join("");
  return `${safe}-结果.xlsx`;
}
