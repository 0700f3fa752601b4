'use strict';

const express = require('express');
const { Op, QueryTypes } = require('sequelize');
const { Comment, Event, Group, Photo, Rsvp, User, Venue, sequelize } = require('../models');
const { limitWrites } = require('../lib/rateLimiter');

const router = express.Router();

const RSVP_STATUSES = ['going', 'waitlist', 'not_going'];

/** Home page: the next published events everywhere. */
router.get('/upcoming', async (req, res, next) => {
  try {
    const events = await Event.findAll({ where: { status: 'published', startsAt: { [Op.gte]: new Date() } }, order: [['startsAt', 'ASC']], limit: 20, include: [{ model: Group, as: 'group', attributes: ['slug', 'name'] }] }); // expect: unindexed-filter
    res.json(events);
  } catch (err) {
    next(err);
  }
});

router.get('/:id', async (req, res, next) => {
  try {
    const event = await Event.findByPk(req.params.id, { include: [{ model: Venue, as: 'venue' }, { model: Group, as: 'group' }] });
    if (!event) return res.status(404).json({ error: 'event not found' });
    return res.json(event);
  } catch (err) {
    return next(err);
  }
});

router.get('/:id/comments', async (req, res, next) => {
  try {
    const comments = await Comment.findAll({ where: { eventId: req.params.id, parentId: null }, order: [['createdAt', 'ASC']], limit: 100, include: [{ model: User, as: 'author', attributes: ['id', 'name'] }] });
    res.json(comments);
  } catch (err) {
    next(err);
  }
});

router.get('/comments/:commentId/replies', async (req, res, next) => {
  try {
    const replies = await Comment.findAll({ where: { parentId: req.params.commentId }, order: [['createdAt', 'ASC']] }); // expect: unindexed-filter
    res.json(replies);
  } catch (err) {
    next(err);
  }
});

router.post('/:id/comments', limitWrites, async (req, res, next) => {
  try {
    const comment = await Comment.create({ eventId: req.params.id, authorId: req.user.id, parentId: req.body.parentId || null, body: req.body.body });
    res.status(201).json(comment);
  } catch (err) {
    next(err);
  }
});

router.post('/:id/rsvp', limitWrites, async (req, res, next) => {
  try {
    const status = RSVP_STATUSES.find((s) => s === req.body.status);
    if (!status) return res.status(400).json({ error: 'bad status' });
    const existing = await Rsvp.findOne({ where: { eventId: req.params.id, userId: req.user.id } });
    if (existing) return res.json(await existing.update({ status, guests: req.body.guests || 0 }));
    return res.status(201).json(await Rsvp.create({ eventId: req.params.id, userId: req.user.id, status, guests: req.body.guests || 0 }));
  } catch (err) {
    return next(err);
  }
});

router.get('/:id/attendees', async (req, res, next) => {
  try {
    const attendees = await Rsvp.findAll({ where: { eventId: req.params.id, status: 'going' }, include: [{ model: User, as: 'user', attributes: ['id', 'name'] }] });
    res.json(attendees);
  } catch (err) {
    next(err);
  }
});

router.get('/:id/attendance', async (req, res, next) => {
  try {
    const rows = await sequelize.query('SELECT "status", COUNT(*)::int AS "count" FROM "Rsvps" WHERE "eventId" = :eventId GROUP BY "status"', { replacements: { eventId: req.params.id }, type: QueryTypes.SELECT });
    res.json(rows);
  } catch (err) {
    next(err);
  }
});

router.post('/:id/photos', limitWrites, async (req, res, next) => {
  try {
    const photo = await Photo.create({ eventId: req.params.id, url: req.body.url, caption: req.body.caption || null });
    res.status(201).json(photo);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
