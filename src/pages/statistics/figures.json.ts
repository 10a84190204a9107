import { routes } from '../../data/routes.ts';
import { figuresToJson } from '../../lib/statistics.ts';

export function GET() {
  return new Response(figuresToJson(routes.statistics().figures), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
