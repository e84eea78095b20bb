import { describe, expect, it } from "vitest";
import { validateWorkflow, workflowDefaults, workflowSources } from "../../src/core/workflow-rules";

describe("the workflow settings", () => {
  it("defaults: a 7-day notice, 9 stars commended with the reserve flag, 2 stars or fewer helped, 2 per helper", () => {
    const d = workflowDefaults();
    expect(d.notice).toEqual({ start: "", days: 7, issuer: "", objectionsTo: "", phone: "" });
    expect(d.starLists).toEqual({ commendThreshold: 9, reserveCandidates: true, backwardThreshold: 2, maxHelped: 2 });
    expect(d.negativeList.length).toBeGreaterThanOrEqual(10);
  });
  it("every default has its source named by its document, never by a file", () => {
    for (const key of ["notice.days", "negativeList", "starLists.commendThreshold", "starLists.backwardThreshold", "starLists.maxHelped", "personal"]) expect(workflowSources[key]?.zh).toBeTruthy();
    expect(workflowSources["notice.days"].zh).toContain("《关于乡镇党委规范化建设试点工作的意见》");
    expect(workflowSources.negativeList.zh).toContain("北戴河区《农村基层党建工作责任落实办法》");
    expect(JSON.stringify(workflowSources)).not.toMatch(/seed|种子|\.\.\//i);
  });
  it("an absent section keeps its defaults; a given one is read", () => {
    const { rules } = validateWorkflow({ notice: { days: 5, issuer: " 中共某镇委员会 " }, starLists: { reserveCandidates: false } });
    expect(rules?.notice).toEqual({ start: "", days: 5, issuer: "中共某镇委员会", objectionsTo: "", phone: "" });
    expect(rules?.starLists.reserveCandidates).toBe(false);
    expect(rules?.starLists.commendThreshold).toBe(9);
  });
  it("each bad setting is named by its path", () => {
    const { rules, problems } = validateWorkflow({
      notice: { days: 0, start: "下周一" },
      starLists: { backwardThreshold: 9, reserveCandidates: "可以" },
      personal: { idCard: "身份证" },
      negativeList: [{ id: "1", category: "x", text: "t", noTop: true }],
    });
    expect(rules).toBeUndefined();
    expect(problems.map((p) => p.path)).toEqual([
      "notice.days",
      "notice.start",
      "negativeList[0].category",
      "starLists.reserveCandidates",
      "starLists.backwardThreshold",
      "personal.idCard",
    ]);
    expect(problems[4].zh).toBe("后进线（9星）应低于表彰线（9星）");
  });
  it("defaults are fresh copies: changing one scheme's list leaves the next alone", () => {
    const a = workflowDefaults();
    a.negativeList.splice(0);
    expect(workflowDefaults().negativeList.length).toBeGreaterThan(0);
  });
});
