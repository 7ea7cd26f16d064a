import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { useAuth } from '../core/auth-context';
import { Button } from '../core/ui/button';
import { ConfirmDelete } from '../core/ui/confirm-delete';
import { Select } from '../core/ui/field';
import { QueryState, useErrorText } from '../core/ui/error-text';
import { Page } from '../core/ui/page';
import { Table } from '../core/ui/table';
import { useToast } from '../core/ui/toast';
import { AdminDeleteDocuments, AdminDocumentSync, AdminDocuments, AdminStaffList, AdminSyncDocuments, AdminUploadDocument, STAFF_LIST } from './admin-operations';
import { DropZone } from './drop-zone';
import { FaqSection } from './faq-section';
import { applySyncEvent, faqQuestion, isFaq, mergeRows, syncPercent, type DocRow } from './sync-progress';

/** A staff's training material: drop files to upload, watch each sync live, FAQ entries. */
export function KnowledgePage() {
  const { t } = useTranslation('admin');
  const [params, setParams] = useSearchParams();
  const [{ data }] = useQuery({ query: AdminStaffList, variables: { page: { pageSize: 100 } }, context: STAFF_LIST });
  const staffs = data?.staffs.items ?? [];
  const staffId = Number(params.get('staff')) || staffs[0]?.id;
  return (
    <Page title={t('knowledge.title')}>
      <Select
        label={t('knowledge.staff')}
        value={staffId ? String(staffId) : ''}
        onChange={(e) => setParams({ staff: e.target.value })}
        options={staffs.map((s) => ({ value: String(s.id), label: s.name }))}
      />
      {staffId ? <StaffKnowledge key={staffId} staffId={staffId} /> : <p>{t('knowledge.noStaff')}</p>}
    </Page>
  );
}

interface UploadLine {
  key: string;
  name: string;
  error?: string;
}

function StaffKnowledge({ staffId }: { staffId: number }) {
  const { t } = useTranslation('admin');
  const toast = useToast();
  const errorText = useErrorText();
  const client = useClient();
  const { session } = useAuth();
  const [{ data, fetching, error }] = useQuery({ query: AdminDocuments, variables: { staffId }, requestPolicy: 'network-only' });
  const [rows, setRows] = useState<DocRow[]>([]);
  const [uploads, setUploads] = useState<UploadLine[]>([]);
  const [deleting, setDeleting] = useState<DocRow | null>(null);
  const [, upload] = useMutation(AdminUploadDocument);
  const [, sync] = useMutation(AdminSyncDocuments);
  const [, remove] = useMutation(AdminDeleteDocuments);

  // The fetched list joins what events and uploads already brought (set while rendering, as React advises for derived state).
  const [merged, setMerged] = useState<typeof data>(undefined);
  if (data !== merged) {
    setMerged(data);
    if (data) setRows((r) => mergeRows(r, data.documents.items));
  }
  useEffect(() => {
    const sub = client.subscription(AdminDocumentSync, { staffId }).subscribe((r) => {
      const e = r.data?.documentSync;
      if (e) setRows((list) => applySyncEvent(list, e));
    });
    return () => sub.unsubscribe();
  }, [client, staffId]);

  const uploadAll = async (files: File[]) => {
    // One request a file, in turn: each gets its own answer and error.
    for (const file of files) {
      const key = `${file.name}-${file.size}-${Math.random()}`;
      setUploads((u) => [...u, { key, name: file.name }]);
      const r = await upload(
        { staffId, file },
        // A multipart request must carry this header (Apollo's CSRF prevention, README "Knowledge base").
        { fetchOptions: { headers: { authorization: `Bearer ${session?.token ?? ''}`, 'apollo-require-preflight': 'true' } } },
      );
      if (r.data) {
        setRows((list) => mergeRows(list, [r.data!.uploadDocument]));
        setUploads((u) => u.filter((x) => x.key !== key));
      } else {
        setUploads((u) => u.map((x) => (x.key === key ? { ...x, error: errorText(r.error) ?? '' } : x)));
      }
    }
  };
  const del = async (doc: DocRow) => {
    const r = await remove({ staffId, ids: [doc.id] });
    if (r.error) return toast(errorText(r.error) ?? '', 'error');
    setRows((list) => list.filter((x) => x.id !== doc.id));
    toast(t('knowledge.deleted', { name: isFaq(doc.fileName) ? faqQuestion(doc.fileName) : doc.fileName }));
  };
  const documents = rows.filter((r) => !isFaq(r.fileName));
  return (
    <>
      <DropZone onFiles={(files) => void uploadAll(files)} />
      {uploads.length > 0 && (
        <ul className="admin-uploads" aria-label={t('knowledge.uploads')}>
          {uploads.map((u) => (
            <li key={u.key}>
              {u.error ? (
                <span role="alert">
                  {t('knowledge.uploadFailed', { name: u.name, error: u.error })}{' '}
                  <Button onClick={() => setUploads((list) => list.filter((x) => x.key !== u.key))}>{t('knowledge.dismiss', { name: u.name })}</Button>
                </span>
              ) : (
                <span role="status">{t('knowledge.uploading', { name: u.name })}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <QueryState fetching={fetching && !data} error={error} />
      <div className="admin-actions">
        <Button
          onClick={() =>
            void sync({ staffId }).then((r) => toast(r.error ? (errorText(r.error) ?? '') : t('knowledge.syncQueued'), r.error ? 'error' : 'info'))
          }
        >
          {t('knowledge.syncAgain')}
        </Button>
      </div>
      <Table
        caption={t('knowledge.documents')}
        rowKey={(d) => d.id}
        rows={documents}
        columns={[
          { key: 'name', header: t('knowledge.fileName'), cell: (d) => d.fileName },
          { key: 'size', header: t('knowledge.size'), cell: (d) => formatBytes(d.fileSize) },
          {
            key: 'state',
            header: t('knowledge.state'),
            cell: (d) => (
              <div className={`sync sync-${d.syncState.toLowerCase()}`}>
                <progress max={100} value={syncPercent(d.syncState)} aria-label={t('knowledge.progressOf', { name: d.fileName })} />{' '}
                <span>{t(`knowledge.states.${d.syncState}`)}</span>
                {d.syncError && <small className={d.syncState === 'FAILED' ? 'form-error' : 'admin-muted'}> {d.syncError}</small>}
              </div>
            ),
          },
          { key: 'chunks', header: t('knowledge.chunks'), cell: (d) => d.chunkCount },
          {
            key: 'actions',
            header: t('actions'),
            cell: (d) => (
              <Button variant="danger" onClick={() => setDeleting(d)}>
                {t('knowledge.deleteOf', { name: d.fileName })}
              </Button>
            ),
          },
        ]}
      />
      <FaqSection staffId={staffId} entries={rows.filter((r) => isFaq(r.fileName))} onSaved={(doc, replaced) => setRows((list) => mergeRows(list.filter((x) => x.id !== replaced), [doc]))} onDelete={setDeleting} />
      <ConfirmDelete
        item={deleting}
        title={(d) => t('knowledge.deleteTitle', { name: isFaq(d.fileName) ? faqQuestion(d.fileName) : d.fileName })}
        warning={t('knowledge.deleteWarning')}
        onClose={() => setDeleting(null)}
        onConfirm={(d) => void del(d)}
      />
    </>
  );
}

const formatBytes = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / (1024 * 1024)).toFixed(1)} MB`);
