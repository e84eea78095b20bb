// 取数来源 as the 计算 screen draws it: the sheet each link reads or the choice among several, the files chosen, and the button only where the host can read a file.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LinkedSources } from "../../src/taskpane/components/LinkedSources";
import { strings } from "../../src/taskpane/strings";
import type { Assessment, AssessmentState } from "../../src/taskpane/useAssessment";
import type { RunResult } from "../../src/workbook/pipeline";
import type { SheetData } from "../../src/workbook/sheet";

const cadreSheet: SheetData = { name: "干部考核", rows: [["乡镇", "姓名", "编号", "职务", "任务得分", "年终考评", "应发工资", "一票否决"], ["城关镇", "李四", "A2", "科员", 90, null, 4000, ""]] };
const appraisal = (name: string): SheetData => ({ name, rows: [["单位", "姓名", "编号", "自评", "互评", "群众评议", "支部评定"], ["城关镇", "李四", "A2", 80, 80, 80, 80]] });
const file = { name: "测评.xlsx", workbook: { sheets: [appraisal("2024民主测评"), appraisal("民主测评")] } };

/** The section's HTML over a state; the actions are never called by a render. */
function draw(state: Partial<AssessmentState>, options: { readsLinked?: boolean; locale?: "zh-CN" | "en-US" } = {}): string {
  const locale = options.locale ?? "zh-CN";
  const a = { state: { skipBadRows: false, notices: {}, sources: { linked: [], chosen: {} }, ...state }, readsLinked: options.readsLinked ?? true } as unknown as Assessment;
  return renderToStaticMarkup(<LinkedSources a={a} s={strings[locale]} locale={locale} kind="cadre" />);
}

/** The text of each option of the page's selects, and the selected one's. */
const options = (html: string) => [...html.matchAll(/<option value="[^"]*"( selected="")?>([^<]*)<\/option>/g)].map((m) => (m[1] ? `*${m[2]}` : m[2]));

describe("the 取数来源 section", () => {
  it("says which sheet of this workbook a link reads when there is one", () => {
    const html = draw({ workbook: { sheets: [cadreSheet, appraisal("民主测评")] } });
    expect(html).toContain("“年终考评”取自民主测评/述职评议汇总的结果");
    expect(html).toContain("将读取本工作簿的“民主测评”表。");
    expect(html).not.toContain("<select");
  });

  it("says when none was found, and before the workbook is read that it is looked for then", () => {
    expect(draw({ workbook: { sheets: [cadreSheet] } })).toContain("未找到这张表：按本表所填计算。");
    const unread = draw({});
    expect(unread).not.toContain("未找到这张表");
    expect(unread).toContain("本工作簿中的表在检查或计算时查找");
  });

  it("offers every sheet where several could be read, the one the run will read selected", () => {
    const workbook = { sheets: [cadreSheet, appraisal("本表测评")] };
    expect(options(draw({ workbook, sources: { linked: [file], chosen: {} } }))).toEqual(["*本工作簿的“本表测评”表", "“测评.xlsx”的“2024民主测评”表", "“测评.xlsx”的“民主测评”表"]);
    // The chosen sheet is listed first and selected, as the run reads it first.
    expect(options(draw({ workbook, sources: { linked: [file], chosen: { appraisal: { file: "测评.xlsx", sheet: "民主测评" } } } }))).toEqual(["*“测评.xlsx”的“民主测评”表", "本工作簿的“本表测评”表", "“测评.xlsx”的“2024民主测评”表"]);
  });

  it("lists the files chosen, each with its remove button, and one the last computation did not use", () => {
    const used = draw({ sources: { linked: [file], chosen: {} }, ranWith: ["测评.xlsx"], run: { status: "ok", linkedUsed: ["测评.xlsx"] } as RunResult });
    expect(used).toContain("已选的其他工作簿：");
    expect(used).toContain('aria-label="移除“测评.xlsx”"');
    expect(used).not.toContain("未用到");
    const unused = draw({ sources: { linked: [file], chosen: {} }, ranWith: ["测评.xlsx"], run: { status: "ok", linkedUsed: [] as string[] } as RunResult });
    expect(unused).toContain("测评.xlsx （上次计算未用到此文件）");
  });

  it("offers a file only where the host can read one, in the user's language", () => {
    expect(draw({})).toContain("选择其他工作簿…");
    expect(draw({}, { readsLinked: false })).not.toContain('type="file"');
    expect(draw({}, { locale: "en-US" })).toContain("Choose another workbook…");
    expect(draw({ readingLinked: "测评.xlsx" })).toContain("正在读取“测评.xlsx”…");
  });

  it("shows what became of the last file chosen", () => {
    const html = draw({ linkedNotice: { intent: "error", text: "“名单.xlsx”中没有本表可以取数的表（民主测评/述职评议汇总），未添加。", lines: ["未添加“名单.xlsx”；已选的其他工作簿和本次的计算结果不受影响。"] } });
    expect(html).toContain("“名单.xlsx”中没有本表可以取数的表");
    expect(html).toContain("已选的其他工作簿和本次的计算结果不受影响");
  });
});
