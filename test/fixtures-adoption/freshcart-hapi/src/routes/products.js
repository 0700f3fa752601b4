// @ts-check
'use strict';

const Joi = require('joi');
const productService = require('../services/product-service');

exports.plugin = {
  name: 'products',
  /** @param {import('@hapi/hapi').Server} server */
  register(server) {
    server.route([
      {
        method: 'GET',
        path: '/stores/{storeId}/products',
        options: {
          validate: {
            params: Joi.object({ storeId: Joi.number().integer().positive().required() }),
            query: Joi.object({
              limit: Joi.number().integer().min(1).max(100).default(40),
              offset: Joi.number().integer().min(0).default(0),
            }),
          },
        },
        handler: async (request) => {
          const { rows, count } = await productService.catalogPage(
            request.params.storeId,
            request.query.limit,
            request.query.offset,
          );
          return { items: rows, total: count };
        },
      },
      {
        method: 'GET',
        path: '/stores/{storeId}/products/low-stock',
        options: { validate: { params: Joi.object({ storeId: Joi.number().integer().positive().required() }) } },
        handler: async (request) => ({ products: await productService.lowStock(request.params.storeId) }),
      },
    ]);
  },
};
