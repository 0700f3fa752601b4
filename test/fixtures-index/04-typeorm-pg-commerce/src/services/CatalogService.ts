import { ILike } from "typeorm";
import { AppDataSource } from "../data-source";
import { Merchant } from "../entities/Merchant";
import { Customer } from "../entities/Customer";
import { Product, ProductStatus, Review } from "../entities/Product";

interface Flag {
  key: string;
  merchantId: string | null;
  enabled: boolean;
}

// Feature flags are loaded from a JSON file at boot and kept in memory.
export class FlagStore {
  constructor(private readonly flags: Flag[]) {}

  findOneBy(where: { key: string; merchantId?: string }): Flag | undefined {
    return this.flags.find((f) => f.key === where.key && (f.merchantId === null || f.merchantId === where.merchantId));
  }

  count(where: { enabled: boolean }): number {
    return this.flags.filter((f) => f.enabled === where.enabled).length;
  }
}

export const flags = new FlagStore([{ key: "reviews", merchantId: null, enabled: true }]);

export class CatalogService {
  private readonly merchants = AppDataSource.getRepository(Merchant);
  private readonly products = AppDataSource.getRepository(Product);
  private readonly reviews = AppDataSource.getRepository(Review);
  private readonly customers = AppDataSource.getRepository(Customer);

  merchantBySlug(slug: string) {
    return this.merchants.findOneBy({ slug });
  }

  newestMerchants() {
    return this.merchants.find({ order: { createdAt: "DESC" }, take: 10 });
  }

  activeMerchants() {
    return this.merchants.findBy({ active: true });
  }

  storefront(merchantId: string) {
    return this.products.find({ where: { merchant: { id: merchantId }, status: ProductStatus.Active }, order: { createdAt: "DESC" }, take: 48 });
  }

  productBySku(merchantId: string, sku: string) {
    return this.products.findOne({ where: { merchant: { id: merchantId }, sku } });
  }

  searchProducts(merchantId: string, q: string) {
    return this.products.find({ where: { merchant: { id: merchantId }, title: ILike(`%${q}%`) }, take: 24 });
  }

  // Nightly restock e-mail across all merchants.
  lowStock(threshold: number) {
    return this.products.createQueryBuilder("p").where("p.status = :status", { status: ProductStatus.Active }).andWhere("p.stock <= :threshold", { threshold }).orderBy("p.stock", "ASC").take(100).getMany(); // expect: unindexed-filter
  }

  productReviews(productId: string) {
    if (!flags.findOneBy({ key: "reviews" })?.enabled) return Promise.resolve([]);
    return this.reviews.find({ where: { product: { id: productId } }, order: { createdAt: "DESC" }, take: 20 });
  }

  flaggedReviewCount() {
    return this.reviews.count({ where: { flagged: true } });
  }

  customerByEmail(merchantId: string, email: string) {
    return this.customers.findOneBy({ merchantId, email });
  }

  // POS integrations send either their own customer id or a phone number.
  customerByPosReference(ref: string) {
    return this.customers.findOne({ where: [{ externalId: ref }, { phone: ref }] }); // expect: unindexed-filter
  }

  optedInCustomers(merchantId: string) {
    return this.customers.find({ where: { merchantId, marketingOptIn: true }, take: 500 });
  }
}
