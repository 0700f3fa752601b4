// @ts-check
'use strict';

const Hapi = require('@hapi/hapi');
const { sequelize } = require('./db');

async function start() {
  const server = Hapi.server({
    port: Number(process.env.PORT || 3000),
    host: '0.0.0.0',
    routes: {
      validate: {
        failAction: async (_request, _h, error) => {
          throw error;
        },
      },
    },
  });

  await server.register([
    require('./routes/orders'),
    require('./routes/products'),
    require('./routes/reports'),
    require('./routes/quotes'),
  ]);

  await sequelize.authenticate();
  await server.start();
  console.log(`freshcart-hapi listening on ${server.info.uri}`);
}

process.on('unhandledRejection', (error) => {
  console.error(error);
  process.exit(1);
});

start();
