import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../core/ui/button';

/** Drop files here, or choose them: a labelled file input behind a button, for keyboards and screen readers. */
export function DropZone({ onFiles }: { onFiles(files: File[]): void }) {
  const { t } = useTranslation('admin');
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = [...e.dataTransfer.files];
    if (files.length) onFiles(files);
  };
  return (
    <section
      className={over ? 'drop-zone drop-zone-over' : 'drop-zone'}
      aria-label={t('knowledge.dropZone')}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <p>{t('knowledge.dropHint')}</p>
      <Button onClick={() => input.current?.click()}>{t('knowledge.choose')}</Button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-label={t('knowledge.chooseFiles')}
        accept=".txt,.md,.markdown,.html,.htm,.docx,.pdf,.csv,.xlsx"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) onFiles(files);
        }}
      />
    </section>
  );
}
