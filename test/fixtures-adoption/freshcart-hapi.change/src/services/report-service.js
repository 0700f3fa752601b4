// @ts-check
'use strict';

const { QueryTypes } = require('sequelize');
const { sequelize, Order } = require('../models');

const ORDER_STATUSES = ['pending', 'paid', 'picking', 'ready', 'collected', 'cancelled'];

/**
 * Whole pounds with pence, for the manager's daily email.
 * @param {number} cents
 */
function formatPounds(cents) {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}£${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** @param {number} storeId */
async function collectedRevenue(storeId) {
  const orders = await Order.findAll({ where: { storeId, status: 'collected' } }); // expect: unbounded-query
  let revenueCents = 0;
  for (const order of orders) { // expect: in-memory-aggregation
    revenueCents += order.totalCents;
  }
  return { storeId, revenueCents };
}

/** @param {number} storeId */
async function statusCounts(storeId) {
  /** @type {Record<string, number>} */
  const counts = {};
  for (const status of ORDER_STATUSES) {
    counts[status] = await Order.count({ where: { storeId, status } });
  }
  return counts;
}

/** @param {number} storeId */
function upcomingSlots(storeId) {
  return sequelize.query('SELECT * FROM "pickup_slots" WHERE "storeId" = :storeId AND "startsAt" >= NOW() ORDER BY "startsAt" LIMIT 48', { replacements: { storeId }, type: QueryTypes.SELECT }); // expect: select-star
}

module.exports = { collectedRevenue, statusCounts, upcomingSlots, formatPounds };
