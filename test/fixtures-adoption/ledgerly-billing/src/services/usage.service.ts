import { Op } from "sequelize";
import { Subscription, UsageEvent } from "../models";
import { chunk } from "../lib/batch";

export interface UsageEventInput {
  subscriptionId: number;
  metric: string;
  quantity: number;
  idempotencyKey: string;
  occurredAt: string;
}

export interface StaleMeter {
  subscriptionId: number;
  planCode: string;
  lastEventAt: Date | null;
}

const INGEST_BATCH = 500;
const SUBSCRIPTION_PAGE = 200;

function toUsageRow(event: UsageEventInput) {
  return {
    subscriptionId: event.subscriptionId,
    metric: event.metric,
    quantity: event.quantity,
    idempotencyKey: event.idempotencyKey,
    occurredAt: new Date(event.occurredAt),
  };
}

export class UsageService {
  /** Integrations post up to a few thousand events per call; duplicates are dropped by the unique key. */
  async ingest(events: UsageEventInput[]): Promise<number> {
    for (const batch of chunk(events, INGEST_BATCH)) {
      await UsageEvent.bulkCreate(batch.map(toUsageRow), { ignoreDuplicates: true });
    }
    return events.length;
  }

  /** Walks every active subscription in keyset pages. */
  async *activeSubscriptions(): AsyncGenerator<Subscription> {
    let lastId = 0;
    while (true) {
      const page = await Subscription.findAll({
        where: { status: "active", id: { [Op.gt]: lastId } },
        order: [["id", "ASC"]],
        limit: SUBSCRIPTION_PAGE,
      });
      if (page.length === 0) return;
      yield* page;
      lastId = page[page.length - 1].id;
    }
  }

  /** Metered subscriptions whose integration stopped reporting: support calls the customer. */
  async findStaleMeters(since: Date): Promise<StaleMeter[]> {
    const stale: StaleMeter[] = [];
    for await (const subscription of this.activeSubscriptions()) {
      const latest = await UsageEvent.findOne({ where: { subscriptionId: subscription.id }, order: [["occurredAt", "DESC"]] }); // expect: n-plus-one
      if (!latest || latest.occurredAt < since) {
        stale.push({
          subscriptionId: subscription.id,
          planCode: subscription.planCode,
          lastEventAt: latest?.occurredAt ?? null,
        });
      }
    }
    return stale;
  }
}
