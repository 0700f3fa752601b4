import type { LoaderFunctionArgs } from "react-router";
import { db } from "~/lib/db.server";

// Resource route: the farm's subscriber list as CSV, for the printed packing sheets.
export async function loader({ params }: LoaderFunctionArgs) {
  const farmId = Number(params.farmId);
  const lines = ["name,email,plan"];
  let lastId = 0;
  for (;;) {
    const page = await db.subscriber.findMany({
      where: { farmId, id: { gt: lastId } },
      orderBy: { id: "asc" },
      take: 500,
      select: { id: true, name: true, email: true, plan: true },
    });
    if (page.length === 0) break;
    for (const s of page) lines.push(`${s.name},${s.email},${s.plan}`);
    lastId = page[page.length - 1].id;
  }
  return new Response(lines.join("\n"), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="subscribers-${farmId}.csv"` },
  });
}
