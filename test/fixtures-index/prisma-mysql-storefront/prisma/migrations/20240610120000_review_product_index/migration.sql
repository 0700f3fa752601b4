-- Hand-written (prisma migrate dev --create-only): the product page lists the
-- newest approved reviews of one product and was scanning the whole table.
-- Built online so the storefront keeps accepting reviews while it runs.
CREATE INDEX `idx_review_product_created` ON `Review`(`productId`, `createdAt` DESC) ALGORITHM=INPLACE LOCK=NONE;
