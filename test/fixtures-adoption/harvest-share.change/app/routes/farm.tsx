import { type LoaderFunctionArgs, useLoaderData } from "react-router";
import { db } from "~/lib/db.server";
import { nextPickupFor } from "~/lib/pickups.server";
import { seasonCalendar } from "~/lib/season-calendar.server";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const farmId = Number(params.farmId);
  const url = new URL(request.url);
  const farm = await db.farm.findUnique({ where: { id: farmId }, select: { id: true, name: true, region: true } });
  if (!farm) throw new Response("Farm not found", { status: 404 });

  // The farm hands pin a few subscribers (?watch=12&watch=40) to see their next pickup at a glance.
  const watchIds = url.searchParams.getAll("watch").map(Number).filter(Number.isInteger);
  const pickups = await Promise.all(
    watchIds.map(async (subscriberId) => {
      const next = await nextPickupFor(farmId, subscriberId); // expect-new: n-plus-one
      return { subscriberId, scheduledFor: next ? next.scheduledFor.toISOString() : null, status: next?.status ?? "none" };
    }),
  );

  const now = new Date();
  const subscribers = await db.subscriber.findMany({ where: { farmId } }); // expect: unbounded-query
  const lapsed = subscribers.filter((s) => s.renewsAt < now); // expect: in-memory-filter

  const featuredIds = url.searchParams.getAll("featured").map(Number);
  const featured = await Promise.all(featuredIds.map((id) => db.share.findUnique({ where: { id } })));

  return {
    farm,
    pickups,
    lapsed: lapsed.map((s) => ({ id: s.id, name: s.name, plan: s.plan, renewsAt: s.renewsAt.toISOString() })),
    featured: featured.flatMap((share) => (share && share.farmId === farmId ? [{ id: share.id, name: share.name, priceCents: share.priceCents }] : [])),
    season: seasonCalendar.findMany({ farmId }),
  };
}

export default function FarmPage() {
  const { farm, pickups, lapsed, featured, season } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>{farm.name}</h1>
      <p>{farm.region}</p>
      {pickups.length > 0 ? (
        <section>
          <h2>Watched pickups</h2>
          <ul>
            {pickups.map((p) => (
              <li key={p.subscriberId}>
                #{p.subscriberId}: {p.scheduledFor ?? "nothing scheduled"} ({p.status})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
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
