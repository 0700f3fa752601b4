"use strict";

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface) {
    // Driver app: "my stops today". Built concurrently, the table is large.
    await queryInterface.addIndex("deliveries", ["driverId", "scheduledFor"], { name: "deliveries_driver_day", concurrently: true });
  },

  async down(queryInterface) {
    await queryInterface.removeIndex("deliveries", "deliveries_driver_day");
  },
};
