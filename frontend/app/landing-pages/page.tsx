import { Suspense } from "react";
import { LandingPagesPage } from "./LandingPagesPage";

export default function Page() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <LandingPagesPage />
    </Suspense>
  );
}
