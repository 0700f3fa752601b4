import { type LoaderFunctionArgs, useLoaderData } from "react-router";
import { db } from "~/lib/db.server";
import { farmName } from "~/lib/farms.server";
import { requireEmail } from "~/lib/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const email = await requireEmail(request);
  const memberships = await db.subscriber.findMany({
    where: { email },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, farmId: true, plan: true, renewsAt: true },
  });

  const rows = [];
  for (const m of memberships) {
    rows.push({ id: m.id, farm: await farmName(m.farmId), plan: m.plan, renewsAt: m.renewsAt.toISOString() });
  }
  return { email, rows };
}

export default function Account() {
  const { email, rows } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>{email}</h1>
      <ul>
        {rows.map((r) => (
          <li key={r.id}>
            {r.farm}: {r.plan}, renews {r.renewsAt}
          </li>
        ))}
      </ul>
    </main>
  );
}
