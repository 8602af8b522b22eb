// Custom search attributes kept current by the petition workflow, so supervisors can query Temporal's
// visibility ("all escalated land complaints of commune X due this week") as well as the database.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const STAGE_SEARCH_ATTRIBUTE = defineSearchAttributeKey('DanvanStage', SearchAttributeType.KEYWORD);
export const UNIT_SEARCH_ATTRIBUTE = defineSearchAttributeKey('DanvanUnit', SearchAttributeType.KEYWORD);
export const KIND_SEARCH_ATTRIBUTE = defineSearchAttributeKey('DanvanKind', SearchAttributeType.KEYWORD);
export const DUE_AT_SEARCH_ATTRIBUTE = defineSearchAttributeKey('DanvanDueAt', SearchAttributeType.DATETIME);

/** Name → type, as the dev server's `--search-attribute` flag and the operator API want them. */
export const PETITION_SEARCH_ATTRIBUTES: Record<string, 'Keyword' | 'Datetime'> = {
  DanvanStage: 'Keyword',
  DanvanUnit: 'Keyword',
  DanvanKind: 'Keyword',
  DanvanDueAt: 'Datetime',
};
