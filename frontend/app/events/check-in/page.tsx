import { Suspense } from "react";
import { CheckInPage } from "./CheckInPage";

export default function Page() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <CheckInPage />
    </Suspense>
  );
}
