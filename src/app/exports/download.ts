/** Saving bytes or text as a file from the browser (an object URL and a temporary link). */

/** Offers `data` for download as `fileName`. */
export function downloadFile(fileName: string, mime: string, data: BlobPart): void {
  const url = URL.createObjectURL(new Blob([data], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Reads a file chosen by the user as text (UTF-8). */
export function readFileText(file: Blob): Promise<string> {
  return file.text();
}
