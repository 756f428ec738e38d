import { Suspense } from "react";
import { ContactsPage } from "./ContactsPage";

export default function Page() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <ContactsPage />
    </Suspense>
  );
}
