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

/** The value of a pair of the 政务公开 table, as the table shows it. */
export type GovernmentInfoValue =
  | { text: string; kind?: 'text' | 'address' | 'nowrap' | 'status' }
  | { date: { date: Date; precision: 'day' | 'minute' } }
  | { words: readonly string[] };

/** One pair of the 政务公开 table: its label and its value, and whether it takes a whole row. */
export type GovernmentInfoItem = { label: string; wide: boolean } & GovernmentInfoValue;

const MISSING = '—';

/**
 * The pairs of the 政务公开 table in the order portals show them: 索引号 (across the table),
 * 主题分类, 发布机构, 成文日期, 文号, 发布日期, 有效性, then 公文种类 and 主题词 when the file gives
 * them. A pair left alone at the end of a row of two takes the whole row, so the table has no hole.
 *
 * @param publisher the source's name, when the file has no `publisher`
 */
export function governmentInfoItems(data: AnnouncementData, publisher: string): GovernmentInfoItem[] {
  const validity = validityOf(data);
  const items: ({ label: string } & GovernmentInfoValue)[] = [
    { label: '主题分类', text: data.topic ?? MISSING },
    { label: '发布机构', text: data.publisher ?? publisher },
    data.written ? { label: '成文日期', date: data.written } : { label: '成文日期', text: MISSING },
    { label: '文号', text: data.doc_number ?? MISSING, kind: data.doc_number ? 'nowrap' : 'text' },
    { label: '发布日期', date: { date: data.date, precision: 'day' } },
    { label: '有效性', text: validity, kind: validity === VALID ? 'text' : 'status' },
    ...(data.doc_type ? [{ label: '公文种类', text: data.doc_type }] : []),
  ];
  const paired = items.map((item, index) => ({ ...item, wide: index === items.length - 1 && items.length % 2 === 1 }) as GovernmentInfoItem);
  return [
    { label: '索引号', text: data.index_number ?? MISSING, kind: data.index_number ? 'address' : 'text', wide: true },
    ...paired,
    ...(data.keywords.length ? [{ label: '主题词', words: data.keywords, wide: true }] : []),
  ];
}
