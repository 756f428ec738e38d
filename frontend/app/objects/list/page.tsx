import { Suspense } from "react";
import { ObjectListPage } from "./ObjectList";

export default function Page() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <ObjectListPage />
    </Suspense>
  );
}
