import { Suspense } from "react";
import { LandingPageViewPage } from "./LandingPageView";

export default function Page() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <LandingPageViewPage />
    </Suspense>
  );
}
