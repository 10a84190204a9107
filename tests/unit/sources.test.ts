import { describe, expect, it } from 'vitest';
import { createSourceRegistry, deriveSourceSlug } from '../../src/lib/sources.ts';

describe('sources', () => {
  const registry = createSourceRegistry([{ name: '遂宁市人民政府', slug: 'suining', aliases: ['遂宁市府'], full_name: undefined }]);

  it('resolves aliases to the listed body', () => {
    expect(registry.resolve('遂宁市府')).toEqual({ slug: 'suining', name: '遂宁市人民政府', fullName: undefined });
    expect(registry.resolve(' 遂宁市人民政府 ').slug).toBe('suining');
  });

  it('gives an unlisted body a stable pinyin slug', () => {
    expect(registry.resolve('船山区人民政府').slug).toBe('chuanshanqurenminzhengfu');
    expect(deriveSourceSlug('遂宁市府')).toBe('suiningshifu');
    expect(deriveSourceSlug('ＡＢＣ 局')).toBe('abcju');
    expect(deriveSourceSlug('！！')).toBe('source');
  });
});
