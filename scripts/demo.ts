// The main job on the sample county: write its returns (with the usual mess), check them, then compute each with kaohe run, reading what it leaves blank from the return that computes it.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/cli/main";
import { writeTemplate } from "../src/cli/xlsx-template";
import { kindNames, schemeKinds } from "../src/kinds/registry";
import { sampleCounty } from "../src/kinds/sample-county";

async function demo(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "kaohe-demo-"));
  const county = sampleCounty({ mess: true });
  const io = { stdout: process.stdout, stderr: process.stderr };
  console.log(`样例县 / sample county → ${dir}\n`);
  console.log("每个数只填一次：村书记表的“民主测评”取自民主测评表，“半年考核”按同一工作簿的“半年考核”表逐项算出；台账“组织名单”的“五好”取自五好评定表；满意度测评只填在五好评定表里，台账从那里读取；台账另有联系点名单，按每位领导自己的联系点核查走访。");
  console.log("Each fact entered once: the secretaries' 民主测评 comes from the appraisal and their 半年考核 from the 半年考核 sheet, item by item; the ledger's 五好 comes from the five-good assessment, and so do the units' satisfaction ratings, kept once there; the ledger carries its leaders' contact points.\n");
  const file = (kind: (typeof schemeKinds)[number]) => county.files[kind].fileName;
  for (const kind of schemeKinds) {
    const f = county.files[kind];
    await writeTemplate(f.spec, join(dir, f.fileName), f);
  }
  for (const kind of schemeKinds) {
    const f = county.files[kind];
    console.log(`━━ ${kindNames[kind].zh} (${f.rows.length} 行) ━━`);
    console.log(`$ kaohe check ${f.fileName}`);
    await main(["check", join(dir, f.fileName)], io);
    const output = f.fileName.replace(/\.xlsx$/, "-结果.xlsx");
    const sources = (county.sources[kind] ?? []).map(file);
    const withArgs = sources.flatMap((s) => ["--with", s]);
    console.log(`$ kaohe run ${[f.fileName, ...withArgs].join(" ")} --skip-bad-rows -o ${output}`);
    const code = await main(["run", join(dir, f.fileName), ...withArgs.map((a, i) => (i % 2 ? join(dir, a) : a)), "--skip-bad-rows", "-o", join(dir, output)], io);
    if (code !== 0) process.exitCode = code;
    console.log("");
  }
}

demo().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 70;
});
