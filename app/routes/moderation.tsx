import type { LoaderFunctionArgs } from "@remix-run/node";
import { ComingSoon } from "~/components/coming-soon";
import { requirePermission } from "~/modules/platform/context.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(context, request, { action: "moderation:access" });
  return null;
}

export default function Moderation() {
  return <ComingSoon area="nav.moderation" intro="area.moderation.intro" />;
}
