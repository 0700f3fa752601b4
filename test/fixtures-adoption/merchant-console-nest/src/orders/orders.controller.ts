import { Body, Controller, Get, Param, ParseIntPipe, Post, Query } from "@nestjs/common";
import { CreateOrderDto, OrdersService } from "./orders.service";

@Controller("merchants/:merchantId/orders")
export class OrdersController {
  constructor(private readonly ordersService: OrdersService) {}

  @Get("recent")
  recent(@Param("merchantId", ParseIntPipe) merchantId: number, @Query("currency") currency?: string) {
    return this.ordersService.recentWithCustomers(merchantId, currency ?? "EUR");
  }

  @Post()
  create(@Param("merchantId", ParseIntPipe) merchantId: number, @Body() dto: CreateOrderDto) {
    return this.ordersService.create(merchantId, dto);
  }
}
