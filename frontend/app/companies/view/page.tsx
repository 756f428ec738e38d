import { Suspense } from "react";
import { CompanyViewPage } from "./CompanyView";

export default function Page() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <CompanyViewPage />
    </Suspense>
  );
}
