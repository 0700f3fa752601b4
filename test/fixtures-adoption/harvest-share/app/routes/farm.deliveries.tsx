import { type ActionFunctionArgs, type LoaderFunctionArgs, Form, useLoaderData } from "react-router";
import { chunk } from "~/lib/chunk";
import { db } from "~/lib/db.server";

function startOfWeek(date: Date): Date {
  const d = new Date(date);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return d;
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  const farmId = Number(params.farmId);
  const url = new URL(request.url);
  const take = Math.min(Number(url.searchParams.get("limit")) || 25, 100);
  const deliveries = await db.delivery.findMany({
    where: { farmId, scheduledFor: { gte: startOfWeek(new Date()) } },
    orderBy: { scheduledFor: "asc" },
    take,
    include: { subscriber: { select: { name: true } }, box: { select: { id: true, size: true, packedAt: true } } },
  });
  return {
    deliveries: deliveries.map((d) => ({
      id: d.id,
      scheduledFor: d.scheduledFor.toISOString(),
      subscriber: d.subscriber.name,
      boxId: d.box.id,
      size: d.box.size,
      packed: d.box.packedAt !== null,
    })),
  };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const farmId = Number(params.farmId);
  const form = await request.formData();
  const intent = String(form.get("intent"));

  if (intent === "pack") {
    const packedAt = new Date();
    for (const boxId of form.getAll("boxId")) {
      await db.box.update({ where: { id: Number(boxId) }, data: { packedAt } }); // expect: n-plus-one
    }
    return { ok: true };
  }

  if (intent === "postpone") {
    const ids = form.getAll("deliveryId").map(Number);
    const scheduledFor = new Date(String(form.get("newDate")));
    for (const part of chunk(ids, 100)) {
      await db.delivery.updateMany({ where: { id: { in: part }, farmId }, data: { scheduledFor } });
    }
    return { ok: true };
  }

  throw new Response(`Unknown intent ${intent}`, { status: 400 });
}

export default function Deliveries() {
  const { deliveries } = useLoaderData<typeof loader>();
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="pack" />
      {deliveries.map((d) => (
        <label key={d.id}>
          <input type="checkbox" name="boxId" value={d.boxId} defaultChecked={d.packed} />
          {d.subscriber}, {d.size}, {d.scheduledFor}
        </label>
      ))}
      <button type="submit">Mark packed</button>
    </Form>
  );
}
