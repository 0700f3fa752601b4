'use strict';

const { Op } = require('sequelize');
const { Notification } = require('../models');

const RETENTION_DAYS = 90;

/** Nightly: notifications older than the retention window are dropped. */
async function purgeOldNotifications(now = new Date()) {
  const cutoff = new Date(now.getTime() - RETENTION_DAYS * 24 * 3600 * 1000);
  return Notification.destroy({ where: { createdAt: { [Op.lt]: cutoff } } }); // expect: unindexed-filter
}

module.exports = { purgeOldNotifications };
