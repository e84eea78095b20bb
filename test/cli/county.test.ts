// kaohe on the sample county, every kind: the produced workbook read back with ExcelJS, its totals check and its audit sheet.
import { join } from "node:path";
import type { Worksheet } from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTemplate } from "../../src/cli/xlsx-template";
import { type SchemeKind } from "../../src/core/scheme";
import { kindNames, schemeKinds } from "../../src/kinds/registry";
import { sampleCounty } from "../../src/kinds/sample-county";
import { kaohe, readWorkbook, tempDir, type Ran } from "./helpers";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** The rows of a sheet as plain values (formula results, text of rich text). */
function values(ws: Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const v = cell.value as unknown;
      cells[c - 1] = v && typeof v === "object" && "result" in (v as object) ? (v as { result: unknown }).result : v;
    });
    out[r - 1] = cells;
  });
  return out;
}

const fen = (x: unknown) => Math.round(Number(x) * 100);

describe("kaohe run on the sample county", () => {
  const county = sampleCounty();
  const ran = new Map<SchemeKind, { r: Ran; out: string; rows: number }>();

  beforeAll(async () => {
    const path = (kind: SchemeKind) => join(dir, county.files[kind].fileName);
    for (const kind of schemeKinds) {
      const f = county.files[kind];
      await writeTemplate(f.spec, path(kind), f, { validations: false });
    }
    // Each return with the returns it reads what it leaves blank from, as the county runs them.
    for (const kind of schemeKinds) {
      const out = join(dir, `${kind}-out.xlsx`);
      const sources = (county.sources[kind] ?? []).flatMap((k) => ["--with", path(k)]);
      ran.set(kind, { r: await kaohe(["run", path(kind), ...sources, "-o", out]), out, rows: county.files[kind].rows.length });
    }
  }, 240_000);

  it.each(schemeKinds.map((k) => [k]))("%s: computes every row and writes the reports and the audit", async (k) => {
    const kind = k as SchemeKind;
    const { r, out, rows } = ran.get(kind)!;
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(kindNames[kind].zh);
    const wb = await readWorkbook(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(["审计", "考核方案"]));
    const audit = values(wb.getWorksheet("审计")!);
    const computed = audit.find((row) => row?.[0] === "计算行数");
    expect(computed?.[1]).toBe(rows);
    expect(audit.some((row) => row?.[0] === "输入校验和（SHA-256）" && typeof row[1] === "string" && /^[0-9a-f]{64}$/.test(row[1] as string))).toBe(true);
    expect(audit.some((row) => row?.[0] === "考核方案（快照）")).toBe(true);
  });

  it("cadres: each township's performance pool is paid out to the fen, and the pay sheet says so", async () => {
    const wb = await readWorkbook(ran.get("cadre")!.out);
    const pay = values(wb.getWorksheet("绩效工资发放表")!);
    const header = pay.findIndex((row) => row?.includes("绩效工资实发"));
    const col = (h: string) => pay[header].indexOf(h);
    const people = pay.slice(header + 1).filter((row) => row && typeof row[col("姓名")] === "string" && !String(row[0]).includes("小计") && row[0] !== "合计");
    expect(people).toHaveLength(ran.get("cadre")!.rows);
    // basic + performance base = what is due, for every person, to the fen
    for (const p of people) expect(fen(p[col("基本工资")]) + fen(p[col("绩效工资基数")])).toBe(fen(p[col("应发工资")]));
    const byTownship = new Map<string, { base: number; paid: number }>();
    for (const p of people) {
      const t = byTownship.get(String(p[0])) ?? { base: 0, paid: 0 };
      t.base += fen(p[col("绩效工资基数")]);
      t.paid += fen(p[col("绩效工资实发")]);
      byTownship.set(String(p[0]), t);
    }
    expect(byTownship.size).toBe(12);
    for (const [, t] of byTownship) expect(t.paid).toBe(t.base);
    const total = pay.find((row) => row?.[0] === "合计")!;
    expect(total[col("核对")]).toBe("绩效池=实发 ✓");
    expect(pay.flat().some((v) => typeof v === "string" && v.startsWith("核对：") && v.includes("相符"))).toBe(true);
  });

  it("members: no branch keeps more high-star members than its quota allows", async () => {
    const wb = await readWorkbook(ran.get("member")!.out);
    const quota = values(wb.getWorksheet("配额核查")!);
    const header = quota.findIndex((row) => row?.includes("允许人数"));
    const allowed = quota[header].indexOf("允许人数");
    const actual = quota[header].indexOf("实际人数");
    const rows = quota.slice(header + 1).filter((row) => row && typeof row[allowed] === "number");
    expect(rows.length).toBeGreaterThan(180);
    for (const row of rows) expect(row[actual] as number).toBeLessThanOrEqual(row[allowed] as number);
  });

  /** A data sheet's rows by 编号, each as header → value. */
  async function people(kind: SchemeKind): Promise<Map<string, Record<string, unknown>>> {
    const wb = await readWorkbook(ran.get(kind)!.out);
    const rows = values(wb.worksheets[0]);
    const h = rows.findIndex((row) => row?.includes("编号") && row.includes("姓名"));
    const out = new Map<string, Record<string, unknown>>();
    for (const row of rows.slice(h + 1)) if (row?.[rows[h].indexOf("编号")]) out.set(String(row[rows[h].indexOf("编号")]), Object.fromEntries(rows[h].map((k, i) => [String(k), row[i]])));
    return out;
  }

  it("the negative list and the objections: the sample county's deliberate cases end as computed by hand, each in 说明 and 审计", async () => {
    const sj = await people("secretary");
    // 北塘镇: 17 secretaries, floor(17 × 20%) = 3 优秀; 苏云强 (94.33) barred by 4-2, the place passes to 杨春 (90.26).
    expect([sj.get("SJ074")!["等次"], sj.get("SJ072")!["等次"], sj.get("SJ064")!["等次"], sj.get("SJ078")!["等次"]]).toEqual(["称职", "优秀", "优秀", "优秀"]);
    expect(sj.get("SJ074")!["说明"]).toContain("负面清单 4-2「阻挠、不配合村务监督委员会监督」1 次：本年度不得评为优秀");
    // 李永 90.08 − 2 × 2 = 86.08, 称职; 郭静东 (90.00) takes 桃源乡's third place.
    expect([sj.get("SJ101")!["综合得分"], sj.get("SJ101")!["等次"], sj.get("SJ106")!["等次"]]).toEqual([86.08, "称职", "优秀"]);
    // 吴永: 优秀 as announced, 称职 after the upheld objection; 刘刚's objection was not upheld and he stays 优秀.
    expect(sj.get("SJ006")!["等次"]).toBe("称职");
    expect(sj.get("SJ006")!["说明"]).toContain("公示后异议成立，由 优秀 调整为 称职");
    expect(sj.get("SJ016")!["等次"]).toBe("优秀");
    const wb = await readWorkbook(ran.get("secretary")!.out);
    const audit = values(wb.getWorksheet("审计")!);
    const line = (what: string, who: string) => audit.find((row) => row?.[0] === what && row[1] === who)?.[2];
    expect(line("负面清单", "李永")).toContain("扣 4 分");
    expect(line("异议", "刘刚")).toContain("不成立");
    expect(line("公示后调整", "吴永")).toContain("经镇党委核实，违规发放补贴属实");
    const notice = values(wb.getWorksheet("公示")!);
    // The notice shows the result as computed, before the objection.
    expect(notice.find((row) => row?.includes("吴永"))).toContain("优秀");

    const gb = await people("cadre");
    // 彭东金 failed by 1-3 whatever his 81.46: 不称职, coefficient 0, no performance pay; 徐平春 90.08 − 3 = 87.08, 称职 at 1.0 × post 1.1.
    expect([gb.get("GB018")!["等次"], gb.get("GB018")!["系数"], gb.get("GB018")!["绩效工资"]]).toEqual(["不称职", 0, 0]);
    expect([gb.get("GB012")!["综合得分"], gb.get("GB012")!["等次"], gb.get("GB012")!["系数"]]).toEqual([87.08, "称职", 1.1]);

    const dy = await people("member");
    // 青龙岗村党支部, cap 6: one place at 5 stars or more (floor(6 × 30%)); 王宏海 6 − 2 = 4, so 潘涛丽 keeps 5; 叶东生 (10, barred by 5-1) is held at 8.
    expect([dy.get("DY000016")!["最终星数"], dy.get("DY000018")!["最终星数"], dy.get("DY000017")!["最终星数"]]).toEqual([4, 5, 8]);
    expect(dy.get("DY000016")!["说明"]).toContain("摘 2 星");
  });

  it("the ledger: names the missing periods as people say them", async () => {
    const wb = await readWorkbook(ran.get("ledger")!.out);
    const report = values(wb.getWorksheet("组织生活落实情况")!);
    expect(report.flat().some((v) => typeof v === "string" && /\d{4}年\d{1,2}月/.test(v))).toBe(true);
  });
});

describe("kaohe check on the messy sample county", () => {
  it("lists exactly the mess it was given, with sheets, rows and columns", async () => {
    const county = sampleCounty({ mess: true });
    const expected = county.mess.filter((m) => m.what === "absentWord" || m.what === "duplicateId" || m.what === "badDate");
    expect(expected.length).toBeGreaterThan(0);
    for (const kind of schemeKinds) {
      const f = county.files[kind];
      const input = join(dir, `messy-${f.fileName}`);
      await writeTemplate(f.spec, input, f, { validations: false });
      const r = await kaohe(["check", input]);
      const mine = expected.filter((m) => m.sheet === f.spec.sheets[0].name);
      expect(r.code, `${kind}: ${r.stdout}`).toBe(mine.length ? 1 : 0);
      for (const m of mine) expect(r.stdout, kind).toContain(`第${m.row}行`);
      expect(r.stdout.split("\n").filter((l) => /第\d+行/.test(l)), kind).toHaveLength(mine.length);
    }
  }, 240_000);
});
