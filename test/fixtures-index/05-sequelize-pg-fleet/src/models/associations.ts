import { Depot, DepotZone, Driver, Vehicle } from "./depot";
import { Delivery, DeliveryEvent, Parcel, ProofOfDelivery } from "./delivery";

Depot.hasMany(DepotZone, { foreignKey: "depotId", as: "zones" });
DepotZone.belongsTo(Depot, { foreignKey: "depotId" });

Depot.hasMany(Driver, { foreignKey: "depotId" });
Driver.belongsTo(Depot, { foreignKey: "depotId" });

Depot.hasMany(Vehicle, { foreignKey: "depotId" });
Vehicle.belongsTo(Depot, { foreignKey: "depotId" }); // expect: unindexed-foreign-key

Delivery.belongsTo(Depot, { foreignKey: "depotId" });
Delivery.belongsTo(Driver, { foreignKey: "driverId" });
Delivery.belongsTo(Vehicle, { foreignKey: "vehicleId" }); // expect: unindexed-foreign-key

Delivery.hasMany(DeliveryEvent, { foreignKey: "deliveryId", as: "events" });
DeliveryEvent.belongsTo(Delivery, { foreignKey: "deliveryId" });

Parcel.belongsTo(Delivery, { foreignKey: { name: "deliveryId", allowNull: false }, onDelete: "CASCADE" }); // expect: unindexed-foreign-key
Delivery.hasMany(Parcel, { foreignKey: "deliveryId" });

Delivery.hasOne(ProofOfDelivery, { foreignKey: "deliveryId", as: "proof" });
ProofOfDelivery.belongsTo(Delivery, { foreignKey: "deliveryId" });
ProofOfDelivery.belongsTo(Driver, { foreignKey: "driverId" });

export { Depot, DepotZone, Driver, Vehicle, Delivery, DeliveryEvent, Parcel, ProofOfDelivery };
