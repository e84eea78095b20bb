// Stands in for office.js in a browser: installs the fake Excel on window with the workbook a page set in window.__KAOHE_FAKE_WORKBOOK__ before loading this script.
import { installFakeOffice, type FakeExcel, type FakeWorkbookInit } from "./fake-office";

interface FakeWindow {
  __KAOHE_FAKE_WORKBOOK__?: FakeWorkbookInit;
  __kaoheFakeExcel?: FakeExcel;
}

/** A small cadre table, for a page that sets no workbook of its own. */
const sample: FakeWorkbookInit = {
  sheets: [
    {
      name: "干部考核",
      rows: [
        ["乡镇", "姓名", "编号", "职务", "任务得分", "年终考评", "应发工资", "一票否决"],
        ["城关镇", "张三", "A1", "科员", 95, 90, 5000, ""],
        ["城关镇", "李四", "A2", "科员", 88, 80, 4000, ""],
        ["东山乡", "王五", "B1", "站长", 92, 100, 6000.5, "是"],
      ],
    },
  ],
};

const w = window as unknown as FakeWindow;
w.__kaoheFakeExcel = installFakeOffice(window, w.__KAOHE_FAKE_WORKBOOK__ ?? sample);

/**
 * Excel's custom functions runtime, as the shared runtime has it: the functions bundle registers each
 * KAOHE function with CustomFunctions.associate when it loads. The registrations are kept so a test
 * can call a function as Excel would.
 */
class CustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}
const registered: Record<string, (...args: unknown[]) => unknown> = {};
(window as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  associate(id: string, fn: (...args: unknown[]) => unknown) {
    registered[id] = fn;
  },
  Error: CustomFunctionError,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
};
(window as unknown as { __kaoheFunctions: typeof registered }).__kaoheFunctions = registered;
