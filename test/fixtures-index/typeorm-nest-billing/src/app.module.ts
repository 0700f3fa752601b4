import { Module } from "@nestjs/common";
import { TypeOrmModule } from "@nestjs/typeorm";
import { AccountsController } from "./accounts/accounts.controller";
import { AccountsService } from "./accounts/accounts.service";
import { BillingController } from "./billing/billing.controller";
import { BillingWorker } from "./billing/billing.worker";
import { InvoicesService } from "./billing/invoices.service";
import { PaymentsService } from "./billing/payments.service";
import { SubscriptionsService } from "./billing/subscriptions.service";
import { FeatureFlags } from "./common/feature-flags";
import { Account, ApiKey } from "./entities/account.entity";
import { Coupon, Plan, Subscription } from "./entities/billing.entities";
import { Invoice, InvoiceLine, Payment } from "./entities/invoice.entity";
import { User } from "./entities/user.entity";
import { WebhookEvent } from "./entities/webhook-event.entity";
import { BillingIndexes1718000000000 } from "./migrations/1718000000000-BillingIndexes";
import { WebhooksService } from "./webhooks/webhooks.service";

const entities = [Account, ApiKey, User, Plan, Coupon, Subscription, Invoice, InvoiceLine, Payment, WebhookEvent];

@Module({
  imports: [
    TypeOrmModule.forRoot({
      type: "postgres",
      url: process.env.DATABASE_URL,
      entities,
      migrations: [BillingIndexes1718000000000],
      migrationsRun: true,
      synchronize: false,
      logging: ["error", "warn"],
    }),
    TypeOrmModule.forFeature(entities),
  ],
  controllers: [AccountsController, BillingController],
  providers: [AccountsService, InvoicesService, PaymentsService, SubscriptionsService, WebhooksService, FeatureFlags, BillingWorker],
})
export class AppModule {}
