// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { Provider, type Client } from 'urql';
import { fromValue } from 'wonka';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Composer } from '../../../web/src/agent/composer';
import { initI18n } from '../../../web/src/core/i18n';

beforeAll(async () => {
  localStorage.setItem('cs-web-language', 'en');
  await initI18n();
});
afterEach(cleanup);

const message = { id: 1, seq: 4, senderType: 'AGENT', senderId: '3', msgType: 'TEXT', content: 'Refunds take 3 days', createdAt: '2026-12-01T10:00:00Z', media: null };

/** A urql client answering the canned-reply list, recording the mutations the composer sends. */
function stubClient(sent: { name: string; variables: any }[]): Client {
  return {
    executeQuery: () => fromValue({ data: { cannedReplies: [{ id: 11, shortcut: '/refund', title: 'Refunds', content: 'Refunds take 3 days' }, { id: 12, shortcut: '/thanks', title: 'Thanks', content: 'Thank you!' }] } }),
    executeMutation: (op: any) => {
      const name = op.query.definitions[0].name.value as string;
      sent.push({ name, variables: op.variables });
      return fromValue({ data: name === 'SendCannedReply' ? { sendCannedReply: message } : { sendMessage: { ...message, content: op.variables.input.content } } });
    },
    executeSubscription: () => fromValue({}),
  } as unknown as Client;
}

function Harness({ client, shown }: { client: Client; shown: unknown[] }) {
  const [draft, setDraft] = useState('');
  return (
    <Provider value={client}>
      <Composer sessionId={7} staffId={2} draft={draft} setDraft={setDraft} onSent={(m) => shown.push(m)} onNoted={() => {}} />
    </Provider>
  );
}

describe('the composer', () => {
  it('offers canned replies while a /shortcut is typed and sends the one named with Enter', async () => {
    const sent: { name: string; variables: any }[] = [];
    const shown: unknown[] = [];
    render(<Harness client={stubClient(sent)} shown={shown} />);
    const reply = screen.getByRole('textbox', { name: 'Reply' });
    fireEvent.change(reply, { target: { value: '/re' } });
    expect(screen.getByRole('button', { name: 'Send canned reply /refund' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Send canned reply /thanks' })).toBeNull();
    fireEvent.change(reply, { target: { value: '/refund' } });
    fireEvent.keyDown(reply, { key: 'Enter' });
    await expect.poll(() => sent.length).toBe(1);
    expect(sent[0]).toMatchObject({ name: 'SendCannedReply', variables: { sessionId: 7, cannedReplyId: 11 } });
    expect(sent[0]!.variables.clientMsgId).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => (reply as HTMLTextAreaElement).value).toBe('');
    expect(shown).toEqual([message]);
  });

  it('sends other text as a message; Shift+Enter is a new line', async () => {
    const sent: { name: string; variables: any }[] = [];
    render(<Harness client={stubClient(sent)} shown={[]} />);
    const reply = screen.getByRole('textbox', { name: 'Reply' });
    fireEvent.change(reply, { target: { value: '/refund now' } });
    expect(screen.queryByRole('button', { name: /Send canned reply/ })).toBeNull();
    fireEvent.keyDown(reply, { key: 'Enter', shiftKey: true });
    expect(sent).toEqual([]);
    fireEvent.keyDown(reply, { key: 'Enter' });
    await expect.poll(() => sent.length).toBe(1);
    expect(sent[0]).toMatchObject({ name: 'SendMessage', variables: { input: { sessionId: 7, content: '/refund now' } } });
  });
});
