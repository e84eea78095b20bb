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
  console.log("━━ 关联取数：每个数只填一次 / linked workbooks: each fact entered once ━━");
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
