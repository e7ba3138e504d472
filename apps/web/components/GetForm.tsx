"use client";

import type { FormEvent, ReactNode } from "react";

/**
 * A GET form that leaves empty fields out of the URL, so that a view's link
 * carries only the filters that are set. It disables empty fields while the
 * browser builds the query and enables them again right after.
 */
export function GetForm({ action, label, className, children }: { action: string; label: string; className: string; children: ReactNode }) {
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const empty = [...event.currentTarget.elements].filter(
      (element): element is HTMLInputElement | HTMLSelectElement =>
        (element instanceof HTMLInputElement || element instanceof HTMLSelectElement) && element.name !== "" && element.value === "",
    );
    for (const element of empty) element.disabled = true;
    setTimeout(() => {
      for (const element of empty) element.disabled = false;
    }, 0);
  };
  return (
    <form className={className} method="get" action={action} aria-label={label} autoComplete="off" onSubmit={onSubmit}>
      {children}
    </form>
  );
}
