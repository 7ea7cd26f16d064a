// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../../web/src/core/i18n';
import { Field } from '../../../web/src/core/ui/field';
import { Table } from '../../../web/src/core/ui/table';

beforeAll(async () => {
  localStorage.setItem('cs-web-language', 'en');
  await initI18n();
});
afterEach(cleanup);

describe('shared UI', () => {
  it('names a field by its label and reads its error with it', () => {
    render(<Field label="E-mail" error="must be an e-mail" defaultValue="x" />);
    const input = screen.getByRole('textbox', { name: 'E-mail' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').id).toBe(input.getAttribute('aria-describedby'));
  });

  it('captions a table and says when it is empty', () => {
    render(<Table caption="Agents" columns={[{ key: 'n', header: 'Name', cell: (r: { n: string }) => r.n }]} rows={[]} rowKey={(r) => r.n} />);
    expect(screen.getByRole('table', { name: 'Agents' })).toBeTruthy();
    expect(screen.getByRole('cell').textContent).toBe('Nothing here yet');
  });
});
