/**
 * The prefixed ids that tie the index, the knowledge base and the editorial store together,
 * made in one place so no file spells a prefix by hand.
 */

/** The source id of a knowledge-base topic (its statements are that source's passages). */
export type TopicSourceId = `kb:${string}`;
export const topicSourceId = (topicId: string): TopicSourceId => `kb:${topicId}`;
export const isTopicSourceId = (id: string): id is TopicSourceId => id.startsWith('kb:');

/** The editorial document of a knowledge-base topic, and of a clinical-rules file. */
export type TopicDocumentId = `topic:${string}`;
export type RulesDocumentId = `rules:${string}`;
export const topicDocumentId = (topicId: string): TopicDocumentId => `topic:${topicId}`;
export const rulesDocumentId = (fileName: string): RulesDocumentId => `rules:${fileName.replace(/\.yaml$/, '')}`;
