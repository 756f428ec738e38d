import { Suspense } from "react";
import { EventsPage } from "./EventsPage";

export default function Page() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <EventsPage />
    </Suspense>
  );
}
