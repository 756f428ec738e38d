import { Suspense } from "react";
import { SignIn } from "./SignIn";

export default function Page() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <SignIn />
    </Suspense>
  );
}
