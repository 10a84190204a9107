/** Where China's website registrations can be looked up, for the footer's links. */

/** The MIIT ICP registry (ICP备案). */
export const ICP_REGISTRY_URL = 'https://beian.miit.gov.cn/';

/**
 * The public-security registry page of a 公安备案号, which carries the number's digits.
 *
 * @example policeRecordUrl('川公网安备 51090302000104号') // 'https://beian.mps.gov.cn/#/query/webSearch?code=51090302000104'
 */
export function policeRecordUrl(record: string): string {
  const digits = record.replace(/\D/g, '');
  return `https://beian.mps.gov.cn/#/query/webSearch?code=${digits}`;
}
