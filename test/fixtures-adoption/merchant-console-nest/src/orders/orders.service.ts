import { BadRequestException, Injectable } from "@nestjs/common";
import { InjectRepository } from "@nestjs/typeorm";
import { In, Repository } from "typeorm";
import { Order } from "../entities/order.entity";
import { Customer } from "../entities/customer.entity";
import { Product } from "../entities/product.entity";
import { FxRatesStore, SUPPORTED_CURRENCIES, convertCents } from "../common/fx-rates.store";

export interface CreateOrderDto {
  customerId: number;
  currency: string;
  lines: Array<{ productId: number; quantity: number }>;
}

export interface RecentOrderRow {
  id: number;
  status: string;
  customerName: string;
  totalCents: number;
  displayCents: number;
  displayCurrency: string;
}

@Injectable()
export class OrdersService {
  constructor(
    @InjectRepository(Order) private readonly orderRepo: Repository<Order>,
    @InjectRepository(Customer) private readonly customerRepo: Repository<Customer>,
    @InjectRepository(Product) private readonly productRepo: Repository<Product>,
    private readonly fx: FxRatesStore,
  ) {}

  async recentWithCustomers(merchantId: number, displayCurrency = "EUR"): Promise<RecentOrderRow[]> {
    const orders = await this.orderRepo.find({ where: { merchant: { id: merchantId } }, order: { id: "DESC" }, take: 20 });
    const target = SUPPORTED_CURRENCIES.find((rate) => rate.code === displayCurrency) ?? SUPPORTED_CURRENCIES[0];

    const rows: RecentOrderRow[] = [];
    for (const order of orders) {
      const customer = await this.customerRepo.findOneBy({ id: order.customerId }); // expect: n-plus-one
      const source = this.fx.findOne(order.currency) ?? target;
      rows.push({
        id: order.id,
        status: order.status,
        customerName: customer?.name ?? "deleted customer",
        totalCents: order.totalCents,
        displayCents: convertCents(order.totalCents, source, target),
        displayCurrency: target.code,
      });
    }
    return rows;
  }

  async create(merchantId: number, dto: CreateOrderDto): Promise<Order> {
    if (dto.lines.length === 0) throw new BadRequestException("an order needs at least one line");
    const ids = [...new Set(dto.lines.map((line) => line.productId))];
    const products = await this.productRepo.findBy({ id: In(ids), merchant: { id: merchantId } });
    if (products.length !== ids.length) throw new BadRequestException("unknown product in order");

    const byId = new Map(products.map((product) => [product.id, product]));
    const totalCents = dto.lines.reduce((sum, line) => sum + byId.get(line.productId)!.priceCents * line.quantity, 0);

    const order = this.orderRepo.create({
      merchant: { id: merchantId },
      customer: { id: dto.customerId },
      currency: dto.currency,
      totalCents,
      lines: dto.lines.map((line) => ({ ...line, unitCents: byId.get(line.productId)!.priceCents })),
    });
    return this.orderRepo.save(order);
  }
}
