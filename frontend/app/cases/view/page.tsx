import { Suspense } from "react";
import { CaseViewPage } from "./CaseView";

export default function Page() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <CaseViewPage />
    </Suspense>
  );
}
