import { type LoaderFunctionArgs, useLoaderData } from "react-router";
import { db } from "~/lib/db.server";
import { seasonCalendar } from "~/lib/season-calendar.server";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const farmId = Number(params.farmId);
  const url = new URL(request.url);
  const farm = await db.farm.findUnique({ where: { id: farmId }, select: { id: true, name: true, region: true } });
  if (!farm) throw new Response("Farm not found", { status: 404 });

  const now = new Date();
  const subscribers = await db.subscriber.findMany({ where: { farmId } }); // expect: unbounded-query
  const lapsed = subscribers.filter((s) => s.renewsAt < now); // expect: in-memory-filter

  const featuredIds = url.searchParams.getAll("featured").map(Number);
  const featured = await Promise.all(featuredIds.map((id) => db.share.findUnique({ where: { id } })));

  return {
    farm,
    lapsed: lapsed.map((s) => ({ id: s.id, name: s.name, plan: s.plan, renewsAt: s.renewsAt.toISOString() })),
    featured: featured.flatMap((share) => (share && share.farmId === farmId ? [{ id: share.id, name: share.name, priceCents: share.priceCents }] : [])),
    season: seasonCalendar.findMany({ farmId }),
  };
}

export default function FarmPage() {
  const { farm, lapsed, featured, season } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>{farm.name}</h1>
      <p>{farm.region}</p>
      <section>
        <h2>Renewals due</h2>
        <ul>
          {lapsed.map((s) => (
            <li key={s.id}>
              {s.name} ({s.plan}), renews {s.renewsAt}
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2>Featured shares</h2>
        {featured.map((share) => (
          <article key={share.id}>{share.name}</article>
        ))}
      </section>
      <p>{season.map((w) => w.crop).join(", ")}</p>
    </main>
  );
}
