import { ApiKeysAdminPage } from "./ApiKeysAdmin";

export default function Page() {
  return <ApiKeysAdminPage />;
}
