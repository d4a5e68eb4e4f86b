import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
// The same route table the Remix build makes from app/routes (flat routes), without building.
import { flatRoutes } from "@remix-run/dev/dist/config/flat-routes.js";
import { describe, expect, it } from "vitest";
import { detachOthers, routeSubsets } from "../../server/route-subsets";

type Manifest = Record<string, { id: string; parentId?: string; path?: string; index?: boolean; caseSensitive?: boolean }>;
const manifest = flatRoutes(path.resolve("app"), ["**/*.test.{ts,tsx}"]) as Manifest;
const root = { id: "root", path: "" };
const routes = { root, ...Object.fromEntries(Object.values(manifest).map((r) => [r.id, { ...r, parentId: r.parentId ?? "root" }])) } as unknown as ServerBuild["routes"];

/** Remix's own tree of routes, as it builds it from the build's route table. */
function tree(table: ServerBuild["routes"], parentId?: string): AgnosticRouteObject[] {
  return Object.values(table)
    .filter((r) => r!.parentId === parentId)
    .map((r) => (r!.index ? { id: r!.id, index: true, path: r!.path } : { id: r!.id, path: r!.path, children: tree(table, r!.id) })) as AgnosticRouteObject[];
}
const matchedIds = (table: ServerBuild["routes"], pathname: string) => matchRoutes(tree(table), pathname)?.map((m) => m.route.id) ?? null;

/** Every route's pattern with sample values, and paths no route was written for. */
function samplePaths(): string[] {
  const paths = new Set<string>(["/", "/nowhere", "/DISCUSSIONS", "/Discussions/t/12", "/%64iscussions", "/discussions/", "//login", "/%zz", "/cases/", "/settings/unknown", "/a/b/c/d"]);
  const full = (id: string | undefined): string => (id && routes[id] ? [full(routes[id]!.parentId), routes[id]!.path ?? ""].filter(Boolean).join("/") : "");
  for (const route of Object.values(routes)) {
    const pattern = `/${full(route!.id)}`.replace(/:[^/]+/g, "42").replace(/\*$/, "some/where/else");
    paths.add(pattern);
    paths.add(`${pattern}/extra`);
    paths.add(`${pattern.replace(/\/$/, "")}.data`);
  }
  paths.add("/_root.data");
  return [...paths];
}

describe("routes split by first segment", () => {
  const subsets = routeSubsets(routes);

  it("has a share for the app's sections", () => {
    expect(subsets.segments).toEqual(expect.arrayContaining(["discussions", "cases", "login", "settings", "centres"]));
  });

  it.each(samplePaths())("matches %s as it would over every route", (pathname) => {
    const page = pathname.replace(/\.data$/, "").replace(/^\/_root$/, "/");
    const share = detachOthers(routes, subsets.routesFor(pathname).keep);
    expect(matchedIds(share, page)).toEqual(matchedIds(routes, page));
  });

  it("gives a light page far fewer routes to rank, and every route's module to render with", () => {
    const shareOf = (pathname: string) => detachOthers(routes, subsets.routesFor(pathname).keep);
    const ranked = (pathname: string) => tree(shareOf(pathname)).flatMap(function all(r): AgnosticRouteObject[] {
      return [r, ...(r.children ?? []).flatMap(all)];
    }).length;
    expect(ranked("/login")).toBeLessThan(6);
    expect(ranked("/discussions/t/1")).toBeLessThan(Object.keys(routes).length / 2);
    expect(Object.keys(shareOf("/login")).sort()).toEqual(Object.keys(routes).sort());
  });
});
