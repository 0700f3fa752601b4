import { Injectable, NotFoundException } from "@nestjs/common";
import { InjectRepository } from "@nestjs/typeorm";
import { Between, Repository } from "typeorm";
import { Invoice } from "../entities/invoice.entity";

@Injectable()
export class InvoicesService {
  constructor(@InjectRepository(Invoice) private readonly invoices: Repository<Invoice>) {}

  async byNumber(accountId: string, number: number): Promise<Invoice> {
    const invoice = await this.invoices.findOne({ where: { account: { id: accountId }, number }, relations: { lines: true } });
    if (!invoice) throw new NotFoundException(`invoice ${number}`);
    return invoice;
  }

  statement(accountId: string, from: Date, to: Date) {
    return this.invoices.find({ where: { account: { id: accountId }, issuedAt: Between(from, to) }, order: { issuedAt: "ASC" } });
  }

  /** Stripe webhooks carry their own invoice id. */
  byExternalId(externalId: string) {
    return this.invoices.findOne({ where: { externalId } });
  }

  /** Subscription detail page: the last twelve invoices of one subscription. */
  forSubscription(subscriptionId: string) {
    return this.invoices.find({ where: { subscription: { id: subscriptionId } }, order: { issuedAt: "DESC" }, take: 12 }); // expect: unindexed-filter
  }

  /** Dunning worker: open invoices past their due date, oldest first, across all accounts. */
  overdueForDunning(now: Date) {
    return this.invoices.createQueryBuilder("inv").leftJoinAndSelect("inv.account", "account").where("inv.status = :status", { status: "open" }).andWhere("inv.dueAt < :now", { now }).orderBy("inv.dueAt", "ASC").take(200).getMany(); // expect: unindexed-filter
  }

  markPaid(id: string, paidAt: Date) {
    return this.invoices.update({ id }, { status: "paid", paidAt });
  }
}
