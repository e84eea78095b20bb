// The Chinese words of the settings that take one of a few values (去尾法, 严格不超额, 按乡镇 …), shown in the 考核方案 sheet and read back with the program's own codes.
import { tiePolicyNames } from "../core/quota";
import { periodNames, periodWords, roundingNames, roundingWords } from "../core/wording";

/** One value a setting can take: the program's code, the word the sheet shows, and other words a user may type. */
export interface Choice {
  code: string;
  zh: string;
  aliases: readonly string[];
}

/** Every other name a table of the core accepts for a code (roundingNames, tiePolicyNames). */
const aliasesOf = (names: Record<string, string>, code: string) => Object.keys(names).filter((k) => names[k] === code);

const rounding: Choice[] = (["floor", "round", "ceil"] as const).map((code) => ({ code, zh: roundingWords[code].zh, aliases: aliasesOf(roundingNames, code) }));

const tiePolicy: Choice[] = [
  { code: "strict", zh: "严格不超额", aliases: aliasesOf(tiePolicyNames, "strict") },
  { code: "all", zh: "并列都入选", aliases: aliasesOf(tiePolicyNames, "all") },
  { code: "order", zh: "按行序", aliases: aliasesOf(tiePolicyNames, "order") },
];

const groupBy: Choice[] = [
  { code: "township", zh: "按乡镇", aliases: ["乡镇"] },
  { code: "branch", zh: "按支部", aliases: ["支部", "按党支部"] },
  { code: "none", zh: "不分组", aliases: ["全体统一"] },
];

const missing: Choice[] = [
  { code: "problem", zh: "列为问题", aliases: [] },
  { code: "reweight", zh: "按其余各项权重折算", aliases: ["按权重折算", "折算"] },
];

/**
 * A veto names the grades it concerns, as the templates' notes do ("不得评为优秀"); the general
 * words are read too, so a sheet whose grade names were changed still reads.
 */
function veto(labels: readonly string[]): Choice[] {
  const top = labels[0] ?? "最高等次";
  const bottom = labels[labels.length - 1] ?? "最低等次";
  return [
    { code: "noTop", zh: `不得评为${top}`, aliases: [`不得评${top}`, "不得评为最高等次"] },
    { code: "fail", zh: `定为${bottom}`, aliases: [`直接评为${bottom}`, "定为最低等次", "直接评为最低等次"] },
  ];
}

const byPath: Record<string, readonly Choice[]> = {
  "grade.rounding": rounding,
  "stars.rounding": rounding,
  "grade.tiePolicy": tiePolicy,
  "stars.tiePolicy": tiePolicy,
  "grade.groupBy": groupBy,
  "stars.groupBy": groupBy,
  "pay.method": [
    { code: "coefficient", zh: "按等次系数×岗位系数", aliases: ["按系数", "系数", "按系数分配"] },
    { code: "baseCoefficient", zh: "按绩效基数×系数分配", aliases: ["按绩效基数×系数", "绩效基数×系数"] },
    { code: "score", zh: "按得分", aliases: ["得分"] },
  ],
  // An amount in yuan is a number and passes as it is.
  "pay.pool": [
    { code: "rows", zh: "按各人应发工资合计", aliases: ["按各人应发工资", "各人应发工资的绩效部分合计"] },
    { code: "sheet", zh: "按表中写明的总额", aliases: ["取表中写明的总额", "取表中写明的绩效工资总额"] },
  ],
  "rank.scope": [
    { code: "township", zh: "乡镇内", aliases: ["按乡镇", "本乡镇"] },
    { code: "county", zh: "全县", aliases: ["全表", "不分组"] },
  ],
  "missing.parts": missing,
  "missing.periods": missing,
  "missing.raters": missing,
  "ledger.satisfaction": [
    { code: "share", zh: "按满意单位所占比例", aliases: ["满意单位比例", "按比例", "比例"] },
    { code: "mean", zh: "按满意度平均分", aliases: ["平均分", "按平均分", "平均"] },
  ],
  "ledger.duties[].period": (["week", "month", "quarter", "half", "year"] as const).map((code) => ({ code, zh: periodWords[code].zh, aliases: aliasesOf(periodNames, code) })),
};

/** "ledger.duties[2].period" → "ledger.duties[].period": the setting whatever its place in a list. */
const pattern = (path: string) => path.replace(/\[\d+\]/g, "[]");

/**
 * The values a setting can take, or undefined when it takes a number or the user's own text. `labels`
 * are the scheme's grade names; `kinds` the kinds a scheme may be of (the registry's, given by the
 * caller: the kinds' own code uses these words too, so this module knows no kind).
 */
export function settingChoices(path: string, labels: readonly string[], kinds: readonly Choice[] = []): readonly Choice[] | undefined {
  const p = pattern(path);
  if (p === "kind") return kinds;
  if (p === "grade.veto") return veto(labels);
  return Object.hasOwn(byPath, p) ? byPath[p] : undefined;
}

/** Compares as people type: spaces around and the case of a code aside. */
const key = (s: string) => s.trim().toLowerCase();

/** The code a typed value names ("去尾法", "四舍五入", "floor" …), or undefined when it names none. */
export function choiceCode(choices: readonly Choice[], value: string): string | undefined {
  const k = key(value);
  return choices.find((c) => [c.code, c.zh, ...c.aliases].some((n) => key(n) === k))?.code;
}

/** The word the sheet shows for a value; a value that is none of the choices is shown as it is, for the reader to refuse with its row. */
export function choiceText(choices: readonly Choice[], value: string): string {
  const code = choiceCode(choices, value);
  return choices.find((c) => c.code === code)?.zh ?? value;
}

/**
 * A choice as a message names it: the sheet's word, then the code a scheme file or an older sheet
 * holds ("“按其余各项权重折算”（reweight）"), so the person can find it wherever the scheme is kept.
 */
export function choiceNamed(path: string, code: string): string {
  const choices = settingChoices(path, []);
  return choices ? `“${choiceText(choices, code)}”（${code}）` : code;
}

/** "去尾法、四舍五入、进一法": what a refused value could have been. */
export function choiceList(choices: readonly Choice[]): string {
  return choices.map((c) => c.zh).join("、");
}
