// @ts-check
'use strict';

const Joi = require('joi');
const orderService = require('../services/order-service');

const id = Joi.number().integer().positive().required();

exports.plugin = {
  name: 'orders',
  /** @param {import('@hapi/hapi').Server} server */
  register(server) {
    server.route([
      {
        method: 'GET',
        path: '/customers/{customerId}/orders',
        options: {
          validate: {
            params: Joi.object({ customerId: id }),
            query: Joi.object({ limit: Joi.number().integer().min(1).max(50).default(20) }),
          },
        },
        handler: (request) => orderService.listForCustomer(request.params.customerId, request.query.limit),
      },
      {
        method: 'GET',
        path: '/stores/{storeId}/slots/{slotId}/pick-list',
        options: { validate: { params: Joi.object({ storeId: id, slotId: id }) } },
        handler: async (request) => ({
          slotId: request.params.slotId,
          picks: await orderService.pickList(request.params.storeId, request.params.slotId),
        }),
      },
      {
        method: 'POST',
        path: '/orders/{orderId}/reorder-preview',
        options: { validate: { params: Joi.object({ orderId: id }) } },
        handler: (request) => orderService.reorderPreview(request.params.orderId),
      },
      {
        method: 'POST',
        path: '/admin/orders/cancel-stale',
        options: {
          validate: { payload: Joi.object({ olderThanHours: Joi.number().integer().min(1).max(720).default(48) }) },
        },
        handler: async (request) => ({ cancelled: await orderService.cancelStale(request.payload.olderThanHours) }),
      },
    ]);
  },
};
