// Copy and download, without the network: downloads are Blobs behind an
// object URL clicked through an <a download>; copies go to the clipboard,
// with the old execCommand route when the Clipboard API refuses.

/**
 * download saves text as a file named name.
 * @param {string} name
 * @param {string} text
 */
export function download(name, text, type = "application/json") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.className = "visually-hidden";
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by now; the URL is kept a while for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * copyText puts text on the clipboard; resolves to whether it worked.
 * @param {string} text
 */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return legacyCopy(text);
  }
}

/** @param {string} text */
function legacyCopy(text) {
  const ta = document.createElement("textarea");
  ta.value = text;
  ta.setAttribute("readonly", "");
  ta.className = "visually-hidden";
  const focus = /** @type {HTMLElement | null} */ (document.activeElement);
  document.body.append(ta);
  ta.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  ta.remove();
  if (focus && typeof focus.focus === "function") focus.focus();
  return ok;
}

/**
 * processingFailedLines joins the bodies of the processing-failed objects
 * of an S3 export ({"objects": [{key, kind, body}]}): one JSON line per
 * failed record, as Firehose writes them.
 * @param {{objects: {kind: string, body: unknown}[]} | null} s3
 */
export function processingFailedLines(s3) {
  const lines = [];
  for (const o of s3 ? s3.objects : []) {
    if (o.kind !== "processing-failed" || typeof o.body !== "string") continue;
    lines.push(o.body.endsWith("\n") || o.body === "" ? o.body : o.body + "\n");
  }
  return lines.join("");
}
