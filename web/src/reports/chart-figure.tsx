import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Table, type Column } from '../core/ui/table';

/**
 * A chart with its text alternatives: the plot is an image named by a one-line summary, and the
 * numbers it draws are in a data table under it (closed by default).
 */
export function ChartFigure<T>({ title, summary, columns, rows, rowKey, children }: { title: string; summary: string; columns: readonly Column<T>[]; rows: readonly T[]; rowKey(row: T): string; children: ReactNode }) {
  const { t } = useTranslation('reports');
  const id = useId();
  return (
    <figure className="chart" aria-labelledby={id}>
      <figcaption id={id}>{title}</figcaption>
      <div className="chart-plot" role="img" aria-label={`${title}: ${summary}`}>
        {/* The drawing itself: its SVG is an unnamed image of axis labels, so the summary above stands for it. */}
        <div className="chart-drawing" aria-hidden="true">
          {children}
        </div>
      </div>
      <p className="muted">{summary}</p>
      <details>
        <summary>{t('showData')}</summary>
        <Table caption={title} columns={columns} rows={rows} rowKey={rowKey} />
      </details>
    </figure>
  );
}
