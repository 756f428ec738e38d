import { SystemAdminPage } from "./SystemAdmin";

export default function Page() {
  return <SystemAdminPage />;
}
