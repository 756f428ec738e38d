import { Suspense } from "react";
import { SegmentsPage } from "./SegmentsPage";

export default function Page() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <SegmentsPage />
    </Suspense>
  );
}
