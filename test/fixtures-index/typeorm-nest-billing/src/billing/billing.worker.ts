import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from "@nestjs/common";
import { WebhooksService } from "../webhooks/webhooks.service";
import { InvoicesService } from "./invoices.service";
import { PaymentsService } from "./payments.service";
import { SubscriptionsService } from "./subscriptions.service";

const DAY = 24 * 3_600_000;

@Injectable()
export class BillingWorker implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(BillingWorker.name);
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly subscriptions: SubscriptionsService,
    private readonly invoices: InvoicesService,
    private readonly payments: PaymentsService,
    private readonly webhooks: WebhooksService,
  ) {}

  onModuleInit() {
    this.timers.push(setInterval(() => void this.tick(), 5 * 60_000));
    this.timers.push(setInterval(() => void this.daily(), DAY));
  }

  onModuleDestroy() {
    this.timers.forEach(clearInterval);
  }

  private async tick() {
    const now = new Date();
    const [renewals, overdue, stuck, unprocessed] = await Promise.all([
      this.subscriptions.dueForRenewal(now),
      this.invoices.overdueForDunning(now),
      this.payments.stuckPending(new Date(now.getTime() - 3_600_000)),
      this.webhooks.pending(),
    ]);
    this.logger.log(`renewals=${renewals.length} overdue=${overdue.length} stuck=${stuck.length} webhooks=${unprocessed.length}`);
  }

  private async daily() {
    const now = Date.now();
    const ending = await this.subscriptions.trialsEndingBetween(new Date(now + 3 * DAY), new Date(now + 4 * DAY));
    const failedWebhooks = await this.webhooks.recentFailures(new Date(now - DAY));
    const volume = await this.webhooks.volumeSince(new Date(now - DAY));
    this.logger.log(`trial mails=${ending.length} failed charges=${failedWebhooks.length} webhooks/day=${volume}`);
  }
}
