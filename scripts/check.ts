/**
 * `npm run check`: validates all content and site.yaml without building.
 * Exits 1 when any file has a problem, naming every one.
 */
import { formatProblem } from '../src/lib/schema.ts';
import { resolveContentDir } from '../src/lib/site-config.ts';
import { validateContent } from '../src/lib/validate.ts';

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const contentDir = resolveContentDir();
const { announcements, problems, warnings } = validateContent(contentDir);

for (const warning of warnings) console.warn(`warning: ${formatProblem(warning)}`);
for (const problem of problems) console.error(`error: ${formatProblem(problem)}`);

const files = new Set(problems.map((p) => p.file)).size;
if (problems.length > 0) {
  console.error(
    `\n${count(problems.length, 'problem')} in ${count(files, 'file')}; ${count(announcements.length, 'announcement')} valid. ` +
      'Fix the files above and run npm run check again.',
  );
  process.exit(1);
}
console.log(`${count(announcements.length, 'announcement')} checked: no problems${warnings.length ? `, ${count(warnings.length, 'warning')}` : ''}.`);
