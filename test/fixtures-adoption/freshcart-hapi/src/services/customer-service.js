// @ts-check
'use strict';

const { Customer } = require('../models');

/** @param {string} raw */
function normalizePhone(raw) {
  const digits = raw.replace(/[^\d+]/g, '');
  return digits.startsWith('0') ? `+44${digits.slice(1)}` : digits;
}

/**
 * Store staff look customers up by phone at the collection desk.
 * @param {string} phone
 */
function findByPhone(phone) {
  const normalized = normalizePhone(phone);
  return Customer.findOne({ where: { phone: normalized }, attributes: ['id', 'name', 'email', 'phone'] }); // expect: unindexed-filter
}

module.exports = { findByPhone, normalizePhone };
