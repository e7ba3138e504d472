import type { ReactNode } from "react";

/** Renders the notice a view shows instead of its figures when its query or its data fails, with a link out. */
export function ViewNotice({ message, action }: { message: string; action?: ReactNode }) {
  return (
    <div className="notice error" role="alert">
      <p>{message}</p>
      {action && <p>{action}</p>}
    </div>
  );
}
