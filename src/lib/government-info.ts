/**
 * 政务公开: the catalogue metadata of a government document (索引号, 主题分类, 成文日期, 有效性…),
 * which announcements carry it, and what its validity says to readers.
 */
import type { AnnouncementData, ValidityStatus } from './schema.ts';
import { VALID } from './schema.ts';

/**
 * Whether an announcement is a 政务公开 document: it has a 索引号, a 主题分类, a 公文种类, a 成文日期,
 * 主题词 or a validity of its own. Such announcements show the metadata table above their body and
 * are listed in the 信息公开目录; a 文号 alone does not make one (holiday notices carry one too).
 *
 * @example hasGovernmentInfo({ index_number: '008652141/2016-00318', … }) // true
 */
export function hasGovernmentInfo(data: Pick<AnnouncementData, 'index_number' | 'topic' | 'doc_type' | 'written' | 'keywords' | 'validity'>): boolean {
  return Boolean(data.index_number || data.topic || data.doc_type || data.written || data.keywords.length || data.validity);
}

/** 有效, or the status a document no longer in force has. */
export type Validity = typeof VALID | ValidityStatus;

/** A document's validity as readers are told it. */
export function validityOf(data: Pick<AnnouncementData, 'validity'>): Validity {
  return data.validity?.status ?? VALID;
}

/** A status whose page carries a banner and whose title says so: no longer in force. */
export function isNoLongerInForce(data: Pick<AnnouncementData, 'validity'>): boolean {
  return data.validity?.status === '已废止' || data.validity?.status === '已失效';
}

/**
 * The mark a title carries when the document is no longer in force, so a shared link or a feed
 * item does not look current: 【已废止】, 【已失效】. A revised document (已修订) is still in force
 * in the parts the revision kept; its page says so, its title does not.
 *
 * @example statusMark({ validity: { status: '已废止', … } }) // '【已废止】'
 */
export function statusMark(data: Pick<AnnouncementData, 'validity'>): string {
  return isNoLongerInForce(data) ? `【${data.validity!.status}】` : '';
}

/** What the banner says happened, by status: 本文件已于…废止. */
export const VALIDITY_VERBS: Record<ValidityStatus, string> = { 已废止: '废止', 已失效: '失效', 已修订: '修订' };

/** What a link to the document in force is called, by status. */
export const REPLACEMENT_LABELS: Record<ValidityStatus, string> = { 已废止: '现行文件', 已失效: '现行文件', 已修订: '修订后的文件' };
