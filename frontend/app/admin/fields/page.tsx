import { FieldsAdminPage } from "./FieldsAdmin";

export default function Page() {
  return <FieldsAdminPage />;
}
