import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, filesUnder, PROJECT_ROOT, succeeded, type BuildResult } from '../support/build-site.ts';
import { sampleBuild } from '../support/sample-build.ts';

let first: BuildResult;
let second: BuildResult;

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

beforeAll(() => {
  // The shared build is a clean build too: one more clean build is enough to compare.
  first = sampleBuild();
  second = succeeded(buildSite(join(PROJECT_ROOT, 'content'), 'repro'));
});

describe('the built site', () => {
  it('is byte-identical when the same content is built twice', () => {
    const names = filesUnder(first.dist);
    expect(filesUnder(second.dist)).toEqual(names);
    const differing = names.filter((name) => digest(join(first.dist, name)) !== digest(join(second.dist, name)));
    expect(differing).toEqual([]);
  });

  it('has no broken internal link, attachment, image candidate or asset', () => {
    const existing = new Set(filesUnder(first.dist).map((name) => `/${name}`));
    const resolves = (path: string) => existing.has(path) || existing.has(`${path.replace(/\/?$/, '/')}index.html`);
    const broken: string[] = [];
    let attachments = 0;
    for (const page of filesUnder(first.dist).filter((name) => name.endsWith('.html'))) {
      const html = readFileSync(join(first.dist, page), 'utf8');
      const srcset = [...html.matchAll(/\ssrcset="([^"]*)"/g)].flatMap(([, set]) => set!.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!));
      const addresses = [...[...html.matchAll(/\s(?:href|src)="([^"#?]*)[^"]*"/g)].map((match) => match[1]!), ...srcset];
      for (const url of addresses) {
        // Relative addresses (a body's link to a file beside it) resolve against the page.
        // Pagefind's result template ({{ meta.url }}) is filled in by the search page's script.
        if (!url || url.startsWith('//') || url.includes('{{') || /^[a-z][a-z0-9+.-]*:/i.test(url)) continue;
        const path = new URL(url, `http://site/${page}`).pathname;
        if (/\.(pdf|xlsx?|docx?)$/i.test(path)) attachments++;
        if (!resolves(decodeURIComponent(path))) broken.push(`${page} → ${url}`);
      }
    }
    expect(broken).toEqual([]);
    expect(attachments).toBeGreaterThan(0);
  });

  it('passes html-validate on every page type', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: {
        // Astro writes void elements as <meta ...> and inline SVG from the QR library uses its own style.
        'void-style': 'off',
        'no-inline-style': 'off',
        // Pagefind's components are custom elements, and its result template lives in a script element.
        'no-unknown-elements': 'off',
        'attribute-boolean-style': 'off',
        'long-title': 'off',
      },
    });
    const pages = [
      'index.html',
      'page/2/index.html',
      'announcements/2015/jnsnjjc7gsjaqsq-d21ad47e/index.html',
      'announcements/2016/chuanshan-safety-month/index.html',
      'announcements/2016/recruitment-withdrawn/index.html',
      'sources/index.html',
      'sources/suining/index.html',
      'archive/index.html',
      'archive/2015/index.html',
      'archive/2015/05/index.html',
      'search/index.html',
      '404.html',
      'columns/tzgg/index.html',
      'sitemap/index.html',
      'subscribe/index.html',
      'announcements/2016/safety-month-plan/index.html',
      'announcements/2016/safety-month-plan-interpretation/index.html',
      'announcements/2016/safety-consultation-day/index.html',
      'announcements/2016/approval-items/index.html',
      'catalogue/index.html',
      'catalogue/year/2016/index.html',
      'statistics/index.html',
    ];
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateString(readFileSync(join(first.dist, page), 'utf8'), page);
      for (const result of report.results) for (const message of result.messages) problems.push(`${page}:${message.line}: ${message.ruleId} ${message.message}`);
    }
    expect(problems).toEqual([]);
  });
});
