// The task pane's words in Chinese (the default) and English; components look text up here, never inline.
import type { Locale } from "../core/messages";

const zh = {
  appTitle: "考核",
  appSubtitle: "党建量化考核",
  startHeading: "开始",
  outsideExcel: "当前为浏览器预览，未连接到 Excel。请在 Excel 的“开始”选项卡点击“考核”打开本窗格。",
  insideExcel: "已连接到 Excel。",
  functionsHeading: "考核函数",
  functionsIntro: "在单元格中输入 =KAOHE. 即可使用考核函数，每个函数都有中文说明。例如：",
  exampleQuorum: "=KAOHE.QUORUM(8, 12)　到会 8 人、应到 12 人，是否达到三分之二",
  nextHeading: "下一步",
  nextSteps: "打开您的考核工作簿，在任意单元格中输入 =KAOHE. 试用函数。",
  language: "语言",
};

export type Strings = typeof zh;

const en: Strings = {
  appTitle: "Kaohe",
  appSubtitle: "Quantified Party-work assessments",
  startHeading: "Start",
  outsideExcel: "This is a browser preview, not connected to Excel. In Excel, open this pane with Kaohe on the Home tab.",
  insideExcel: "Connected to Excel.",
  functionsHeading: "Worksheet functions",
  functionsIntro: "Type =KAOHE. in a cell to use the assessment functions, each with help. For example:",
  exampleQuorum: "=KAOHE.QUORUM(8, 12)  are 8 of 12 members at least two thirds?",
  nextHeading: "Next",
  nextSteps: "Open your assessment workbook and type =KAOHE. in any cell to try the functions.",
  language: "Language",
};

export const strings: Record<Locale, Strings> = { "zh-CN": zh, "en-US": en };

/** Chinese unless Office says the user's language is something else. */
export function paneLocale(displayLanguage: string | undefined | null): Locale {
  if (!displayLanguage) return "zh-CN";
  return displayLanguage.toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
}
