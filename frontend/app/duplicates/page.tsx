import { Suspense } from "react";
import { DuplicatesPage } from "./DuplicatesPage";

export default function Page() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <DuplicatesPage />
    </Suspense>
  );
}
