import { Injectable } from "@nestjs/common";
import { InjectRepository } from "@nestjs/typeorm";
import { IsNull, MoreThan, Repository } from "typeorm";
import { WebhookEvent } from "../entities/webhook-event.entity";

@Injectable()
export class WebhooksService {
  constructor(@InjectRepository(WebhookEvent) private readonly events: Repository<WebhookEvent>) {}

  /** Stripe retries deliveries; the event id makes ingestion idempotent. */
  async ingest(eventId: string, type: string, payload: Record<string, unknown>) {
    const existing = await this.events.findOne({ where: { eventId } });
    if (existing) return existing;
    return this.events.save(this.events.create({ eventId, type, payload }));
  }

  pending() {
    return this.events.find({ where: { processedAt: IsNull() }, order: { receivedAt: "ASC" }, take: 100 });
  }

  recentFailures(since: Date) {
    return this.events.find({ where: { type: "invoice.payment_failed", receivedAt: MoreThan(since) }, order: { receivedAt: "DESC" }, take: 100 });
  }

  volumeSince(since: Date) {
    return this.events.count({ where: { receivedAt: MoreThan(since) } });
  }

  markProcessed(id: number) {
    return this.events.update({ id }, { processedAt: new Date() });
  }
}
