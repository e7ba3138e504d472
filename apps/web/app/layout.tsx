import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Suspense, type ReactNode } from "react";
import { NavigationStatus } from "@/components/NavigationStatus";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Alignment Trends", template: "%s · Alignment Trends" },
  description: "How AI alignment research moves: topics, team sizes, code releases and community upvotes, from public paper digests.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, the 404 page included, so that Next.js can put each response's CSP nonce on its scripts.
  await connection();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            Alignment Trends
          </Link>
          <nav aria-label="Main">
            <Link href="/">Dashboard</Link>
            <Link href="/topics">Topics</Link>
            <Link href="/compare">Compare</Link>
            <Link href="/emerging">Emerging</Link>
            <Link href="/papers">Papers</Link>
          </nav>
        </header>
        {/* NavigationStatus reads the query, which a static page such as the 404 page only knows in the browser. */}
        <Suspense fallback={null}>
          <NavigationStatus />
        </Suspense>
        <main id="main">{children}</main>
        <footer className="site-footer">
          Data: public digests of AI papers (Hugging Face daily papers and others). Topic tags come from keyword rules and can be wrong;
          every paper page shows the evidence.
        </footer>
      </body>
    </html>
  );
}
