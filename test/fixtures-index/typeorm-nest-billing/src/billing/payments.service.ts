import { Injectable } from "@nestjs/common";
import { InjectRepository } from "@nestjs/typeorm";
import { LessThan, Repository } from "typeorm";
import { Payment } from "../entities/invoice.entity";

@Injectable()
export class PaymentsService {
  constructor(@InjectRepository(Payment) private readonly payments: Repository<Payment>) {}

  /** Billing page: the account's latest payments across all its invoices. */
  accountHistory(accountId: string) {
    return this.payments.find({ where: { invoice: { account: { id: accountId } } }, relations: { invoice: true }, order: { createdAt: "DESC" }, take: 50 }); // expect: unindexed-filter
  }

  byProviderRef(providerRef: string) {
    return this.payments.findOne({ where: { providerRef }, relations: { invoice: true } });
  }

  /** Reconciler: pending for more than an hour means the webhook got lost. */
  stuckPending(cutoff: Date) {
    return this.payments.find({ where: { status: "pending", createdAt: LessThan(cutoff) }, take: 200 });
  }

  /** Finance report of failed charges in a period, optionally filtered by the decline message. */
  failures(from: Date, to: Date, search?: string) {
    const qb = this.payments.createQueryBuilder("p").where("p.failedAt >= :from AND p.failedAt < :to", { from, to });
    if (search) qb.andWhere("p.failureMessage ILIKE :q", { q: `%${search}%` });
    return qb.orderBy("p.failedAt", "DESC").limit(500).getMany(); // expect: unindexed-filter
  }
}
