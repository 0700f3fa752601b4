import { AppDataSource } from "../data-source";
import { Order, OrderItem, OrderStatus } from "../entities/Order";
import { Refund, Shipment } from "../entities/Fulfillment";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class OrderService {
  private readonly orders = AppDataSource.getRepository(Order);
  private readonly items = AppDataSource.getRepository(OrderItem);
  private readonly refunds = AppDataSource.getRepository(Refund);
  private readonly shipments = AppDataSource.getRepository(Shipment);

  merchantOrders(merchantId: string, page: number) {
    return this.orders.find({ where: { merchant: { id: merchantId } }, order: { createdAt: "DESC" }, take: 50, skip: page * 50 });
  }

  orderForMerchant(merchantId: string, id: string) {
    return this.orders.findOne({ where: { id, merchant: { id: merchantId } }, relations: { items: true } });
  }

  customerOrders(customerId: string) {
    return this.orders.find({ where: { customer: { id: customerId } }, order: { createdAt: "DESC" }, take: 20 });
  }

  // Support tools accept either the order's uuid or its human-facing number.
  byReference(ref: string) {
    if (!UUID_RE.test(ref)) return this.orders.findOneBy({ number: ref });
    return this.orders.findOne({ where: [{ id: ref }, { number: ref }] });
  }

  couponRedemptions(code: string) {
    return this.orders.count({ where: { couponCode: code } }); // expect: unindexed-filter
  }

  revenueBetween(from: Date, to: Date) {
    return this.orders.createQueryBuilder("o").select("COALESCE(SUM(o.totalCents), 0)", "total").where("o.status = :status", { status: OrderStatus.Paid }).andWhere("o.paidAt >= :from", { from }).andWhere("o.paidAt < :to", { to }).getRawOne<{ total: string }>(); // expect: unindexed-filter
  }

  latestOrders() {
    return this.orders.find({ order: { createdAt: "DESC" }, take: 20 }); // expect: unindexed-filter
  }

  // Before a product is hard-deleted we check it was never sold.
  timesOrdered(productId: string) {
    return this.items.count({ where: { product: { id: productId } } }); // expect: unindexed-filter
  }

  refundsFor(orderId: string) {
    return this.refunds.find({ where: { order: { id: orderId } }, order: { createdAt: "ASC" } });
  }

  shipmentByTracking(carrier: string, trackingNumber: string) {
    return this.shipments.findOneBy({ carrier, trackingNumber });
  }

  // Tracking aggregators post status updates carrying only the tracking number.
  shipmentByTrackingOnly(trackingNumber: string) {
    return this.shipments.findOneBy({ trackingNumber }); // expect: unindexed-filter
  }

  itemForProduct(order: Order, productId: string): OrderItem | null {
    return order.items.find((i) => i.product?.id === productId) ?? null;
  }

  async markPaid(id: string) {
    await this.orders.update({ id }, { status: OrderStatus.Paid, paidAt: new Date() });
    return this.orders.findOneByOrFail({ id });
  }
}
