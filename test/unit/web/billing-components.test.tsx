// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Pager } from '../../../web/src/billing/pager';
import { PaymentQr } from '../../../web/src/billing/payment-qr';
import { initI18n } from '../../../web/src/core/i18n';
import { ChartFigure } from '../../../web/src/reports/chart-figure';
import { ReportCharts } from '../../../web/src/reports/report-charts';
import { toSeries } from '../../../web/src/reports/report-series';

beforeAll(async () => {
  // jsdom has no layout: recharts' container only needs the observer to exist.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  localStorage.setItem('cs-web-language', 'en');
  await initI18n();
});
afterEach(cleanup);

describe('billing and report components', () => {
  it('draws the payment link as a QR code image named by its alt text', async () => {
    render(<PaymentQr url="http://localhost:8080/pay/sandbox/NO1" alt="QR code of NO1" />);
    const img = await screen.findByRole('img', { name: 'QR code of NO1' });
    const src = img.getAttribute('src')!;
    expect(src.startsWith('data:image/svg+xml')).toBe(true);
    expect(decodeURIComponent(src)).toContain('<svg');
  });

  it('gives a chart a summary as its name and the numbers as a captioned table', () => {
    render(
      <ChartFigure title="Volume" summary="3 conversations" columns={[{ key: 'd', header: 'Day', cell: (r: { d: string; n: number }) => `${r.d}: ${r.n}` }]} rows={[{ d: '2026-11-30', n: 3 }]} rowKey={(r) => r.d}>
        <svg />
      </ChartFigure>,
    );
    expect(screen.getByRole('img', { name: 'Volume: 3 conversations' })).toBeTruthy();
    expect(screen.getByRole('figure', { name: 'Volume' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Volume', hidden: true });
    expect(within(table).getByText('2026-11-30: 3')).toBeTruthy();
  });

  it('pages only when there is more than one page', async () => {
    const seen: number[] = [];
    const { rerender } = render(<Pager pageNo={0} pageSize={20} total={20} onPage={(p) => seen.push(p)} />);
    expect(screen.queryByRole('button')).toBeNull();
    rerender(<Pager pageNo={0} pageSize={20} total={45} onPage={(p) => seen.push(p)} />);
    expect((screen.getByRole('button', { name: 'Previous page' }) as HTMLButtonElement).disabled).toBe(true);
    screen.getByRole('button', { name: 'Next page' }).click();
    await waitFor(() => expect(seen).toEqual([1]));
    expect(screen.getByText('Page 1 of 3')).toBeTruthy();
  });

  it('names each report chart by what it shows over the period', () => {
    const series = toSeries(
      [
        { day: '2026-11-29', conversations: 3, aiOnly: 2, handedOff: 1, aiOnlyRate: 0.6667, handoffRate: 0.3333, avgQueueWaitSeconds: 30, avgFirstResponseSeconds: 95, csatAverage: 4, csatCount: 1 },
        { day: '2026-12-01', conversations: 5, aiOnly: 5, handedOff: 0, aiOnlyRate: 1, handoffRate: 0, csatCount: 0 },
      ],
      new Date('2026-11-29T00:00:00Z'),
      new Date('2026-12-02T00:00:00Z'),
      'UTC',
    );
    const total = { conversations: 8, aiOnlyRate: 0.875, handoffRate: 0.125, avgQueueWaitSeconds: 30, avgFirstResponseSeconds: 95, csatAverage: 4, csatCount: 1 };
    render(<ReportCharts series={series} total={total} />);
    const names = screen.getAllByRole('img').map((img) => img.getAttribute('aria-label'));
    expect(names).toEqual([
      'Volume over time: 8 conversations over 3 days; busiest 2026-12-01 with 5.',
      'AI resolution and handoff rate: Over the period the AI resolved 87.5% and 12.5% were handed to agents.',
      'Wait and first-response time: Average wait 30 s, average first response 1 min 35 s over the period.',
      'Customer satisfaction (CSAT): Average rating 4 from 1 rating over the period.',
    ]);
    // The quiet day is in every table, as a zero and as gaps.
    const volume = screen.getByRole('table', { name: 'Volume over time', hidden: true });
    expect(within(volume).getAllByRole('row', { hidden: true }).map((r) => r.textContent)).toEqual(['DayConversationsResolved by the AIHanded to agents', '2026-11-29321', '2026-11-30000', '2026-12-01550']);
  });

  it('says so when the period had no conversation', () => {
    const series = toSeries([], new Date('2026-11-29T00:00:00Z'), new Date('2026-11-30T00:00:00Z'), 'UTC');
    render(<ReportCharts series={series} total={{ conversations: 0, aiOnlyRate: 0, handoffRate: 0, csatCount: 0 }} />);
    expect(screen.getAllByRole('img').map((img) => img.getAttribute('aria-label'))).toEqual([
      'Volume over time: No conversations in the period.',
      'AI resolution and handoff rate: No conversations in the period.',
      'Wait and first-response time: No conversations in the period.',
      'Customer satisfaction (CSAT): No ratings',
    ]);
  });
});
