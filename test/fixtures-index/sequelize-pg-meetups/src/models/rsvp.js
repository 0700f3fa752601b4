'use strict';

module.exports = (sequelize, DataTypes) => {
  const Rsvp = sequelize.define('Rsvp', {
    eventId: { type: DataTypes.INTEGER, allowNull: false },
    userId: { type: DataTypes.INTEGER, allowNull: false },
    status: { type: DataTypes.ENUM('going', 'waitlist', 'not_going'), allowNull: false },
    guests: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
  });

  Rsvp.associate = (models) => {
    Rsvp.belongsTo(models.Event, { as: 'event', foreignKey: 'eventId' });
    Rsvp.belongsTo(models.User, { as: 'user', foreignKey: 'userId' });
  };

  return Rsvp;
};
