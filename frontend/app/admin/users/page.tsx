import { UsersAdminPage } from "./UsersAdmin";

export default function Page() {
  return <UsersAdminPage />;
}
