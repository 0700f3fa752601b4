import { Merchant, Product, StockMovement } from "./catalog.js";
import { ORDER_STATUSES, Order, OrderItem } from "./order.js";
import { Shipment } from "./shipment.js";

Merchant.hasMany(Order, { foreignKey: "merchantId", as: "orders" });
Order.belongsTo(Merchant, { foreignKey: "merchantId", as: "merchant" });

Merchant.hasMany(Product, { foreignKey: "merchantId", as: "products" });
Product.belongsTo(Merchant, { foreignKey: "merchantId", as: "merchant" });

Order.hasMany(OrderItem, { foreignKey: "orderId", as: "items" });
OrderItem.belongsTo(Order, { foreignKey: "orderId", as: "order" });
OrderItem.belongsTo(Product, { foreignKey: "productId", as: "product" });
Product.hasMany(OrderItem, { foreignKey: "productId", as: "orderItems" });

Order.hasMany(Shipment, { foreignKey: "orderId", as: "shipments" });
Shipment.belongsTo(Order, { foreignKey: "orderId", as: "order" });

Product.hasMany(StockMovement, { foreignKey: "productId", as: "movements" });
StockMovement.belongsTo(Product, { foreignKey: "productId", as: "product" });
StockMovement.belongsTo(Order, { foreignKey: "orderId", as: "order" });

export { ORDER_STATUSES, Merchant, Product, StockMovement, Order, OrderItem, Shipment };
