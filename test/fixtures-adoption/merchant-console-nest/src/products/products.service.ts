import { Injectable, NotFoundException } from "@nestjs/common";
import { InjectRepository } from "@nestjs/typeorm";
import { DataSource, Repository } from "typeorm";
import { Product } from "../entities/product.entity";

export interface ProductDto {
  id: number;
  name: string;
  sku: string;
  priceCents: number;
  stock: number;
}

export function toProductDto(product: Product): ProductDto {
  return { id: product.id, name: product.name, sku: product.sku, priceCents: product.priceCents, stock: product.stock };
}

const CSV_HEADER = "id,sku,name,price_cents,stock";

@Injectable()
export class ProductsService {
  constructor(
    @InjectRepository(Product) private readonly productRepo: Repository<Product>,
    private readonly dataSource: DataSource,
  ) {}

  async listForMerchant(merchantId: number): Promise<ProductDto[]> {
    const products = await this.productRepo.find({ where: { merchant: { id: merchantId }, archived: false }, order: { name: "ASC" } }); // expect: missing-pagination
    return products.map(toProductDto);
  }

  async catalogPage(page: number, pageSize: number) {
    const take = Math.min(Math.max(pageSize, 1), 100);
    const [rows, total] = await this.productRepo.findAndCount({
      where: { archived: false },
      order: { id: "ASC" },
      take,
      skip: (Math.max(page, 1) - 1) * take,
    });
    return { items: rows.map(toProductDto), total, page, pageSize: take };
  }

  async getOne(merchantId: number, productId: number): Promise<ProductDto> {
    const product = await this.productRepo.findOne({ where: { id: productId, merchant: { id: merchantId } } });
    if (!product) throw new NotFoundException(`product ${productId}`);
    return toProductDto(product);
  }

  async exportCsv(merchantId: number): Promise<string> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query('SELECT * FROM "product" WHERE "merchantId" = $1 ORDER BY "id" LIMIT 1000', [merchantId]); // expect: select-star
    const lines = rows.map((row) => [row.id, row.sku, JSON.stringify(row.name), row.priceCents, row.stock].join(","));
    return [CSV_HEADER, ...lines].join("\n");
  }
}
