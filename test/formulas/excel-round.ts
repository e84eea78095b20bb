// Excel's ROUND for the formula engine: the value as Excel holds it (15 significant digits) rounded half away from zero, where HyperFormula rounds the binary value.
import { FunctionArgumentType, FunctionPlugin, type ImplementedFunctions } from "hyperformula";
import { roundHalfUp } from "../../src/core/exact";

/**
 * Excel keeps 15 significant digits, so 0.7 × 56.35 + 0.3 × 95 is 67.945 to it and ROUND(…, 2) gives
 * 67.95, as the pipeline's 四舍五入 gives; HyperFormula rounds the double 67.94499999999999 to 67.94.
 * A template's ROUND(…, 2) on a score that lands on a half cent would otherwise differ from the
 * pipeline in the engine only. Negative digits keep the engine's own rounding.
 */
export class ExcelRoundPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    ROUND: {
      method: "round",
      parameters: [{ argumentType: FunctionArgumentType.NUMBER }, { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 }],
    },
  };

  round(ast: { args: never[] }, state: never): unknown {
    const self = this as unknown as { runFunction: (a: never[], s: never, m: unknown, f: (...v: number[]) => unknown) => unknown; metadata: (n: string) => unknown };
    return self.runFunction(ast.args, state, self.metadata("ROUND"), (x: number, digits: number) => {
      const d = Math.trunc(digits);
      if (d < 0) {
        const p = 10 ** -d;
        return Math.sign(x) * Math.round(Math.abs(x) / p) * p;
      }
      return roundHalfUp(Number(x.toPrecision(15)), d);
    });
  }
}

export const excelRoundTranslations = { enGB: { ROUND: "ROUND" } };
