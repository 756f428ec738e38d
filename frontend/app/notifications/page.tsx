import { Suspense } from "react";
import { NotificationsPage } from "./NotificationsPage";

export default function Page() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <NotificationsPage />
    </Suspense>
  );
}
