/** Attributes of a clicked link: its resolved `href`, its `target`, and whether it has a `download` attribute. */
export interface LinkClick {
  href: string;
  target: string;
  download: boolean;
}

/**
 * Returns the URL a link click opens when it loads another page of this
 * app in the same tab. Returns null for a link to another site, to the API
 * (data files), to a download or a new tab, and for a link to the current
 * page that differs at most in its fragment.
 */
export function pageNavigationTarget(link: LinkClick, current: URL): URL | null {
  if (link.download || (link.target !== "" && link.target !== "_self")) return null;
  const url = new URL(link.href, current);
  if (url.origin !== current.origin || url.pathname.startsWith("/api/")) return null;
  if (url.pathname === current.pathname && url.search === current.search) return null;
  return url;
}
