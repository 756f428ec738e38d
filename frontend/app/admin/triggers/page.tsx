import { TriggersAdminPage } from "./TriggersAdmin";

export default function Page() {
  return <TriggersAdminPage />;
}
