import { type LoaderFunctionArgs, useLoaderData } from "react-router";
import { db } from "~/lib/db.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const shareId = Number(params.shareId);
  const share = await db.share.findUnique({
    where: { id: shareId },
    select: { id: true, name: true, description: true, priceCents: true, capacity: true },
  });
  if (!share) throw new Response("Share not found", { status: 404 });

  const waiting = (await db.waitlistEntry.findMany({ where: { shareId } })).length; // expect: count-via-length, unbounded-query
  return { share, waiting };
}

export default function SharePage() {
  const { share, waiting } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>{share.name}</h1>
      <p>{share.description}</p>
      <p>
        {(share.priceCents / 100).toFixed(2)} per box, {share.capacity} places
      </p>
      {waiting > 0 ? <p>{waiting} people on the waitlist</p> : null}
    </main>
  );
}
