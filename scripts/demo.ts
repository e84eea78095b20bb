// The main job on the sample county: write its returns (with the usual mess), check them, then compute each with kaohe run.
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/cli/main";
import { writeTemplate } from "../src/cli/xlsx-template";
import { kindNames, schemeKinds } from "../src/kinds/registry";
import { sampleCounty, type SampleSheet } from "../src/kinds/sample-county";
import { linkedSample } from "../src/kinds/sample/linked";

async function demo(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "kaohe-demo-"));
  const county = sampleCounty({ mess: true });
  const io = { stdout: process.stdout, stderr: process.stderr };
  console.log(`样例县 / sample county → ${dir}\n`);
  // The returns one by one, each with its own typed 民主测评 and 五好, show the checks on real mess; the county's way of working is the linked section last.
  console.log("各类上报表逐一检查、计算（每张表单独可算：村书记表手填“民主测评”，台账“组织名单”手填“五好”）；本县的做法是最后一节的关联取数，每个数只填一次。");
  console.log("Each return checked and computed on its own (the secretaries' 民主测评 and the ledger's 五好 typed in); the county's way of working is the last section, linked, each fact entered once.\n");
  for (const kind of schemeKinds) {
    const f = county.files[kind];
    const input = join(dir, f.fileName);
    await writeTemplate(f.spec, input, f);
    console.log(`━━ ${kindNames[kind].zh} (${f.rows.length} 行) ━━`);
    console.log(`$ kaohe check ${f.fileName}`);
    await main(["check", input], io);
    const output = join(dir, f.fileName.replace(/\.xlsx$/, "-结果.xlsx"));
    console.log(`$ kaohe run ${f.fileName} --skip-bad-rows -o ${output}`);
    const code = await main(["run", input, "--skip-bad-rows", "-o", output], io);
    if (code !== 0) process.exitCode = code;
    console.log("");
  }
  await linkedDemo(dir, io);
}

/**
 * The same county with its workbooks linked, each fact entered once: the secretaries' 民主测评 comes
 * from the appraisal, the ledger's 五好 from the five-good assessment, and the ledger's lists let it
 * count each leader's own contact point and satisfaction as a share of units.
 */
async function linkedDemo(root: string, io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream }): Promise<void> {
  const dir = join(root, "关联");
  mkdirSync(dir);
  const county = sampleCounty();
  const linked = linkedSample(county);
  const write = async (f: SampleSheet) => {
    const path = join(dir, f.fileName);
    await writeTemplate(f.spec, path, f);
    return path;
  };
  const appraisal = await write(county.files.appraisal);
  const fiveGood = await write(county.files.fiveGood);
  const secretary = await write(linked.secretary);
  // The ledger's template holds 联系点名单 and 满意度测评 beside 组织名单: the county fills them there.
  const ledger = await write(linked.ledger);
  console.log("━━ 本县的做法：关联取数，每个数只填一次 / the county's way: linked workbooks, each fact entered once ━━");
  console.log("村书记表的“民主测评”“半年考核”留空：取自民主测评表和“半年考核”工作表（逐项）；台账“组织名单”的“五好”留空：取自五好评定表；台账另有联系点名单和满意度测评。");
  console.log("The secretaries' 民主测评 and 半年考核 are blank (from the appraisal and, item by item, the 半年考核 sheet); the ledger's 五好 is blank (from the five-good assessment); the ledger carries its contact points and ratings.\n");
  for (const [input, source] of [
    [secretary, appraisal],
    [ledger, fiveGood],
  ]) {
    const output = input.replace(/\.xlsx$/, "-结果.xlsx");
    const name = (p: string) => p.slice(dir.length + 1);
    console.log(`$ kaohe run ${name(input)} --with ${name(source)} -o ${name(output)}`);
    const code = await main(["run", input, "--with", source, "-o", output], io);
    if (code !== 0) process.exitCode = code;
    console.log("");
  }
}

demo().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 70;
});
