import { describe, expect, it } from "vitest";
import { fitPage } from "../../app/modules/discussions/thread-pages.server";

type P = { id: string; parentId: string | null; bodyHtml: string };
const post = (id: number, parentId: number | null, size = 100): P => ({ id: String(id), parentId: parentId === null ? null : String(parentId), bodyHtml: "x".repeat(size) });

describe("fitting a page of the reply tree to its weight budget", () => {
  it("keeps a small page whole", () => {
    const posts = [post(1, null), post(2, 1), post(3, null)];
    expect(fitPage(posts)).toEqual({ posts, cut: false, lastRootId: "3", startsLater: false });
  });

  it("ends the page before a first-level branch that does not fit", () => {
    const posts = [post(1, null, 1000), post(2, 1, 1000), post(3, null, 1000), post(4, null, 1000)];
    const fitted = fitPage(posts, { budget: 2 * (2600 + 2000) + 100 });
    expect(fitted.posts.map((p) => p.id)).toEqual(["1", "2"]);
    expect(fitted.cut).toBe(true);
    expect(fitted.lastRootId).toBe("1");
  });

  it("always shows the first branch, leaving its overflow to 'continue this thread'", () => {
    const posts = [post(1, null), post(2, 1), post(3, 2), post(4, 1), post(5, null)];
    const fitted = fitPage(posts, { budget: 2 * (2600 + 200) });
    expect(fitted.posts.map((p) => p.id)).toEqual(["1", "2"]);
    expect(fitted.cut).toBe(true);
    expect(fitted.lastRootId).toBe("1");
  });

  it("starts at the branch of a permalinked post and keeps its ancestors", () => {
    const posts = [post(1, null), post(2, 1), post(3, null), post(4, 3), post(5, 4), post(6, null)];
    const fitted = fitPage(posts, { target: "5", budget: 1 });
    expect(fitted.posts.map((p) => p.id)).toEqual(["3", "4", "5"]);
    expect(fitted.startsLater).toBe(true);
    expect(fitted.lastRootId).toBe("3");
    expect(fitted.cut).toBe(true);
  });

  it("treats the anchor of a thread page as its only root", () => {
    const posts = [post(10, 9), post(11, 10), post(12, 11)];
    expect(fitPage(posts).posts).toHaveLength(3);
  });
});

describe("a permalink whose branch fits", () => {
  it("keeps the page from its start", () => {
    const posts = [post(1, null), post(2, 1), post(3, null), post(4, 3)];
    const fitted = fitPage(posts, { target: "4" });
    expect(fitted.posts.map((p) => p.id)).toEqual(["1", "2", "3", "4"]);
    expect(fitted.startsLater).toBe(false);
  });
});
