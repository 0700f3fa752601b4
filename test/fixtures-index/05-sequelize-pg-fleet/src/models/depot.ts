import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model } from "sequelize";
import { sequelize } from "../db";

export class Depot extends Model<InferAttributes<Depot>, InferCreationAttributes<Depot>> {
  declare id: CreationOptional<number>;
  declare code: string;
  declare name: string;
  declare city: string;
  declare timezone: CreationOptional<string>;
}

Depot.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    code: { type: DataTypes.STRING(12), allowNull: false, unique: true },
    name: { type: DataTypes.STRING, allowNull: false },
    city: { type: DataTypes.STRING, allowNull: false },
    timezone: { type: DataTypes.STRING, allowNull: false, defaultValue: "Europe/Amsterdam" },
  },
  { sequelize, tableName: "depots", timestamps: false },
);

// Postcode areas served by a depot. The (depotId, postcode) unique constraint is added by
// migrations/20240402110000-depot-zones-unique-postcode.js.
export class DepotZone extends Model<InferAttributes<DepotZone>, InferCreationAttributes<DepotZone>> {
  declare id: CreationOptional<number>;
  declare depotId: number;
  declare postcode: string;
  declare surchargeCents: CreationOptional<number>;
}

DepotZone.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    depotId: { type: DataTypes.INTEGER, allowNull: false, references: { model: "depots", key: "id" }, onDelete: "CASCADE" },
    postcode: { type: DataTypes.STRING(10), allowNull: false },
    surchargeCents: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
  },
  { sequelize, tableName: "depot_zones", timestamps: false },
);

export class Driver extends Model<InferAttributes<Driver>, InferCreationAttributes<Driver>> {
  declare id: CreationOptional<number>;
  declare depotId: number;
  declare employeeNo: string;
  declare fullName: string;
  declare phone: string;
  declare status: CreationOptional<"off_duty" | "on_shift" | "suspended">;
  declare licenseExpiresAt: string;
}

Driver.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    depotId: { type: DataTypes.INTEGER, allowNull: false, references: { model: "depots", key: "id" } },
    employeeNo: { type: DataTypes.STRING(16), allowNull: false, unique: true },
    fullName: { type: DataTypes.STRING, allowNull: false },
    phone: { type: DataTypes.STRING(32), allowNull: false },
    status: { type: DataTypes.ENUM("off_duty", "on_shift", "suspended"), allowNull: false, defaultValue: "off_duty" },
    licenseExpiresAt: { type: DataTypes.DATEONLY, allowNull: false },
  },
  { sequelize, tableName: "drivers", indexes: [{ name: "drivers_depot_status", fields: ["depotId", "status"] }] },
);

export class Vehicle extends Model<InferAttributes<Vehicle>, InferCreationAttributes<Vehicle>> {
  declare id: CreationOptional<number>;
  declare depotId: number;
  declare plate: string;
  declare capacityKg: number;
  declare inService: CreationOptional<boolean>;
  declare nextServiceAt: Date | null;
}

Vehicle.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    depotId: { type: DataTypes.INTEGER, allowNull: false, references: { model: "depots", key: "id" } },
    plate: { type: DataTypes.STRING(16), allowNull: false, unique: true },
    capacityKg: { type: DataTypes.INTEGER, allowNull: false },
    inService: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    nextServiceAt: { type: DataTypes.DATE, allowNull: true },
  },
  { sequelize, tableName: "vehicles" },
);
