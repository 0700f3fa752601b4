// @ts-check
'use strict';

const { Product } = require('../models');

/**
 * Shelf page of the store's catalogue.
 * @param {number} storeId
 * @param {number} limit
 * @param {number} offset
 */
function catalogPage(storeId, limit, offset) {
  return Product.findAndCountAll({
    where: { storeId, active: true },
    attributes: ['id', 'sku', 'name', 'priceCents', 'stockQty'],
    order: [['sku', 'ASC']],
    limit,
    offset,
  });
}

/**
 * Products the store manager should reorder today.
 * @param {number} storeId
 */
async function lowStock(storeId) {
  const products = await Product.findAll({ where: { storeId, active: true } }); // expect: unbounded-query
  return products.filter((product) => product.stockQty <= product.reorderLevel); // expect: in-memory-filter
}

module.exports = { catalogPage, lowStock };
