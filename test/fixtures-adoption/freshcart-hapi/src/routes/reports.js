// @ts-check
'use strict';

const Joi = require('joi');
const Boom = require('@hapi/boom');
const reportService = require('../services/report-service');
const customerService = require('../services/customer-service');

const storeParams = Joi.object({ storeId: Joi.number().integer().positive().required() });

exports.plugin = {
  name: 'reports',
  /** @param {import('@hapi/hapi').Server} server */
  register(server) {
    server.route([
      {
        method: 'GET',
        path: '/stores/{storeId}/reports/revenue',
        options: { validate: { params: storeParams } },
        handler: (request) => reportService.collectedRevenue(request.params.storeId),
      },
      {
        method: 'GET',
        path: '/stores/{storeId}/reports/status-counts',
        options: { validate: { params: storeParams } },
        handler: (request) => reportService.statusCounts(request.params.storeId),
      },
      {
        method: 'GET',
        path: '/stores/{storeId}/slots/upcoming',
        options: { validate: { params: storeParams } },
        handler: (request) => reportService.upcomingSlots(request.params.storeId),
      },
      {
        method: 'GET',
        path: '/desk/customers',
        options: { validate: { query: Joi.object({ phone: Joi.string().min(6).max(32).required() }) } },
        handler: async (request) => {
          const customer = await customerService.findByPhone(request.query.phone);
          if (!customer) throw Boom.notFound('No customer with that phone number');
          return customer;
        },
      },
    ]);
  },
};
