import type { LoaderFunctionArgs } from "@remix-run/node";
import { ComingSoon } from "~/components/coming-soon";
import { requireUser } from "~/modules/platform/context.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(context, request);
  return null;
}

export default function Area() {
  return <ComingSoon area="nav.cases" intro="area.cases.intro" />;
}
