'use strict';

const express = require('express');
const { Op } = require('sequelize');
const { Event, Group, Notification, Rsvp } = require('../models');
const { membershipsOf, memberGroupIds } = require('../lib/membership');

const router = express.Router();

router.get('/groups', async (req, res, next) => {
  try {
    const memberships = await membershipsOf(req.user.id);
    res.json(memberships.map((m) => ({ role: m.role, group: m.group })));
  } catch (err) {
    next(err);
  }
});

/** Organizer dashboard: the groups this user runs. */
router.get('/organized', async (req, res, next) => {
  try {
    const groups = await Group.findAll({ where: { organizerId: req.user.id }, order: [['name', 'ASC']] }); // expect: unindexed-filter
    res.json(groups);
  } catch (err) {
    next(err);
  }
});

router.get('/rsvps', async (req, res, next) => {
  try {
    const rsvps = await Rsvp.findAll({ where: { userId: req.user.id, status: { [Op.in]: ['going', 'waitlist'] } }, include: [{ model: Event, as: 'event' }], order: [['createdAt', 'DESC']], limit: 50 }); // expect: unindexed-filter
    res.json(rsvps);
  } catch (err) {
    next(err);
  }
});

/** Home feed: events of my groups plus the staff picks. */
router.get('/feed', async (req, res, next) => {
  try {
    const groupIds = await memberGroupIds(req.user.id);
    const featuredIds = String(process.env.FEATURED_EVENT_IDS || '').split(',').filter(Boolean).map(Number);
    const events = await Event.findAll({ where: { [Op.or]: [{ groupId: { [Op.in]: groupIds } }, { id: { [Op.in]: featuredIds } }] }, order: [['startsAt', 'ASC']], limit: 50 });
    res.json(events);
  } catch (err) {
    next(err);
  }
});

router.get('/notifications', async (req, res, next) => {
  try {
    const unread = await Notification.findAll({ where: { userId: req.user.id, readAt: null }, order: [['createdAt', 'DESC']], limit: 20 });
    res.json(unread);
  } catch (err) {
    next(err);
  }
});

router.post('/notifications/read', async (req, res, next) => {
  try {
    const ids = Array.isArray(req.body.ids) ? req.body.ids.map(Number) : [];
    const [updated] = await Notification.update({ readAt: new Date() }, { where: { userId: req.user.id, id: { [Op.in]: ids } } });
    res.json({ updated });
  } catch (err) {
    next(err);
  }
});

module.exports = router;
