export default function NotFound() {
  return (
    <div className="notice" role="alert">
      <h1>Not found</h1>
      <p>
        No page or paper at this address. Look for the paper in the <a href="/papers">list of papers</a>.
      </p>
    </div>
  );
}
