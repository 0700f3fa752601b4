// @ts-check
'use strict';

const Boom = require('@hapi/boom');
const { Op } = require('sequelize');
const { Order, OrderLine, Product } = require('../models');
const { promoStore } = require('../lib/promo-store');

const MAX_PENDING_ORDERS = 3;
const MAX_PICK_ORDERS = 200;
const CANCEL_CHUNK = 500;
const HOUR_MS = 60 * 60 * 1000;

/**
 * Customers may hold a few unpaid baskets at once, not more.
 * @param {number} customerId
 */
async function assertCanOrder(customerId) {
  const pending = await Order.findAll({ where: { customerId, status: 'pending' } }); // expect: count-via-length, unbounded-query
  if (pending.length >= MAX_PENDING_ORDERS) {
    throw Boom.conflict('Pay or cancel an open basket first');
  }
}

/**
 * @param {number} customerId
 * @param {number} limit
 */
function listForCustomer(customerId, limit) {
  return Order.findAll({
    where: { customerId },
    attributes: ['id', 'storeId', 'status', 'totalCents', 'placedAt'],
    order: [['placedAt', 'DESC']],
    limit: Math.min(limit, 50),
  });
}

/**
 * What the pickers walk the aisles with for one pickup slot.
 * @param {number} storeId
 * @param {number} slotId
 */
async function pickList(storeId, slotId) {
  const orders = await Order.findAll({
    where: { storeId, slotId, status: 'paid' },
    order: [['placedAt', 'ASC']],
    limit: MAX_PICK_ORDERS,
  });
  const picks = [];
  for (const order of orders) {
    const lines = await order.getLines({ include: [{ model: Product, as: 'product', attributes: ['sku', 'name'] }] }); // expect: n-plus-one
    for (const line of lines) {
      picks.push({ orderId: order.id, sku: line.product.sku, name: line.product.name, quantity: line.quantity });
    }
  }
  return picks;
}

/**
 * "Buy again": which lines of a previous order can go into a new basket.
 * @param {number} orderId
 */
async function reorderPreview(orderId) {
  const previous = await Order.findByPk(orderId, { include: [{ model: OrderLine, as: 'lines' }] });
  if (!previous) throw Boom.notFound('Order not found');
  await assertCanOrder(previous.customerId);

  const productIds = previous.lines.map((line) => line.productId);
  const products = await Product.findAll({
    where: { storeId: previous.storeId, id: { [Op.in]: productIds } },
    attributes: ['id', 'sku', 'name', 'priceCents', 'stockQty', 'active'],
  });

  const available = [];
  const unavailable = [];
  for (const line of previous.lines) {
    const product = products.find((candidate) => candidate.id === line.productId);
    if (!product || !product.active || product.stockQty < line.quantity) {
      unavailable.push(line.productId);
      continue;
    }
    const promo = promoStore.findByPk(product.sku);
    available.push({
      productId: product.id,
      sku: product.sku,
      name: product.name,
      quantity: line.quantity,
      priceCents: product.priceCents,
      promo: promo ? promo.label : null,
    });
  }
  return { available, unavailable };
}

/**
 * Unpaid baskets older than the cut-off release their pickup slot.
 * @param {number} olderThanHours
 */
async function cancelStale(olderThanHours) {
  const cutoff = new Date(Date.now() - olderThanHours * HOUR_MS);
  const stale = await Order.findAll({
    where: { status: 'pending', placedAt: { [Op.lt]: cutoff } },
    attributes: ['id'],
    order: [['placedAt', 'ASC']],
    limit: 5000,
  });
  const ids = stale.map((order) => order.id);
  for (let i = 0; i < ids.length; i += CANCEL_CHUNK) {
    await Order.update({ status: 'cancelled' }, { where: { id: { [Op.in]: ids.slice(i, i + CANCEL_CHUNK) } } });
  }
  return ids.length;
}

module.exports = { assertCanOrder, listForCustomer, pickList, reorderPreview, cancelStale };
