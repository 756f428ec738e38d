import { Suspense } from "react";
import { CampaignViewPage } from "./CampaignView";

export default function Page() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <CampaignViewPage />
    </Suspense>
  );
}
