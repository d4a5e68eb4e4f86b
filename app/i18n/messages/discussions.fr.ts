export const discussionsFr = {
  "discussions.tagUnknown": "Étiquette inconnue.",
  "discussions.categoryUnknown": "Catégorie inconnue.",
  "discussions.topicLocked": "Ce sujet est verrouillé : il n’accepte plus de réponses.",
  "discussions.parentUnknown": "Le message auquel vous répondez n’existe pas dans ce sujet.",
  "discussions.parentDeleted": "Le message auquel vous répondez a été supprimé.",
  "discussions.postDeleted": "Ce message a été supprimé.",
  "discussions.acceptNotInTopic": "Cette réponse n’appartient pas à ce sujet.",
  "discussions.deletedUser": "utilisateur supprimé",
} as const;
