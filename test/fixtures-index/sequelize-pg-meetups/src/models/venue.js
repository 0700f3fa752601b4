'use strict';

module.exports = (sequelize, DataTypes) => {
  const Venue = sequelize.define('Venue', {
    name: { type: DataTypes.STRING, allowNull: false },
    address: { type: DataTypes.STRING, allowNull: false },
    city: { type: DataTypes.STRING, allowNull: false },
    lat: DataTypes.DECIMAL(9, 6),
    lng: DataTypes.DECIMAL(9, 6),
  });

  return Venue;
};
