export default function TopicNotFound() {
  return (
    <div className="notice" role="alert">
      <h1>Topic not found</h1>
      <p>
        No topic has this id. The <a href="/topics">list of topics</a> links to each one.
      </p>
    </div>
  );
}
