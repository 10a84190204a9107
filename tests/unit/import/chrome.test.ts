import { describe, expect, it } from 'vitest';
import { isChromeLine, isEndMarker } from '../../../src/import/chrome.ts';

describe('isChromeLine', () => {
  it.each([
    '【字体:', '【字体：大 中 小】', '打印 关闭', '【打印本页】【关闭窗口】', '扫一扫在手机打开当前页', '微信 微博 客户端 头条号',
    '分享到：微信 微博 QQ空间', '手机版 电脑版', '主办单位:四川省人民政府办公厅', '运行维护单位:中国电信四川公司',
    '网站标识码bm01000001　京ICP备05070218号', '长者专区', '浏览次数：2168', '上一篇：关于某事的通知', '当前位置：首页 > 通知公告',
    '字号减小 字号增大', '打印 微博',
  ])('%s is chrome', (line) => {
    expect(isChromeLine(line)).toBe(true);
  });

  it.each([
    '日前,记者从市安监局获悉,我市今年将完成安全社区建设。',
    '民生实事介绍 区县园区各建成1个安全社区',
    '“四川统计”微博、微信等新媒体严格落实工作管理制度,信息发布正常有序。',
    '一、活动时间',
  ])('%s is not chrome', (line) => {
    expect(isChromeLine(line)).toBe(false);
  });
});

describe('isEndMarker', () => {
  it('marks the editor line, QR prompt, related links and footer', () => {
    expect(isEndMarker('责任编辑: 白婉苹')).toBe(true);
    expect(isEndMarker('相关信息:')).toBe(true);
    expect(isEndMarker('主办单位：国务院办公厅')).toBe(true);
    expect(isEndMarker('会议要求，各地要落实责任编辑制度。')).toBe(false);
  });
});
