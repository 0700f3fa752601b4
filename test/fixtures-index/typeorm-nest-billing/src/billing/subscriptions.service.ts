import { Injectable } from "@nestjs/common";
import { InjectRepository } from "@nestjs/typeorm";
import { Between, In, IsNull, LessThanOrEqual, MoreThan, Repository } from "typeorm";
import { Coupon, Plan, Subscription, type SubscriptionStatus } from "../entities/billing.entities";

@Injectable()
export class SubscriptionsService {
  private readonly planCache = new Map<string, Plan>();

  constructor(
    @InjectRepository(Subscription) private readonly subs: Repository<Subscription>,
    @InjectRepository(Plan) private readonly plans: Repository<Plan>,
    @InjectRepository(Coupon) private readonly coupons: Repository<Coupon>,
  ) {}

  async plan(id: string): Promise<Plan | null> {
    const cached = this.planCache.get(id);
    if (cached) return cached;
    const plan = await this.plans.findOneBy({ id });
    if (plan) this.planCache.set(id, plan);
    return plan;
  }

  forAccount(accountId: string, status?: SubscriptionStatus) {
    const qb = this.subs.createQueryBuilder("s").leftJoinAndSelect("s.plan", "plan").where("s.accountId = :accountId", { accountId });
    if (status) qb.andWhere("s.status = :status", { status });
    return qb.orderBy("s.createdAt", "DESC").getMany();
  }

  /** Renewal worker, every five minutes. */
  dueForRenewal(now: Date) {
    return this.subs.find({ where: { currentPeriodEnd: LessThanOrEqual(now), canceledAt: IsNull() }, relations: { plan: true }, order: { currentPeriodEnd: "ASC" }, take: 100 });
  }

  /** Daily "your trial ends in 3 days" mail. */
  trialsEndingBetween(from: Date, to: Date) {
    return this.subs.find({ where: { status: "trialing", trialEndsAt: Between(from, to) }, relations: { account: true } }); // expect: unindexed-filter
  }

  /** Migration campaign off the legacy price points. */
  onPlans(planIds: string[]) {
    return this.subs.find({ where: { plan: { id: In(planIds) }, canceledAt: IsNull() }, select: { id: true, accountId: true } }); // expect: unindexed-filter
  }

  redeemableCoupon(code: string) {
    return this.coupons.findOne({ where: { code: code.toUpperCase(), redeemBy: MoreThan(new Date()) } });
  }

  cancel(id: string) {
    return this.subs.update({ id }, { status: "canceled", canceledAt: new Date() });
  }
}
