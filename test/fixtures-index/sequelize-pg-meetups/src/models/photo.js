'use strict';

module.exports = (sequelize, DataTypes) => {
  const Photo = sequelize.define('Photo', {
    eventId: { type: DataTypes.INTEGER, allowNull: false },
    url: { type: DataTypes.STRING(512), allowNull: false },
    caption: DataTypes.STRING,
  });

  return Photo;
};
