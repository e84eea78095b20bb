// The standard templates of the kinds: each kind's data sheets from its definition, and its 填表说明.
import type { Scheme, SchemeKind } from "../core/scheme";
import { defaultScheme, fieldsFor, kindById, kinds } from "../kinds/registry";
import { NEGATIVE_RECORD_SHEET } from "./negative-records";
import { OBJECTION_SHEET } from "./objections";
import { dataSheetOf, FORMULA_NOTE, NOTES_SHEET_NAME, NOTES_WIDTH, notesPrint, type DataSheetSpec, type NotesSection, type NotesSheetSpec, type TemplateSpec } from "./templates";

export interface TemplateOptions {
  /** The scheme the template follows; the kind's defaults otherwise. */
  scheme?: Scheme;
  /** A year for the title (2025年度…); none: a blank for the user to fill. */
  year?: number;
}

/** The standard template of a kind, generated from the scheme's fields, limits and rules. */
export function templateSpec(kind: SchemeKind, options: TemplateOptions = {}): TemplateSpec {
  // A fixed year keeps the defaults independent of the clock; only the scheme's own title uses it.
  const scheme = options.scheme ?? defaultScheme(kind, options.year ?? 2000);
  if (scheme.kind !== kind) throw new Error(`template: the scheme is for ${scheme.kind}, not ${kind}`);
  const fields = fieldsFor(scheme);
  const k = kindById(kind).sheet(scheme, fields);
  const names = kindById(kind).template;
  const year = options.year ? `${options.year}年度` : "______年度";
  const data = dataSheetOf(kindById(kind).sheetName, `${year}${names.title}`, k);
  const extra = (k.extra ?? []).map((e) => dataSheetOf(e.name, `${year}${e.title}`, e.sheet));
  const spec: TemplateSpec = { id: kind, kind, title: names.title, fileName: `${names.file}.xlsx`, sheets: [data, notesFor(kind, scheme, data, k.subject, extra)] };
  if (extra.length) spec.extra = extra;
  return spec;
}

export function notesFor(kindId: SchemeKind, s: Scheme, sheet: DataSheetSpec, subject: string, extra: readonly DataSheetSpec[] = []): NotesSheetSpec {
  const kind = kindById(kindId);
  const own = kind.notes.own?.(s, sheet, extra);
  const inputs = sheet.columns.filter((c) => c.role === "input");
  const results = sheet.columns.filter((c) => c.role === "result");
  const first = sheet.firstDataRow;
  const has = (id: string) => inputs.some((c) => c.field === id);
  const groupHeaders = fieldsFor(s)
    .filter((f) => f.fillDown)
    .map((f) => f.header)
    .join("、");
  const sections: NotesSection[] = [
    {
      heading: "一、本表用途",
      lines: own?.purpose ?? [`本表用于${kind.names.zh}：在工作表“${sheet.name}”中每行填写${subject}，结果列自动计算。`, "同一套数据只填一次：汇总、排名、名额核查和公示名单都从本表生成。"],
    },
    {
      heading: "二、怎样填写",
      lines: own?.filling ?? [
        `从第${first}行开始，每行一条，中间不要空行；行数不够可以在下面继续填写。`,
        `需要填写的列：${inputs.map((c) => c.header).join("、")}。`,
        "表头文字请不要改动；可以在表头后面加括号注明分值或单位，如“党员发展（5分）”；列的前后顺序可以调整，也可以在右侧增加自己的列。",
        `${groupHeaders}名称可以合并单元格，或只在每组第一行填写，下面留空：kaohe run 和加载项计算时会自动向下填充。使用表内公式分组（排名、名额）时，请每行都填写。`,
        ...(has("id") ? ["编号为文本格式，可以填身份证号或本单位编号，不能重复；重复的会被逐一列出。"] : []),
        ...(inputs.some((c) => c.field === "override")
          ? [
              `${inputs.find((c) => c.field === "override")!.header}：只在需要人工调整计算结果时填写，并且必须在“${inputs.find((c) => c.field === "overrideReason")?.header ?? "调整原因"}”中写明依据；留空则按计算结果。`,
            ]
          : []),
        "分数、次数、金额只填数字，不要带“分”“次”“元”等字；全角数字（如“８５”）可以识别。",
        ...(has("name") ? ["姓名前后多打的空格不影响计算，但姓名中间请不要加空格，以免同一人被当成两人。"] : []),
      ],
    },
    {
      heading: "三、空白与0的区别",
      lines: [own ? "0表示“0人”或“0元”；空白表示“没有这项数据”。两者含义不同，请按实际情况填写。" : "0表示“得了0分”或“发生0次”；空白表示“没有这项数据”。两者计算结果不同，请按实际情况填写。", ...kind.notes.blank(s)],
    },
    own?.absence ?? {
      heading: "四、缺考、请假等情况",
      lines: [
        "缺考、请假、免考、未参加测评的，分数格请留空，不要填“缺考”“请假”“/”等文字。",
        "分数格里的文字无法计算：kaohe run 会逐格列出（工作表、行、列），加载项也会在对应单元格显示错误，改为空白或分数后即可。",
        "需要说明原因的，请另行登记备查。",
      ],
    },
    {
      heading: "五、结果列",
      lines: [
        `表头为橙色的列（${results.map((c) => c.header).join("、")}）是计算结果，不需要填写：${FORMULA_NOTE}。直接打开本文件时结果列为空，这是正常的。`,
        ...results.map((c) => `${c.header}：${c.meaning ?? ""}`),
        ...(kind.notes.results ?? []),
        ...(own?.results ?? []),
        ...workflowLines(extra),
      ],
    },
    { heading: "六、考核方案要点（可在“考核方案”中按本地规定修改）", lines: kind.notes.scheme(s).filter((l) => l !== "") },
    {
      heading: "七、打印",
      lines: ["已设置为A4纸，每页重复打印标题和表头。能在一页宽内清楚打印（正文不小于9磅）的表按页宽缩放；更宽的表横向、按82%分页打印，每页左侧重复乡镇、姓名等列。页脚有页码和制表人、审核人签字位置。"],
    },
  ];
  return {
    role: "notes",
    name: NOTES_SHEET_NAME,
    title: `${kind.names.zh}填表说明`,
    sections,
    width: NOTES_WIDTH,
    print: { ...notesPrint, titleRows: undefined, footer: "&C第 &P 页，共 &N 页" },
  };
}

/** What the 负面清单记录 and 异议记录 sheets do, where the template has them. */
function workflowLines(extra: readonly DataSheetSpec[]): string[] {
  const has = (name: string) => extra.some((e) => e.name === name);
  return [
    ...(has(NEGATIVE_RECORD_SHEET)
      ? [`负面清单：每发生一次负面清单事项，在“${NEGATIVE_RECORD_SHEET}”表填一行（该表上方列出考核方案的负面清单）；表内公式按清单从综合得分中扣分、摘星、不得评优或定为末等，名额顺延给下一人；kaohe run 和加载项计算时逐条写入“说明”和“审计”。`]
      : []),
    ...(has(OBJECTION_SHEET)
      ? [`公示异议：公示期间的异议填在“${OBJECTION_SHEET}”表；异议成立并填写“调整为”和调整原因的，kaohe run 和加载项计算时改正结果并记入“审计”。表内公式不读异议记录：要在本表显示调整后的结果，请同时填写调整后等次（星数）和调整原因。`]
      : []),
  ];
}

/** The standard templates, in the order of the scheme kinds. */
export function standardTemplates(options: Omit<TemplateOptions, "scheme"> = {}): TemplateSpec[] {
  return kinds.map((k) => templateSpec(k.id, options));
}

