/** Decodes an .eml written by the app (encoded-word headers, quoted-printable or base64 body). */
export function readMail(raw: string) {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, " ");
  const bodyRaw = raw.slice(split).replace(/^\r?\n\r?\n/, "");
  const header = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, "im").exec(head)?.[1] ?? "";
  const qp = (s: string) =>
    Buffer.from(s.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8");
  const words = (s: string) =>
    s
      .replace(/\?=\s+=\?/g, "?==?")
      .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_, _cs: string, enc: string, data: string) =>
        enc.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : qp(data.replace(/_/g, " ")),
      );
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  const text = encoding === "quoted-printable" ? qp(bodyRaw) : encoding === "base64" ? Buffer.from(bodyRaw, "base64").toString("utf8") : bodyRaw;
  return { raw, to: words(header("To")), subject: words(header("Subject")), text };
}
