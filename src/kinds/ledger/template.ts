// The ledger kind's standard template: its data sheet, the result columns' formulas and its 填表说明.
import { LEDGER_SHEET, ledgerFields, ORGANISATION_SHEET, organisationFields } from "./fields";
import { CONTACT_SHEET, contactFields, isContactDuty, VISITOR_HEADERS } from "./contact-points";
import { ratingFields, SATISFACTION_SHEET } from "./satisfaction-sheet";
import { periodWords, ratioWords, shareWords } from "../../core/wording";
import { type Scheme } from "../../core/scheme";
import { type FieldDef } from "../../workbook/fields";
import { type BandRow, type DataSheetSpec, type KindSheet, ORGANISATION_TYPES, SheetBuilder, type TemplateFormula, colOf, inputColumns, ledgerEventChoices, ratioCell, ratioExample, subtitleRow, titleRow, type KindNotes } from "../../workbook/templates";

export function ledgerSheet(s: Scheme, fields: FieldDef[]): KindSheet {
  const l = s.ledger;
  const b = new SheetBuilder(
    fields,
    [
      { header: "达到法定人数", format: "text", width: 10, meaning: `实到人数不少于应到人数的${ratioWords(l.quorum)}（以上含本数）为“是”，不足为“否”；没有填应到人数的行（谈心谈话、培训、走访等）为空` },
      { header: "表决通过", format: "text", width: 9, meaning: `人事事项为“是”的行：赞成人数不少于应到人数的${ratioWords(l.majority)}（含本数）为“是”，不足为“否”（决定无效）；其他行为空` },
    ],
    s,
  );
  const width = b.columns.length;
  const atQuorum = b.r("达到法定人数");
  const carried = b.r("表决通过");
  // Row 2: the two ratios the formulas read, above the columns they decide.
  const ratios: BandRow = {
    row: 2,
    role: "constants",
    height: 18,
    cells: [
      { col: 1, value: "比例（以上含本数）：法定到会人数、人事事项赞成人数", toCol: atQuorum.col - 1 },
      { ...ratioCell(l.quorum), col: atQuorum.col },
      { ...ratioCell(l.majority), col: carried.col },
    ],
  };
  const type = b.f("eventType");
  const due = b.f("due");
  const present = b.f("present");
  const decision = b.f("decision");
  const inFavour = b.f("inFavour");
  // Blank counts are 0, as the pipeline reads them; a row without 应到人数 is not a meeting with a quorum.
  const formulas: TemplateFormula[] = [
    {
      col: atQuorum.col,
      header: atQuorum.header,
      fill: "row",
      text: `=IF(OR($${type}{r}="",N(${due}{r})=0),"",IF(KAOHE.QUORUM(N(${present}{r}),${due}{r},${atQuorum.letter}$2),"是","否"))`,
    },
    {
      col: carried.col,
      header: carried.header,
      fill: "row",
      text: `=IF(OR($${type}{r}="",TRIM(${decision}{r})<>"是",N(${due}{r})=0),"",IF(KAOHE.QUORUM(N(${inFavour}{r}),${due}{r},${carried.letter}$2),"是","否"))`,
    },
  ];
  const organisations = organisationSheet(s);
  return {
    band: [titleRow("", width), ratios],
    headerRow: 3,
    blankRows: 1000,
    freezeColumns: colOf(b, "organisation"),
    formulas,
    builder: b,
    subject: "一次会议、谈心谈话、培训或走访",
    extra: [
      { name: ORGANISATION_SHEET, title: "组织名单", sheet: organisations },
      { name: CONTACT_SHEET, title: "领导干部联系点名单", sheet: listSheet(s, contactFields, CONTACT_NOTE, "leader", "一位领导的一个联系点") },
      satisfactionSheet(s),
    ],
  };
}

const CONTACT_NOTE = `每位领导的每个联系点填一行，联系点与“${ORGANISATION_SHEET}”中的组织名称写法一致。填了本表的，“联系点”职责按每位领导到本人联系点的走访次数核算，不再按每个组织核算；一个联系点有几位领导的，请在“${LEDGER_SHEET}”右侧增加“${VISITOR_HEADERS[0]}”列，写明每次走访的领导。`;

function satisfactionNote(s: Scheme): string {
  const target = s.targets[1];
  return `每个参加测评的县直部门或基层站所填一行，测评结果填“满意”“基本满意”或“不满意”（只有“满意”计为满意）。满意度${target ? `目标（${target.name}不低于${ratioWords(target.ratio)}）` : ""}按满意单位数÷测评单位数计算；没有本表时按各党组织群众满意度的平均分计算。`;
}

/** The units' ratings (满意度测评) as an extra sheet: the ledger's, and the five-good kind's, which judge the same target. */
export function satisfactionSheet(s: Scheme): { name: string; title: string; sheet: KindSheet } {
  return { name: SATISFACTION_SHEET, title: "基层党建满意度测评", sheet: listSheet(s, ratingFields, satisfactionNote(s), "unit", "一个测评单位") };
}

/** A list the ledger reads besides its events: a title, a note, one row per entry. */
function listSheet(s: Scheme, fields: readonly FieldDef[], note: string, key: string, subject: string): KindSheet {
  const b = new SheetBuilder(fields, [], s);
  return { band: [titleRow("", b.columns.length), subtitleRow(2, note, b.columns)], headerRow: 3, blankRows: 300, freezeColumns: colOf(b, key), formulas: [], builder: b, subject };
}

/** The ledger's list of organisations: their type decides their duties; members and funds give the training check. */
function organisationSheet(s: Scheme): KindSheet {
  const b = new SheetBuilder(organisationFields, [], s);
  const note = `每个党组织填一行，组织名称与“${LEDGER_SHEET}”中的写法一致。组织类型决定应落实的职责；培训经费为全年党员教育培训经费（元）。`;
  return {
    band: [titleRow("", b.columns.length), subtitleRow(2, note, b.columns)],
    headerRow: 3,
    blankRows: 300,
    freezeColumns: colOf(b, "organisation"),
    formulas: [],
    builder: b,
    subject: "一个党组织",
  };
}

/** The ledger's own lines for 一、二、四 and 五 of its instructions. */
function ledgerOwnNotes(s: Scheme, sheet: DataSheetSpec, extra: readonly DataSheetSpec[]) {
  const inputs = inputColumns(sheet);
  const fields = ledgerFields;
  const required = inputs.filter((c) => fields.find((f) => f.id === c.field)?.required).map((c) => c.header);
  const optional = inputs.filter((c) => !required.includes(c.header)).map((c) => c.header);
  const list = extra[0];
  const choices = ledgerEventChoices(s);
  return {
    purpose: [
      `本表用于组织生活台账：在工作表“${sheet.name}”中每行填写一次会议、谈心谈话、培训或走访，在工作表“${list?.name ?? ORGANISATION_SHEET}”中每行填写一个党组织；结果列自动计算。`,
      "同一套数据只填一次：各组织每周、每月、每半年、每年的落实情况，到会人数、表决结果和培训经费都从这两张表生成，不必另行统计。",
    ],
    filling: [
      `从第${sheet.firstDataRow}行开始，每行一条，中间不要空行；行数不够可以在下面继续填写。先后顺序不限，可以按组织或按日期排列。`,
      `必须填写的列：${required.join("、")}；按需要填写的列：${optional.join("、")}。`,
      "表头文字请不要改动；可以在表头后面加括号注明单位，如“应到人数（人）”；列的前后顺序可以调整，也可以在右侧增加自己的列。",
      `组织：与“${list?.name ?? ORGANISATION_SHEET}”中的组织名称写法一致（如“城关镇党委”“张家村党支部”），不在名单中的会被逐行列出。组织名称可以合并单元格，或只在该组织第一行填写、下面留空：kaohe run 和加载项计算时会自动向下填充。`,
      `类型：从下拉列表选择（${choices.join("、")}）；各项职责计入哪些说法见第六部分，不计入任何职责的活动填“其他”。`,
      "日期：直接输入日期即可（显示为2025-03-05）；写成文字2025-3-5、2025/03/05、2025年3月5日或2025.3.5也能识别。请写全年、月、日，不要只写“3月5日”，也不要用汉字数字（如“三月五日”）：无法识别的日期会逐格列出。",
      ...(list
        ? [
            `${list.name}：每个党组织填一行，填写${inputColumns(list).map((c) => c.header).join("、")}。组织类型（${ORGANISATION_TYPES.join("、")}）决定该组织应落实哪些职责；名单中的组织没有任何台账记录时，它的每项职责都按未落实列出。`,
          ]
        : []),
      ...extra
        .filter((e) => e.name === CONTACT_SHEET)
        .map(
          (e) =>
            `${e.name}：每位领导的每个联系点填一行（${inputColumns(e).map((c) => c.header).join("、")}），联系点与组织名称写法一致；填了本表的，“联系点”职责（如“${s.ledger.duties.find(isContactDuty)?.name ?? "领导干部到联系点走访"}”）按每位领导到本人联系点的次数核算，不是本人联系点的走访不计入，并逐条列出。一个联系点有几位领导的，在“${sheet.name}”右侧增加“${VISITOR_HEADERS[0]}”列，写明每次走访的领导；只有一位领导的联系点可以不写。`,
        ),
      ...extra
        .filter((e) => e.name === SATISFACTION_SHEET)
        .map(
          (e) =>
            `${e.name}：每个参加测评的县直部门或基层站所填一行（${inputColumns(e).map((c) => c.header).join("、")}），测评结果填“满意”“基本满意”或“不满意”；满意度按评为“满意”的单位数÷测评单位数计算${s.ledger.satisfaction === "mean" ? "（本考核方案设为按平均分计算的，不读本表）" : ""}；没有本表的，按“${list?.name ?? ORGANISATION_SHEET}”中群众满意度的平均分计算，并在计算结果中提示。`,
        ),
      "人数、金额只填数字，不要带“人”“元”等字；全角数字（如“８”）可以识别。",
    ],
    absence: {
      heading: "四、缺席、请假和没有召开的会议",
      lines: [
        "请假、缺席的人员不计入实到人数，应到人数照常按全体委员（成员）填写。",
        "没有召开的会议不要登记，也不要在日期格填“未开”“/”等文字；缺少的周、月、半年会在“组织生活落实情况”中列出。",
        "人数格或日期格里的文字无法计算：kaohe run 会逐格列出（工作表、行、列），加载项也会在对应单元格显示错误，改正后即可。",
      ],
    },
    results: [
      "表头上方第2行是这两列使用的比例（如2/3），可按本地规定修改。",
      "用 kaohe run 或加载项计算后，另生成“组织生活落实情况”表：每个组织每项职责的要求、应有期数、实际次数、未落实期数和未落实的期（如“2025年3月”“2025年下半年”“2025年3月3日至9日当周”）；到会人数不足或表决未通过的会议（按行列出）；各组织党员教育培训经费的人均金额和是否达标；全县“五好”比例、群众满意度、“五带头”比例是否达到目标。",
    ],
  };
}


/** What a blank means in each column (三、空白与0的区别). */
function blankRules(_s: Scheme): string[] {
      return [
        "应到人数：需要核对到会人数的会议（党委会、民主生活会、村委会等）填写全体委员（成员）人数；谈心谈话、培训、走访可以留空，留空的行不判断是否达到法定人数。",
        "实到人数：填写了应到人数的，实到人数留空按0人计，即不足法定人数；请假、缺席的不计入实到人数。",
        "人事事项：讨论干部任免等人事事项的填“是”，其他留空或填“否”；是人事事项的，赞成人数留空按0人计。",
        `“${ORGANISATION_SHEET}”中党员人数或培训经费留空的组织不核算培训经费；是否“五好”留空按“否”计；群众满意度、“五带头”党员数留空的不计入全县目标；乡镇党委的“五带头”党员数请留空（“五带头”只计农村党员）。`,
      ];
}

/** The scheme's points (六、考核方案要点). */
function schemeLines(s: Scheme): string[] {
      const l = s.ledger;
      return [
        ...l.duties.map((d) => `${d.name}：${d.orgType || "所有组织"}${periodWords[d.period].zh}不少于${d.min}次；计入的类型：${d.events.join("、")}。`),
        "周按周一至周日计算，跨年的周（如2025年12月29日至2026年1月4日）只计检查期间内的日期；月、季度按自然月、自然季度；半年分上半年（1–6月）和下半年（7–12月）；年为1月1日至12月31日。检查期间为台账中最早到最晚日期所在的整年。",
        `法定人数：实到人数不少于应到人数的${shareWords(l.quorum)}（“以上”含本数${ratioExample(l.quorum, "实到", "达到", "不足")}）。`,
        `人事事项：赞成人数不少于应到人数的${shareWords(l.majority)}方可通过（含本数${ratioExample(l.majority, "赞成", "通过", "不通过，决定无效")}）。`,
        `党员教育培训经费：每名党员每年不少于${l.trainingPerMember}元（含本数），即培训经费不少于党员人数×${l.trainingPerMember}元。`,
        ...(s.targets.length ? [`县定目标：${s.targets.map((t) => `${t.name}不低于${ratioWords(t.ratio)}`).join("；")}（按“${ORGANISATION_SHEET}”计算）。`] : []),
      ];
}

export const ledgerNotes: KindNotes = { blank: blankRules, scheme: schemeLines,
  own: ledgerOwnNotes, };
