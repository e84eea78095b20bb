// The `kaohe` command line: argument parsing, the run/check/merge/template commands, help, messages and exit codes.
import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { access, readdir, readFile, realpath, stat } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Workbook } from "exceljs";
import { version } from "../../package.json";
import { YEAR_BLANK, schemeToJson, describeProblem, type Scheme, type SchemeKind, type SchemeProblem } from "../core/scheme";
import { defaultScheme, kindFromWord, kindNames, schemeFromJson, schemeKinds, sourceKinds } from "../kinds/registry";
import { mergeReturns, mergeScheme, sourceProblem, type MergeResult, type MergeSchemeChoice, type MergeSource } from "../workbook/merge";
import { describeDifferences } from "../workbook/scheme-diff";
import { recognisedTables, resolveScheme, runAssessment, type RecognisedTable, type RunResult } from "../workbook/pipeline";
import { describeTownshipSource } from "../workbook/township";
import { SCHEME_SHEET, schemeFromSheet } from "../workbook/scheme-sheet";
import { settingName } from "../workbook/setting-names";
import { describeDataProblem, type Problem } from "../workbook/sheet";
import { SOURCES_SHEET } from "../workbook/merge";
import { templateSpec } from "../workbook/template-spec";
import { drawPlan, workbookFromData, writeBytesAtomic, writeResult, writeXlsxAtomic } from "./draw";
import { noteReplacedFormulas, replacedFormulas } from "../workbook/replaced-formulas";
import { CliError, ExitCode } from "./errors";
import { createProgress, type Progress, type ProgressStream } from "./progress";
import { renderTemplate, workbookBytes } from "./xlsx-template";
import { readResultRecord, type ResultRecord } from "./earlier-result";
import { openXlsx, readInputBytes, sha256, unkeptAuditNotes, type OpenedWorkbook } from "./xlsx";
import { invisibleCharacters } from "./xml-text";
import { quoted } from "../core/title-text";
import { chosenSources } from "./source-choice";

export { ExitCode } from "./errors";
export { SOURCES_SHEET } from "../workbook/merge";

/** Where the command writes and what it knows of its surroundings; tests pass their own. */
export interface CliIO {
  stdout: { write(s: string): unknown };
  stderr: ProgressStream;
  env?: Record<string, string | undefined>;
  /** The folder relative paths are taken from; the process's by default. */
  cwd?: string;
  /** The time written into the audit sheet and the scheme's year. */
  now?: () => Date;
}

type Lang = "zh" | "en";
type Command = "run" | "check" | "merge" | "template" | "scheme" | "help";

const commands: readonly Command[] = ["run", "check", "merge", "template", "scheme", "help"];

interface Options {
  scheme?: string;
  output?: string;
  "skip-bad-rows"?: boolean;
  force?: boolean;
  sheet?: string;
  kind?: string;
  year?: string;
  with?: string[];
  source?: string[];
  lang?: string;
  help?: boolean;
  version?: boolean;
}

/** The options each command accepts; any other is a usage error, not silently ignored. */
const allowed: Record<Command, (keyof Options)[]> = {
  run: ["scheme", "output", "skip-bad-rows", "force", "kind", "sheet", "with", "source", "lang", "help"],
  check: ["scheme", "kind", "sheet", "with", "source", "lang", "help"],
  merge: ["scheme", "output", "skip-bad-rows", "force", "kind", "sheet", "lang", "help"],
  template: ["output", "scheme", "lang", "help"],
  scheme: ["output", "kind", "year", "lang", "help"],
  help: ["lang", "help"],
};

const optionSpec = {
  scheme: { type: "string" },
  output: { type: "string", short: "o" },
  "skip-bad-rows": { type: "boolean" },
  force: { type: "boolean" },
  sheet: { type: "string" },
  with: { type: "string", multiple: true },
  source: { type: "string", multiple: true },
  kind: { type: "string" },
  year: { type: "string" },
  lang: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

// ---------------------------------------------------------------- help

const kindList = schemeKinds.map((k) => `${k}（${kindNames[k].zh}）`).join("、");
const kindListEn = schemeKinds.map((k) => `${k} (${kindNames[k].en})`).join(", ");

const help: Record<Command | "main", { zh: string; en: string }> = {
  main: {
    zh: `kaohe ${version} — 考核：党建量化考核的命令行工具（不需要 Excel）

用法：
  kaohe run <输入.xlsx> [-o 输出.xlsx] [--scheme 方案.json] [--kind 类型] [--sheet 工作表] [--with 另一工作簿.xlsx] [--source 工作表] [--skip-bad-rows] [--force]
      计算考核，写出结果工作簿（默认为输入文件旁的“<文件名>-结果.xlsx”），原文件不变
  kaohe check <输入.xlsx> [--scheme 方案.json] [--kind 类型] [--sheet 工作表]
      只检查数据，列出每一个问题（工作表、行、列）
  kaohe merge <文件夹或文件...> -o 全县.xlsx [--scheme 方案.json] [--kind 类型] [--sheet 工作表] [--skip-bad-rows] [--force]
      把各乡镇上报的同类表格合并为全县一张表，计算并生成报表
  kaohe template <名称> [-o 文件.xlsx]
      生成空白标准模板（${schemeKinds.join("、")}）
  kaohe scheme <类型或输入.xlsx> [-o 方案.json]
      导出考核方案（JSON）：某类型的默认方案，或工作簿中保存的方案，修改后用 --scheme 使用
  kaohe help <命令>      查看某个命令的说明
  kaohe --version        显示版本

通用选项：
  --lang zh|en           提示语言（默认中文）
  -h, --help             显示帮助

考核类型（--kind）：${kindList}

退出码：0 成功；1 数据有问题；2 参数错误；3 输入文件无法读取；4 找不到考核表；
        5 考核方案无效；6 无法写出结果文件；70 内部错误；130 被中断（Ctrl+C）

English: kaohe --help --lang en`,
    en: `kaohe ${version} — Kaohe: quantified Party-building assessments on the command line (no Excel needed)

Usage:
  kaohe run <in.xlsx> [-o out.xlsx] [--scheme scheme.json] [--kind KIND] [--sheet SHEET] [--with other.xlsx] [--source SHEET] [--skip-bad-rows] [--force]
      compute the assessment and write a new workbook (default "<name>-结果.xlsx" beside the input);
      the input is never changed
  kaohe check <in.xlsx> [--scheme scheme.json] [--kind KIND] [--sheet SHEET]
      validate only: list every problem with its sheet, row and column
  kaohe merge <folder or files...> -o county.xlsx [--scheme scheme.json] [--kind KIND] [--sheet SHEET] [--skip-bad-rows] [--force]
      combine the townships' returns of one kind into one county table, compute, write the reports
  kaohe template <name> [-o file.xlsx]
      write a blank standard template (${schemeKinds.join(", ")})
  kaohe scheme <kind or in.xlsx> [-o scheme.json]
      export a scheme as JSON: a kind's defaults, or the one a workbook keeps; edit it and pass it with --scheme
  kaohe help <command>   help on one command
  kaohe --version        print the version

Common options:
  --lang zh|en           language of messages (Chinese by default)
  -h, --help             show help

Kinds (--kind): ${kindListEn}

Exit codes: 0 ok; 1 data problems; 2 usage error; 3 input file unreadable; 4 table not found;
            5 invalid scheme; 6 output not written; 70 internal error; 130 interrupted (Ctrl+C)

中文说明：kaohe --help`,
  },
  run: {
    zh: `kaohe run <输入.xlsx> [选项]

读取工作簿，找到考核表（按中文表头识别，表头可不在第一行、列的顺序不限），检查每一行，计算得分、排名、
等次、星级或工资，写出一个新的工作簿：原有工作表、格式和公式保留，结果列写在表格右侧，另加汇总、排名、
配额核查、公示（党员另有表彰名单、帮扶名单）、审计等报表。工作簿中有“负面清单记录”“异议记录”表的，
按考核方案的负面清单和异议处理结果计算，逐条写入“说明”和“审计”。输入文件不会被修改。
也可读取 .xls、WPS 的 .et、.ods 和 .xlsb，结果总是 .xlsx。
表中没有“乡镇”列时，乡镇取自标题（如“2025年度城关镇……”）、工作表名或文件名，并在屏幕和“审计”表中注明。

选项：
  -o, --output <文件>    结果文件（.xlsx），默认为“<输入文件名>-结果.xlsx”，不能与输入文件相同；
                         已存在的文件只在它是同一输入文件之前的结果（见其“审计”表）时替换
  --scheme <文件>        考核方案：.json 文件，或含“考核方案”工作表的 .xlsx；
                         不指定时使用工作簿中的“考核方案”表，再没有则用该类型的默认方案
  --kind <类型>          考核类型，工作簿和方案都没有说明时使用：${kindList}
  --sheet <工作表>       计算这个工作表中的表；工作簿中有几张考核表时必须指定，
                         结果文件默认为“<输入文件名>-<工作表>-结果.xlsx”，每张表一个
  --with <文件>          从另一工作簿取数（可多次指定）：如村书记表、干部表的“民主测评”“年终考评”取自
                         民主测评表的综合得分，逐人按编号或姓名和单位对应，对不上的逐人列在“关联核对”表；
                         同一工作簿中另有民主测评表时不必指定
  --source <工作表>      取数的表有几张可选时，指定读取哪一张（可多次指定）：本工作簿的工作表名，
                         或“[文件名.xlsx]工作表名”指定 --with 工作簿中的一张；不指定时读取找到的第一张
  --skip-bad-rows        跳过有问题的行继续计算，被跳过的行列在“审计”表中
  --force                结果文件已存在、又不是本输入之前的结果时，仍然替换它
  --lang zh|en           提示语言

有数据问题且未加 --skip-bad-rows 时，列出全部问题，不生成结果文件，退出码 1。`,
    en: `kaohe run <in.xlsx> [options]

Reads the workbook, finds the assessment table by its Chinese headers (anywhere in the sheet, columns in
any order), checks every row, computes scores, ranks, grades, stars or pay, and writes a new workbook: the
user's sheets, formats and formulas are kept, result columns go to the right of the table, and report
sheets are added (summary, ranking, quota check, the public notice 公示 with, for members, the
commendation and helper lists, audit); a 负面清单记录 or 异议记录 sheet in the workbook is applied by the
scheme's negative list and the objections' outcomes, each said in 说明 and 审计. The input file is never
modified. Old formats (.xls, WPS .et, .ods, .xlsb) are read too; the result is always .xlsx. A table
without a 乡镇 column takes its township from its title (such as 2025年度城关镇…), its sheet's name or the
file's name, and the screen and the 审计 sheet say which.

Options:
  -o, --output <file>    the result workbook (.xlsx); default "<input name>-结果.xlsx"; not the input itself;
                         an existing file is replaced only when it is an earlier result of the same input
                         (its 审计 sheet says so)
  --scheme <file>        the scheme: a .json file, or an .xlsx with a 考核方案 sheet; by default the
                         workbook's own 考核方案 sheet, else the kind's defaults
  --kind <kind>          the kind when neither the workbook nor the scheme says it: ${kindListEn}
  --sheet <sheet>        compute the table in this sheet; required when the workbook holds several tables;
                         the default result is then "<input name>-<sheet>-结果.xlsx", one per table
  --with <file>          take linked columns from another workbook (may be repeated): the secretaries' 民主测评
                         and the cadres' 年终考评 from the appraisal's 综合得分, person by person by ID or by
                         name and unit, everyone not matched listed on the 关联核对 sheet; an appraisal sheet
                         in the same workbook needs no --with
  --source <sheet>       where several tables could be read for a link, the one to read (may be repeated): a
                         sheet of this workbook, or "[file.xlsx]sheet" for one of a --with workbook; by
                         default the first one found
  --skip-bad-rows        compute without the rows that have problems; they are listed in the 审计 sheet
  --force                replace an existing output even when it is not an earlier result of this input
  --lang zh|en           language of messages

With data problems and without --skip-bad-rows, every problem is listed, nothing is written, exit code 1.`,
  },
  check: {
    zh: `kaohe check <输入.xlsx> [--scheme 方案] [--kind 类型] [--sheet 工作表]

只检查，不写文件：找不到表格、缺少列、分数不是数字、超过满分、编号重复等，每个问题注明工作表、行、列。
不指定 --sheet 时检查工作簿中每一张可识别的考核表（指定 --kind 时为该类型的每一张）。
没有问题时退出码 0，有数据问题时 1，找不到考核表时 4，方案无效时 5。`,
    en: `kaohe check <in.xlsx> [--scheme scheme] [--kind kind] [--sheet sheet]

Validates only and writes nothing: a missing table or column, a score that is not a number or is above
the maximum, a repeated ID, each with its sheet, row and column. Without --sheet every recognisable table
of the workbook is checked (every one of the kind, with --kind). Exit code 0 when there is no problem,
1 with data problems, 4 when no assessment table is found, 5 for an invalid scheme.`,
  },
  merge: {
    zh: `kaohe merge <文件夹或文件...> -o 全县.xlsx [选项]

把各乡镇上报的同一类考核表合并为全县一张表（标准表头），再计算并生成报表。文件夹中的所有 .xlsx（以及 .xls、
.et、.ods、.xlsb）都会读取（跳过 Excel 的临时文件“~$...”和本工具生成的“-结果.xlsx”）。每个文件的表格按表头
识别；某行“乡镇”为空或没有“乡镇”列时，取标题、工作表名或文件名中的乡镇名（如“城关镇.xlsx”），并注明取自哪里。
全县考核方案用 --scheme 指定；不指定时取多数上报文件带有的“考核方案”，屏幕和“审计”表注明取自哪个文件，
方案与之不同的上报文件逐一列出不同的设置。合并表最后一列“来源文件”注明每行来自哪个文件的第几行，问题也按
原文件的行列报告。

以下情况不生成结果文件：有文件找不到表格、是另一类考核表或表格为空（退出码 4）；有数据问题且未加
--skip-bad-rows（退出码 1）。不同文件中编号重复会列出。

选项：
  -o, --output <文件>    全县结果文件（必填），不能是任何一个输入文件（也不能是要合并的文件夹中的上报文件）；
                         已存在的文件只在它是同一批上报文件之前的结果时替换
  --scheme <文件>        全县考核方案（.json 或含“考核方案”表的 .xlsx）；不指定时用多数上报文件带有的
                         “考核方案”表，再没有则按 --kind 或多数文件的类型用默认方案
  --kind <类型>          ${kindList}
  --sheet <工作表>       每个文件只读这个工作表中的表
  --skip-bad-rows        跳过有问题的行继续计算
  --force                全县结果文件已存在、又不是这些上报文件之前的结果时，仍然替换它`,
    en: `kaohe merge <folder or files...> -o county.xlsx [options]

Combines the townships' returns of one kind into one county table under the standard header, then computes
and writes the reports. Every .xlsx (and .xls, .et, .ods, .xlsb) in a folder is read (skipping Excel's "~$..."
lock files and this tool's "-结果.xlsx" outputs). Each file's table is found by its headers; a row whose 乡镇
is blank, or a table without a 乡镇 column, takes the township its title, sheet name or file name names
(such as 城关镇.xlsx), and the screen says which. The county's scheme is --scheme; without it, the 考核方案
most returns carry, named with its file on screen and in 审计; every return whose own scheme differs is
listed with the settings that differ. The county table's last column, 来源文件, names the file and
row each row came from, and problems are reported at the file, row and column to fix.

Nothing is written when a file's table is not found, is of another kind or is empty (exit code 4), or when
there are data problems without --skip-bad-rows (exit code 1). IDs repeated across files are listed.

Options:
  -o, --output <file>    the county workbook (required); not one of the inputs (nor a return in a folder being
                         merged); an existing file is replaced only when it is an earlier result of the same returns
  --scheme <file>        the county's scheme (.json, or .xlsx with a 考核方案 sheet); by default the 考核方案
                         most returns carry, else the defaults of --kind or of the kind most files hold
  --kind <kind>          ${kindListEn}
  --sheet <sheet>        read each file's table from this sheet only
  --skip-bad-rows        compute without the rows that have problems
  --force                replace an existing county workbook even when it is not an earlier result of these returns`,
  },
  template: {
    zh: `kaohe template <名称> [-o 文件.xlsx] [--scheme 方案]

生成空白标准模板：带表头、填写校验、打印设置和“填表说明”。默认文件名为模板名称（如“乡镇干部绩效考核与绩效工资.xlsx”），
已存在的文件不会被覆盖。指定 --scheme 时按该方案生成（如本县的村书记考核指标）。

模板名称（也可用中文：村书记、干部、党员、测评、五好、台账）：
${schemeKinds.map((k) => `  ${k.padEnd(10)} ${kindNames[k].zh}`).join("\n")}`,
    en: `kaohe template <name> [-o file.xlsx] [--scheme scheme]

Writes a blank standard template: headers, input validation, print setup and the 填表说明 instructions sheet.
The default file name is the template's (such as 乡镇干部绩效考核与绩效工资.xlsx); an existing file is never
overwritten. With --scheme, the template follows that scheme (a county's own secretary items, say).

Templates:
${schemeKinds.map((k) => `  ${k.padEnd(10)} ${kindNames[k].en}`).join("\n")}`,
  },
  scheme: {
    zh: `kaohe scheme <类型或输入.xlsx> [-o 方案.json] [--kind 类型] [--year 年份]

导出考核方案为 JSON：给出类型（如 cadre）时为该类型的默认方案，每项设置的默认值和来源见 docs/settings.md 和“考核方案”表；
给出工作簿时为其中“考核方案”表保存的方案，没有则为识别出的考核类型的默认方案。不加 -o 时打印到屏幕。
修改后用 kaohe run --scheme 方案.json 计算。已存在的文件不会被覆盖。
考核年度取自数据：给出工作簿时取表格标题中的年份（如“2025年度……”）。只给类型时，
标题中的年份留作“${YEAR_BLANK}”（如“${YEAR_BLANK}年度干部考核”），计算时填入表格标题中的年份；
用 --year 2025 可直接写明年份，写明的年份计算时不会改动。`,
    en: `kaohe scheme <kind or in.xlsx> [-o scheme.json] [--kind kind] [--year year]

Exports a scheme as JSON: a kind's defaults (such as cadre), or the scheme a workbook keeps in its 考核方案
sheet, else the defaults of the kind its table is (every setting's default and source: docs/settings.md).
Without -o it is printed. Edit it and compute with
kaohe run --scheme scheme.json. An existing file is never overwritten.
The year assessed comes from the data. Given only a kind, the title's year is left as "${YEAR_BLANK}"
(${YEAR_BLANK}年度…), filled at each run with the year the table's title names; --year 2025 writes the year
in, and a year written in is never changed.`,
  },
  help: {
    zh: `kaohe help [命令]

显示总体帮助，或某个命令（run、check、merge、template、scheme）的说明。`,
    en: `kaohe help [command]

Shows the general help, or the help of one command (run, check, merge, template, scheme).`,
  },
};

// ---------------------------------------------------------------- messages

class Printer {
  constructor(
    readonly io: CliIO,
    readonly lang: Lang,
  ) {}
  /** A line of results (stdout). */
  out(zh: string, en: string = zh): void {
    this.io.stdout.write(`${this.lang === "zh" ? zh : en}\n`);
  }
  /** A warning (stderr): the work goes on. */
  warn(zh: string, en: string): void {
    this.io.stderr.write(this.lang === "zh" ? `注意：${zh}\n` : `Warning: ${en}\n`);
  }
  /**
   * An error (stderr), in the chosen language first and the other on the next line, because a Chinese
   * message may reach a console that cannot show it.
   */
  error(zh: string, en: string): void {
    const lines = this.lang === "zh" ? [`错误：${zh}`, `Error: ${en}`] : [`Error: ${en}`, `错误：${zh}`];
    this.io.stderr.write(`${lines.join("\n")}\n`);
  }
  problem(p: Problem, source?: string): void {
    const locale = this.lang === "zh" ? "zh-CN" : "en-US";
    this.io.stdout.write(`${source ? `${source} ` : ""}${describeDataProblem(p, locale)}\n`);
  }
}

const usage = (zh: string, en: string) => new CliError(ExitCode.usage, zh, en);

/** Node's parseArgs messages, in the user's words. */
function usageFromParseError(e: unknown): CliError {
  const err = e as { code?: string; message?: string };
  const msg = err.message ?? String(e);
  const opt = /'([^']+)'/.exec(msg)?.[1] ?? "";
  switch (err.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return usage(`不认识的选项 ${opt}，请用 kaohe --help 查看可用选项`, `unknown option ${opt}; see kaohe --help`);
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return usage(`选项 ${opt} 缺少取值或取值无效`, `option ${opt} needs a value (or its value is invalid)`);
    default:
      return usage(`参数有误：${msg}`, `bad arguments: ${msg}`);
  }
}

function parseKind(text: string | undefined): SchemeKind | undefined {
  if (text === undefined) return undefined;
  // --kind, in English as the scheme spells it or in Chinese as people say it; never a name every object inherits.
  const k = kindFromWord(text);
  if (!k) throw usage(`无法识别的考核类型“${text}”，可选：${kindList}`, `unknown kind "${text}"; one of ${kindListEn}`);
  return k;
}

// ---------------------------------------------------------------- files

const isXlsxName = (p: string) => extname(p).toLowerCase() === ".xlsx";

/** A workbook's name: .xlsx, or an old format read by SheetJS (the result is still .xlsx). */
const isWorkbookName = (p: string) => [".xlsx", ".xls", ".et", ".ods", ".xlsb"].includes(extname(p).toLowerCase());

/** The same file, even through a different spelling, a link, or other letter case on a disk that ignores it. */
async function samePath(a: string, b: string): Promise<boolean> {
  try {
    const [x, y] = await Promise.all([stat(a, { bigint: true }), stat(b, { bigint: true })]);
    if (x.ino !== 0n && x.dev === y.dev && x.ino === y.ino) return true;
  } catch {
    // One of them does not exist yet: compare the names.
  }
  const real = async (p: string) => {
    try {
      return await realpath(p);
    } catch {
      return resolve(p);
    }
  };
  const [x, y] = [await real(a), await real(b)];
  return process.platform === "win32" || process.platform === "darwin" ? x.toLowerCase() === y.toLowerCase() : x === y;
}

function checkOutputName(out: string): void {
  if (!isXlsxName(out)) throw usage(`结果文件名应以 .xlsx 结尾：“${out}”`, `the output file name must end in .xlsx: "${out}"`);
}

/** The default result file: beside the input, "<name>-结果.xlsx". */
export function defaultOutput(input: string, sheet?: string): string {
  // A workbook of several tables gets one result per table, never one file each run overwrites.
  const safe = (name: string) => [...name.trim()].map((ch) => (ch < " " || '<>:"/\\|?*'.includes(ch) ? "_" : ch)).join("");
  const table = sheet === undefined ? "" : `-${safe(sheet)}`;
  return join(dirname(input), `${basename(input, extname(input))}${table}-结果.xlsx`);
}

/** Before anything is read: the output's folder exists and may be written, and the output is not a folder, so a long run never ends in "cannot write". */
async function checkOutputFolder(out: string): Promise<void> {
  const dir = dirname(out);
  const fail = (zh: string, en: string) => new CliError(ExitCode.notWritten, `无法写入“${out}”：${zh}`, `cannot write "${out}": ${en}`);
  const st = await stat(dir).catch((e: NodeJS.ErrnoException) => e);
  if (st instanceof Error) {
    if (st.code === "ENOENT") throw fail(`文件夹不存在：“${dir}”。请先建立这个文件夹，或换一个位置`, `the folder does not exist: "${dir}". Create it first, or choose another place`);
    throw fail(`路径中有一段不是文件夹或无法访问（${st.code ?? st.message}），请检查路径`, `a part of the path is not a folder or cannot be reached (${st.code ?? st.message}); check the path`);
  }
  if (!st.isDirectory()) throw fail(`“${dir}”不是文件夹，请检查路径`, `"${dir}" is not a folder; check the path`);
  if (await access(dir, constants.W_OK).then(() => false, () => true)) throw fail(`没有写入文件夹“${dir}”的权限，请换一个位置`, `no permission to write in the folder "${dir}"; choose another place`);
  if ((await stat(out).catch(() => undefined))?.isDirectory()) throw fail("这个名字是一个文件夹，请换一个文件名", "that name is a folder; choose another file name");
}

/** The refusal to replace an existing output that is not an earlier result of these inputs. */
function notReplaced(out: string, of: { zh: string; en: string }): CliError {
  return new CliError(
    ExitCode.notWritten,
    `“${out}”已存在，且不是${of.zh}之前的计算结果（它的“审计”表没有记录${of.zh}），不会覆盖：它可能是另一份已填好的表。请用 -o 换一个文件名；确认可以替换时加 --force`,
    `"${out}" exists and is not an earlier result of ${of.en} (its 审计 sheet does not record it), so it will not be overwritten: it may be another filled-in workbook. Give another name with -o, or add --force to replace it`,
  );
}

/**
 * Whether the existing `out` is an earlier result of `run` on this input: its 审计 names the input
 * file (a corrected input is run again under its own name) or records its checksum (the same bytes
 * under another name), and the same table when one is named with --sheet. A county workbook or
 * anything unreadable is not.
 */
async function isEarlierRunResult(out: string, input: string, sheet?: string): Promise<boolean> {
  const record = await readResultRecord(out);
  if (!record || record.merged) return false;
  if (sheet !== undefined && record.table !== "" && record.table.trim() !== sheet.trim()) return false;
  if (record.input === basename(input)) return true;
  return record.checksum !== "" && record.checksum === sha256(await readInputBytes(input));
}

/** Whether an earlier result records the same returns: the same file names (corrected returns merged again), or the same bytes. */
function isEarlierMergeResult(record: ResultRecord, names: string[], checksum: string): boolean {
  if (record.checksum !== "" && record.checksum === checksum) return true;
  const sorted = (a: string[]) => [...a].sort().join("\n");
  return record.input !== "" && sorted(record.input.split("、")) === sorted(names);
}

/** Each problem with the setting's Chinese name (its key in English), and the row when it comes from the 考核方案 sheet. */
function schemeError(name: string, problems: SchemeProblem[], sheet?: string): CliError {
  const zh = (p: SchemeProblem) => `${p.row ? `第${p.row}行：` : ""}${p.path ? `${settingName(p.path)}（${p.path}）：` : ""}${p.zh}`;
  return new CliError(
    ExitCode.invalidScheme,
    sheet ? `考核方案“${name}”的工作表“${sheet}”有 ${problems.length} 个问题：` : `考核方案“${name}”有 ${problems.length} 个问题：`,
    sheet ? `the ${sheet} sheet of the scheme "${name}" has ${problems.length} problem(s):` : `the scheme "${name}" has ${problems.length} problem(s):`,
    problems.map((p) => ({ zh: zh(p), en: describeProblem(p, "en-US") })),
  );
}

/** A scheme from a .json file, or from the 考核方案 sheet of an .xlsx; every problem is listed. */
async function loadScheme(path: string): Promise<Scheme> {
  const name = basename(path);
  if (isWorkbookName(path)) {
    let opened: OpenedWorkbook;
    try {
      opened = await openXlsx(path);
    } catch (e) {
      if (e instanceof CliError) throw new CliError(ExitCode.invalidScheme, `无法读取考核方案：${e.zh}`, `cannot read the scheme: ${e.en}`);
      throw e;
    }
    const sheet = opened.data.sheets.find((s) => s.name === SCHEME_SHEET);
    if (!sheet) throw new CliError(ExitCode.invalidScheme, `“${name}”中没有“${SCHEME_SHEET}”工作表`, `"${name}" has no ${SCHEME_SHEET} sheet`);
    const r = schemeFromSheet(sheet);
    if (!r.scheme) throw schemeError(name, r.problems, SCHEME_SHEET);
    return r.scheme;
  }
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    const why = code === "ENOENT" ? { zh: "文件不存在", en: "the file does not exist" } : { zh: String(code ?? e), en: String(code ?? e) };
    throw new CliError(ExitCode.invalidScheme, `无法读取考核方案“${path}”：${why.zh}`, `cannot read the scheme "${path}": ${why.en}`);
  }
  // Notepad on Windows saves UTF-8 with a byte-order mark, which JSON.parse rejects.
  const r = schemeFromJson(text.replace(/^\uFEFF/, ""));
  if (!r.scheme) throw schemeError(name, r.problems);
  return r.scheme;
}

/**
 * The .xlsx files to merge: the files given, and every .xlsx in the folders given (not lock files or
 * our own results). The output is never one of them: when it is a folder's file, an earlier county
 * workbook (`outIsCounty`) is left out, anything else is a return and the merge is refused.
 */
async function mergeInputs(paths: string[], out: string, outIsCounty: boolean, p: Printer): Promise<string[]> {
  const files: string[] = [];
  let skipped = 0;
  for (const given of paths) {
    let st;
    try {
      st = await stat(given);
    } catch {
      throw new CliError(ExitCode.unreadable, `找不到“${given}”，请检查路径`, `"${given}" does not exist; check the path`);
    }
    if (st.isDirectory()) {
      const names = (await readdir(given)).filter((n) => isWorkbookName(n)).sort((a, b) => a.localeCompare(b, "zh-CN"));
      for (const n of names) {
        if (n.startsWith("~$") || n.startsWith(".") || n.endsWith("-结果.xlsx")) {
          skipped++;
          continue;
        }
        files.push(join(given, n));
      }
    } else {
      if (await samePath(given, out)) throw usage(`结果文件不能是输入文件之一：“${given}”`, `the output cannot be one of the inputs: "${given}"`);
      files.push(given);
    }
  }
  const unique: string[] = [];
  for (const f of files) {
    if (await samePath(f, out)) {
      if (!outIsCounty)
        throw usage(
          `结果文件“${out}”是要合并的文件夹中的一份上报文件，不能用来写全县结果（它会被覆盖，它的乡镇也会漏掉）。请把全县结果写到这个文件夹之外，或用以“-结果.xlsx”结尾的文件名`,
          `the output "${out}" is a return in the folder being merged; it cannot take the county workbook (it would be overwritten and its township left out). Write the county workbook outside the folder, or use a name ending in "-结果.xlsx"`,
        );
      skipped++;
      continue;
    }
    if (!(await Promise.all(unique.map((u) => samePath(u, f)))).some(Boolean)) unique.push(f);
  }
  if (skipped) p.warn(`已跳过 ${skipped} 个临时文件或结果文件`, `skipped ${skipped} lock or result file(s)`);
  if (unique.length === 0) throw new CliError(ExitCode.unreadable, "没有找到要合并的 .xlsx 文件", "no .xlsx files to merge were found");
  return unique;
}

// ---------------------------------------------------------------- progress

const stageEn: Record<string, string> = {
  读取文件: "reading",
  方案: "scheme",
  查找表格: "finding the table",
  检查数据: "checking",
  计算: "computing",
  完成: "done",
  合并: "merging",
  写入文件: "writing",
};

function progressFor(io: CliIO, lang: Lang, checking = false): { progress: Progress; stage: (s: string, done?: number, total?: number) => void } {
  const progress = createProgress(io.stderr, checking ? (lang === "zh" ? "检查中" : "Checking") : lang === "zh" ? "计算中" : "Working");
  return { progress, stage: (s, done = 0, total = 1) => progress.update(lang === "zh" ? s : (stageEn[s] ?? s), done, total) };
}

// ---------------------------------------------------------------- the outcome of a run

/** The exit code and the messages for a pipeline result that made no plan; `check` never writes, so it does not say nothing was written. */
function reportFailure(result: RunResult, p: Printer, place: (problem: Problem) => { problem: Problem; source?: string } = (problem) => ({ problem }), checking = false): number {
  for (const problem of result.problems) {
    const placed = place(problem);
    p.problem(placed.problem, placed.source);
  }
  const n = result.problems.length;
  switch (result.status) {
    case "badScheme":
      if (checking) p.error(`考核方案无效（${n} 个问题，见上），请修改方案后再检查`, `the scheme is invalid (${n} problem(s), see above); fix the scheme and check again`);
      else p.error(`考核方案无效（${n} 个问题），未生成结果文件`, `the scheme is invalid (${n} problem(s)); nothing was written`);
      return ExitCode.invalidScheme;
    case "noTable":
      if (checking) p.error("找不到可检查的考核表（见上），请检查表头，或用 --kind 指定考核类型", "no assessment table to check (see above); check the headers, or give the kind with --kind");
      else p.error("找不到可计算的考核表（见上），未生成结果文件", "no assessment table to compute (see above); nothing was written");
      return ExitCode.tableNotFound;
    default:
      if (checking) {
        p.error(`发现 ${n} 个数据问题（见上）。请修改后再检查；计算时也可加 --skip-bad-rows 跳过有问题的行`, `found ${n} data problem(s) (see above). Fix them and check again; a run can also skip those rows with --skip-bad-rows`);
        return ExitCode.dataProblems;
      }
      p.error(
        `发现 ${n} 个数据问题（见上），未生成结果文件。请修改后重试，或加 --skip-bad-rows 跳过有问题的行`,
        `found ${n} data problem(s) (see above); nothing was written. Fix them and run again, or add --skip-bad-rows`,
      );
      return ExitCode.dataProblems;
  }
}

/** The one-screen summary after a successful run. */
function printSummary(result: RunResult, out: string, p: Printer): void {
  const summary = result.plan!.summary;
  for (const line of p.lang === "zh" ? summary.zh : summary.en) p.out(line);
  const shown = result.ignored.slice(0, 10);
  if (shown.length) {
    p.out(`未计算的行（${result.ignored.length}）：`, `Rows not computed (${result.ignored.length}):`);
    for (const r of shown) p.out(`  第${r.row}行：${r.zh}`, `  row ${r.row}: ${r.en}`);
    if (result.ignored.length > shown.length) p.out(`  ……另有 ${result.ignored.length - shown.length} 行，见“审计”表`, `  … ${result.ignored.length - shown.length} more; see the 审计 sheet`);
  }
  p.out(`结果已写入：${out}`, `Written: ${out}`);
}

// ---------------------------------------------------------------- commands


interface Context {
  io: CliIO;
  p: Printer;
  cwd: string;
  now: Date;
  opts: Options;
  args: string[];
}

async function schemeAndKind(ctx: Context): Promise<{ scheme?: Scheme; kind?: SchemeKind }> {
  const kind = parseKind(ctx.opts.kind);
  const scheme = ctx.opts.scheme !== undefined ? await loadScheme(resolve(ctx.cwd, ctx.opts.scheme)) : undefined;
  if (scheme && kind && scheme.kind !== kind)
    throw usage(`--kind ${ctx.opts.kind} 与考核方案的类型（${scheme.kind}）不一致`, `--kind ${ctx.opts.kind} differs from the scheme's kind (${scheme.kind})`);
  return { scheme, kind };
}

function oneInput(ctx: Context, command: Command): string {
  if (ctx.args.length === 0) throw usage(`缺少输入文件：kaohe ${command} <输入.xlsx>`, `missing the input file: kaohe ${command} <in.xlsx>`);
  if (ctx.args.length > 1) throw usage(`只能指定一个输入文件（多出：${ctx.args.slice(1).join(" ")}）`, `only one input file is allowed (extra: ${ctx.args.slice(1).join(" ")})`);
  return resolve(ctx.cwd, ctx.args[0]);
}

async function runCommand(ctx: Context, checkOnly: boolean): Promise<number> {
  const { io, p } = ctx;
  const input = oneInput(ctx, checkOnly ? "check" : "run");
  let out: string | undefined;
  if (!checkOnly) {
    out = ctx.opts.output !== undefined ? resolve(ctx.cwd, ctx.opts.output) : defaultOutput(input, ctx.opts.sheet);
    checkOutputName(out);
    if (await samePath(out, input)) throw usage("结果文件不能与输入文件相同：输入文件不会被修改，请用 -o 指定另一个文件名", "the output cannot be the input file: the input is never modified; give another name with -o");
    await checkOutputFolder(out);
    if (!ctx.opts.force && (await exists(out)) && !(await isEarlierRunResult(out, input, ctx.opts.sheet))) throw notReplaced(out, { zh: `“${basename(input)}”`, en: `"${basename(input)}"` });
  }
  const { scheme, kind } = await schemeAndKind(ctx);
  const { progress, stage } = progressFor(io, p.lang, checkOnly);
  try {
    stage("读取文件");
    const opened = await openXlsx(input);
    const invisible = invisibleCharacters(opened.data);
    const withBooks = [];
    for (const f of ctx.opts.with ?? []) {
      const o = await openXlsx(resolve(ctx.cwd, f));
      withBooks.push({ name: o.name, workbook: o.data });
    }
    let sheet = ctx.opts.sheet;
    if (ctx.opts.sheet === undefined) {
      // run: any two tables could share one result file's name; check: the tables of the kind asked for.
      const tables = recognisedTables(opened.data, checkOnly ? { scheme, kind } : { anyKind: true });
      // One table whose links read all the others (村书记考核 beside its 民主测评) is the one to compute.
      const takers = tables.filter((t) => tables.every((o) => o === t || sourceKinds(t.kind).includes(o.kind)));
      if (!checkOnly && tables.length > 1 && takers.length === 1) sheet = takers[0].sheet;
      else if (tables.length > 1) {
        progress.finish();
        if (checkOnly) return checkEach(ctx, opened, tables, scheme, kind);
        throw severalTables(opened.name, tables);
      }
    }
    const result = runAssessment(opened.data, {
      scheme,
      kind,
      sheet,
      with: withBooks,
      sources: ctx.opts.source?.length ? chosenSources(ctx.opts.source, opened.data, withBooks, sheet) : undefined,
      skipBadRows: Boolean(ctx.opts["skip-bad-rows"]),
      now: ctx.now,
      inputName: opened.name,
      inputChecksum: opened.checksum,
      auditNotes: [...unkeptAuditNotes(opened.unkept), ...(invisible ? [["看不见的字符", invisible.zh, "原文件不受影响"] as [string, string, string]] : [])],
      onProgress: stage,
    });
    if (result.status !== "ok" || !result.plan) {
      progress.finish();
      return reportFailure(result, p, undefined, checkOnly);
    }
    if (invisible) {
      progress.finish();
      p.warn(invisible.zh, invisible.en);
    }
    for (const w of withBooks.filter((b) => !result.linkedUsed?.includes(b.name))) {
      progress.finish();
      p.warn(`“${w.name}”中没有本表可以取数的考核表，未使用（${kindNames[result.scheme.kind].zh}从中取数的表：${sourceKinds(result.scheme.kind).map((k) => kindNames[k].zh).join("、") || "无"}）`, `"${w.name}" holds no table this one takes values from, so it was not used`);
    }
    if (checkOnly) {
      progress.finish();
      if (result.township) p.out(describeTownshipSource(result.township).zh, describeTownshipSource(result.township).en);
      p.out(`检查通过：${result.plan.summary.title}，${result.plan.summary.rows} 行数据，未发现问题`, `No problems: ${result.plan.summary.title}, ${result.plan.summary.rows} data rows`);
      return ExitCode.ok;
    }
    stage("写入文件", 9, 10);
    if (opened.unkept.length) {
      progress.finish();
      p.warn(
        `输入文件中的${opened.unkept.map((u) => u.zh).join("、")}无法带入结果文件（原文件不受影响），请在原文件中查看`,
        `the input's ${opened.unkept.map((u) => u.en).join(", ")} cannot be carried into the result workbook (the input is unchanged); see them in the input`,
      );
    }
    // Values written over the template's formulas are said, in the summary and in 审计, before drawing.
    noteReplacedFormulas(result.plan, replacedFormulas(result.plan, opened.holdsFormula));
    // The input's values and the table read from them are done with once the plan is made: released
    // before the writer makes its buffers (at 100,000 members they are a third of the heap).
    opened.data = { sheets: [] };
    result.table = undefined;
    withBooks.length = 0;
    await writeResult(opened, result.plan, out!);
    progress.finish();
    printSummary(result, out!, p);
    return ExitCode.ok;
  } finally {
    progress.finish();
  }
}

const tableList = (tables: readonly RecognisedTable[], zh: boolean) =>
  tables.map((t) => (zh ? `工作表“${t.sheet}”（${kindNames[t.kind].zh}）` : `sheet "${t.sheet}" (${kindNames[t.kind].en})`)).join(zh ? "、" : ", ");

/** `run` on a workbook of several tables computes the one named with --sheet, into a result file of its own. */
function severalTables(name: string, tables: readonly RecognisedTable[]): CliError {
  const first = tables[0].sheet;
  return usage(
    `“${name}”中有 ${tables.length} 张考核表：${tableList(tables, true)}。请用 --sheet 指定要计算的一张，如 --sheet ${first}（结果写入“${basename(defaultOutput(name, first))}”，每张表一个结果文件）`,
    `"${name}" holds ${tables.length} assessment tables: ${tableList(tables, false)}. Name the one to compute with --sheet, such as --sheet ${first} (written to "${basename(defaultOutput(name, first))}", one result file per table)`,
  );
}

/** `check` without --sheet checks every table of the workbook; the exit code is the gravest outcome. */
function checkEach(ctx: Context, opened: OpenedWorkbook, tables: readonly RecognisedTable[], scheme: Scheme | undefined, kind: SchemeKind | undefined): number {
  const { p } = ctx;
  p.out(`“${opened.name}”中有 ${tables.length} 张考核表：${tableList(tables, true)}，逐一检查：`, `"${opened.name}" holds ${tables.length} assessment tables: ${tableList(tables, false)}; checking each:`);
  const codes: number[] = [];
  for (const t of tables) {
    p.out("");
    p.out(`—— 工作表“${t.sheet}”（${kindNames[t.kind].zh}）`, `—— sheet "${t.sheet}" (${kindNames[t.kind].en})`);
    const result = runAssessment(opened.data, { scheme, kind: scheme ? undefined : (kind ?? t.kind), sheet: t.sheet, now: ctx.now, inputName: opened.name });
    if (result.status !== "ok" || !result.plan) codes.push(reportFailure(result, p, undefined, true));
    else {
      const summary = result.plan.summary;
      if (result.township) p.out(describeTownshipSource(result.township).zh, describeTownshipSource(result.township).en);
      p.out(`检查通过：${summary.title}，${summary.rows} 行数据，未发现问题`, `No problems: ${summary.title}, ${summary.rows} data rows`);
      codes.push(ExitCode.ok);
    }
  }
  const gravest = [ExitCode.invalidScheme, ExitCode.tableNotFound, ExitCode.dataProblems].find((c) => codes.includes(c));
  return gravest ?? ExitCode.ok;
}

async function mergeCommand(ctx: Context): Promise<number> {
  const { io, p } = ctx;
  if (ctx.args.length === 0) throw usage("缺少要合并的文件或文件夹：kaohe merge <文件夹或文件...> -o 全县.xlsx", "missing the files or folder to merge: kaohe merge <folder or files...> -o county.xlsx");
  if (ctx.opts.output === undefined) throw usage("合并需要用 -o 指定全县结果文件，如 -o 全县.xlsx", "merge needs the county workbook's name: -o county.xlsx");
  const out = resolve(ctx.cwd, ctx.opts.output);
  checkOutputName(out);
  await checkOutputFolder(out);
  const force = Boolean(ctx.opts.force);
  // null: a file is there that cannot be read as a workbook.
  const existing = (await exists(out)) ? ((await readResultRecord(out)) ?? null) : undefined;
  const { scheme: given, kind } = await schemeAndKind(ctx);
  const files = await mergeInputs(
    ctx.args.map((a) => resolve(ctx.cwd, a)),
    out,
    existing?.merged === true,
    p,
  );
  const theseReturns = { zh: "这些上报文件", en: "these returns" };
  // A file that records no input at all is refused before thirty townships' files are read.
  if (existing !== undefined && !force && !(existing?.input || existing?.checksum)) throw notReplaced(out, theseReturns);
  const { progress, stage } = progressFor(io, p.lang);
  try {
    // Every file is read before anything is reported, so one run names every unreadable file.
    // Only the values are kept: ExcelJS's model of thirty townships' files would hold memory for nothing.
    const opened: ReadReturn[] = [];
    const unreadable: CliError[] = [];
    for (const [i, f] of files.entries()) {
      stage("读取文件", i, files.length);
      try {
        const { name, checksum, data } = await openXlsx(f);
        opened.push({ name, checksum, data });
      } catch (e) {
        if (!(e instanceof CliError)) throw e;
        unreadable.push(e);
      }
    }
    if (unreadable.length) {
      progress.finish();
      throw new CliError(ExitCode.unreadable, `有 ${unreadable.length} 个文件无法读取，未合并：`, `${unreadable.length} file(s) cannot be read; nothing was merged:`, unreadable.map((e) => ({ zh: e.zh, en: e.en })));
    }
    // A county workbook this command wrote earlier holds every township's rows again: never a return.
    const previous = opened.filter((o) => o.data.sheets.some((s) => s.name === SOURCES_SHEET));
    for (const o of previous) p.warn(`“${o.name}”是之前合并生成的全县文件，已跳过`, `"${o.name}" is an earlier merge's county workbook; skipped`);
    const returns = opened.filter((o) => !previous.includes(o));
    if (returns.length === 0) throw new CliError(ExitCode.unreadable, "没有找到要合并的乡镇上报文件", "no township returns to merge were found");
    const checksum = createHash("sha256")
      .update(returns.map((o) => `${o.name}\t${o.checksum}\n`).join(""))
      .digest("hex");
    if (existing && !force && !isEarlierMergeResult(existing, returns.map((o) => o.name), checksum)) {
      progress.finish();
      throw notReplaced(out, theseReturns);
    }
    const sources: MergeSource[] = returns.map((o) => ({ name: o.name, data: o.data }));
    const chosen = mergeScheme(sources, { scheme: given, kind, now: ctx.now });
    if (!chosen.scheme) {
      progress.finish();
      if (chosen.problems.length) {
        for (const pr of chosen.problems) p.problem(pr, chosen.source);
        throw new CliError(ExitCode.invalidScheme, "上报文件中的考核方案无效（见上），未合并", "the scheme in the returns is invalid (see above); nothing was merged");
      }
      throw new CliError(ExitCode.tableNotFound, "这些文件中找不到可识别的考核表，请检查表头，或用 --kind 指定考核类型", "no assessment table was recognised in these files; check the headers or give --kind");
    }
    const scheme = chosen.scheme;
    stage("合并");
    const merged = mergeReturns(sources, scheme, { sheet: ctx.opts.sheet });
    progress.finish();

    p.out(`合并 ${sources.length} 个文件（${kindNames[scheme.kind].zh}）：`, `Merging ${sources.length} file(s) (${kindNames[scheme.kind].en}):`);
    for (const s of merged.sources) {
      const found = merged.townships.find((t) => t.source === s.name)?.township;
      const t = found ? describeTownshipSource(found) : undefined;
      p.out(s.sheet ? `  ${s.name}：工作表“${s.sheet}”，${s.rows} 行${t ? `；${t.zh}` : ""}` : `  ${s.name}：未找到表格`, s.sheet ? `  ${s.name}: sheet "${s.sheet}", ${s.rows} rows${t ? `; ${t.en}` : ""}` : `  ${s.name}: no table found`);
    }
    const schemeNotes = countySchemeNotes(chosen, ctx.opts.scheme, sources.length);
    p.out(schemeNotes.said.zh, schemeNotes.said.en);
    for (const d of chosen.differing ?? []) {
      const diff = describeDifferences(d.differences);
      p.warn(`“${d.source}”自带的考核方案与全县方案不同，按全县方案计算：${diff.zh}`, `the scheme "${d.source}" carries differs from the county's, which is used: ${diff.en}`);
    }
    const blocking = merged.conflicts.filter((c) => c.kind !== "duplicateId");
    const duplicates = merged.conflicts.filter((c) => c.kind === "duplicateId");
    for (const c of duplicates) p.warn(c.zh, c.en);
    if (blocking.length)
      throw new CliError(ExitCode.tableNotFound, `有 ${blocking.length} 个文件不能合并，未生成结果文件：`, `${blocking.length} file(s) cannot be merged; nothing was written:`, blocking.map((c) => ({ zh: c.zh, en: c.en })));

    const result = runAssessment(merged.workbook, {
      scheme,
      skipBadRows: Boolean(ctx.opts["skip-bad-rows"]),
      now: ctx.now,
      inputName: returns.map((o) => o.name).join("、"),
      inputChecksum: checksum,
      auditNotes: [
        ...schemeNotes.audit,
        ...merged.townships.map<[string, string, string]>((t) => ["乡镇来源", t.source, describeTownshipSource(t.township).zh]),
      ],
      onProgress: stage,
    });
    if (result.status !== "ok" || !result.plan) {
      progress.finish();
      return reportFailure(result, p, (problem) => sourceProblem(problem, merged));
    }
    stage("写入文件", 9, 10);
    const wb = workbookFromData(merged.workbook, { [merged.sheet]: 1 });
    addSourcesSheet(wb, merged, returns);
    drawPlan(wb, result.plan);
    await writeXlsxAtomic(wb, out);
    progress.finish();
    printSummary(result, out, p);
    return ExitCode.ok;
  } finally {
    progress.finish();
  }
}

type ReadReturn = Pick<OpenedWorkbook, "name" | "checksum" | "data">;

/** Where the county's scheme came from, said on screen and kept in 审计, with each return whose own scheme differs. */
function countySchemeNotes(chosen: MergeSchemeChoice, schemeFile: string | undefined, returns: number): { said: { zh: string; en: string }; audit: [string, string, string][] } {
  const said =
    chosen.from === "given"
      ? { zh: `全县考核方案：--scheme “${schemeFile}”`, en: `The county's scheme: --scheme "${schemeFile}"` }
      : chosen.from === "return"
        ? {
            zh: `全县考核方案：取自“${chosen.source}”的“考核方案”（${chosen.sharedBy} 个上报文件带有这一方案，共 ${returns} 个文件）。要用县里自己的方案，请加 --scheme 方案.json`,
            en: `The county's scheme: taken from the 考核方案 of "${chosen.source}" (${chosen.sharedBy} of ${returns} returns carry it). To use the county's own, add --scheme scheme.json`,
          }
        : { zh: "全县考核方案：默认方案（上报文件都没有“考核方案”表）", en: "The county's scheme: the defaults (no return carries a 考核方案)" };
  const audit: [string, string, string][] = [["全县考核方案", chosen.from === "given" ? `--scheme ${schemeFile}` : chosen.from === "return" ? (chosen.source ?? "") : "默认方案", said.zh]];
  for (const d of chosen.differing ?? []) audit.push(["方案不同的上报文件", d.source, `按全县方案计算；不同的设置：${describeDifferences(d.differences, 50).zh}`]);
  return { said, audit };
}

function addSourcesSheet(wb: Workbook, merged: MergeResult, opened: ReadReturn[]): void {
  const ws = wb.addWorksheet(SOURCES_SHEET);
  ws.addRow(["文件", "工作表", "行数", "SHA-256"]).font = { bold: true };
  for (const s of merged.sources) ws.addRow([s.name, s.sheet ?? "", s.rows, opened.find((o) => o.name === s.name)?.checksum ?? ""]);
  ws.columns.forEach((c, i) => {
    c.width = [28, 16, 8, 68][i];
  });
}

const templateList = schemeKinds.map((k) => `  ${k.padEnd(10)} ${templateSpec(k).title}`).join("\n");

/** A blank standard template; never written over an existing file, which may be a filled-in workbook. */
async function templateCommand(ctx: Context): Promise<number> {
  const { p } = ctx;
  if (ctx.args.length > 1) throw usage(`只能指定一个模板（多出：${ctx.args.slice(1).join(" ")}）`, `only one template at a time (extra: ${ctx.args.slice(1).join(" ")})`);
  const given = ctx.opts.scheme !== undefined ? await loadScheme(resolve(ctx.cwd, ctx.opts.scheme)) : undefined;
  const kind = ctx.args[0] !== undefined ? parseKind(ctx.args[0]) : given?.kind;
  if (!kind) throw usage(`请指定模板名称：kaohe template <名称> -o 文件.xlsx。可用模板：\n${templateList}`, `name the template: kaohe template <name> -o file.xlsx. Templates:\n${templateList}`);
  if (given && given.kind !== kind) throw usage(`模板“${ctx.args[0]}”与考核方案的类型（${given.kind}）不一致`, `template "${ctx.args[0]}" differs from the scheme's kind (${given.kind})`);
  const spec = templateSpec(kind, { scheme: given });
  const out = resolve(ctx.cwd, ctx.opts.output ?? spec.fileName);
  checkOutputName(out);
  if (await exists(out))
    throw new CliError(ExitCode.notWritten, `“${out}”已存在，不会覆盖（它可能是已填好的表）。请换一个文件名，或先删除它`, `"${out}" exists and will not be overwritten (it may be a filled-in workbook); choose another name or delete it first`);
  const wb = renderTemplate(spec, undefined, { date: ctx.now });
  await writeBytesAtomic(() => workbookBytes(wb, ctx.now), out);
  p.out(`已生成模板${quoted(spec.title)}：${out}`, `Template "${spec.title}" written: ${out}`);
  return ExitCode.ok;
}

/** The --year of kaohe scheme: a year of four digits, else a usage error; none leaves the title's year blank. */
function schemeYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^(19|20)\d{2}$/.test(text.trim())) throw usage(`--year 应为四位年份，如 --year 2025（现为“${text}”）`, `--year is a year of four digits, such as --year 2025 (not "${text}")`);
  return Number(text.trim());
}

/** A scheme as JSON: a kind's defaults, or the one a workbook keeps (else its kind's defaults). */
async function schemeCommand(ctx: Context): Promise<number> {
  const { p } = ctx;
  if (ctx.args.length !== 1) throw usage("请给出一个考核类型或一个工作簿：kaohe scheme <类型或输入.xlsx> [-o 方案.json]", "give one kind or one workbook: kaohe scheme <kind or in.xlsx> [-o scheme.json]");
  const arg = ctx.args[0];
  let scheme: Scheme | undefined;
  if (isWorkbookName(arg)) {
    const opened = await openXlsx(resolve(ctx.cwd, arg));
    const r = resolveScheme(opened.data, { kind: ctx.opts.kind ? parseKind(ctx.opts.kind) : undefined, now: ctx.now });
    if (!r.scheme && r.problems.length)
      throw new CliError(
        ExitCode.invalidScheme,
        `“${basename(arg)}”中保存的考核方案有 ${r.problems.length} 个问题：`,
        `the scheme kept in "${basename(arg)}" has ${r.problems.length} problem(s):`,
        r.problems.map((x) => ({ zh: describeDataProblem(x, "zh-CN"), en: describeDataProblem(x, "en-US") })),
      );
    scheme = r.scheme;
    if (!scheme) throw new CliError(ExitCode.tableNotFound, `“${arg}”中找不到可识别的考核表，请用 --kind 指定类型`, `no assessment table found in "${arg}"; give the kind with --kind`);
  } else {
    // Not a workbook: a kind, or a usage error naming the kinds.
    const kind = parseKind(arg)!;
    scheme = defaultScheme(kind, schemeYear(ctx.opts.year));
  }
  const json = schemeToJson(scheme) + "\n";
  if (ctx.opts.output === undefined) {
    ctx.io.stdout.write(json);
    return ExitCode.ok;
  }
  const out = resolve(ctx.cwd, ctx.opts.output);
  if (await exists(out))
    throw new CliError(ExitCode.notWritten, `“${out}”已存在，不会覆盖。请换一个文件名，或先删除它`, `"${out}" exists and will not be overwritten; choose another name or delete it first`);
  await writeBytesAtomic(async () => Buffer.from(json, "utf8"), out);
  p.out(`已导出考核方案${quoted(scheme.title)}：${out}`, `Scheme "${scheme.title}" written: ${out}`);
  return ExitCode.ok;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- entry

function languageOf(argv: string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = a === "--lang" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice(7) : undefined;
    if (v !== undefined) return /^en/i.test(v) ? "en" : "zh";
  }
  return "zh";
}

function printCliError(e: CliError, p: Printer): void {
  p.error(e.zh, e.en);
  for (const d of e.details) p.io.stderr.write(`  ${p.lang === "zh" ? d.zh : d.en}\n`);
}

/**
 * Runs `kaohe` with these arguments (without "node" and the script) and returns the exit code. It never
 * throws: every failure becomes a message on stderr and an exit code from ExitCode.
 */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const lang = languageOf(argv);
  const p = new Printer(io, lang);
  try {
    let parsed: { values: Options; positionals: string[] };
    try {
      parsed = parseArgs({ args: argv, options: optionSpec, allowPositionals: true, strict: true }) as { values: Options; positionals: string[] };
    } catch (e) {
      throw usageFromParseError(e);
    }
    const { values: opts, positionals } = parsed;
    if (opts.lang !== undefined && !/^(zh|en)/i.test(opts.lang)) throw usage(`--lang 只能是 zh 或 en（现为“${opts.lang}”）`, `--lang is zh or en (not "${opts.lang}")`);
    if (opts.version) {
      io.stdout.write(`kaohe ${version}\n`);
      return ExitCode.ok;
    }
    const [first, ...args] = positionals;
    if (first === undefined) {
      io.stdout.write(`${help.main[lang]}\n`);
      return opts.help ? ExitCode.ok : ExitCode.usage;
    }
    if (!commands.includes(first as Command)) {
      const hint = isWorkbookName(first) ? { zh: `，计算请用 kaohe run ${first}`, en: `; to compute, use kaohe run ${first}` } : { zh: "", en: "" };
      throw usage(`不认识的命令“${first}”${hint.zh}。可用命令：run、check、merge、template、help`, `unknown command "${first}"${hint.en}. Commands: run, check, merge, template, help`);
    }
    const command = first as Command;
    if (command === "help" || opts.help) {
      const topic = command === "help" ? args[0] : command;
      if (topic !== undefined && !commands.includes(topic as Command)) throw usage(`没有“${topic}”命令的说明`, `there is no command "${topic}"`);
      io.stdout.write(`${help[(topic as Command | undefined) ?? "main"][lang]}\n`);
      return ExitCode.ok;
    }
    for (const key of Object.keys(opts) as (keyof Options)[]) {
      if (!allowed[command].includes(key)) {
        const flag = key === "output" ? "-o/--output" : `--${key}`;
        throw usage(`kaohe ${command} 不接受选项 ${flag}，请用 kaohe help ${command} 查看用法`, `kaohe ${command} does not take ${flag}; see kaohe help ${command}`);
      }
    }
    const ctx: Context = { io, p, cwd: io.cwd ?? process.cwd(), now: io.now?.() ?? new Date(), opts, args };
    switch (command) {
      case "run":
        return await runCommand(ctx, false);
      case "check":
        return await runCommand(ctx, true);
      case "merge":
        return await mergeCommand(ctx);
      case "template":
        return await templateCommand(ctx);
      case "scheme":
        return await schemeCommand(ctx);
    }
  } catch (e) {
    if (e instanceof CliError) {
      printCliError(e, p);
      // ExcelJS's own words, for the maintainers only.
      if (io.env?.KAOHE_DEBUG === "1" && e.cause !== undefined) io.stderr.write(`${e.cause instanceof Error ? (e.cause.stack ?? e.cause.message) : String(e.cause)}\n`);
      return e.exitCode;
    }
    const message = e instanceof Error ? e.message : String(e);
    p.error(`内部错误：${message}。请把输入文件和这条信息交给维护人员`, `internal error: ${message}. Please send the input file and this message to the maintainers`);
    if (io.env?.KAOHE_DEBUG === "1" && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
    return ExitCode.internal;
  }
  return ExitCode.internal;
}
