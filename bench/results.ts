// bench/RESULTS.md section by section: one suite's figures replace its own section and leave the others' as recorded.

/** text with the section headed `heading` (its "## " line) replaced by body, up to the next "## " line; body appended when there is none. */
export function mergeSection(text: string, heading: string, body: string): string {
  const lines = text.trimEnd().split("\n");
  const start = lines.indexOf(heading);
  if (start < 0) return `${lines.join("\n")}\n\n${body.trimEnd()}\n`;
  const next = lines.findIndex((l, i) => i > start && l.startsWith("## "));
  const after = next < 0 ? [] : ["", ...lines.slice(next)];
  return `${[...lines.slice(0, start), body.trimEnd(), ...after].join("\n")}\n`;
}
