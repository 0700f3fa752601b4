import { Injectable } from "@nestjs/common";
import { InjectRepository } from "@nestjs/typeorm";
import { Repository } from "typeorm";
import { Review } from "../entities/review.entity";

export interface ReviewSummary {
  productId: number;
  reviewCount: number;
}

@Injectable()
export class ReviewsService {
  constructor(@InjectRepository(Review) private readonly reviewRepo: Repository<Review>) {}

  async summaryFor(productId: number): Promise<ReviewSummary> {
    const reviews = await this.reviewRepo.find({ where: { product: { id: productId } } }); // expect: count-via-length, unbounded-query
    return { productId, reviewCount: reviews.length };
  }

  async page(productId: number, page: number, pageSize: number) {
    const take = Math.min(Math.max(pageSize, 1), 50);
    const [items, total] = await this.reviewRepo.findAndCount({
      where: { product: { id: productId } },
      order: { id: "DESC" },
      take,
      skip: (Math.max(page, 1) - 1) * take,
    });
    return { items, total, page, pageSize: take };
  }
}
