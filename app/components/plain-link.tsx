import { useNavigate } from "@remix-run/react";
import { useEffect, type AnchorHTMLAttributes } from "react";

type PlainLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & {
  to: string;
  /** Keep the scroll position, as Remix's `preventScrollReset` does (a reply form opening in place). */
  keepScroll?: boolean;
};

/**
 * A link for long lists (posts, topics): a plain `<a>` that costs no router hooks to render on the server, twenty
 * or fifty times per page. The root's delegated click handler (`useDelegatedNavigation`) still gives it client-side
 * navigation once JavaScript runs.
 */
export function PlainLink({ to, keepScroll, ...rest }: PlainLinkProps) {
  return <a href={to} data-nav={keepScroll ? "keep-scroll" : ""} {...rest} />;
}

/** Installed once in the root: turns clicks on `PlainLink`s into client-side navigations. */
export function useDelegatedNavigation() {
  const navigate = useNavigate();
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest("a[data-nav]") : null;
      if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== "_self") || link.hasAttribute("download")) return;
      const url = new URL(link.href);
      if (url.origin !== window.location.origin) return;
      event.preventDefault();
      navigate(url.pathname + url.search + url.hash, { preventScrollReset: link.dataset.nav === "keep-scroll" });
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [navigate]);
}
