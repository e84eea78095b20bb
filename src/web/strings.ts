// The page's own words in Chinese (the default) and English, and the pane's words that say something else here (a file to download, not a workbook in Excel).
import type { Locale } from "../core/messages";
import { quoted } from "../core/title-text";
import { strings as paneStrings, type Strings } from "../taskpane/strings";

const zh = {
  pageSubtitle: "党建量化考核 · 网页版（不需要 Excel）",
  privacy: "文件只在本机处理，不会上传：本页不连接网络，打开的工作簿只在这台电脑的浏览器里读取和计算。",
  openHeading: "打开工作簿",
  openIntro: "选择或拖入一个 .xlsx 工作簿（WPS 表格的文件请先另存为 .xlsx）。原文件不会被修改：计算结果是一个新的工作簿，下载保存。",
  chooseFile: "选择文件…",
  dropHere: "或把文件拖到这里",
  dropLabel: "打开工作簿：选择文件或拖入文件",
  oneFile: "一次只能打开一个文件，请只拖入一个工作簿。",
  opened: (name: string) => `已打开${quoted(name)}。`,
  noFile: "还没有打开工作簿：请在“开始”页选择或拖入一个 .xlsx 文件。",
  download: "下载结果工作簿",
  downloadHint: (name: string) => `结果另存为${quoted(name)}，请保存到本机；打开的原文件不变。`,
  downloaded: (name: string) => `已下载${quoted(name)}。`,
  browserLacks: (what: string) => `此浏览器缺少本页需要的功能（${what}），无法使用。请用 Chromium 100 以上的浏览器打开本页，如新版奇安信可信浏览器、360 安全浏览器（极速模式）、Chrome 或 Edge。`,
  rowPreview: (sheet: string, row: number) => `工作表${quoted(sheet)}第 ${row} 行`,
  rowMissing: (sheet: string, row: number) => `工作表${quoted(sheet)}中没有第 ${row} 行。`,
  headerLabel: "表头",
  valueLabel: "本行",
  reportPreview: (name: string) => `预览：${name}`,
  previewMore: (n: number) => `另有 ${n} 行未显示，请下载结果工作簿查看全部。`,
  schemeSheetInvalid: (n: number) => `工作表“考核方案”中的方案有 ${n} 个问题，请在“方案”页改正后保存，或在 WPS/Excel 中修改该工作表：`,
  workerFailed: "后台处理出错：",
};

export type WebStrings = typeof zh;

const en: WebStrings = {
  pageSubtitle: "Party-building assessment · web page (no Excel needed)",
  privacy: "Your files stay on this computer and are never uploaded: this page makes no network connection; the workbook is read and computed in this browser only.",
  openHeading: "Open a workbook",
  openIntro: "Choose or drop an .xlsx workbook (save a WPS file as .xlsx first). The file is never changed: the results are a new workbook to download.",
  chooseFile: "Choose a file…",
  dropHere: "or drop a file here",
  dropLabel: "Open a workbook: choose a file or drop one here",
  oneFile: "One file at a time: drop a single workbook.",
  opened: (name) => `Opened "${name}".`,
  noFile: "No workbook is open: choose or drop an .xlsx file on the Start page.",
  download: "Download the result workbook",
  downloadHint: (name) => `The results are saved as "${name}"; keep it on this computer. The opened file is unchanged.`,
  downloaded: (name) => `Downloaded "${name}".`,
  browserLacks: (what) => `This browser lacks what the page needs (${what}). Open the page in a Chromium-based browser of version 100 or later, such as a recent Chrome or Edge.`,
  rowPreview: (sheet, row) => `Sheet "${sheet}", row ${row}`,
  rowMissing: (sheet, row) => `Sheet "${sheet}" has no row ${row}.`,
  headerLabel: "Header",
  valueLabel: "This row",
  reportPreview: (name) => `Preview: ${name}`,
  previewMore: (n) => `${n} more rows not shown: download the result workbook to see them all.`,
  schemeSheetInvalid: (n) => `The scheme on the sheet 考核方案 has ${n} problem(s); correct it on the Scheme page and save, or edit the sheet in WPS or Excel:`,
  workerFailed: "The background work failed: ",
};

export const webStrings: Record<Locale, WebStrings> = { "zh-CN": zh, "en-US": en };

/** The pane's words, with those that speak of Excel said as the page works: a new workbook to download. */
export function pageStrings(locale: Locale): Strings {
  const s = paneStrings[locale];
  if (locale === "zh-CN")
    return {
      ...s,
      stepTemplates: "没有考核表？下载标准模板",
      templatesIntro: "下载标准考核表：表头、数据验证、打印设置和填表说明齐全，用 WPS 或 Excel 填写后，在“开始”页打开。",
      insert: "下载",
      insertAria: (title: string) => `下载模板：${title}`,
      insertConfirmTitle: "下载模板？",
      insertConfirmText: (title: string) => `将下载${quoted(title)}的空白工作簿。`,
      insertUndoWarning: "",
      inserted: (title: string) => `已下载${quoted(title)}。`,
      computeUndoWarning: "结果写入一个新的工作簿，计算后下载；打开的原文件不会被修改。",
      computeUndoOneStep: "结果写入一个新的工作簿，计算后下载；打开的原文件不会被修改。",
      stageRead: "读取工作簿",
      stageDraw: "生成结果工作簿",
      computeDone: "计算完成，结果工作簿已生成：请点击下面的“下载结果工作簿”。",
      reportsIntro: "本次计算生成的结果列和报表。点击“预览”查看内容，下载结果工作簿查看全部。",
      checkProblems: (n: number) => `发现 ${n} 个问题。点击问题可查看所在的行。`,
      problemAria: (place: string) => `查看 ${place}`,
      goTemplates: "下载模板",
      runCompute: "计算并生成结果工作簿",
      computeUnsaved: "方案有未保存的修改。计算时会按当前方案计算，并把它写入结果工作簿的“考核方案”表。",
      goTo: "预览",
      goToAria: (name: string) => `预览工作表“${name}”`,
    };
  return {
    ...s,
    stepTemplates: "No table yet? Download a standard template",
    templatesIntro: "Download a standard assessment workbook, with headers, data validation, print setup and instructions; fill it in with WPS or Excel, then open it on the Start page.",
    insert: "Download",
    insertAria: (title: string) => `Download the template ${title}`,
    insertConfirmTitle: "Download the template?",
    insertConfirmText: (title: string) => `A blank workbook of "${title}" will be downloaded.`,
    insertUndoWarning: "",
    inserted: (title: string) => `Downloaded "${title}".`,
    computeUndoWarning: "The results go into a new workbook to download; the opened file is never changed.",
    computeUndoOneStep: "The results go into a new workbook to download; the opened file is never changed.",
    stageRead: "Reading the workbook",
    stageDraw: "Making the result workbook",
    computeDone: "Done: the result workbook is ready. Choose Download the result workbook below.",
    reportsIntro: "The result columns and reports of this run. Choose Preview to see one; download the result workbook to see everything.",
    checkProblems: (n: number) => `${n} problem${n === 1 ? "" : "s"} found. Select one to see its row.`,
    problemAria: (place: string) => `See ${place}`,
    goTemplates: "Download a template",
    runCompute: "Compute and make the result workbook",
    computeUnsaved: "The scheme has unsaved changes. The run uses the current scheme and writes it to the result workbook's 考核方案 sheet.",
    goTo: "Preview",
    goToAria: (name: string) => `Preview sheet "${name}"`,
  };
}
