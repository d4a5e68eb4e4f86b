import type { ServerBuild } from "@remix-run/node";

type BuildRoutes = ServerBuild["routes"];

const detached = "\u0000elsewhere";

/**
 * A route table (the build's, or the assets manifest the page's render builds its routes from) where the routes not
 * in `keep` hang under a parent that does not exist: Remix's route trees never reach them, yet each is still there for
 * whoever looks it up by id.
 */
export function detachOthers<T extends Record<string, { parentId?: string } | undefined>>(table: T, keep: Set<string>): T {
  return Object.fromEntries(Object.entries(table).map(([id, r]) => [id, !r || keep.has(id) ? r : { ...r, parentId: detached }])) as T;
}

/**
 * Remix ranks every route of the app on each request, more than once (its own matching, then its router's), and
 * on a light page that costs more than the page itself. A request can only match routes whose path starts with its
 * first segment, so the routes are split by that segment once, at start-up; each request is handed to the handler
 * built over its share: those routes, their parents (the root, layouts), and the routes any first segment can match
 * (a `:param` first, the `*` splat). The result is the same match as over every route.
 *
 * A share keeps every route in the table (the page's render asks for all their modules) but detaches the others
 * (`detachOthers`), in the build's routes and in the manifest the render matches again.
 */
export function routeSubsets(routes: BuildRoutes) {
  const all = Object.values(routes).filter((r): r is NonNullable<typeof r> => Boolean(r));
  const byId = new Map(all.map((r) => [r.id, r]));
  const fullPath = (id: string | undefined): string => {
    const route = id ? byId.get(id) : undefined;
    if (!route) return "";
    return [fullPath(route.parentId), route.path ?? ""].filter(Boolean).join("/");
  };
  const firstSegment = (path: string) => path.replace(/^\/+/, "").split("/")[0].toLowerCase();
  /** Routes that any first segment may reach: a dynamic or splat first segment, or a layout or index at the root. */
  const everywhere = (first: string) => first === "" || first.startsWith(":") || first === "*" || first.includes("?");

  const groups = new Map<string, Set<string>>();
  const shared = new Set<string>();
  for (const route of all) {
    const first = firstSegment(fullPath(route.id));
    if (everywhere(first)) shared.add(route.id);
    else (groups.get(first) ?? groups.set(first, new Set()).get(first)!).add(route.id);
  }
  const withAncestors = (ids: Set<string>) => {
    const out = new Set<string>();
    for (const id of ids) for (let r = byId.get(id); r && !out.has(r.id); r = r.parentId ? byId.get(r.parentId) : undefined) out.add(r.id);
    return out;
  };

  const bySegment = new Map([...groups].map(([segment, ids]) => [segment, withAncestors(new Set([...ids, ...shared]))]));
  const rest = withAncestors(shared);
  const everyRoute = new Set(all.map((r) => r.id));
  return {
    segments: [...bySegment.keys()],
    /** The routes a request for `pathname` can match (single-fetch data URLs included). */
    routesFor(pathname: string): { key: string; keep: Set<string> } {
      // Route discovery asks about other pages: it gets every route.
      if (pathname === "/__manifest") return { key: "/__manifest", keep: everyRoute };
      const page = pathname.replace(/\.data$/, "").replace(/^\/_root$/, "/");
      let segment = page.replace(/^\/+/, "").split("/")[0];
      try {
        segment = decodeURIComponent(segment);
      } catch {
        // Left as it is: the splat answers a malformed path.
      }
      segment = segment.toLowerCase();
      const share = bySegment.get(segment);
      return share ? { key: segment, keep: share } : { key: "", keep: rest };
    },
  };
}
