import { Suspense } from "react";
import { PipelinePage } from "./PipelineBoard";

export default function Page() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <PipelinePage />
    </Suspense>
  );
}
