"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { NAVIGATION_START_EVENT } from "@/lib/announceNavigation";
import { loadingMessage } from "@/lib/loadingMessage";
import { pageNavigationTarget } from "@/lib/pageNavigationTarget";

/** Returns the URL that a click opens in this tab as another page of the app, or null for any other click. */
function clickTarget(event: MouseEvent): URL | null {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(link instanceof HTMLAnchorElement)) return null;
  return pageNavigationTarget({ href: link.href, target: link.target, download: link.hasAttribute("download") }, new URL(window.location.href));
}

/**
 * Shows a status line with a spinner from the moment a link, a GET form or
 * `announceNavigation` starts to open another page, until the page's URL
 * changes. The line is a live region that stays in the page, empty while no
 * page loads, so that screen readers announce each message.
 *
 * The pages have no loading.tsx on purpose: Next.js then streams every first
 * load, so that without JavaScript the page stays on its loading state, and a
 * page that calls notFound() is sent with status 200 instead of 404.
 */
export function NavigationStatus() {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const [loadingPath, setLoadingPath] = useState<string | null>(null);

  useEffect(() => setLoadingPath(null), [pathname, query]);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const target = clickTarget(event);
      if (target) setLoadingPath(target.pathname);
    };
    const onSubmit = (event: SubmitEvent) => {
      const form = event.target;
      if (form instanceof HTMLFormElement && form.method === "get") setLoadingPath(new URL(form.action).pathname);
    };
    const onAnnounce = (event: Event) => {
      if (event instanceof CustomEvent && typeof event.detail === "string") setLoadingPath(new URL(event.detail, window.location.href).pathname);
    };
    // A page restored from the back-forward cache comes back as it was left, status included.
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) setLoadingPath(null);
    };

    document.addEventListener("click", onClick, true);
    document.addEventListener("submit", onSubmit);
    window.addEventListener(NAVIGATION_START_EVENT, onAnnounce);
    window.addEventListener("pageshow", onPageShow);
    return () => {
      document.removeEventListener("click", onClick, true);
      document.removeEventListener("submit", onSubmit);
      window.removeEventListener(NAVIGATION_START_EVENT, onAnnounce);
      window.removeEventListener("pageshow", onPageShow);
    };
  }, []);

  return (
    <div className="navigation-status" role="status" data-loading={loadingPath !== null ? "" : undefined}>
      {loadingPath !== null && (
        <>
          <span className="loading-spinner" aria-hidden="true" />
          {loadingMessage(loadingPath)}
        </>
      )}
    </div>
  );
}
