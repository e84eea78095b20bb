// A workbook the page's bundle carries (templates/*.xlsx), as webpack gives it: a data: URL.
declare module "*.xlsx" {
  const dataUrl: string;
  export default dataUrl;
}
