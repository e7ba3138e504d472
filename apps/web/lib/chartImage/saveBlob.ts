/**
 * Time an object URL stays valid after its download starts. Browsers read the
 * URL after the click returns, and some read it late, so it is revoked only then.
 */
const OBJECT_URL_LIFETIME_MS = 60_000;

/** Starts the browser's download of `blob` under `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), OBJECT_URL_LIFETIME_MS);
}
