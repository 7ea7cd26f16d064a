// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Pager } from '../../../web/src/billing/pager';
import { PaymentQr } from '../../../web/src/billing/payment-qr';
import { initI18n } from '../../../web/src/core/i18n';
import { ChartFigure } from '../../../web/src/reports/chart-figure';

beforeAll(async () => {
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
});
