// Numbers as a message shows them: plain digits, never 1e+308, Infinity or NaN.

/** Beyond this String() switches to exponent form (1e+21); below 1e-6 likewise (1e-7). */
const PLAIN_MAX = 1e21;
const PLAIN_MIN = 1e-6;

const superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const superscript = (n: number) => (n < 0 ? "⁻" : "") + [...String(Math.abs(n))].map((d) => superscripts[Number(d)]).join("");

/**
 * x for a reader: plain digits in the range String() writes plainly; a huge or tiny x as 1.5×10³⁰⁸
 * (a county official reads that; "1.5e+308" looks like a typo); a non-finite x in words.
 */
export function numberText(x: number, locale: "zh-CN" | "en-US" = "zh-CN"): string {
  const zh = locale === "zh-CN";
  if (Number.isNaN(x)) return zh ? "无效数值" : "an invalid number";
  if (x === Infinity) return zh ? "无穷大" : "infinite";
  if (x === -Infinity) return zh ? "负无穷大" : "minus infinite";
  if (x === 0) return "0";
  const size = Math.abs(x);
  if (size < PLAIN_MAX && size >= PLAIN_MIN) return String(x);
  const [mantissa, exponent] = x.toExponential().split("e");
  return `${mantissa}×10${superscript(Number(exponent))}`;
}
