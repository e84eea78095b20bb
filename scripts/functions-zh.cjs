// Makes the zh-CN functions metadata from the English one (generated from JSDoc) and the Chinese help table.
const { require: tsRequire } = require("tsx/cjs/api");

function zhFunctionsMetadata(en) {
  const { helpZh } = tsRequire("../src/functions/help-zh.ts", __filename);
  const missing = [];
  const functions = en.functions.map((f) => {
    const help = helpZh[f.id];
    if (!help) {
      missing.push(`${f.id}: no Chinese help`);
      return f;
    }
    const parameters = (f.parameters || []).map((p) => {
      const text = help.params[p.name];
      if (!text) missing.push(`${f.id}.${p.name}: no Chinese help`);
      return { ...p, description: text || p.description };
    });
    return { ...f, description: help.description, parameters };
  });
  if (missing.length) throw new Error("Chinese function help is incomplete (src/functions/help-zh.ts):\n" + missing.join("\n"));
  return { ...en, functions };
}

module.exports = { zhFunctionsMetadata };
