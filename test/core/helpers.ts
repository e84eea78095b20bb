// Shared by the core tests: the RuleError a rule throws, so a test can check its code, key and place.
import { RuleError } from "../../src/core/errors";

export function ruleErrorOf(f: () => unknown): RuleError {
  try {
    f();
  } catch (e) {
    if (e instanceof RuleError) return e;
    throw e;
  }
  throw new Error("expected a RuleError");
}
