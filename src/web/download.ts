// Hands a file to the browser's download, from the bytes the page holds: no request leaves the machine.

/** An .xlsx file saved by the browser under `fileName`. */
export function saveFile(bytes: ArrayBuffer, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The browser has taken the file once the click is handled; the URL is freed a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
