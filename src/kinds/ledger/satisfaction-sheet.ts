// The satisfaction ratings (满意度测评): each county department or grass-roots station rated satisfied or not, read for the county target as a share of units.
import { satisfactionShare, type SatisfactionShare } from "../../core/satisfaction";
import type { AssessInput } from "../../workbook/assess/common";
import { str } from "../../workbook/assess/common";
import type { FieldDef } from "../../workbook/fields";
import type { Problem } from "../../workbook/sheet";
import { problemSheet, secondSheet, secondSheetPlace, type SecondSheet } from "./second-sheet";

export const SATISFACTION_SHEET = "满意度测评";

/** One row per rating unit. */
export const ratingFields: readonly FieldDef[] = [
  { id: "unit", header: "测评单位", aliases: ["县直部门和基层站所", "县直部门", "基层站所", "评价单位"], type: "text", required: true },
  { id: "rating", header: "测评结果", aliases: ["是否满意", "满意度评价", "评价结果"], type: "text", required: true },
];

const what = { zh: "满意度测评（测评单位、测评结果）", en: "the units' satisfaction ratings" };

/** The ratings and their share, when the workbook has them; a rating that is neither word list nor yes/no is a problem with its cell. */
export function readSatisfaction(input: AssessInput): { share?: SatisfactionShare; problems: Problem[]; found?: SecondSheet } {
  const { found, problems } = secondSheet(input, ratingFields, SATISFACTION_SHEET, what);
  if (!found) return { problems };
  const records = found.read.records;
  const share = satisfactionShare(records.map((r) => str(r.values.rating) || null));
  const col = found.table.columns.get("rating")!;
  for (const i of share.unreadable)
    problems.push({
      sheet: problemSheet(found),
      row: records[i].row,
      col: col + 1,
      header: found.table.headers.get("rating"),
      zh: `无法识别测评结果“${str(records[i].values.rating)}”；请填写“满意”“基本满意”或“不满意”`,
      en: `the rating "${str(records[i].values.rating)}" is not recognised; write 满意, 基本满意 or 不满意`,
    });
  return { share, problems, found };
}

/** The line on screen and in 审计: the ratings counted, where they were read, and whether the target is met. */
export function satisfactionLine(found: SecondSheet | undefined, share: SatisfactionShare, met: boolean | null, ratio: string) {
  const where = found ? secondSheetPlace(found) : { zh: `“${SATISFACTION_SHEET}”`, en: SATISFACTION_SHEET };
  return {
    zh: `满意度按${where.zh}计算：满意 ${share.satisfied} 个单位 / 测评 ${share.rated} 个单位，${met ? "达到" : "未达到"} ${ratio}`,
    en: `satisfaction from ${where.en}: ${share.satisfied} of ${share.rated} units satisfied, ${met ? "meets" : "misses"} ${ratio}`,
  };
}
