// The report charts the .xlsx adapter adds to a written workbook.
export { addCharts, drawingPosition } from "../xlsx/charts";
