import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { createRandom } from './random.ts';

/** The generated photograph's size: a typical camera picture scaled down by a press office. */
const WIDTH = 1600;
const HEIGHT = 1067;

/**
 * A photograph-like JPEG of its own for each announcement: a seeded sky, ground and a few
 * shapes, with grain, so every file differs and encodes like a photograph, not a flat drawing.
 */
async function photograph(seed: number): Promise<Buffer> {
  const random = createRandom(seed);
  const hue = random.int(0, 359);
  const shapes = Array.from({ length: 8 }, () => {
    const x = random.int(0, WIDTH - 200);
    const h = random.int(150, 500);
    return `<rect x="${x}" y="${640 - h}" width="${random.int(120, 260)}" height="${h}" fill="hsl(${(hue + random.int(0, 60)) % 360},25%,${random.int(45, 75)}%)"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}"><rect width="${WIDTH}" height="640" fill="hsl(${hue},55%,72%)"/><rect y="640" width="${WIDTH}" height="${HEIGHT - 640}" fill="hsl(${(hue + 180) % 360},15%,50%)"/>${shapes}<circle cx="${random.int(100, 1500)}" cy="${random.int(80, 300)}" r="60" fill="#fff6cc"/></svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).raw().toBuffer({ resolveWithObject: true });
  let state = seed >>> 0 || 1;
  for (let i = 0; i < data.length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    data[i] = Math.max(0, Math.min(255, data[i]! + ((state >>> 24) % 15) - 7));
  }
  return sharp(data, { raw: info }).jpeg({ quality: 80 }).toBuffer();
}

/**
 * Gives one announcement in `every` a photograph: its file becomes a folder of its own
 * (`<id>/index.md`, keeping its id) with `photo.jpg` beside it, shown after the first paragraph
 * with alt text and a caption, as a press office publishes a news release.
 *
 * @param ids the corpus's ids, in a stable order
 * @returns the ids that got a photograph
 */
export async function addPhotographs(contentDir: string, ids: readonly string[], every = 10, seed = 1): Promise<string[]> {
  const chosen = ids.filter((_, index) => index % every === 0);
  for (const [index, id] of chosen.entries()) {
    const file = join(contentDir, 'announcements', `${id}.md`);
    const folder = join(dirname(file), id.split('/').pop()!);
    await mkdir(folder, { recursive: true });
    const text = await readFile(file, 'utf8');
    // After the first paragraph of the body, where press photographs usually stand.
    const withPhoto = text.replace(/(\n---\n\n[^\n]+\n)/, `$1\n![工作人员在现场检查](photo.jpg "现场图片（第${index + 1}幅）")\n`);
    await writeFile(join(folder, 'photo.jpg'), await photograph(seed * 100_003 + index));
    await writeFile(join(folder, 'index.md'), withPhoto);
    await rm(file);
  }
  return chosen;
}
