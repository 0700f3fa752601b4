"use strict";

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable("proofs_of_delivery", {
      id: { type: Sequelize.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
      deliveryId: { type: Sequelize.BIGINT, allowNull: false, unique: true, references: { model: "deliveries", key: "id" }, onDelete: "CASCADE" },
      driverId: { type: Sequelize.INTEGER, allowNull: false, references: { model: "drivers", key: "id" } },
      signatureUrl: { type: Sequelize.STRING, allowNull: true },
      photoUrl: { type: Sequelize.STRING, allowNull: true },
      capturedAt: { type: Sequelize.DATE, allowNull: false },
      createdAt: { type: Sequelize.DATE, allowNull: false },
      updatedAt: { type: Sequelize.DATE, allowNull: false },
    });
  },

  async down(queryInterface) {
    await queryInterface.dropTable("proofs_of_delivery");
  },
};
