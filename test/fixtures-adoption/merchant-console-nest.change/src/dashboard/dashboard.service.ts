import { Injectable } from "@nestjs/common";
import { InjectRepository } from "@nestjs/typeorm";
import { Repository } from "typeorm";
import { Order, OrderStatus } from "../entities/order.entity";
import { Product } from "../entities/product.entity";

export interface LowStockAlert {
  id: number;
  name: string;
  stock: number;
  reorderThreshold: number;
}

export interface DashboardMeta {
  generatedAt: string;
  currency: string;
  cacheSeconds: number;
}

export function dashboardMeta(currency = "EUR"): DashboardMeta {
  return { generatedAt: new Date().toISOString(), currency, cacheSeconds: 60 };
}

@Injectable()
export class DashboardService {
  constructor(
    @InjectRepository(Order) private readonly orderRepo: Repository<Order>,
    @InjectRepository(Product) private readonly productRepo: Repository<Product>,
  ) {}

  async revenue(merchantId: number): Promise<{ totalCents: number }> {
    const paid = await this.orderRepo.find({ where: { merchant: { id: merchantId }, status: "paid" } }); // expect: unbounded-query
    const totalCents = paid.reduce((sum, order) => sum + order.totalCents, 0); // expect: in-memory-aggregation
    return { totalCents };
  }

  async lowStock(merchantId: number): Promise<LowStockAlert[]> {
    const products = await this.productRepo.find({ where: { merchant: { id: merchantId }, archived: false } }); // expect: unbounded-query
    const low = products.filter((product) => product.stock <= product.reorderThreshold); // expect: in-memory-filter
    return low.map((p) => ({ id: p.id, name: p.name, stock: p.stock, reorderThreshold: p.reorderThreshold }));
  }

  async statusBreakdown(merchantId: number): Promise<Record<OrderStatus, number>> {
    const counts = { pending: 0, paid: 0, shipped: 0, refunded: 0 } as Record<OrderStatus, number>;
    for (const status of ["pending", "paid", "shipped", "refunded"] as const) {
      counts[status] = await this.orderRepo.count({ where: { merchant: { id: merchantId }, status } });
    }
    return counts;
  }
}
