import { Suspense } from "react";
import { CompaniesPage } from "./CompaniesPage";

export default function Page() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <CompaniesPage />
    </Suspense>
  );
}
