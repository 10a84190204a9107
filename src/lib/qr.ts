import QRCode from 'qrcode';

/**
 * A QR code of `url` as inline SVG (扫一扫在手机打开当前页), generated at build time so
 * the page needs no network request or script for it. Hidden from assistive technology:
 * the address is written out beside it.
 */
export async function toQrSvg(url: string): Promise<string> {
  // A fixed mask is as valid as the best-scoring one and skips scoring all eight: 3× faster,
  // which matters once per announcement page.
  // One byte-mode segment: URLs are lowercase, so the library's search for a cheaper mix of
  // modes (a shortest-path search, per page) finds byte mode anyway.
  const svg = await QRCode.toString([{ data: new TextEncoder().encode(url), mode: 'byte' }], { type: 'svg', errorCorrectionLevel: 'M', maskPattern: 2, margin: 1, color: { dark: '#000000', light: '#ffffff' } });
  return svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" ');
}
