const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Does this Origin (or Referer) belong to the app's public origin? Loopback names are treated as one host so
 * that a local run answers on both localhost and 127.0.0.1.
 */
export function isAppOrigin(value: string | null | undefined, publicOrigin: string): boolean {
  if (!value || value === "null") return false;
  let candidate: URL;
  let expected: URL;
  try {
    candidate = new URL(value);
    expected = new URL(publicOrigin);
  } catch {
    return false;
  }
  if (candidate.origin === expected.origin) return true;
  return (
    candidate.protocol === expected.protocol &&
    candidate.port === expected.port &&
    loopbackHosts.has(candidate.hostname) &&
    loopbackHosts.has(expected.hostname)
  );
}

export const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);
