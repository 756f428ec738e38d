import { Suspense } from "react";
import { ImportsPage } from "./ImportsPage";

export default function Page() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <ImportsPage />
    </Suspense>
  );
}
