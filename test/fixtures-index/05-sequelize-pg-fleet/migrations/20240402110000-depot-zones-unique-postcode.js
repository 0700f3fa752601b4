"use strict";

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface) {
    // A postcode belongs to at most one zone per depot.
    await queryInterface.addConstraint("depot_zones", {
      fields: ["depotId", "postcode"],
      type: "unique",
      name: "depot_zones_depot_postcode_key",
    });
  },

  async down(queryInterface) {
    await queryInterface.removeConstraint("depot_zones", "depot_zones_depot_postcode_key");
  },
};
