import { Suspense } from "react";
import { OverviewPage } from "./OverviewPage";

export default function Page() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <OverviewPage />
    </Suspense>
  );
}
