// Personal data in reports: ID-card numbers masked (110101********1234), and which columns are personal so a public notice leaves them out.
import { normaliseText } from "./text";

/** What kind of personal data a column holds. */
export type PersonalKind = "id" | "phone" | "address";

/**
 * Headers that hold personal data, by kind: the words county workbooks use. A public notice (公示) is
 * posted where anyone can read it, so it shows none of these columns; other reports mask the ID.
 */
export const DEFAULT_PERSONAL_HEADERS: Readonly<Record<PersonalKind, readonly string[]>> = {
  id: ["身份证号", "身份证号码", "公民身份号码", "身份证", "证件号码"],
  phone: ["电话", "手机", "手机号", "手机号码", "联系电话", "联系方式", "电话号码"],
  address: ["住址", "地址", "家庭住址", "现住址", "户籍地址", "通讯地址"],
};

const headerKey = (h: string) => normaliseText(h).replace(/\s+/g, "").toLowerCase();

/** The personal kind of a column by its header, or undefined for a column that is not personal. */
export function personalKind(header: string, headers: Readonly<Record<PersonalKind, readonly string[]>> = DEFAULT_PERSONAL_HEADERS): PersonalKind | undefined {
  const key = headerKey(header);
  for (const kind of ["id", "phone", "address"] as const) if (headers[kind].some((h) => headerKey(h) === key)) return kind;
  return undefined;
}

// 18 digits (the last may be X), or the 15-digit numbers issued before 1999.
const ID_18 = /^\d{17}[\dXx]$/;
const ID_15 = /^\d{15}$/;

/**
 * An ID-card number masked as reports show it: the first 6 (the issuing region) and the last 4 kept,
 * the birth date and the rest starred, the length kept: 110101********1234, and 110101*****1234 for
 * a 15-digit number. Spaces and full-width digits typed into the number are read through. Anything
 * else in an ID column (a number mistyped to 17 digits, a passport number) is starred whole but for
 * its last 4 characters when it is longer than 4, since it may still be someone's number: a report
 * must never show it. A blank stays blank.
 */
export function maskIdCard(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = normaliseText(String(value)).replace(/\s+/g, "");
  if (text === "") return "";
  if (ID_18.test(text)) return `${text.slice(0, 6)}${"*".repeat(8)}${text.slice(14).toUpperCase()}`;
  if (ID_15.test(text)) return `${text.slice(0, 6)}${"*".repeat(5)}${text.slice(11)}`;
  const chars = [...text];
  if (chars.length <= 4) return "*".repeat(chars.length);
  return `${"*".repeat(chars.length - 4)}${chars.slice(-4).join("")}`;
}

// An ID-shaped run not touching other digits, for free text such as a 说明 line.
const ID_IN_TEXT = /(?<![0-9])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;

/** Free text with every ID-card number in it masked; the rest untouched. */
export function maskIdsInText(text: string): string {
  return text.replace(ID_IN_TEXT, (m) => maskIdCard(m));
}
