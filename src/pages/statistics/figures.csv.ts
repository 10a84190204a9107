import { routes } from '../../data/routes.ts';
import { figuresToCsv } from '../../lib/statistics.ts';

export function GET() {
  return new Response(figuresToCsv(routes.statistics().figures), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
