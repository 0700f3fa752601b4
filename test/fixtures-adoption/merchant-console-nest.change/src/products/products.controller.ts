import { Controller, Get, Header, Param, ParseIntPipe, Query } from "@nestjs/common";
import { ProductsService } from "./products.service";
import { ReviewsService } from "../reviews/reviews.service";

@Controller()
export class ProductsController {
  constructor(
    private readonly productsService: ProductsService,
    private readonly reviewsService: ReviewsService,
  ) {}

  @Get("catalog")
  catalog(@Query("page") page = "1", @Query("pageSize") pageSize = "24") {
    return this.productsService.catalogPage(Number(page) || 1, Number(pageSize) || 24);
  }

  @Get("merchants/:merchantId/products/featured")
  featured(@Param("merchantId", ParseIntPipe) merchantId: number) {
    return this.productsService.featured(merchantId);
  }

  @Get("merchants/:merchantId/products")
  list(@Param("merchantId", ParseIntPipe) merchantId: number) {
    return this.productsService.listForMerchant(merchantId);
  }

  @Get("merchants/:merchantId/products/export.csv")
  @Header("Content-Type", "text/csv")
  export(@Param("merchantId", ParseIntPipe) merchantId: number) {
    return this.productsService.exportCsv(merchantId);
  }

  @Get("merchants/:merchantId/products/:productId")
  getOne(@Param("merchantId", ParseIntPipe) merchantId: number, @Param("productId", ParseIntPipe) productId: number) {
    return this.productsService.getOne(merchantId, productId);
  }

  @Get("products/:productId/reviews")
  reviews(@Param("productId", ParseIntPipe) productId: number, @Query("page") page = "1") {
    return this.reviewsService.page(productId, Number(page) || 1, 20);
  }

  @Get("products/:productId/reviews/summary")
  reviewSummary(@Param("productId", ParseIntPipe) productId: number) {
    return this.reviewsService.summaryFor(productId);
  }
}
