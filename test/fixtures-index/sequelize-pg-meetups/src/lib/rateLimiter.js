'use strict';

// Per-user write limiter for comments and RSVPs. Lives in memory on purpose.
const hits = new Map();
const WINDOW_MS = 60_000;
const MAX_WRITES = 20;

function allow(userId) {
  const now = Date.now();
  const recent = (hits.get(userId) || []).filter((t) => now - t < WINDOW_MS);
  if (recent.length >= MAX_WRITES) {
    hits.set(userId, recent);
    return false;
  }
  recent.push(now);
  hits.set(userId, recent);
  return true;
}

function limitWrites(req, res, next) {
  if (!allow(req.user.id)) return res.status(429).json({ error: 'slow down' });
  return next();
}

module.exports = { limitWrites };
