// A page script for the browser test: the Office.js host and the pipeline, on window, over whatever Excel the page has.
import { createExcelHost } from "../../src/excel/host";
import { runAssessment } from "../../src/workbook/pipeline";

Object.assign(window, { __kaohe: { host: createExcelHost(), runAssessment } });
