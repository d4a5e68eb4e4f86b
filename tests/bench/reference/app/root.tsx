import type { LinksFunction } from "@remix-run/node";
import { Link, Links, Meta, Outlet, Scripts, ScrollRestoration } from "@remix-run/react";
import type { ReactNode } from "react";
import stylesheet from "./style.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

/** A layout like any forum's: header with navigation, main, footer. */
export function Layout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <header className="site-header">
          <a href="#main" className="skip">
            Skip to content
          </a>
          <Link to="/" className="brand">
            Reference forum
          </Link>
          <nav aria-label="Main">
            <ul>
              <li>
                <Link to="/t/1">Discussions</Link>
              </li>
              <li>
                <Link to="/static">Sign in</Link>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <p>Reference page for the bench.</p>
        </footer>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}
