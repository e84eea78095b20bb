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
