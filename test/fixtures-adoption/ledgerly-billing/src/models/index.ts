import { Customer, Subscription } from "./customer";
import { Product } from "./catalog";
import { CreditNote, Invoice, InvoiceLine, Payment } from "./billing";
import { UsageEvent } from "./usage";

// Associations live here so that every model file can be imported on its own.
Customer.hasMany(Subscription, { foreignKey: "customerId", as: "subscriptions" });
Subscription.belongsTo(Customer, { foreignKey: "customerId", as: "customer" });

Subscription.hasMany(UsageEvent, { foreignKey: "subscriptionId", as: "usageEvents" });
UsageEvent.belongsTo(Subscription, { foreignKey: "subscriptionId", as: "subscription" });

Customer.hasMany(Invoice, { foreignKey: "customerId", as: "invoices" });
Invoice.belongsTo(Customer, { foreignKey: "customerId", as: "customer" });

Invoice.hasMany(InvoiceLine, { foreignKey: "invoiceId", as: "lines" });
InvoiceLine.belongsTo(Invoice, { foreignKey: "invoiceId", as: "invoice" });
InvoiceLine.belongsTo(Product, { foreignKey: "productId", as: "product" });

Invoice.hasMany(Payment, { foreignKey: "invoiceId", as: "payments" });
Payment.belongsTo(Invoice, { foreignKey: "invoiceId", as: "invoice" });

Invoice.hasMany(CreditNote, { foreignKey: "invoiceId", as: "creditNotes" });
CreditNote.belongsTo(Invoice, { foreignKey: "invoiceId", as: "invoice" });
CreditNote.belongsTo(Customer, { foreignKey: "customerId", as: "customer" });

export { Customer, Subscription, Product, Invoice, InvoiceLine, Payment, CreditNote, UsageEvent };
export type { SubscriptionStatus } from "./customer";
export type { InvoiceStatus } from "./billing";
