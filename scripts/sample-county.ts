// Writes the sample county's workbooks (one per kind of assessment), clean, messy or both, into a folder.
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { writeTemplate } from "../src/cli/xlsx-template";
import { DEFAULT_LEDGER_ORGANISATIONS, DEFAULT_MEMBERS, DEFAULT_SEED, sampleCounty } from "../src/kinds/sample-county";
import { schemeKinds } from "../src/kinds/registry";

const usage = `用法 / usage: tsx scripts/sample-county.ts [文件夹] [--members 6000] [--seed ${DEFAULT_SEED}] [--ledger-years 1] [--ledger-organisations ${DEFAULT_LEDGER_ORGANISATIONS}] [--clean | --messy] [--no-validation]
  默认写入系统临时文件夹下的 sample/，干净版和含问题版（文件名以“-待整理”结尾）各一套。
  Writes to sample/ under the OS temp folder by default, a clean set and a messy set (names ending in "-待整理").`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      members: { type: "string" },
      seed: { type: "string" },
      "ledger-years": { type: "string" },
      "ledger-organisations": { type: "string" },
      clean: { type: "boolean", default: false },
      messy: { type: "boolean", default: false },
      "no-validation": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const members = values.members === undefined ? DEFAULT_MEMBERS : Number(values.members);
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  const ledgerYears = values["ledger-years"] === undefined ? 1 : Number(values["ledger-years"]);
  const ledgerOrganisations = values["ledger-organisations"] === undefined ? DEFAULT_LEDGER_ORGANISATIONS : Number(values["ledger-organisations"]);
  if (![members, ledgerYears, ledgerOrganisations].every((n) => Number.isSafeInteger(n) && n >= 1) || !Number.isSafeInteger(seed))
    throw new Error(`--members, --seed, --ledger-years and --ledger-organisations take whole numbers\n${usage}`);
  const dir = resolve(positionals[0] ?? join(tmpdir(), "sample"));
  mkdirSync(dir, { recursive: true });
  const sets = values.clean === values.messy ? [false, true] : [values.messy];
  for (const mess of sets) {
    const county = sampleCounty({ seed, members, mess, ledgerYears, ledgerOrganisations });
    for (const kind of schemeKinds) {
      const f = county.files[kind];
      const name = mess ? f.fileName.replace(/\.xlsx$/, "-待整理.xlsx") : f.fileName;
      const path = join(dir, name);
      await writeTemplate(f.spec, path, f, { validations: !values["no-validation"] });
      console.log(`${path}  ${f.rows.length} 行`);
    }
    if (mess) for (const m of county.mess.filter((x) => x.what !== "mergedBranch")) console.log(`  ${m.sheet} 第${m.row}行 ${m.header || "-"}：${m.zh}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
