import { Suspense } from "react";
import { ContactViewPage } from "./ContactView";

export default function Page() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <ContactViewPage />
    </Suspense>
  );
}
