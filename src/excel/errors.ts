// The add-in's messages in Chinese and English, and how an Office.js error becomes a HostError that says what happened and what was written.
import type { Locale } from "../core/messages";
import { describeProblem, type SchemeProblem } from "../core/scheme";
import { HostError, type DrawReport } from "./ops";

export type Message = Record<Locale, string>;

/** 工作表“汇总” / sheet "汇总", or the workbook when no one sheet is concerned. */
const where = (sheet: string): Message => (sheet ? { "zh-CN": `工作表“${sheet}”`, "en-US": `sheet "${sheet}"` } : { "zh-CN": "工作簿", "en-US": "the workbook" });

const list = (names: readonly string[], locale: Locale) => (names.length ? names.map((n) => (locale === "zh-CN" ? `“${n}”` : `"${n}"`)).join(locale === "zh-CN" ? "、" : ", ") : locale === "zh-CN" ? "无" : "none");

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Which Excel runs the add-in, and what the others do instead: said wherever a feature is missing. */
export const supportedExcel: Message = {
  "zh-CN":
    "本加载项支持的版本：Microsoft 365 Windows 版 2002 及以上、Excel 2021 LTSC 2108 及以上、Mac 版 16.35 及以上、Excel 网页版；Excel 2016 和 2019 无法运行本加载项，请改用命令行 kaohe，或使用已冻结为数值的报表副本",
  "en-US":
    "The add-in runs on Microsoft 365 for Windows from Version 2002, Excel 2021 LTSC from Version 2108, Excel for Mac from 16.35, and Excel on the web; Excel 2016 and 2019 cannot run it: use the command line (kaohe) or the report copies frozen as values",
};

/** The ExcelApi every host of the add-in has (the shared runtime's floor): anything newer is a feature some of them lack. */
const FLOOR_MINOR = 10;

/** Where a feature of ExcelApi `version` is found: any Excel that runs the add-in, or an up-to-date one. */
function whereToGet(version: string): Message {
  const minor = Number(version.split(".")[1] ?? 0);
  return minor <= FLOOR_MINOR
    ? { "zh-CN": "请升级 Excel", "en-US": "Update Excel" }
    : { "zh-CN": "Excel 网页版和更新到最新的 Microsoft 365 都有此功能", "en-US": "Excel on the web and an up-to-date Microsoft 365 have it" };
}

/** The features that need a requirement set some Excel lacks, in the words of needsApi. */
export const features = {
  copySheet: { "zh-CN": "复制工作表（冻结报表）", "en-US": "copy sheets (to freeze the reports)" },
  waitForCellEdit: { "zh-CN": "等单元格编辑结束后再操作", "en-US": "wait until a cell has been edited before working" },
  exactSpills: { "zh-CN": "准确识别公式的溢出区域（否则按公式下方的数值推断）", "en-US": "tell exactly which cells a formula spills into (otherwise guessed from the values under a formula)" },
  mergedAreas: { "zh-CN": "读取合并单元格（否则合并的乡镇、支部名称按首行向下填充）", "en-US": "read merged cells (otherwise a merged township or branch name is filled down from its first row)" },
  oneUndoStep: { "zh-CN": "一步撤销一次计算写入的结果列", "en-US": "undo the result columns of a run in one step" },
} satisfies Record<string, Message>;

/** Each feature above the floor, with the ExcelApi version it needs. */
export const featureSets: readonly { feature: Message; version: string }[] = [
  { feature: features.waitForCellEdit, version: "1.11" },
  { feature: features.exactSpills, version: "1.12" },
  { feature: features.mergedAreas, version: "1.13" },
  { feature: features.oneUndoStep, version: "1.20" },
];

/** Every message the Office.js adapter shows, by locale. */
export const messages = {
  notInExcel: (): Message => ({
    "zh-CN": "当前不在 Excel 中运行，无法读写工作簿：请在 Excel 中打开加载项",
    "en-US": "not running inside Excel, so the workbook cannot be read or written: open the add-in in Excel",
  }),
  protectedSheet: (sheet: string): Message => ({
    "zh-CN": `工作表“${sheet}”受保护，无法写入：请先撤销工作表保护（审阅 → 撤销工作表保护）`,
    "en-US": `sheet "${sheet}" is protected and cannot be written: unprotect it first (Review → Unprotect Sheet)`,
  }),
  protectedStructure: (): Message => ({
    "zh-CN": "工作簿结构受保护，无法添加或删除工作表：请先撤销工作簿保护（审阅 → 保护工作簿）",
    "en-US": "the workbook's structure is protected, so sheets cannot be added or deleted: unprotect the workbook first (Review → Protect Workbook)",
  }),
  sheetTaken: (sheet: string): Message => ({
    "zh-CN": `工作簿中已有名为“${sheet}”的工作表，它不是考核报表，不能覆盖。请把这个工作表改名后再运行`,
    "en-US": `the workbook already has a sheet named "${sheet}" that is not a report sheet and will not be overwritten; rename it and run again`,
  }),
  templateSheetTaken: (sheet: string): Message => ({
    "zh-CN": `工作簿中已有名为“${sheet}”的工作表，模板不会覆盖它。请把这个工作表改名或删除后再插入模板`,
    "en-US": `the workbook already has a sheet named "${sheet}"; the template will not overwrite it. Rename or delete that sheet and insert the template again`,
  }),
  sheetMissing: (sheet: string): Message => ({
    "zh-CN": `找不到工作表“${sheet}”：它可能已被改名或删除，请重新计算`,
    "en-US": `sheet "${sheet}" was not found: it may have been renamed or deleted; compute again`,
  }),
  resultsIntoReport: (sheet: string): Message => ({
    "zh-CN": `计算结果要写入工作表“${sheet}”，而它同时是报表的名字：请把数据表改名后再运行`,
    "en-US": `the results go into sheet "${sheet}", which is also a report's name: rename the data sheet and run again`,
  }),
  payloadTooLarge: (sheet: string): Message => ({
    "zh-CN": `处理${where(sheet)["zh-CN"]}时，一次发送的数据超过了 Excel 的请求上限（网页版为 5 MB）。请关闭其他工作簿后重试；若仍失败，请改用命令行 kaohe run 计算`,
    "en-US": `working on ${where(sheet)["en-US"]} sent more data at once than Excel accepts (5 MB on the web). Close other workbooks and try again; if it still fails, use the command line (kaohe run)`,
  }),
  readTooLarge: (sheet: string): Message => ({
    "zh-CN": `读取工作表“${sheet}”时，一行的数据就超过了 Excel 的请求上限（网页版为 5 MB）：请检查是否有特别长的单元格`,
    "en-US": `reading sheet "${sheet}": a single row is larger than Excel's request limit (5 MB on the web); look for very long cells`,
  }),
  invalidArgument: (sheet: string, detail: string): Message => ({
    "zh-CN": `处理${where(sheet)["zh-CN"]}时 Excel 拒绝了参数：${detail}`,
    "en-US": `Excel refused an argument while working on ${where(sheet)["en-US"]}: ${detail}`,
  }),
  itemNotFound: (sheet: string, detail: string): Message => ({
    "zh-CN": `处理${where(sheet)["zh-CN"]}时找不到对象：${detail}。工作表可能已被改名或删除，请重新计算`,
    "en-US": `an object was not found while working on ${where(sheet)["en-US"]}: ${detail}. The sheet may have been renamed or deleted; compute again`,
  }),
  itemExists: (sheet: string): Message => ({
    "zh-CN": `无法建立工作表“${sheet}”：已有同名工作表（工作表名不区分大小写）。请把那个工作表改名后再运行`,
    "en-US": `cannot create sheet "${sheet}": a sheet of that name already exists (sheet names ignore case); rename it and run again`,
  }),
  otherOffice: (sheet: string, code: string, detail: string): Message => ({
    "zh-CN": `处理${where(sheet)["zh-CN"]}时 Excel 报错（${code}）：${detail}`,
    "en-US": `Excel reported an error (${code}) while working on ${where(sheet)["en-US"]}: ${detail}`,
  }),
  apiNotFound: (sheet: string, detail: string): Message => ({
    "zh-CN": `处理${where(sheet)["zh-CN"]}时，此版本的 Excel 缺少加载项要用的功能（${detail}）。${supportedExcel["zh-CN"]}`,
    "en-US": `working on ${where(sheet)["en-US"]}, this version of Excel lacks a feature the add-in uses (${detail}). ${supportedExcel["en-US"]}`,
  }),
  unexpected: (sheet: string, detail: string): Message => ({
    "zh-CN": `处理${where(sheet)["zh-CN"]}时出错：${detail}`,
    "en-US": `an error occurred while working on ${where(sheet)["en-US"]}: ${detail}`,
  }),
  aborted: (): Message => ({ "zh-CN": "已按要求停止写入", "en-US": "writing was stopped as asked" }),
  partial: (report: DrawReport): Message => ({
    "zh-CN": `已写入：${list(report.written, "zh-CN")}（结果 ${report.rows} 行）；未写入：${list(report.notWritten, "zh-CN")}`,
    "en-US": `written: ${list(report.written, "en-US")} (${report.rows} result rows); not written: ${list(report.notWritten, "en-US")}`,
  }),
  /** A feature whose requirement set this Excel lacks: which feature, which set, and which Excel has it. */
  needsApi: (feature: Message, version: string): Message => ({
    "zh-CN": `此版本的 Excel 不支持“${feature["zh-CN"]}”（需要 ExcelApi ${version}）：${whereToGet(version)["zh-CN"]}。${supportedExcel["zh-CN"]}`,
    "en-US": `this version of Excel cannot ${feature["en-US"]} (ExcelApi ${version} is needed): ${whereToGet(version)["en-US"]}. ${supportedExcel["en-US"]}`,
  }),
  /** The start screen's note when this Excel lacks some features: which, and where they are found. */
  missingFeatures: (missing: readonly { feature: Message; version: string }[]): Message => ({
    "zh-CN": `此版本的 Excel 缺少以下功能，其余功能照常可用：${missing.map((m) => `${m.feature["zh-CN"]}（ExcelApi ${m.version}）`).join("；")}。${whereToGet(missing[missing.length - 1]?.version ?? "1.20")["zh-CN"]}。${supportedExcel["zh-CN"]}`,
    "en-US": `This version of Excel lacks these features; everything else works: ${missing.map((m) => `${m.feature["en-US"]} (ExcelApi ${m.version})`).join("; ")}. ${whereToGet(missing[missing.length - 1]?.version ?? "1.20")["en-US"]}. ${supportedExcel["en-US"]}`,
  }),
  /** Only a host without ExcelApi 1.11 says this: a newer one waits for the edit to end (delayForCellEdit). */
  cellEditMode: (sheet: string): Message => ({
    "zh-CN": `处理${where(sheet)["zh-CN"]}时，Excel 正处于单元格编辑状态，拒绝了操作：请按 Enter 或 Esc 结束单元格编辑，然后再试一次。${messages.needsApi(features.waitForCellEdit, "1.11")["zh-CN"]}`,
    "en-US": `Excel refused to work on ${where(sheet)["en-US"]} because a cell is being edited: press Enter or Esc to finish editing the cell, then try again. ${capital(messages.needsApi(features.waitForCellEdit, "1.11")["en-US"])}`,
  }),
  unfreezable: (ref: string, error: string): Message => ({
    "zh-CN": `${ref} 显示 ${error}：报表尚未算完或有误，冻结副本会把它固定下来，因此未冻结。请等 Excel 算完（或改正该单元格）后再冻结`,
    "en-US": `${ref} shows ${error}: the report is not finished calculating or is wrong, and a frozen copy would keep that, so nothing was frozen. Wait until Excel has calculated (or correct the cell), then freeze again`,
  }),
  reportMissing: (sheet: string): Message => ({
    "zh-CN": `工作簿中没有报表“${sheet}”：请先计算并写入结果`,
    "en-US": `the workbook has no report "${sheet}": compute and write the results first`,
  }),
  schemeInvalid: (where: string, problems: readonly SchemeProblem[]): Message => {
    const shown = problems.slice(0, 5);
    const more = problems.length - shown.length;
    return {
      "zh-CN": `${where === "sheet" ? "工作表“考核方案”" : "保存的考核方案"}有 ${problems.length} 处问题：${shown.map((p) => describeProblem(p, "zh-CN")).join("；")}${more > 0 ? `；另有 ${more} 处` : ""}`,
      "en-US": `${where === "sheet" ? 'the sheet "考核方案"' : "the stored scheme"} has ${problems.length} problem(s): ${shown.map((p) => describeProblem(p, "en-US")).join("; ")}${more > 0 ? `; and ${more} more` : ""}`,
    };
  },
  stageWrite: (sheet: string): Message => ({ "zh-CN": `写入“${sheet}”`, "en-US": `Writing "${sheet}"` }),
  stageRead: (sheet: string): Message => ({ "zh-CN": `读取“${sheet}”`, "en-US": `Reading "${sheet}"` }),
  stageCheck: (sheet: string): Message => ({ "zh-CN": `检查“${sheet}”`, "en-US": `Checking "${sheet}"` }),
  stageFreeze: (sheet: string): Message => ({ "zh-CN": `复制“${sheet}”为数值`, "en-US": `Copying "${sheet}" as values` }),
  spilledColumn: (area: string, header: string, anchor: string | undefined, formula: string | undefined): Message => ({
    "zh-CN": `“${header}”列（${area}）由${anchor ? ` ${anchor} 的公式 ${formula} ` : "公式"}溢出填满，未写入数值，公式保留：写入数值会使该公式显示 #SPILL!。请核对公式的结果；若要改为写入数值，请先删除该公式再计算`,
    "en-US": `the column "${header}" (${area}) is filled by the spill of ${anchor ? `the formula ${formula} in ${anchor}` : "a formula"}; no values were written and the formula stays, since values written there would make it show #SPILL!. Check the formula's results; to have values written instead, delete the formula and compute again`,
  }),
  keptFormulas: (area: string, header: string, cells: number, differ: number, unchecked: number, valuesAt: string | undefined): Message => ({
    "zh-CN":
      `“${header}”列 ${area} 的 ${cells} 个 KAOHE 公式是模板的，保留未写入；` +
      (differ > 0 ? `其中 ${differ} 个单元格的公式结果与本次计算不同（见下），请检查公式引用的单元格和考核方案` : `公式结果与本次计算逐格核对一致`) +
      (unchecked > 0 ? `；${unchecked} 个单元格仍在计算（#BUSY!），未能核对，请稍后再点“计算”` : "") +
      (valuesAt ? `；${valuesAt} 没有公式，写入了计算的数值，若要公式请把公式向下填充` : ""),
    "en-US":
      `the ${cells} KAOHE formula(s) of the template in the column "${header}" (${area}) are kept, nothing written over them; ` +
      (differ > 0 ? `${differ} of them give a value other than this computation's (listed below): check the cells they refer to and the scheme` : `their values agree with this computation cell by cell`) +
      (unchecked > 0 ? `; ${unchecked} cell(s) were still calculating (#BUSY!) and could not be checked: click 计算 again in a moment` : "") +
      (valuesAt ? `; ${valuesAt} had no formula and got the computed values: fill the formula down if you want formulas there` : ""),
  }),
  formulaDiffers: (ref: string, formula: string, computed: string): Message => ({
    "zh-CN": `${ref}：公式结果 ${formula}，计算结果 ${computed}`,
    "en-US": `${ref}: the formula gives ${formula}, 计算 gives ${computed}`,
  }),
  moreDiffer: (n: number): Message => ({ "zh-CN": `……另有 ${n} 个单元格不同`, "en-US": `… and ${n} more cell(s) differ` }),
  conflictFormulas: (ref: string, cells: number, example: string): Message => ({
    "zh-CN": `${ref} 有你自己的公式${cells > 1 ? `（${cells} 个单元格，如 ${example}）` : ` ${example}`}，不是 KAOHE 公式：写入会以数值覆盖它们`,
    "en-US": `${ref} holds your own formula${cells > 1 ? `s (${cells} cells, such as ${example})` : ` ${example}`}, not a KAOHE formula: writing replaces ${cells > 1 ? "them" : "it"} with values`,
  }),
  conflict: (ref: string, cells: number): Message => ({
    "zh-CN": `${ref} 非空${cells > 1 ? `（${cells} 个单元格）` : ""}`,
    "en-US": `${ref} is not empty${cells > 1 ? ` (${cells} cells)` : ""}`,
  }),
  conflictHeader: (ref: string, header: string, planned: string): Message => ({
    "zh-CN": `${ref} 的表头是“${header}”，不是“${planned}”`,
    "en-US": `${ref} is headed "${header}", not "${planned}"`,
  }),
};

/** The code of an Office.js error (OfficeExtension.Error: "AccessDenied", "ItemNotFound", …), if it is one. */
export function officeCode(e: unknown): string | undefined {
  if (typeof e !== "object" || e === null) return undefined;
  const code = (e as { code?: unknown }).code;
  return typeof code === "string" && code !== "" ? code : undefined;
}

function detailOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

/** The user's message for an error met while working on `sheet`; an error that is already a HostError keeps its own message. */
export function describeError(e: unknown, sheet: string, locale: Locale): string {
  const code = officeCode(e);
  const detail = detailOf(e);
  switch (code) {
    case undefined:
      return messages.unexpected(sheet, detail)[locale];
    case "AccessDenied":
      return messages.protectedSheet(sheet)[locale];
    case "ItemAlreadyExists":
      return messages.itemExists(sheet)[locale];
    case "ItemNotFound":
      return messages.itemNotFound(sheet, detail)[locale];
    case "InvalidArgument":
      return messages.invalidArgument(sheet, detail)[locale];
    case "InvalidOperationInCellEditMode":
      return messages.cellEditMode(sheet)[locale];
    case "ApiNotFound":
      return messages.apiNotFound(sheet, detail)[locale];
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return messages.payloadTooLarge(sheet)[locale];
    default:
      return messages.otherOffice(sheet, code, detail)[locale];
  }
}

/** A HostError carrying the original error as its cause, so nothing of it is lost. */
export function hostError(message: string, cause?: unknown, partial?: DrawReport): HostError {
  const err = new HostError(message, partial);
  if (cause !== undefined) Object.defineProperty(err, "cause", { value: cause, enumerable: false });
  return err;
}

/** A HostError for a failed draw: what went wrong, then what was and was not written. */
export function drawError(e: unknown, sheet: string, locale: Locale, partial: DrawReport): HostError {
  const what = e instanceof HostError ? e.message : describeError(e, sheet, locale);
  return hostError(`${what}${locale === "zh-CN" ? "。" : ". "}${messages.partial(partial)[locale]}`, e, partial);
}

/** Rethrows anything as a HostError about `sheet` (an existing HostError unchanged). */
export function asHostError(e: unknown, sheet: string, locale: Locale): HostError {
  if (e instanceof HostError) return e;
  return hostError(describeError(e, sheet, locale), e);
}
