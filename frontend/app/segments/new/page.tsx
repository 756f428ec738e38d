import { Suspense } from "react";
import { NewSegmentPage } from "./NewSegment";

export default function Page() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <NewSegmentPage />
    </Suspense>
  );
}
