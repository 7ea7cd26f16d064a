import type { InputHTMLAttributes } from 'react';

/** A checkbox named by its visible label. */
export function Checkbox({ label, ...input }: { label: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  return (
    <label className="admin-check">
      <input type="checkbox" {...input} /> {label}
    </label>
  );
}
