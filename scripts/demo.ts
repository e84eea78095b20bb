// The main job on the sample county: write its returns (with the usual mess), check them, then compute each with kaohe run.
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
}

demo().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 70;
});
