// Process-local cache of lesson headers (id, title, position). The method names follow the
// model API so callers can swap it in for Lesson; it never talks to the database itself.
class LessonCache {
  constructor(maxEntries = 5000) {
    this.maxEntries = maxEntries;
    this.rows = new Map();
  }

  findByPk(id) {
    return this.rows.get(Number(id)) || null;
  }

  findAll({ where } = {}) {
    const all = [...this.rows.values()];
    if (!where || where.courseId === undefined) return all;
    return all.filter((row) => row.courseId === where.courseId);
  }

  upsert(row) {
    if (this.rows.size >= this.maxEntries) this.rows.delete(this.rows.keys().next().value);
    this.rows.set(row.id, { id: row.id, courseId: row.courseId, title: row.title, position: row.position });
  }
}

module.exports = { lessonCache: new LessonCache() };
