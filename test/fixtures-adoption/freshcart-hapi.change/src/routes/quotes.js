// @ts-check
'use strict';

const Joi = require('joi');
const pricingService = require('../services/pricing-service');

const QuoteLine = Joi.object({
  productId: Joi.number().integer().positive().required(),
  quantity: Joi.number().integer().min(1).max(24).required(),
});

exports.plugin = {
  name: 'quotes',
  /** @param {import('@hapi/hapi').Server} server */
  register(server) {
    server.route({
      method: 'POST',
      path: '/stores/{storeId}/quote',
      options: {
        validate: {
          params: Joi.object({ storeId: Joi.number().integer().positive().required() }),
          payload: Joi.object({ lines: Joi.array().items(QuoteLine).min(1).max(80).required() }),
        },
      },
      handler: async (request) => {
        const { storeId } = request.params;

        // The app sends one line per tap, so the same product can appear several times.
        /** @type {Map<number, number>} */
        const cart = new Map();
        for (const line of request.payload.lines) {
          cart.set(line.productId, (cart.get(line.productId) || 0) + line.quantity);
        }

        const lines = [];
        const unavailable = [];
        for (const [productId, quantity] of cart.entries()) {
          const priced = await pricingService.priceLine(storeId, productId, quantity); // expect-new: n-plus-one
          if (priced) {
            lines.push(priced);
          } else {
            unavailable.push(productId);
          }
        }
        return { storeId, lines, unavailable };
      },
    });
  },
};
