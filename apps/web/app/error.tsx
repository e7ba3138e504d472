"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="notice error" role="alert">
      <h1>Something went wrong</h1>
      <p>The page could not be loaded. Try again; if it fails again, the server log has the details{error.digest ? ` (error ${error.digest})` : ""}.</p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
