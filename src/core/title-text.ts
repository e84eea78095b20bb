// Titles and names set in running Chinese text: a report's title from its assessment's, and a name in quotation marks.

/**
 * A report's title: the assessment's title, then the report's own name, without saying twice what the
 * first already ends with ("…与绩效工资" + "绩效工资发放表" → "…与绩效工资发放表"; "…汇总" + "汇总" →
 * "…汇总"). Only an overlap of two characters or more is a repeated word: one character in common
 * ("考核" + "核查") is chance.
 */
export function reportTitle(base: string, name: string): string {
  for (let k = Math.min(base.length, name.length); k >= 2; k--) if (base.endsWith(name.slice(0, k))) return base + name.slice(k);
  return base + name;
}

/**
 * A name in Chinese quotation marks. Quotation marks inside it become single ones, as Chinese writing
 * nests them: 党组织“五好”评定表 → “党组织‘五好’评定表”, never “党组织“五好”评定表”.
 */
export function quoted(text: string): string {
  return `“${String(text).replace(/“/g, "‘").replace(/”/g, "’")}”`;
}
