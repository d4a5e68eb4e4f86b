import type { discussionsFr } from "./discussions.fr";

export const discussionsEn: Record<keyof typeof discussionsFr, string> = {
  "discussions.tagUnknown": "Unknown tag.",
  "discussions.categoryUnknown": "Unknown category.",
  "discussions.topicLocked": "This topic is locked: it no longer accepts replies.",
  "discussions.parentUnknown": "The post you reply to does not exist in this topic.",
  "discussions.parentDeleted": "The post you reply to was deleted.",
  "discussions.postDeleted": "This post was deleted.",
  "discussions.acceptNotInTopic": "This reply does not belong to this topic.",
  "discussions.deletedUser": "deleted user",
};
