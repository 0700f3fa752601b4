'use strict';

module.exports = (sequelize, DataTypes) => {
  const Comment = sequelize.define('Comment', {
    eventId: { type: DataTypes.INTEGER, allowNull: false },
    authorId: { type: DataTypes.INTEGER, allowNull: false },
    parentId: DataTypes.INTEGER,
    body: { type: DataTypes.TEXT, allowNull: false },
  });

  Comment.associate = (models) => {
    Comment.belongsTo(models.Event, { as: 'event', foreignKey: 'eventId' });
    Comment.belongsTo(models.User, { as: 'author', foreignKey: 'authorId' }); // expect: unindexed-foreign-key
    Comment.belongsTo(models.Comment, { as: 'parent', foreignKey: 'parentId' });
    Comment.hasMany(models.Comment, { as: 'replies', foreignKey: 'parentId' });
  };

  return Comment;
};
