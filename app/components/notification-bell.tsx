import { Link, useLocation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { MessageKey, Translate } from "../i18n";
import { useT } from "../i18n/react";

/** What a notification says, in the reader's language: the same sentence on the page, in the bell's announcement and in e-mails. */
export type NotificationSummary = {
  kind: string;
  actor: { name: string } | null;
  topic: { title: string } | null;
};

const kindKeys: Record<string, MessageKey> = {
  reply: "notify.kind.reply",
  mention: "notify.kind.mention",
  accepted: "notify.kind.accepted",
  watching: "notify.kind.watching",
  "new-topic": "notify.kind.new-topic",
  "case-review": "notify.kind.case-review",
  "identity-reveal": "notify.kind.identity-reveal",
  "case-follow-up": "notify.kind.case-follow-up",
};

export function notificationSentence(
  t: Translate,
  n: NotificationSummary
): string {
  return t(kindKeys[n.kind] ?? "notify.kind.other", {
    actor: n.actor?.name ?? t("notify.someone"),
    topic: n.topic?.title ?? t("notify.aTopic"),
  });
}

function BellIcon() {
  return (
    <svg
      className="bell-icon"
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 24 24"
      width="22"
      height="22"
    >
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Zm-2 1H7v-6a5 5 0 0 1 10 0v6Z"
      />
    </svg>
  );
}

/**
 * The header's bell: a link to /notifications whose text says how many are unread. The number comes from the root
 * loader on every page (so it is right after a reload and without JavaScript); with JavaScript a socket, loaded
 * lazily in its own chunk, adds new ones live and announces them, and after a reconnection the true count is asked
 * again (pushes missed while offline are not replayed).
 */
export function NotificationBell({ unread }: { unread: number }) {
  const t = useT();
  const [count, setCount] = useState(unread);
  const [announcement, setAnnouncement] = useState("");
  const location = useLocation();
  const revalidator = useRevalidator();

  // The server's number wins whenever the page data is fresh (navigation, form submission).
  useEffect(() => setCount(unread), [unread]);

  // The socket lives as long as the header; these refs let it use the current language and page.
  const latest = useRef({
    t,
    pathname: location.pathname,
    revalidate: revalidator.revalidate,
  });
  latest.current = {
    t,
    pathname: location.pathname,
    revalidate: revalidator.revalidate,
  };

  useEffect(() => {
    let cancelled = false;
    let close: (() => void) | undefined;
    const refresh = async () => {
      try {
        const res = await fetch("/api/v1/notifications?limit=1", {
          credentials: "same-origin",
          headers: { accept: "application/json" },
        });
        if (!res.ok) return;
        const body = (await res.json()) as { unread?: unknown };
        if (!cancelled && typeof body.unread === "number")
          setCount(body.unread);
      } catch {
        // Offline: the next reconnection asks again.
      }
    };
    // The live connection (and its 13 KB client) waits for the first sign of a person at the page, or a few
    // seconds: a first visit on a slow phone downloads the page before anything else. The count is refreshed on
    // connect, so nothing that arrived meanwhile is missed.
    const triggers = [
      "pointerdown",
      "keydown",
      "touchstart",
      "scroll",
      "focusin",
    ] as const;
    let started = false;
    const start = () => {
      if (started || cancelled) return;
      started = true;
      triggers.forEach((type) => window.removeEventListener(type, start));
      clearTimeout(timer);
      connect();
    };
    const timer = setTimeout(start, 8000);
    triggers.forEach((type) =>
      window.addEventListener(type, start, { passive: true, once: true })
    );
    const connect = () =>
      import("socket.io-client")
        .then(({ io }) => {
          if (cancelled) return;
          // WebSocket only: its handshake always carries the Origin the server checks (a same-origin polling GET does not).
          const socket = io({
            transports: ["websocket"],
            withCredentials: true,
          });
          close = () => socket.close();
          socket.on("notification:new", (payload: NotificationSummary) => {
            const { t: tr, pathname, revalidate } = latest.current;
            setCount((c) => c + 1);
            setAnnouncement(
              tr("notify.bell.new", { text: notificationSentence(tr, payload) })
            );
            if (pathname === "/notifications") revalidate();
          });
          socket.on("connect", () => void refresh());
          socket.io.on("reconnect", () => void refresh());
        })
        .catch(() => {
          // No live updates; the count still comes with every page.
        });
    return () => {
      cancelled = true;
      clearTimeout(timer);
      triggers.forEach((type) => window.removeEventListener(type, start));
      close?.();
    };
  }, []);

  const label =
    count > 0 ? t("notify.bell.unread", { count }) : t("notify.bell.none");
  return (
    <>
      <Link
        to="/notifications"
        className={
          count > 0 ? "notification-bell has-unread" : "notification-bell"
        }
        prefetch="intent"
      >
        <BellIcon />
        {count > 0 ? (
          <span className="bell-count" aria-hidden="true">
            {count > 99 ? "99+" : count}
          </span>
        ) : null}
        <span className="sr-only">{label}</span>
      </Link>
      <span className="sr-only" role="status" aria-live="polite">
        {announcement}
      </span>
    </>
  );
}
