// How typed text is read as a number or a yes/no: full-width digits, stray spaces and Chinese words included.

/** Full-width digits, signs, points and ideographic spaces to ASCII, trimmed. */
export function normaliseText(s: string): string {
  return s
    .replace(/[\uFF10-\uFF19\uFF0B\uFF0D\uFF0E\uFF05\uFF0F]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00a0]/g, " ")
    .replace(/。/g, ".")
    .trim();
}

const numericText = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The number a text holds ("85", "８５", " 85.5 ", "1,200"), or undefined. */
export function parseNumericText(s: string): number | undefined {
  const t = normaliseText(s).replace(/,/g, "");
  return numericText.test(t) ? Number(t) : undefined;
}

const yes = new Set(["是", "有", "√", "✓", "✔", "y", "yes", "true", "1", "否决"]);
/** The words read as a no, as typed after normaliseText and in lower case; the templates' formulas list them too. */
export const NO_WORDS: readonly string[] = ["否", "无", "×", "✗", "n", "no", "false", "0"];
const no = new Set(NO_WORDS);

/** A yes/no as people type it (是/否, √/×, TRUE/FALSE, 1/0); undefined when it is neither. */
export function parseFlagText(s: string): boolean | undefined {
  const t = normaliseText(s).toLowerCase();
  if (yes.has(t)) return true;
  if (no.has(t)) return false;
  return undefined;
}
