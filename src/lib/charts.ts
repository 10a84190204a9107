/**
 * Bar charts drawn at build time as inline SVG: no chart script reaches readers. Lengths across
 * the chart are percentages of its width and lengths down it are pixels, so a chart fills its
 * column at any width while its text keeps the page's size. Each chart is paired with a table of
 * its numbers on the page (src/components/FigureChart.astro).
 */
import type { Figure } from './statistics.ts';

/** A bar, its label and its value, placed. */
export interface ChartBar {
  label: string;
  count: number;
  /** Across: percentages of the chart's width. */
  x: string;
  width: string;
  /** Down: pixels. */
  y: number;
  height: number;
  /** Where the label and the value are written. */
  labelX: string;
  labelY: number;
  valueX: string;
  valueY: number;
}

export interface Chart {
  /** `columns` stand up from a baseline (a time series); `rows` run across (categories with long names). */
  kind: 'columns' | 'rows';
  /** The SVG's height in pixels. */
  height: number;
  /** The baseline (columns) or the left edge (rows). */
  axis: { x1: string; y1: number; x2: string; y2: number };
  bars: ChartBar[];
}

const percent = (value: number) => `${Math.round(value * 100) / 100}%`;

const COLUMN_AREA = 160;
const COLUMN_TOP = 22;
const ROW_HEIGHT = 50;

/**
 * A column chart (years, months): one column per figure on a common baseline, its value above
 * it and its label under the baseline.
 *
 * @example columnChart([{ label: '2015年', key: '2015', count: 3 }]).bars[0].height // 160
 */
export function columnChart(figures: readonly Figure[]): Chart {
  const max = Math.max(1, ...figures.map((figure) => figure.count));
  const slot = 100 / Math.max(1, figures.length);
  const baseline = COLUMN_TOP + COLUMN_AREA;
  return {
    kind: 'columns',
    height: baseline + 28,
    axis: { x1: '0%', y1: baseline, x2: '100%', y2: baseline },
    bars: figures.map((figure, index) => {
      const height = Math.round((figure.count / max) * COLUMN_AREA);
      const centre = percent(slot * index + slot / 2);
      return {
        // Twelve months fit a phone only as numbers: the heading says they are months.
        label: figures.length > 8 ? figure.label.replace(/月$/, '') : figure.label,
        count: figure.count,
        x: percent(slot * index + slot * 0.2),
        width: percent(slot * 0.6),
        y: baseline - height,
        height,
        labelX: centre,
        labelY: baseline + 20,
        valueX: centre,
        valueY: baseline - height - 6,
      };
    }),
  };
}

/**
 * A bar chart of rows (columns of the site, issuing bodies): each name on its own line with its
 * bar under it, so a long name never shrinks the bars; the longest bar takes 85% of the width,
 * leaving room for its value.
 */
export function rowChart(figures: readonly Figure[]): Chart {
  const max = Math.max(1, ...figures.map((figure) => figure.count));
  return {
    kind: 'rows',
    height: figures.length * ROW_HEIGHT + 4,
    axis: { x1: '0%', y1: figures.length * ROW_HEIGHT + 4, x2: '100%', y2: figures.length * ROW_HEIGHT + 4 },
    bars: figures.map((figure, index) => {
      const top = index * ROW_HEIGHT;
      const width = (figure.count / max) * 85;
      return {
        label: figure.label,
        count: figure.count,
        x: '0%',
        width: percent(width),
        y: top + 26,
        height: 16,
        labelX: '0%',
        labelY: top + 18,
        valueX: percent(width),
        valueY: top + 39,
      };
    }),
  };
}
