//! `crm.v1.NotificationService`: email to contacts through the campaign mail transport, push to
//! users through the push provider, webhooks to subscriptions (services/deliveries.rs,
//! services/notifications.rs, services/webhooks.rs).

use tonic::{Request, Response, Status};

use super::proto::notification_service_server::NotificationService;
use super::proto::{self};
use super::{status_of, Gate};
use crate::domain::auth::Access;
use crate::domain::history::Origin;
use crate::error::AppError;

/// Largest batch of emails in one call.
const MAX_BATCH: usize = 100;

/// The service over the gate.
pub struct Notifications(pub Gate);

/// One email, sent or refused; `Err` only for what stops the call (an unreachable server).
async fn send_one(
    gate: &Gate,
    e: &proto::SendEmailRequest,
    origin: &Origin,
) -> Result<proto::SendEmailResponse, AppError> {
    let contact = crate::domain::ids::parse_id(&e.contact_id)
        .ok_or_else(|| AppError::invalid_field("contact_id", "must be a UUID"))?;
    let message_id = gate.state().deliveries.send_one(&contact, &e.subject, &e.text, origin).await?;
    Ok(proto::SendEmailResponse { contact_id: contact, status: "sent".into(), reason: String::new(), message_id })
}

#[tonic::async_trait]
impl NotificationService for Notifications {
    async fn send_email(
        &self,
        request: Request<proto::SendEmailRequest>,
    ) -> Result<Response<proto::SendEmailResponse>, Status> {
        let principal = self.0.caller(&request, Access::Write).await?;
        let email = request.get_ref().clone();
        let gate = self.0.clone();
        let sent =
            self.0.run(&request, &principal, |origin| async move { send_one(&gate, &email, &origin).await }).await?;
        Ok(Response::new(sent))
    }

    async fn send_batch_emails(
        &self,
        request: Request<proto::SendBatchEmailsRequest>,
    ) -> Result<Response<proto::SendBatchEmailsResponse>, Status> {
        let principal = self.0.caller(&request, Access::Write).await?;
        let emails = request.get_ref().emails.clone();
        if emails.is_empty() || emails.len() > MAX_BATCH {
            return Err(status_of(AppError::invalid_field("emails", "must hold 1 to 100 emails")));
        }
        let gate = self.0.clone();
        let results = self
            .0
            .run(&request, &principal, |origin| async move {
                let mut results = Vec::with_capacity(emails.len());
                for e in &emails {
                    match send_one(&gate, e, &origin).await {
                        Ok(sent) => results.push(sent),
                        // A refusal of one is its result; a server that cannot send stops the batch.
                        Err(err) if err.status().is_client_error() => results.push(proto::SendEmailResponse {
                            contact_id: e.contact_id.clone(),
                            status: "refused".into(),
                            reason: err.to_problem().detail,
                            message_id: String::new(),
                        }),
                        Err(err) => return Err(err),
                    }
                }
                Ok(results)
            })
            .await?;
        Ok(Response::new(proto::SendBatchEmailsResponse { results }))
    }

    async fn send_push_notification(
        &self,
        request: Request<proto::SendPushNotificationRequest>,
    ) -> Result<Response<proto::SendPushNotificationResponse>, Status> {
        let principal = self.0.caller(&request, Access::Write).await?;
        let r = request.get_ref().clone();
        let user = crate::domain::ids::parse_id(&r.user_id)
            .ok_or_else(|| status_of(AppError::invalid_field("user_id", "must be a UUID")))?;
        let state = self.0.state().clone();
        let id = self
            .0
            .run(&request, &principal, |_| async move { state.notifications.send_push(&user, &r.title, &r.link).await })
            .await?;
        Ok(Response::new(proto::SendPushNotificationResponse { id }))
    }

    async fn send_webhook(
        &self,
        request: Request<proto::SendWebhookRequest>,
    ) -> Result<Response<proto::SendWebhookResponse>, Status> {
        // Webhooks are an admin's business over REST too (/api/webhooks).
        let principal = self.0.caller(&request, Access::Admin).await?;
        let r = request.get_ref().clone();
        let payload: serde_json::Value = serde_json::from_str(&r.payload_json)
            .map_err(|_| status_of(AppError::invalid_field("payload_json", "must be JSON")))?;
        let state = self.0.state().clone();
        let queued = self
            .0
            .run(&request, &principal, |_| async move { state.webhooks.send_event(&r.event, payload).await })
            .await?;
        Ok(Response::new(proto::SendWebhookResponse { queued: super::count(queued as u64) }))
    }
}
