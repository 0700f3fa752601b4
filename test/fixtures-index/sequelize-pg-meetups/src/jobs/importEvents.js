'use strict';

const { QueryTypes } = require('sequelize');
const { Event, sequelize } = require('../models');

/**
 * Hourly sync from the partner ticketing platform. Each remote event is either
 * new (create it) or known by its sourceId (update title / times).
 */
async function upsertRemoteEvent(groupId, remote) {
  const [known] = await sequelize.query('SELECT "id" FROM "Events" WHERE "sourceId" = :sourceId LIMIT 1', { replacements: { sourceId: remote.id }, type: QueryTypes.SELECT }); // expect: unindexed-filter
  const fields = { title: remote.name, startsAt: new Date(remote.start), endsAt: remote.end ? new Date(remote.end) : null, status: 'published' };
  if (known) {
    await Event.update(fields, { where: { id: known.id } });
    return known.id;
  }
  const created = await Event.create({ ...fields, groupId, sourceId: remote.id });
  return created.id;
}

async function importFeed(groupId, remoteEvents) {
  const ids = [];
  for (const remote of remoteEvents) {
    ids.push(await upsertRemoteEvent(groupId, remote));
  }
  return ids;
}

module.exports = { importFeed, upsertRemoteEvent };
