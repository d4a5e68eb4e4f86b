import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorPage } from "./components/error-page";
import { SiteFooter, SiteHeader, type ShellUser } from "./components/layout";
import { useNonce } from "./components/nonce";
import { useDelegatedNavigation } from "./components/plain-link";
import { useLocale } from "./i18n/react";
import { unreadCount } from "./modules/discussions/notifications.server";
// One stylesheet for the whole app: index.css @imports the others and Vite inlines them.
import stylesheet from "./styles/index.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Digital Compass" }];

export async function loader({ context }: LoaderFunctionArgs) {
  const user = context.auth.user;
  const shellUser: ShellUser | null = user ? { id: user.id, name: user.name, handle: user.handle, role: user.role } : null;
  const unread = user ? await unreadCount(context.services.db, user) : 0;
  return { locale: context.locale, user: shellUser, unread };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = useLocale();
  const nonce = useNonce();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
      </head>
      <body>
        <SiteHeader user={data?.user ?? null} unread={data?.unread ?? 0} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useDelegatedNavigation();
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
