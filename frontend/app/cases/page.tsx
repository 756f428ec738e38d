import { Suspense } from "react";
import { CasesPage } from "./CasesPage";

export default function Page() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <CasesPage />
    </Suspense>
  );
}
