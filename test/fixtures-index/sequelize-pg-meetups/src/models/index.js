'use strict';

// Model registry: loads every model file in this folder, then wires the
// associations once all of them are defined.
const fs = require('fs');
const path = require('path');
const { Sequelize, DataTypes } = require('sequelize');

const env = process.env.NODE_ENV || 'development';
const config = require('../config/config.json')[env];

const sequelize = config.use_env_variable
  ? new Sequelize(process.env[config.use_env_variable], config)
  : new Sequelize(config.database, config.username, config.password, config);

const db = {};

for (const file of fs.readdirSync(__dirname)) {
  if (file === 'index.js' || !file.endsWith('.js')) continue;
  const define = require(path.join(__dirname, file));
  const model = define(sequelize, DataTypes);
  db[model.name] = model;
}

for (const model of Object.values(db)) {
  if (typeof model.associate === 'function') model.associate(db);
}

db.sequelize = sequelize;
db.Sequelize = Sequelize;

module.exports = db;
