import { Suspense } from "react";
import { ObjectsPage } from "./ObjectsPage";

export default function Page() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <ObjectsPage />
    </Suspense>
  );
}
