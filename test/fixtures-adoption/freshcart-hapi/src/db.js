'use strict';

const { Sequelize } = require('sequelize');

// One pool for the process; every model and service shares it.
const sequelize = new Sequelize(process.env.DATABASE_URL || 'postgres://freshcart:freshcart@localhost:5432/freshcart', {
  dialect: 'postgres',
  logging: process.env.SQL_LOG === '1' ? console.log : false,
  pool: { max: 15, min: 2, idle: 10000 },
});

module.exports = { sequelize };
