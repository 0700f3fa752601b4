'use strict';

module.exports = (sequelize, DataTypes) => {
  const Event = sequelize.define('Event', {
    groupId: { type: DataTypes.INTEGER, allowNull: false },
    venueId: DataTypes.INTEGER,
    title: { type: DataTypes.STRING, allowNull: false },
    description: DataTypes.TEXT,
    startsAt: { type: DataTypes.DATE, allowNull: false },
    endsAt: DataTypes.DATE,
    status: { type: DataTypes.ENUM('draft', 'published', 'cancelled'), allowNull: false, defaultValue: 'draft' },
    capacity: DataTypes.INTEGER,
    // id of the event on the platform it was imported from (Eventbrite, ...)
    sourceId: DataTypes.STRING(64),
  });

  Event.associate = (models) => {
    Event.belongsTo(models.Group, { as: 'group', foreignKey: 'groupId' });
    Event.belongsTo(models.Venue, { as: 'venue', foreignKey: 'venueId' }); // expect: unindexed-foreign-key
    Event.hasMany(models.Rsvp, { as: 'rsvps', foreignKey: 'eventId' });
    Event.hasMany(models.Comment, { as: 'comments', foreignKey: 'eventId' });
    Event.hasMany(models.Photo, { as: 'photos', foreignKey: 'eventId' }); // expect: unindexed-foreign-key
  };

  return Event;
};
