// @ts-check
'use strict';

const { Product } = require('../models');
const { promoStore } = require('../lib/promo-store');

/**
 * Price one basket line at a store, with this week's promotion applied.
 * Returns null when the product is not sold at that store any more.
 * @param {number} storeId
 * @param {number} productId
 * @param {number} quantity
 */
async function priceLine(storeId, productId, quantity) {
  const product = await Product.findOne({
    where: { id: productId, storeId, active: true },
    attributes: ['id', 'sku', 'name', 'priceCents', 'stockQty'],
  });
  if (!product) return null;

  const promo = promoStore.findByPk(product.sku);
  const unitPriceCents = promo ? Math.round(product.priceCents * (1 - promo.percentOff / 100)) : product.priceCents;
  return {
    productId: product.id,
    sku: product.sku,
    name: product.name,
    quantity: Math.min(quantity, product.stockQty),
    unitPriceCents,
    promo: promo ? promo.label : null,
  };
}

module.exports = { priceLine };
