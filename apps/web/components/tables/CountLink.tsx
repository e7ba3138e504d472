import { formatInteger } from "@/lib/format";

/** A count that links to the papers behind it, or plain text when no list can show them. */
export function CountLink({ href, count }: { href: string | null; count: number }) {
  return href === null ? <>{formatInteger(count)}</> : <a href={href}>{formatInteger(count)}</a>;
}
