import { Comment } from "../models/Comment";

const REPORT_THRESHOLD = 3;

export async function reportedComments(episodeId: number) {
  const comments = await Comment.findAll({ where: { episodeId }, order: [["createdAt", "DESC"]] }); // expect: unbounded-query
  return comments.filter((comment) => !comment.approved && comment.reports >= REPORT_THRESHOLD); // expect: in-memory-filter
}

export async function approveComment(episodeId: number, commentId: number) {
  const [updated] = await Comment.update({ approved: true, reports: 0 }, { where: { id: commentId, episodeId } });
  return updated === 1;
}
