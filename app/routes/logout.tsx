import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { signOut } from "~/modules/accounts/auth.server";

export async function loader() {
  return redirect("/");
}

export async function action({ context }: ActionFunctionArgs) {
  const session = context.auth.session;
  const cookie = session ? await signOut(context.services, session.id) : context.services.lucia.createBlankSessionCookie().serialize();
  return redirect("/", { headers: { "Set-Cookie": cookie } });
}
