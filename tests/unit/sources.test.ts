import { describe, expect, it } from 'vitest';
import { sourcesSchema } from '../../src/lib/schema.ts';
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

describe('sources.yaml schema', () => {
  it('rejects a slug that is not lower-case ASCII with hyphens', () => {
    const result = sourcesSchema.safeParse([{ name: '测试', slug: 'Bad Slug' }]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('slug must be lower-case letters, digits and hyphens (suining-gov)');
  });
});
