import { describe, expect, it } from 'vitest';
import { decodeBytes, declaredCharset, UndecodableInputError } from '../../../src/import/decode.ts';

// GBK bytes of 你好，世界 (written out so the test does not depend on an encoder).
const NIHAO_GBK = new Uint8Array([0xc4, 0xe3, 0xba, 0xc3, 0xa3, 0xac, 0xca, 0xc0, 0xbd, 0xe7]);

describe('decodeBytes', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const bytes = new TextEncoder().encode('来源：遂宁市府');
    expect(decodeBytes(bytes)).toMatchObject({ text: '来源：遂宁市府', encoding: 'utf-8' });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])).text).toBe('来源：遂宁市府');
  });

  it('detects GBK / GB18030 from the bytes', () => {
    expect(decodeBytes(NIHAO_GBK)).toMatchObject({ text: '你好，世界', encoding: 'gb18030' });
  });

  it('reads UTF-16 with a BOM', () => {
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, 0x60, 0x4f, 0x7d, 0x59])).text).toBe('你好');
  });

  it('trusts the bytes over a wrong charset declaration, and says so', () => {
    const page = new TextEncoder().encode('<meta charset="gb2312"><p>正文</p>');
    const decoded = decodeBytes(page);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.declared).toBe('gb2312');
    expect(decoded.warnings[0]).toContain('declares charset gb2312 but its bytes are utf-8');
  });

  it('does not warn when a GBK declaration matches GBK bytes', () => {
    const page = new Uint8Array([...new TextEncoder().encode('<meta charset="gbk">'), ...NIHAO_GBK]);
    expect(decodeBytes(page).warnings).toEqual([]);
  });

  it.each([
    ['empty', new Uint8Array([])],
    ['empty', new TextEncoder().encode(' \n\t ')],
    ['binary', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])],
    ['undecodable', new Uint8Array([0x81, 0xff, 0x80, 0x41, 0xff, 0xfe, 0x80, 0x80, 0x81, 0xff])],
  ])('rejects %s input with a reason', (code, bytes) => {
    expect(() => decodeBytes(bytes)).toThrow(UndecodableInputError);
    try {
      decodeBytes(bytes);
    } catch (error) {
      expect((error as UndecodableInputError).code).toBe(code);
    }
  });

  it('finds the declared charset in http-equiv and meta charset forms', () => {
    expect(declaredCharset('<meta http-equiv="Content-Type" content="text/html; charset=GB2312">')).toBe('gb2312');
    expect(declaredCharset('<p>no declaration</p>')).toBeUndefined();
  });
});
