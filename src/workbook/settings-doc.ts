// Every setting of every kind's default scheme, with its Chinese name, default and source, as the Markdown page docs/settings.md.
import { defaultScheme, kindNames, schemeKinds } from "../kinds/registry";
import { schemeSheet } from "./scheme-sheet";

/** A cell of a Markdown table: pipes escaped, line breaks as spaces. */
function cell(v: unknown): string {
  const t = v === null || v === undefined ? "" : String(v);
  return t.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/**
 * The page, built from the same rows the 考核方案 sheet shows, so the documentation cannot drift from
 * the defaults. The title is left out: it carries the year being assessed.
 */
export function settingsDoc(): string {
  const out: string[] = [
    "# 考核方案的设置 / Scheme settings",
    "",
    "Every setting of each kind's standard scheme, with its default and where the default comes from,",
    "exactly as the 考核方案 sheet shows them (key, name, default, source). Change a setting in that",
    "sheet, in the task pane's 方案 screen, or in a scheme exported with `kaohe scheme KIND` and passed",
    "back with `--scheme`. The rules behind the settings are in [rules.md](rules.md).",
    "",
    "This page is generated from the code by `npm run docs`; a test keeps it equal to the defaults.",
  ];
  for (const kind of schemeKinds) {
    const sheet = schemeSheet(defaultScheme(kind, 2000));
    out.push("", `## ${kindNames[kind].zh} / ${kindNames[kind].en} (\`${kind}\`)`, "", "| 键 key | 项目 | 默认值 | 来源 |", "|---|---|---|---|");
    for (const row of sheet.rows) {
      const [key, name, value, source] = row;
      if (key === "title") continue;
      out.push(`| \`${cell(key)}\` | ${cell(name)} | ${cell(value)} | ${cell(source)} |`);
    }
  }
  return out.join("\n") + "\n";
}
