import type { MetaFunction } from "@remix-run/node";
import { Form } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "Sign in — Reference" }];

/** A static page (no loader, no data): what a sign-in form costs the framework alone. */
export default function StaticPage() {
  return (
    <section>
      <h1>Sign in</h1>
      <Form method="post">
        <label htmlFor="email">E-mail</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        <button type="submit">Sign in</button>
      </Form>
    </section>
  );
}
