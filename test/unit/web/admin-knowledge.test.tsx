// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mergeDeliveries } from '../../../web/src/admin/deliveries';
import { DropZone } from '../../../web/src/admin/drop-zone';
import { launcherSnippet } from '../../../web/src/admin/launcher-snippet';
import { applySyncEvent, faqQuestion, isFaq, mergeRows, type DocRow } from '../../../web/src/admin/sync-progress';
import { initI18n } from '../../../web/src/core/i18n';

beforeAll(async () => {
  localStorage.setItem('cs-web-language', 'en');
  await initI18n();
});
afterEach(cleanup);

const doc = (id: number, patch: Partial<DocRow> = {}): DocRow => ({ id, fileName: `d${id}.md`, fileSize: 10, syncState: 'PENDING', syncError: null, chunkCount: 0, ...patch });

describe('sync progress', () => {
  it('moves a document through its states and keeps the error of a failure', () => {
    let rows = [doc(1), doc(2)];
    rows = applySyncEvent(rows, { documentId: 2, state: 'INDEXING', chunkCount: 0 });
    expect(rows.map((r) => r.syncState)).toEqual(['PENDING', 'INDEXING']);
    rows = applySyncEvent(rows, { documentId: 2, state: 'READY', chunkCount: 4, document: doc(2, { syncState: 'READY', chunkCount: 4 }) });
    rows = applySyncEvent(rows, { documentId: 1, state: 'FAILED', error: 'No text found in the file', chunkCount: 0 });
    expect(rows).toEqual([doc(1, { syncState: 'FAILED', syncError: 'No text found in the file' }), doc(2, { syncState: 'READY', chunkCount: 4 })]);
  });

  it('adds a document it did not list, drops a deleted one, and merges an upload’s answer by id', () => {
    let rows = applySyncEvent([doc(1)], { documentId: 3, state: 'PENDING', chunkCount: 0, document: doc(3) });
    expect(rows.map((r) => r.id)).toEqual([1, 3]);
    rows = applySyncEvent(rows, { documentId: 1, state: 'READY', chunkCount: 0, document: null });
    expect(rows.map((r) => r.id)).toEqual([3]);
    expect(applySyncEvent(rows, { documentId: 9, state: 'INDEXING', chunkCount: 0 })).toEqual(rows);
    expect(mergeRows([doc(3, { syncState: 'READY' })], [doc(2), doc(3, { syncState: 'INDEXING' })]).map((r) => [r.id, r.syncState])).toEqual([
      [2, 'PENDING'],
      [3, 'INDEXING'],
    ]);
  });

  it('tells FAQ entries by the name the server gives them', () => {
    expect(isFaq('FAQ How long does delivery take.txt')).toBe(true);
    expect(faqQuestion('FAQ How long does delivery take.txt')).toBe('How long does delivery take');
    expect(isFaq('FAQ.md')).toBe(false);
    expect(isFaq('policy.txt')).toBe(false);
  });
});

describe('deliveries', () => {
  it('keeps the latest attempt of each delivery, newest delivery first', () => {
    const d = (id: number, attempts: number, state: string) => ({ id, attempts, state });
    expect(mergeDeliveries([d(1, 2, 'PENDING'), d(2, 1, 'PENDING')], [d(1, 1, 'PENDING'), d(2, 1, 'DELIVERED'), d(3, 1, 'FAILED')])).toEqual([
      d(3, 1, 'FAILED'),
      d(2, 1, 'DELIVERED'),
      d(1, 2, 'PENDING'),
    ]);
  });
});

describe('launcher snippet', () => {
  it('points widget.js at the public address the chat link starts with', () => {
    expect(launcherSnippet('https://cs.example.com/chat/AB12', 'AB12')).toBe('<script src="https://cs.example.com/widget.js" data-serial="AB12"></script>');
    expect(launcherSnippet('https://example.com/cs/chat/X"1', 'X"1')).toBe('<script src="https://example.com/cs/widget.js" data-serial="X&quot;1"></script>');
  });
});

describe('drop zone', () => {
  it('hands dropped files over, and offers a labelled file chooser', () => {
    const onFiles = vi.fn();
    render(<DropZone onFiles={onFiles} />);
    const zone = screen.getByRole('region', { name: 'Upload documents' });
    const file = new File(['# Hours'], 'hours.md', { type: 'text/markdown' });
    fireEvent.dragOver(zone, { dataTransfer: { files: [file] } });
    expect(zone.className).toContain('drop-zone-over');
    fireEvent.drop(zone, { dataTransfer: { files: [file] } });
    expect(onFiles).toHaveBeenCalledWith([file]);
    expect(zone.className).not.toContain('drop-zone-over');
    expect(screen.getByRole('button', { name: 'Choose files' })).toBeTruthy();
    expect(screen.getByLabelText('Files to upload')).toBeTruthy();
  });
});
