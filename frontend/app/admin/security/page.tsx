import { SecurityAdminPage } from "./SecurityAdmin";

export default function Page() {
  return <SecurityAdminPage />;
}
