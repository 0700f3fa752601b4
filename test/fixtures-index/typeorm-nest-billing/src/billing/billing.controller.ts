import { Body, Controller, Get, Headers, Param, ParseIntPipe, Post, Query, UnauthorizedException } from "@nestjs/common";
import { createHash } from "node:crypto";
import { AccountsService } from "../accounts/accounts.service";
import { FeatureFlags } from "../common/feature-flags";
import { WebhooksService } from "../webhooks/webhooks.service";
import { InvoicesService } from "./invoices.service";
import { PaymentsService } from "./payments.service";
import { SubscriptionsService } from "./subscriptions.service";

@Controller("billing")
export class BillingController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly invoices: InvoicesService,
    private readonly payments: PaymentsService,
    private readonly subscriptions: SubscriptionsService,
    private readonly webhooks: WebhooksService,
    private readonly flags: FeatureFlags,
  ) {}

  private async caller(authorization?: string) {
    const key = authorization?.replace(/^Bearer /, "") ?? "";
    const apiKey = await this.accounts.authenticateKey(createHash("sha256").update(key).digest("hex"));
    if (!apiKey) throw new UnauthorizedException();
    return apiKey.account;
  }

  @Get("subscriptions")
  async subscriptionsOf(@Headers("authorization") auth: string, @Query("status") status?: "trialing" | "active" | "past_due" | "canceled") {
    const account = await this.caller(auth);
    return this.subscriptions.forAccount(account.id, status);
  }

  @Get("subscriptions/:id/invoices")
  async subscriptionInvoices(@Headers("authorization") auth: string, @Param("id") id: string) {
    await this.caller(auth);
    return this.invoices.forSubscription(id);
  }

  @Get("invoices/:number")
  async invoice(@Headers("authorization") auth: string, @Param("number", ParseIntPipe) number: number) {
    const account = await this.caller(auth);
    return this.invoices.byNumber(account.id, number);
  }

  @Get("statement")
  async statement(@Headers("authorization") auth: string, @Query("from") from: string, @Query("to") to: string) {
    const account = await this.caller(auth);
    return this.invoices.statement(account.id, new Date(from), new Date(to));
  }

  @Get("payments")
  async paymentHistory(@Headers("authorization") auth: string) {
    const account = await this.caller(auth);
    return this.payments.accountHistory(account.id);
  }

  @Get("admin/failures")
  failures(@Query("from") from: string, @Query("to") to: string, @Query("q") q?: string) {
    return this.payments.failures(new Date(from), new Date(to), q);
  }

  @Get("admin/legacy")
  legacy(@Query("plans") plans: string) {
    return this.subscriptions.onPlans(plans.split(","));
  }

  @Get("coupons/:code")
  coupon(@Param("code") code: string) {
    return this.subscriptions.redeemableCoupon(code);
  }

  @Post("subscriptions/:id/cancel")
  async cancel(@Headers("authorization") auth: string, @Param("id") id: string) {
    await this.caller(auth);
    return this.subscriptions.cancel(id);
  }

  @Post("webhooks/stripe")
  async stripe(@Body() event: { id: string; type: string; data: { object: { id: string; status?: string } } }) {
    const stored = await this.webhooks.ingest(event.id, event.type, event.data.object);
    if (event.type === "invoice.paid" && this.flags.findOneBy({ key: "auto-mark-paid", enabled: true })) {
      const invoice = await this.invoices.byExternalId(event.data.object.id);
      if (invoice) await this.invoices.markPaid(invoice.id, new Date());
    }
    if (event.type === "charge.succeeded") {
      const payment = await this.payments.byProviderRef(event.data.object.id);
      if (payment && payment.status === "succeeded") await this.webhooks.markProcessed(stored.id);
    }
    return { received: true };
  }
}
