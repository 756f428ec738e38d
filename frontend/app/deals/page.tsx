import { Suspense } from "react";
import { DealsPage } from "./DealsPage";

export default function Page() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <DealsPage />
    </Suspense>
  );
}
