import { Suspense } from "react";
import { EventViewPage } from "./EventView";

export default function Page() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <EventViewPage />
    </Suspense>
  );
}
