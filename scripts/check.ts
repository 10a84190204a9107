/**
 * `npm run check`: validates all content and site.yaml without building.
 * Exits 1 when any file has a problem, naming every one.
 */
import { formatProblem } from '../src/lib/schema.ts';
import { resolveContentDir } from '../src/lib/site-config.ts';
import { validateContent } from '../src/lib/validate.ts';

const contentDir = resolveContentDir();
const { announcements, problems, warnings } = validateContent(contentDir);

for (const warning of warnings) console.warn(`warning: ${formatProblem(warning)}`);
for (const problem of problems) console.error(`error: ${formatProblem(problem)}`);

const files = new Set(problems.map((p) => p.file)).size;
if (problems.length > 0) {
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}; ${announcements.length} announcements are valid. Fix the files above and run npm run check again.`);
  process.exit(1);
}
console.log(`${announcements.length} announcements checked: no problems${warnings.length ? `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}` : ''}.`);
