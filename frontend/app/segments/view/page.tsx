import { Suspense } from "react";
import { SegmentViewPage } from "./SegmentView";

export default function Page() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <SegmentViewPage />
    </Suspense>
  );
}
