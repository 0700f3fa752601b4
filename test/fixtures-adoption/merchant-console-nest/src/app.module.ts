import { Module } from "@nestjs/common";
import { TypeOrmModule } from "@nestjs/typeorm";
import { Merchant } from "./entities/merchant.entity";
import { Product } from "./entities/product.entity";
import { Customer } from "./entities/customer.entity";
import { Order } from "./entities/order.entity";
import { Review } from "./entities/review.entity";
import { ProductsController } from "./products/products.controller";
import { ProductsService } from "./products/products.service";
import { OrdersController } from "./orders/orders.controller";
import { OrdersService } from "./orders/orders.service";
import { DashboardController } from "./dashboard/dashboard.controller";
import { DashboardService } from "./dashboard/dashboard.service";
import { ReviewsService } from "./reviews/reviews.service";
import { FxRatesStore } from "./common/fx-rates.store";

const entities = [Merchant, Product, Customer, Order, Review];

@Module({
  imports: [
    TypeOrmModule.forRoot({
      type: "postgres",
      url: process.env.DATABASE_URL,
      entities,
      synchronize: false,
      extra: { max: 20 },
    }),
    TypeOrmModule.forFeature(entities),
  ],
  controllers: [ProductsController, OrdersController, DashboardController],
  providers: [ProductsService, OrdersService, DashboardService, ReviewsService, FxRatesStore],
})
export class AppModule {}
