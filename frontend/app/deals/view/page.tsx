import { Suspense } from "react";
import { DealViewPage } from "./DealView";

export default function Page() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <DealViewPage />
    </Suspense>
  );
}
