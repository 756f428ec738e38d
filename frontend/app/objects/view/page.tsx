import { Suspense } from "react";
import { ObjectRecordPage } from "./ObjectRecord";

export default function Page() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <ObjectRecordPage />
    </Suspense>
  );
}
