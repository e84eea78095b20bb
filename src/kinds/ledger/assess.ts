// The ledger of organisational life (台账): duties held per period, quorums, two-thirds decisions, training funds and county targets.
import { periodCounter } from "../../core/cadence";
import { calendarOf, excelSerial } from "../../core/dates";
import { numberText } from "../../core/number-text";
import { atLeastShare, toRatio } from "../../core/exact";
import { labelKey } from "../../core/grade";
import { countyTargetsMet, meetsTarget, perHeadYuan, tallyOf } from "../../core/targets";
import { countShareText, fixedText, periodWords, shareWords } from "../../core/wording";
import type { DutyDef } from "../../core/scheme";
import { ORGANISATION_SHEET, organisationFields } from "./fields";
import { reportSheetNames, type PlanCell, type ReportSheet } from "../../workbook/plan";
import { readRecords, type RowRecord } from "../../workbook/read";
import type { Problem } from "../../workbook/sheet";
import { findTableIn } from "../../workbook/table";
import { type AssessInput, type Assessment, type KindRules, type Warning, flag, num, str } from "../../workbook/assess/common";
import { CONTACT_SHEET, contactProblems, countContacts, isContactDuty, readContacts, yearsOf } from "./contact-points";
import { fiveGoodSource, type ListOrg } from "./five-good-source";
import { readSatisfaction, satisfactionLine, SATISFACTION_SHEET } from "./satisfaction-sheet";
import { satisfactionShareMet } from "../../core/satisfaction";

interface Organisation {
  /** Its row of 组织名单. */
  row: number;
  name: string;
  township: string;
  orgType: string;
  members: number | null;
  trainingSpend: number | null;
  fiveGood: boolean | null;
  /** 是否“五好” as typed: null for a blank cell (counted 否 on its own, but no verdict to set against the five-good assessment's). */
  fiveGoodTyped: boolean | null;
  satisfaction: number | null;
  fiveLead: number | null;
}

const REPORT_NAME = reportSheetNames.ledger;

/** labelKey, remembered: a ledger repeats a few hundred organisation names and a few event words over its rows. */
function keyCache(): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    let k = seen.get(text);
    if (k === undefined) {
      k = labelKey(text);
      seen.set(text, k);
    }
    return k;
  };
}

/**
 * The organisations sheet, read like any table; its problems are the ledger's problems. The ledger's
 * own sheet and the report sheets are not searched: their 组织 and 类型 columns would pass for a list.
 */
function readOrganisations(input: AssessInput): { orgs: Map<string, Organisation>; problems: Problem[]; found: boolean } {
  const skip = new Set<string>([input.table.sheet, REPORT_NAME, ...Object.values(reportSheetNames)]);
  const sheets = input.workbook.sheets.filter((s) => !skip.has(s.name));
  const table = findTableIn(sheets, organisationFields, ORGANISATION_SHEET, input.scheme.columns);
  if (!table || table.missing.length > 0) {
    const missing = table?.missing ?? organisationFields.filter((f) => f.required);
    const problem: Problem = {
      sheet: table?.sheet ?? ORGANISATION_SHEET,
      row: table ? table.headerRow + 1 : 0,
      col: 0,
      zh: `找不到“${ORGANISATION_SHEET}”表的列：${missing.map((f) => f.header).join("、")}。没有组织类型，无法判断各组织应落实哪些职责`,
      en: `the ${ORGANISATION_SHEET} sheet (the list of organisations) lacks the columns ${missing.map((f) => f.header).join(", ")}; without the organisations' types their duties are unknown`,
    };
    return { orgs: new Map(), problems: [problem], found: false };
  }
  const read = readRecords(table, organisationFields);
  const hasFiveGood = table.columns.has("fiveGood");
  // A count reads blank as 0; a blank 五带头 (a township committee's row) is no count at all, not 0 of its members.
  const leadCol = table.columns.get("fiveLead");
  const leadOf = (r: RowRecord) => {
    const raw = leadCol === undefined ? null : table.rows[r.row - 1]?.[leadCol];
    return raw === null || raw === undefined || String(raw).trim() === "" ? null : num(r.values.fiveLead);
  };
  // So is a blank 党员人数: the five-good table's count stands for it.
  const membersCol = table.columns.get("members");
  const membersOf = (r: RowRecord) => {
    const raw = membersCol === undefined ? null : table.rows[r.row - 1]?.[membersCol];
    return raw === null || raw === undefined || String(raw).trim() === "" ? null : num(r.values.members);
  };
  const goodCol = table.columns.get("fiveGood");
  const typedGood = (r: RowRecord) => {
    const raw = goodCol === undefined ? null : table.rows[r.row - 1]?.[goodCol];
    return raw === null || raw === undefined || String(raw).trim() === "" ? null : flag(r.values.fiveGood);
  };
  const orgs = new Map<string, Organisation>();
  for (const r of read.records)
    orgs.set(labelKey(str(r.values.organisation)), {
      row: r.row,
      name: str(r.values.organisation),
      township: str(r.values.township),
      orgType: str(r.values.orgType),
      members: membersOf(r),
      trainingSpend: num(r.values.trainingSpend),
      fiveGood: hasFiveGood ? flag(r.values.fiveGood) : null,
      fiveGoodTyped: hasFiveGood ? typedGood(r) : null,
      satisfaction: num(r.values.satisfaction),
      fiveLead: leadOf(r),
    });
  return { orgs, problems: read.problems, found: true };
}

function check(input: AssessInput): Problem[] {
  const { orgs, problems, found } = readOrganisations(input);
  problems.push(...contactProblems(input, new Set(orgs.keys()), found), ...readSatisfaction(input).problems);
  const col = input.table.columns.get("organisation")!;
  const dateCol = input.table.columns.get("date")!;
  const key = keyCache();
  for (const r of input.records) {
    // A blank date is no problem to the reader (only required text is); a ledger entry without one cannot be counted.
    const rawDate = input.table.rows[r.row - 1]?.[dateCol];
    if (r.values.date === null && (rawDate === null || rawDate === undefined || String(rawDate).trim() === ""))
      problems.push({ sheet: input.table.sheet, row: r.row, col: dateCol + 1, header: input.table.headers.get("date"), zh: "日期不能为空", en: "the date must not be blank" });
    const name = str(r.values.organisation);
    if (found && name && !orgs.has(key(name)))
      problems.push({
        sheet: input.table.sheet,
        row: r.row,
        col: col + 1,
        header: input.table.headers.get("organisation"),
        zh: `“${name}”不在“${ORGANISATION_SHEET}”中`,
        en: `"${name}" is not on the ${ORGANISATION_SHEET} sheet`,
      });
    const due = num(r.values.due) ?? 0;
    for (const f of ["present", "inFavour"] as const) {
      const v = num(r.values[f]) ?? 0;
      const c = input.table.columns.get(f);
      if (due > 0 && v > due && c !== undefined)
        problems.push({ sheet: input.table.sheet, row: r.row, col: c + 1, header: input.table.headers.get(f), zh: `${numberText(v)} 人多于应到人数 ${numberText(due)}；请核对到会人数和应到人数`, en: `${numberText(v, "en-US")} is more than the ${numberText(due, "en-US")} members due; check both` });
    }
  }
  return problems;
}

/** Whole years from the first event's year to the last one's: a ledger is checked year by year. */
function span(records: readonly RowRecord[]): { start: number; end: number } {
  // A loop, not Math.min(...dates): spreading a ledger of a few hundred thousand rows overflows the stack.
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of records) {
    const d = num(r.values.date);
    if (d === null) continue;
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  const first = calendarOf(lo).year;
  const last = calendarOf(hi).year;
  return { start: excelSerial(first, 1, 1)!, end: excelSerial(last, 12, 31)! };
}

const applies = (duty: DutyDef, org: Organisation | undefined) => duty.orgType === "" || (org !== undefined && labelKey(org.orgType) === labelKey(duty.orgType));

function assess(input: AssessInput): Assessment {
  const { scheme, records } = input;
  const { orgs } = readOrganisations(input);
  // The five-good assessment, where there is one, holds the organisations' verdicts and figures: read once, here.
  const fiveGood = fiveGoodSource(input, [...orgs.values()].map(listOrg));
  const counted = withFiveGoodFigures([...orgs.values()], fiveGood);
  const { start, end } = span(records);
  const quorum = toRatio(scheme.ledger.quorum);
  const majority = toRatio(scheme.ledger.majority);

  // Each row: met the quorum? a personnel decision carried?
  const quorumOk = records.map((r) => {
    const due = num(r.values.due);
    const present = num(r.values.present);
    return due && present !== null && input.table.columns.has("present") ? atLeastShare(present, due, quorum) : null;
  });
  const carried = records.map((r) => {
    const due = num(r.values.due);
    return flag(r.values.decision) && due ? atLeastShare(num(r.values.inFavour) ?? 0, due, majority) : null;
  });
  const quorumWords = shareWords(scheme.ledger.quorum);
  const majorityWords = shareWords(scheme.ledger.majority);
  const yesNo = (b: boolean | null) => (b === null ? "" : b ? "是" : "否");
  const cells = records.map<PlanCell[]>((_, i) => [
    yesNo(quorumOk[i]),
    yesNo(carried[i]),
    [quorumOk[i] === false ? `到会不足${quorumWords}` : "", carried[i] === false ? `赞成未达${majorityWords}，决定无效` : ""].filter(Boolean).join("；"),
  ]);

  // Duties: per organisation, the events of the duty's kinds counted per period.
  const key = keyCache();
  const byOrg = new Map<string, { name: string; events: Map<string, number[]> }>();
  records.forEach((r) => {
    const name = str(r.values.organisation);
    const k = key(name);
    let entry = byOrg.get(k);
    if (!entry) byOrg.set(k, (entry = { name, events: new Map<string, number[]>() }));
    const type = key(str(r.values.eventType));
    let list = entry.events.get(type);
    if (!list) entry.events.set(type, (list = []));
    list.push(num(r.values.date)!);
  });
  for (const [k, org] of orgs) if (!byOrg.has(k)) byOrg.set(k, { name: org.name, events: new Map() });

  const periods = periodCounter(start, end);
  const dutyRows: PlanCell[][] = [];
  const warn: number[] = [];
  let shortfalls = 0;
  // With a contact-point list, a contact duty is each leader's at his own point, not every village's.
  const { fromYear, toYear } = yearsOf(start, end);
  const contacts = countContacts(input, scheme.ledger.duties, fromYear, toYear, dateText);
  const warnings: Warning[] = [];
  if (!contacts && scheme.ledger.duties.some(isContactDuty))
    warnings.push({
      zh: `没有“${CONTACT_SHEET}”：联系点走访按每个适用的组织核查，不是联系点的村也会显示未落实；请添加“${CONTACT_SHEET}”（领导、联系点），按每位领导到本人联系点的次数核查`,
      en: `no ${CONTACT_SHEET} sheet: contact-point visits are checked per organisation, so villages that are nobody's contact point show shortfalls; add the list (leader, contact point) to check each leader at his own point`,
    });
  for (const [k, entry] of byOrg) {
    const org = orgs.get(k);
    for (const duty of scheme.ledger.duties) {
      if (!applies(duty, org) || (contacts && isContactDuty(duty))) continue;
      const serials = duty.events.flatMap((e) => entry.events.get(key(e)) ?? []);
      const { periods: count, short: missing } = periods(serials, duty.period, duty.min);
      if (missing.length) {
        warn.push(dutyRows.length);
        shortfalls += missing.length;
      }
      dutyRows.push([
        org?.township ?? "",
        entry.name,
        duty.name,
        `${periodWords[duty.period].zh}不少于${duty.min}次`,
        count,
        serials.length,
        missing.length,
        missing.length ? missing.join("、") : "全部落实",
      ]);
    }
  }

  if (contacts) {
    warnings.push({
      zh: `联系点走访按“${CONTACT_SHEET}”逐位领导核查：${contacts.rows.length} 位领导，${contacts.short.length} 位未达要求${contacts.uncounted.length ? `；${contacts.uncounted.length} 次走访未计入任何领导（见“组织生活落实情况”表）` : ""}`,
      en: `contact-point visits checked leader by leader from ${CONTACT_SHEET}: ${contacts.rows.length} leaders, ${contacts.short.length} short${contacts.uncounted.length ? `; ${contacts.uncounted.length} visits counted for no leader (see the report)` : ""}`,
    });
    for (const i of contacts.short) warn.push(dutyRows.length + i);
    dutyRows.push(...contacts.rows);
    shortfalls += contacts.shortfalls;
  }

  // Meetings below quorum and decisions without the majority, by row.
  const flagged: PlanCell[][] = [];
  records.forEach((r, i) => {
    if (quorumOk[i] === false) flagged.push([r.row, str(r.values.organisation), str(r.values.eventType), dateText(num(r.values.date)!), `应到 ${num(r.values.due)} 人，实到 ${num(r.values.present)} 人，不足 ${String(scheme.ledger.quorum)}`]);
    if (carried[i] === false) flagged.push([r.row, str(r.values.organisation), str(r.values.eventType), dateText(num(r.values.date)!), `人事事项：应到 ${num(r.values.due)} 人，赞成 ${num(r.values.inFavour) ?? 0} 人，未达 ${String(scheme.ledger.majority)}`]);
  });

  // Training funds per member, per organisation.
  const perHead = scheme.ledger.trainingPerMember;
  const fundRows: PlanCell[][] = counted
    .filter((o) => o.members && o.trainingSpend !== null)
    .map((o) => {
      const ok = meetsTarget(o.trainingSpend!, o.members!, toRatio(perHead));
      return [o.township, o.name, o.members!, o.trainingSpend!, perHeadYuan(o.trainingSpend!, o.members!), ok ? "达标" : `低于 ${perHead} 元`];
    });

  const targets = countyTargets(input, counted, fiveGood);
  warnings.push(...targets.warnings);
  const rows: PlanCell[][] = [...dutyRows];
  const strong: number[] = [];
  const section = (title: string, header: PlanCell[], body: PlanCell[][], isWarn: (r: PlanCell[]) => boolean) => {
    rows.push(["", "", "", "", "", "", "", ""]);
    strong.push(rows.length);
    rows.push([title, "", "", "", "", "", "", ""]);
    strong.push(rows.length);
    rows.push(pad(header));
    for (const r of body) {
      if (isWarn(r)) warn.push(rows.length);
      rows.push(pad(r));
    }
    if (body.length === 0) rows.push(pad(["无"]));
  };
  section("到会人数不足或表决未通过", ["行", "组织", "类型", "日期", "情况"], flagged, () => true);
  section(`党员教育培训经费（每人每年不少于 ${perHead} 元）`, ["乡镇", "组织", "党员人数", "培训经费（元）", "人均（元）", "是否达标"], fundRows, (r) => r[5] !== "达标");
  // A visit to a village that is nobody's contact point is no fault, only not counted; the others want a look.
  if (contacts) section("未计入领导的联系点走访", ["行", "组织", "日期", "走访领导", "原因"], contacts.uncounted, (r) => !String(r[4]).startsWith("该组织不是任何领导的联系点"));
  if (targets.fiveGoodRows) section("“五好”评定与“组织名单”不一致或未对上", ["行", "组织", "情况"], targets.fiveGoodRows, () => true);
  section("全县目标", ["目标", "要求", "实际", "是否达到"], targets.rows, (r) => r[3] === "未达到");

  const report: ReportSheet = {
    name: REPORT_NAME,
    title: `${scheme.title}：组织生活落实情况`,
    subtitle: `检查期间 ${dateText(start)} 至 ${dateText(end)}；以上、不少于均含本数`,
    columns: [
      { header: "乡镇", width: 10 },
      { header: "组织", width: 16 },
      { header: "职责", width: 20 },
      { header: "要求", width: 14 },
      { header: "应有期数", format: "integer", width: 8 },
      { header: "实际次数", format: "integer", width: 8 },
      { header: "未落实期数", format: "integer", width: 9 },
      { header: "未落实的期", width: 40 },
    ],
    rows,
    strongRows: strong,
    warnRows: warn,
    signatures: true,
    landscape: true,
  };
  const below = quorumOk.filter((x) => x === false).length;
  const failed = carried.filter((x) => x === false).length;
  return {
    columns: [
      { header: "达到法定人数", width: 11 },
      { header: "表决通过", width: 9 },
      { header: "说明", width: 24 },
    ],
    cells,
    warnings,
    // The lists read from a linked workbook, for 审计's list of the files used.
    linkedUsed: [targets.ratingsFrom, readContacts(input).found?.file].filter((x): x is string => x !== undefined),
    reports: [report],
    overrides: [],
    summary: {
      zh: [`台账 ${records.length} 条，${byOrg.size} 个组织，${dateText(start)} 至 ${dateText(end)}`, `未落实 ${shortfalls} 个周期；到会不足 ${below} 次；表决未通过 ${failed} 次`],
      en: [`${records.length} entries, ${byOrg.size} organisations, ${dateText(start)} to ${dateText(end)}`, `${shortfalls} periods short of a duty; ${below} meetings below quorum; ${failed} decisions without the majority`],
    },
  };
}

const pad = (r: PlanCell[]): PlanCell[] => [...r, ...new Array<PlanCell>(Math.max(0, 8 - r.length)).fill("")];

/** An organisation as the five-good source takes it: its name, township and what its row typed. */
const listOrg = (o: Organisation): ListOrg => ({ row: o.row, organisation: o.name, township: o.township || null, fiveGood: o.fiveGoodTyped, members: o.members, fiveLead: o.fiveLead, satisfaction: o.satisfaction });

/** An organisation with the figures counted: its members for the training funds, and the members the five-lead share is of. */
interface Counted extends Organisation {
  leadMembers: number | null;
}

/**
 * The figures the five-good table holds for an organisation replace the list's (which it only checks):
 * its five-lead members of its rural members and its satisfaction score; its members also stand for a
 * blank 党员人数 in the training funds.
 */
function withFiveGoodFigures(orgs: Organisation[], source: ReturnType<typeof fiveGoodSource>): Counted[] {
  const figures = source && "figures" in source ? source.figures : [];
  return orgs.map((o, i) => {
    const f = figures[i];
    if (!f) return { ...o, leadMembers: o.members };
    return { ...o, members: o.members ?? f.members, leadMembers: f.members, fiveLead: f.fiveLead, satisfaction: f.satisfaction ?? o.satisfaction };
  });
}

function dateText(serial: number): string {
  const d = calendarOf(serial);
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

/**
 * The county's target rates: the five-good share from the five-good assessment where there is one
 * (else from 组织名单), satisfaction as the share of rating units satisfied where 满意度测评 is given
 * (else the organisations' mean score, said to be so), the five-lead share from 组织名单.
 */
function countyTargets(input: AssessInput, orgs: Counted[], linked: ReturnType<typeof fiveGoodSource>): { rows: PlanCell[][]; warnings: Warning[]; fiveGoodRows?: PlanCell[][]; ratingsFrom?: string } {
  const { scheme } = input;
  const warnings: Warning[] = [];
  if (linked) warnings.push(linked.warning);
  if (linked && "figures" in linked && linked.figures.some((f) => f !== null)) warnings.push(linked.figuresWarning);
  const verdicts = linked && "verdicts" in linked ? linked.verdicts : null;
  // An organisation without rural members adds nothing to the five-lead share, as before: it is left out.
  const t = tallyOf(orgs.map((o, i) => ({ ...o, members: o.leadMembers, fiveGood: verdicts ? verdicts[i] : o.fiveGood, fiveLead: o.leadMembers ? o.fiveLead : null })));
  const ratios = scheme.targets.map((x) => toRatio(x.ratio));
  const met = countyTargetsMet(t, ratios);
  const actual = [countShareText(t.fiveGood, t.rated), `${fixedText(t.satisfactionSum / t.satisfactionCount, 1)}%（各组织满意度平均分）`, countShareText(t.fiveLead, t.members)];
  // The mean only where the scheme asks for it (ledger.satisfaction = mean); else the share the document counts.
  const asks = scheme.ledger.satisfaction ?? "share";
  const { share, found } = asks === "share" ? readSatisfaction(input) : { share: undefined, found: undefined };
  if (share && share.rated > 0 && ratios[1]) {
    met[1] = satisfactionShareMet(share, ratios[1]);
    actual[1] = `${countShareText(share.satisfied, share.rated)}（满意单位数/测评单位数）`;
    warnings.push(satisfactionLine(found, share, met[1], String(scheme.targets[1].ratio)));
  } else if (asks === "share" && met[1] !== null)
    warnings.push({
      zh: `没有“${SATISFACTION_SHEET}”表：满意度按各组织群众满意度的平均分计算；《我县农村党建工作措施》要求的是县直部门和基层站所中满意单位所占比例，请添加“${SATISFACTION_SHEET}”（测评单位、测评结果）`,
      en: `no ${SATISFACTION_SHEET} sheet: satisfaction is the mean of the organisations' scores; the county's measures ask for the share of county departments and grass-roots stations satisfied: add the sheet (unit, rating)`,
    });
  const rows = scheme.targets
    .slice(0, 3)
    .map<PlanCell[] | null>((target, k) => (met[k] === null ? null : [target.name, `≥ ${String(target.ratio)}`, actual[k], met[k] ? "达到" : "未达到"]))
    .filter((r): r is PlanCell[] => r !== null);
  return { rows, warnings, fiveGoodRows: linked && "rows" in linked ? linked.rows : undefined, ratingsFrom: found?.file };
}

export const ledgerRules: KindRules = { check, assess };
