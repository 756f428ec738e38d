import { Suspense } from "react";
import { CampaignsPage } from "./CampaignsPage";

export default function Page() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <CampaignsPage />
    </Suspense>
  );
}
