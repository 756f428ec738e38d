import { WebhooksAdminPage } from "./WebhooksAdmin";

export default function Page() {
  return <WebhooksAdminPage />;
}
