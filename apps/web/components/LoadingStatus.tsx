/** Renders the status line that a route shows while its page waits for the database. */
export function LoadingStatus({ message }: { message: string }) {
  return (
    <div className="loading-status" role="status">
      <span className="loading-spinner" aria-hidden="true" />
      {message}
    </div>
  );
}
