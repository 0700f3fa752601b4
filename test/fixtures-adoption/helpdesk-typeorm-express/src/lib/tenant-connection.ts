import { DataSource } from "typeorm";
import { Agent } from "../entities/Agent";
import { Comment } from "../entities/Comment";
import { Customer } from "../entities/Customer";
import { Ticket } from "../entities/Ticket";

// Legacy enterprise tenants still live in their own databases.
export async function withTenantDataSource<T>(slug: string, work: (ds: DataSource) => Promise<T>): Promise<T> {
  const ds = new DataSource({ type: "postgres", url: `${process.env.TENANT_DB_BASE}/${slug}`, entities: [Agent, Comment, Customer, Ticket] }); // expect: client-per-request
  await ds.initialize();
  try {
    return await work(ds);
  } finally {
    await ds.destroy();
  }
}
