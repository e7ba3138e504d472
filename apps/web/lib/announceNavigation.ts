/** Name of the window event that announces a navigation by `router.push`, so that the page can show a loading status. Its `detail` is the target's href. */
export const NAVIGATION_START_EVENT = "alignment-trends:navigation-start";

/** Tells the navigation status that the app is about to open `href` with `router.push`. */
export function announceNavigation(href: string): void {
  window.dispatchEvent(new CustomEvent<string>(NAVIGATION_START_EVENT, { detail: href }));
}
