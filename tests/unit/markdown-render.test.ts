import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BodyCache } from '../../src/lib/body-cache.ts';
import { createMarkdownRenderer } from '../../src/lib/markdown/render.ts';
import { renderIntoCache } from '../../src/loaders/render-pool.ts';

const render = createMarkdownRenderer();

describe('the announcement Markdown pipeline', () => {
  it('demotes a body # heading under the page title and gives it an id', async () => {
    expect((await render('# 工作要求')).html).toBe('<h2 id="工作要求">工作要求</h2>');
  });

  it('sanitises scripts, handlers and javascript: links', async () => {
    const { html } = await render('<script>alert(1)</script>\n\n<img src="x" onerror="alert(2)">\n\n[链接](javascript:alert(3))');
    expect(html).not.toMatch(/script|onerror|javascript/);
  });

  it('keeps HTML written in the Markdown as far as it is safe, and its text', async () => {
    expect((await render('面积1000m<sup>2</sup>，<span onclick="x()">详见</span>附件')).html).toBe('<p>面积1000m<sup>2</sup>，<span>详见</span>附件</p>');
    const { html } = await render('<div align="center"><font color="red">居中的通知</font></div>\n\n<table><tr><td>表中文字</td></tr></table>\n\n<style>p{display:none}</style>');
    expect(html).toContain('居中的通知');
    expect(html).toContain('<td>表中文字</td>');
    expect(html).toMatch(/^居中的通知\n<div class="app-table-wrapper"/);
    expect(html).not.toMatch(/<font|align=|<style|display:none/);
  });

  it('wraps tables in a scrolling region', async () => {
    expect((await render('| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |')).html).toMatch(/^<div class="app-table-wrapper" tabindex="0" role="region" aria-label="[^"]+"><table>/);
  });

  it('shows a body holding its article twice once', async () => {
    const article = ['日前，记者从市安监局获悉，我市今年将在全市各个区县和园区各完成1个乡镇或街道办事处省级安全社区建设。', '安全社区的创建，是加强社会管理、促进社会和谐的有效载体，是夯实基层基础的内在要求。'];
    const { html } = await render([...article, '今年遂宁将建成7个省级安全社区', ...article].join('\n\n'));
    expect(html.match(/日前，记者从市安监局获悉/g)).toHaveLength(1);
    // Figures are wrapped in no-wrap spans (rehype-keep-figures): compare the text.
    expect(html.replace(/<[^>]+>/g, '')).toContain('今年遂宁将建成7个省级安全社区');
  });
});

describe('what feeds need of a body', () => {
  it('records a plain-text excerpt and whether any address is relative', async () => {
    const absolute = await render('正文，[附件](https://example.gov.cn/a.pdf)。');
    expect(absolute).toMatchObject({ excerpt: '正文，附件。', hasRelativeUrls: false });
    expect((await render('见[附件](/files/a.pdf)。')).hasRelativeUrls).toBe(true);
    expect((await render('![图](https://example.gov.cn/b.png) 与 [表](b.xlsx)')).hasRelativeUrls).toBe(true);
    expect((await render('a href="x" 这是正文里的文字')).hasRelativeUrls).toBe(false);
  });
});

describe('the body\'s own files', () => {
  it('leaves a placeholder for each image beside the Markdown and makes one alone in its paragraph a figure captioned by its title', async () => {
    const rendered = await render('导语。\n\n![现场照片](./images/%E7%8E%B0%E5%9C%BA.jpg "检查组在现场")\n\n文中 ![小图](b.png) 与 ![远程](https://example.gov.cn/c.png)');
    expect(rendered.html).toContain('<figure class="app-figure"><!--gazette-image:0--><figcaption>检查组在现场</figcaption></figure>');
    expect(rendered.html).toContain('文中 <!--gazette-image:1--> 与 <img src="https://example.gov.cn/c.png" alt="远程" loading="lazy" decoding="async">');
    expect(rendered.images).toEqual([
      { path: 'images/现场.jpg', alt: '现场照片', title: '检查组在现场', eager: true },
      { path: 'b.png', alt: '小图', eager: false },
    ]);
  });

  it('records links to files beside the Markdown, in Markdown or HTML, with their text', async () => {
    const rendered = await render('附件：[岗位表](%E5%B2%97%E4%BD%8D%E8%A1%A8.xlsx)、<a href="c.doc">说明</a>，另见[通知](/announcements/2016/a/)与[原文](https://example.gov.cn/a.pdf)。');
    expect(rendered.links).toEqual([
      { address: '%E5%B2%97%E4%BD%8D%E8%A1%A8.xlsx', text: '岗位表' },
      { address: 'c.doc', text: '说明' },
    ]);
  });

  it('loads an image far down the body lazily, even the first', async () => {
    const rendered = await render(`${'很长的正文。'.repeat(40)}\n\n![图](a.jpg)`);
    expect(rendered.images[0]!.eager).toBe(false);
  });
});

describe('renderIntoCache', () => {
  it('renders many bodies on worker threads into the body cache, exactly as in this thread', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'gazette-bodies-'));
    try {
      const items = Array.from({ length: 130 }, (_, i) => ({ digest: `d${String(i).padStart(4, '0')}`, body: `# 第${i}号公告\n\n正文第${i}段，包含<script>x()</script>内容。` }));
      await renderIntoCache(items, cacheDir);
      const cache = new BodyCache(cacheDir);
      for (const { digest, body } of items) {
        expect(cache.read(digest)).toEqual({ body, ...(await render(body)) });
      }
      cache.prune(new Set(['d0001']));
      expect(cache.has('d0001')).toBe(true);
      expect(cache.has('d0002')).toBe(false);
      expect(() => cache.read('d0002')).toThrow(/d0002\.json is missing or unreadable: run the build again/);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
