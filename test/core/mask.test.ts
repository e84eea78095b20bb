import { describe, expect, it } from "vitest";
import { maskIdCard, maskIdsInText, personalKind } from "../../src/core/mask";

describe("ID-card masking", () => {
  it("18 digits: first 6 and last 4 kept, 8 stars between", () => {
    expect(maskIdCard("110101199003071234")).toBe("110101********1234");
  });
  it("a final x is shown as X", () => {
    expect(maskIdCard("11010119900307123x")).toBe("110101********123X");
  });
  it("15 digits (issued before 1999): 6 kept, 5 stars, 4 kept", () => {
    expect(maskIdCard("110101900307123")).toBe("110101*****7123");
  });
  it("spaces and full-width digits typed into the number are read through", () => {
    expect(maskIdCard("110101 19900307 1234")).toBe("110101********1234");
    expect(maskIdCard("１１０１０１１９９００３０７１２３４")).toBe("110101********1234");
  });
  it("a number stored as a number is masked too", () => {
    expect(maskIdCard(110101900307123)).toBe("110101*****7123");
  });
  it("anything else is starred but for its last 4: a mistyped ID is still someone's", () => {
    expect(maskIdCard("11010119900307123")).toBe("*************7123");
    expect(maskIdCard("E1234567")).toBe("****4567");
    expect(maskIdCard("123")).toBe("***");
  });
  it("blank stays blank", () => {
    expect([maskIdCard(""), maskIdCard(null), maskIdCard(undefined), maskIdCard("  ")]).toEqual(["", "", "", ""]);
  });
  it("in free text only ID-shaped runs are masked, not longer digit runs or other numbers", () => {
    expect(maskIdsInText("张三（110101199003071234）扣2分")).toBe("张三（110101********1234）扣2分");
    expect(maskIdsInText("账号 1101011990030712345678，电话 13800138000")).toBe("账号 1101011990030712345678，电话 13800138000");
  });
});

describe("personal columns", () => {
  it("ID, phone and address headers are known whatever their spacing and width", () => {
    expect(["身份证号码", " 联系电话 ", "家庭住址", "姓名", "得分"].map((h) => personalKind(h))).toEqual(["id", "phone", "address", undefined, undefined]);
  });
  it("a county's own list of headers can be given", () => {
    expect(personalKind("证号", { id: ["证号"], phone: [], address: [] })).toBe("id");
  });
});
