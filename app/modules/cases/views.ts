import type { CaseContext, CaseStatus, ContentLanguage } from "../../../db/schema";

/** Who wrote a case or a reply: null when the case is anonymous and the viewer is not its author. */
export type CaseAuthor = { id: string; name: string; handle: string } | null;

export type CaseView = {
  id: string;
  topicId: string;
  title: string;
  context: CaseContext;
  situation: string;
  situationHtml: string;
  actionsTaken: string;
  actionsTakenHtml: string;
  outcome: string;
  outcomeHtml: string;
  lessons: string;
  lessonsHtml: string;
  questions: string;
  questionsHtml: string;
  followUp: string | null;
  followUpHtml: string | null;
  followUpAt: string | null;
  tags: string[];
  language: ContentLanguage;
  anonymous: boolean;
  status: CaseStatus;
  author: CaseAuthor;
  /** Computed on the server: the page never receives the author's id of an anonymous case. */
  isMine: boolean;
  country: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  url: string;
  helpedPostIds: string[];
  replyCount: number;
  helpfulCount: number;
  templateVersion: number;
  /** Only for the author, leads and admins. */
  reviewComment?: string | null;
  can: { edit: boolean; review: boolean; reveal: boolean; markHelped: boolean; addFollowUp: boolean };
};

export type CaseListItem = {
  id: string;
  topicId: string;
  title: string;
  excerpt: string;
  tags: string[];
  language: ContentLanguage;
  country: string;
  context: CaseContext;
  anonymous: boolean;
  status: CaseStatus;
  author: CaseAuthor;
  isMine: boolean;
  createdAt: string;
  publishedAt: string | null;
  hasFollowUp: boolean;
  replyCount: number;
  helpfulCount: number;
  url: string;
};

export type FacetValue = { value: string; count: number; selected: boolean };

export type CaseFacets = {
  total: number;
  tagGroups: { group: string; values: (FacetValue & { label: string })[] }[];
  languages: FacetValue[];
  countries: FacetValue[];
  hasFollowUp: FacetValue[];
};

export type RelatedDiscussion = { id: string; title: string; url: string; replyCount: number };

export const casePath = (id: number | string) => `/cases/${id}`;
