'use strict';

const { DataTypes } = require('sequelize');
const { sequelize } = require('./db');

const Store = sequelize.define(
  'Store',
  {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    slug: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    name: { type: DataTypes.STRING, allowNull: false },
    timezone: { type: DataTypes.STRING(64), allowNull: false, defaultValue: 'Europe/London' },
  },
  { tableName: 'stores' },
);

const Product = sequelize.define(
  'Product',
  {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    storeId: { type: DataTypes.INTEGER, allowNull: false },
    sku: { type: DataTypes.STRING(32), allowNull: false },
    name: { type: DataTypes.STRING, allowNull: false },
    priceCents: { type: DataTypes.INTEGER, allowNull: false },
    stockQty: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    reorderLevel: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 5 },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
  },
  { tableName: 'products', indexes: [{ unique: true, fields: ['storeId', 'sku'] }] },
);

const Customer = sequelize.define(
  'Customer',
  {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    email: { type: DataTypes.STRING, allowNull: false, unique: true },
    phone: { type: DataTypes.STRING(32), allowNull: true },
    name: { type: DataTypes.STRING, allowNull: false },
    marketingOptIn: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
  },
  { tableName: 'customers' },
);

const PickupSlot = sequelize.define(
  'PickupSlot',
  {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    storeId: { type: DataTypes.INTEGER, allowNull: false },
    startsAt: { type: DataTypes.DATE, allowNull: false },
    capacity: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 12 },
    booked: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
  },
  { tableName: 'pickup_slots', indexes: [{ fields: ['storeId', 'startsAt'] }] },
);

const Order = sequelize.define(
  'Order',
  {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    storeId: { type: DataTypes.INTEGER, allowNull: false },
    customerId: { type: DataTypes.INTEGER, allowNull: false },
    slotId: { type: DataTypes.INTEGER, allowNull: true },
    status: {
      type: DataTypes.ENUM('pending', 'paid', 'picking', 'ready', 'collected', 'cancelled'),
      allowNull: false,
      defaultValue: 'pending',
    },
    totalCents: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    placedAt: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  },
  {
    tableName: 'orders',
    indexes: [
      { fields: ['storeId', 'status', 'placedAt'] },
      { fields: ['customerId', 'status'] },
      { fields: ['slotId'] },
      { fields: ['status', 'placedAt'] },
    ],
  },
);

const OrderLine = sequelize.define(
  'OrderLine',
  {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    orderId: { type: DataTypes.INTEGER, allowNull: false },
    productId: { type: DataTypes.INTEGER, allowNull: false },
    quantity: { type: DataTypes.INTEGER, allowNull: false },
    unitPriceCents: { type: DataTypes.INTEGER, allowNull: false },
  },
  { tableName: 'order_lines', indexes: [{ fields: ['orderId'] }, { fields: ['productId'] }] },
);

Store.hasMany(Product, { foreignKey: 'storeId', as: 'products' });
Product.belongsTo(Store, { foreignKey: 'storeId', as: 'store' });

Store.hasMany(PickupSlot, { foreignKey: 'storeId', as: 'slots' });
PickupSlot.belongsTo(Store, { foreignKey: 'storeId', as: 'store' });

Customer.hasMany(Order, { foreignKey: 'customerId', as: 'orders' });
Order.belongsTo(Customer, { foreignKey: 'customerId', as: 'customer' });
Order.belongsTo(Store, { foreignKey: 'storeId', as: 'store' });
Order.belongsTo(PickupSlot, { foreignKey: 'slotId', as: 'slot' });

Order.hasMany(OrderLine, { foreignKey: 'orderId', as: 'lines' });
OrderLine.belongsTo(Order, { foreignKey: 'orderId', as: 'order' });
OrderLine.belongsTo(Product, { foreignKey: 'productId', as: 'product' });

module.exports = { sequelize, Store, Product, Customer, PickupSlot, Order, OrderLine };
