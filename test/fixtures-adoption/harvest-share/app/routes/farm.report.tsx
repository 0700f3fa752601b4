import { type LoaderFunctionArgs, useLoaderData } from "react-router";
import { db } from "~/lib/db.server";

const BOX_SIZES = ["small", "standard", "family"] as const;

interface HarvestRow {
  id: number;
  farmId: number;
  crop: string;
  kg: number;
  pickedOn: Date;
  notes: string | null;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const farmId = Number(params.farmId);

  const boxes = await db.box.findMany({ where: { farmId } }); // expect: unbounded-query
  const revenueCents = boxes.reduce((sum, b) => sum + b.priceCents, 0); // expect: in-memory-aggregation

  const sizes: Record<string, number> = {};
  for (const size of BOX_SIZES) {
    sizes[size] = await db.box.count({ where: { farmId, size } });
  }

  const harvests = await db.$queryRaw<HarvestRow[]>`SELECT * FROM "Harvest" WHERE "farmId" = ${farmId} ORDER BY "pickedOn" DESC LIMIT 10`; // expect: select-star

  return { revenueCents, sizes, harvests: harvests.map((h) => ({ crop: h.crop, kg: h.kg, pickedOn: h.pickedOn.toISOString(), notes: h.notes ?? "" })) };
}

export default function FarmReport() {
  const { revenueCents, sizes, harvests } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>Season report</h1>
      <p>Revenue: {(revenueCents / 100).toFixed(2)}</p>
      <ul>
        {Object.entries(sizes).map(([size, count]) => (
          <li key={size}>
            {size}: {count}
          </li>
        ))}
      </ul>
      <table>
        <tbody>
          {harvests.map((h) => (
            <tr key={h.pickedOn + h.crop}>
              <td>{h.crop}</td>
              <td>{h.kg}</td>
              <td>{h.notes}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
