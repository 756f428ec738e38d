import { Suspense } from "react";
import { TasksPage } from "./TasksPage";

export default function Page() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <TasksPage />
    </Suspense>
  );
}
