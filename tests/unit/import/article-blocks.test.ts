import { describe, expect, it } from 'vitest';
import { cleanArticleBlocks } from '../../../src/import/article-blocks.ts';
import { paragraph, toMarkdown } from '../../../src/import/markdown.ts';

const para = (lines: string[]) => lines.map((line) => paragraph(line));
const LONG_A = '会议指出，今年以来全市安全生产形势总体平稳，事故起数和死亡人数实现双下降，必须保持清醒头脑。';
const LONG_B = '会议要求，各地各部门要压紧压实安全生产责任，深入开展隐患排查整治，确保整改到位，不留死角。';
const LONG_C = '会议强调，要加强应急值守和信息报送，完善应急预案，开展实战化演练，提升应对处置能力和水平。';

describe('cleanArticleBlocks', () => {
  it('keeps one copy of a doubled article even when the copy differs in spacing and header lines', () => {
    const blocks = para(['标题', LONG_A, LONG_B, LONG_C, '责任编辑：韩梅', '标题', '2023-04-18', `　　${LONG_A}`, LONG_B.replace('，', ', '), LONG_C]);
    const result = cleanArticleBlocks(blocks, { title: '标题', detectSubtitle: false });
    expect(toMarkdown(result.blocks)).toBe(`${LONG_A}\n\n${LONG_B}\n\n${LONG_C}\n`);
    expect(result.droppedRepeats).toBeGreaterThan(0);
  });

  it('never drops a paragraph that occurs once', () => {
    const blocks = para([LONG_A, '附件：1.名单', LONG_B, '附件：1.名单', LONG_C]);
    const result = cleanArticleBlocks(blocks, { title: '某通知', detectSubtitle: false });
    expect(result.blocks).toHaveLength(5);
    expect(result.droppedRepeats).toBe(0);
  });

  it('removes chrome, meta lines and the title, and cuts the tail after the editor line', () => {
    const blocks = para(['【字体:', '2015年05月20日 17时18分', '来源: 遂宁市府', '标题', LONG_A, '责任编辑: 白婉苹', '扫一扫在手机打开当前页', '相关文章标题一']);
    expect(toMarkdown(cleanArticleBlocks(blocks, { title: '标题', detectSubtitle: false }).blocks)).toBe(`${LONG_A}\n`);
  });

  it('turns short section titles into ## headings and finds a text dump subtitle', () => {
    const blocks = para(['将不安全因素消灭在萌芽状态', LONG_A, '民生实事介绍 区县各建成1个安全社区', LONG_B, '一、工作要求', LONG_C]);
    const result = cleanArticleBlocks(blocks, { title: '标题', detectSubtitle: true });
    expect(result.subtitle).toBe('将不安全因素消灭在萌芽状态');
    expect(toMarkdown(result.blocks)).toBe(`${LONG_A}\n\n## 民生实事介绍 区县各建成1个安全社区\n\n${LONG_B}\n\n## 一、工作要求\n\n${LONG_C}\n`);
  });

  it('keeps the signature date under the article', () => {
    const blocks = para([LONG_A, '青川市人民政府办公室', '2021年3月8日']);
    expect(toMarkdown(cleanArticleBlocks(blocks, { title: '通知', detectSubtitle: false }).blocks)).toContain('2021年3月8日');
  });
});
