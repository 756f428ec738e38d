import { Suspense } from "react";
import { ObjectsAdminPage } from "./ObjectsAdmin";

export default function Page() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <ObjectsAdminPage />
    </Suspense>
  );
}
