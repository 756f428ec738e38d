//! The gRPC services beside REST: health and reflection, the auth matrix, every campaign and
//! analytics call over the same services as REST (a streamed progress watch during a real
//! execution), and errors mapped as problem+json maps them to HTTP.

use serde_json::{json, Value};
use tonic::metadata::MetadataValue;
use tonic::transport::Channel;
use tonic::{Code, Request};
use tonic_types::StatusExt;

use crm::grpc::proto::analytics_service_client::AnalyticsServiceClient;
use crm::grpc::proto::campaign_service_client::CampaignServiceClient;
use crm::grpc::proto::{self, DayRange};

use crate::helpers::{spawn_app_with, TestApp};

async fn app() -> (TestApp, Channel) {
    let port = crate::ports::free_port();
    let app = spawn_app_with(move |s| s.grpc.port = port).await;
    assert_eq!(app.grpc_port, Some(port));
    let channel =
        Channel::from_shared(format!("http://127.0.0.1:{port}")).unwrap().connect().await.expect("gRPC channel");
    (app, channel)
}

/// `message` with `authorization: Bearer <credential>` (and a trace id) metadata.
fn signed<T>(credential: &str, message: T) -> Request<T> {
    let mut request = Request::new(message);
    let value: MetadataValue<_> = format!("Bearer {credential}").parse().unwrap();
    request.metadata_mut().insert("authorization", value);
    request
}

#[tokio::test]
async fn health_and_reflection_answer() {
    let (_app, channel) = app().await;
    let mut health = tonic_health::pb::health_client::HealthClient::new(channel.clone());
    for service in ["", "crm.v1.CampaignService", "crm.v1.AnalyticsService", "crm.v1.NotificationService"] {
        let answer = health
            .check(tonic_health::pb::HealthCheckRequest { service: service.into() })
            .await
            .unwrap_or_else(|e| panic!("health of {service:?}: {e}"));
        assert_eq!(answer.get_ref().status, tonic_health::pb::health_check_response::ServingStatus::Serving as i32);
    }
    use tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient;
    use tonic_reflection::pb::v1::server_reflection_request::MessageRequest;
    use tonic_reflection::pb::v1::server_reflection_response::MessageResponse;
    use tonic_reflection::pb::v1::ServerReflectionRequest;
    let mut reflection = ServerReflectionClient::new(channel);
    let ask = ServerReflectionRequest {
        host: String::new(),
        message_request: Some(MessageRequest::ListServices(String::new())),
    };
    let mut answers = reflection.server_reflection_info(tokio_stream::iter(vec![ask])).await.unwrap().into_inner();
    let first = answers.message().await.unwrap().expect("an answer");
    let Some(MessageResponse::ListServicesResponse(list)) = first.message_response else { panic!("{first:?}") };
    let names: Vec<String> = list.service.into_iter().map(|s| s.name).collect();
    for name in
        ["crm.v1.CampaignService", "crm.v1.AnalyticsService", "crm.v1.NotificationService", "grpc.health.v1.Health"]
    {
        assert!(names.contains(&name.to_string()), "{name} in {names:?}");
    }
}

#[tokio::test]
async fn calls_need_credentials_and_the_role_of_the_rest_api() {
    let (app, channel) = app().await;
    let mut campaigns = CampaignServiceClient::new(channel);
    let id = crate::deliveries::ready_campaign(&app, "grpcauth").await;
    let ask = || proto::GetCampaignStatusRequest { campaign_id: id.clone() };

    let none = campaigns.get_campaign_status(Request::new(ask())).await.unwrap_err();
    assert_eq!(none.code(), Code::Unauthenticated, "{none:?}");
    let wrong = campaigns.get_campaign_status(signed("not-a-token", ask())).await.unwrap_err();
    assert_eq!(wrong.code(), Code::Unauthenticated);

    let viewer = app.user_token("vera@example.com", "viewer").await;
    let read = campaigns.get_campaign_status(signed(&viewer, ask())).await.expect("a viewer reads");
    assert_eq!(read.get_ref().campaign.as_ref().unwrap().id, id);
    let write = campaigns
        .execute_campaign(signed(&viewer, proto::ExecuteCampaignRequest { campaign_id: id.clone() }))
        .await
        .unwrap_err();
    assert_eq!(write.code(), Code::PermissionDenied, "{write:?}");
    assert_eq!(write.metadata().get("x-crm-code").unwrap(), "forbidden");
    // Nothing was started by the refused call.
    assert_eq!(app.get_ok(&format!("/api/campaigns/{id}")).await["status"], "draft");
}

#[tokio::test]
async fn a_campaign_is_written_scheduled_executed_and_watched_to_the_end() {
    let (app, channel) = app().await;
    let key = app.state.auth.create_key("grpc".into(), crm::domain::auth::Role::Member, "system").await.unwrap().1;
    let mut campaigns = CampaignServiceClient::new(channel.clone());
    let mut analytics = AnalyticsServiceClient::new(channel);
    crate::deliveries::contacts(&app, "grpcrun", 12, false).await;

    // Errors, mapped: a malformed id names the field, an unknown one is NOT_FOUND, executing
    // without an approved asset is FAILED_PRECONDITION with the REST code.
    let bad = campaigns
        .get_campaign_status(signed(&key, proto::GetCampaignStatusRequest { campaign_id: "x".into() }))
        .await
        .unwrap_err();
    assert_eq!(bad.code(), Code::InvalidArgument);
    let violations = bad.get_details_bad_request().expect("google.rpc.BadRequest details").field_violations;
    assert_eq!(violations[0].field, "campaign_id");
    let unknown = uuid::Uuid::now_v7().to_string();
    let missing = campaigns
        .get_campaign_status(signed(&key, proto::GetCampaignStatusRequest { campaign_id: unknown }))
        .await
        .unwrap_err();
    assert_eq!(missing.code(), Code::NotFound);

    let segment = app
        .post_json(
            "/api/segments",
            &json!({"name": "gRPC", "filter": {"field": "tags", "op": "contains", "value": "grpcrun"}}),
        )
        .await
        .json::<Value>()
        .await
        .unwrap();
    let c = app
        .post_json(
            "/api/campaigns",
            &json!({"name": "Over gRPC", "brief": "Invite them to the workshop.", "segment_id": segment["id"]}),
        )
        .await
        .json::<Value>()
        .await
        .unwrap();
    let id = c["id"].as_str().unwrap().to_string();
    let early = campaigns
        .execute_campaign(signed(&key, proto::ExecuteCampaignRequest { campaign_id: id.clone() }))
        .await
        .unwrap_err();
    assert_eq!(early.code(), Code::FailedPrecondition, "{early:?}");
    assert_eq!(early.metadata().get("x-crm-code").unwrap(), "assets_not_approved");

    // The asset tool writes the email (one per channel when no kind is named).
    let written = campaigns
        .generate_assets(signed(&key, proto::GenerateAssetsRequest { campaign_id: id.clone(), kinds: vec![] }))
        .await
        .expect("assets")
        .into_inner();
    assert_eq!(written.assets.len(), 1);
    assert_eq!(written.assets[0].kind, "email");
    let content: Value = serde_json::from_str(&written.assets[0].content_json).unwrap();
    assert!(content["subject"].is_string(), "{content}");
    let bad_kind = campaigns
        .generate_assets(signed(
            &key,
            proto::GenerateAssetsRequest { campaign_id: id.clone(), kinds: vec!["fax".into()] },
        ))
        .await
        .unwrap_err();
    assert_eq!(bad_kind.get_details_bad_request().unwrap().field_violations[0].field, "kinds[0]");
    let asset = &written.assets[0].id;
    let res = app.client.post(app.url(&format!("/api/campaigns/{id}/assets/{asset}/approve"))).send().await.unwrap();
    assert_eq!(res.status(), 200);

    // A draft's planned start cleared (nothing to clear: still a draft).
    let cleared = campaigns
        .schedule_campaign(signed(
            &key,
            proto::ScheduleCampaignRequest { campaign_id: id.clone(), scheduled_at: String::new() },
        ))
        .await
        .expect("cleared")
        .into_inner();
    assert_eq!(cleared.campaign.unwrap().status, "draft");
    // Another campaign scheduled for later; the trace id of the call is on its change; a
    // scheduled campaign is not moved.
    let other = crate::deliveries::ready_campaign(&app, "grpclater").await;
    let later = (chrono::Utc::now() + chrono::Duration::days(3)).to_rfc3339();
    let mut schedule =
        signed(&key, proto::ScheduleCampaignRequest { campaign_id: other.clone(), scheduled_at: later.clone() });
    let trace = "0af7651916cd43dd8448eb211c80319c";
    schedule.metadata_mut().insert("traceparent", format!("00-{trace}-b7ad6b7169203331-01").parse().unwrap());
    let scheduled = campaigns.schedule_campaign(schedule).await.expect("scheduled").into_inner().campaign.unwrap();
    assert_eq!(scheduled.status, "scheduled");
    assert!(scheduled.scheduled_at.is_some());
    let history = app.get_ok(&format!("/api/campaigns/{other}/history")).await;
    let change = history["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["changes"]["status"]["new"] == "scheduled")
        .expect("the schedule's change");
    assert_eq!((change["trace_id"].as_str(), change["source"].as_str()), (Some(trace), Some("grpc")), "{change}");
    let moved = campaigns
        .schedule_campaign(signed(&key, proto::ScheduleCampaignRequest { campaign_id: other, scheduled_at: later }))
        .await
        .unwrap_err();
    assert_eq!(moved.code(), Code::FailedPrecondition, "{moved:?}");

    // Executed, and watched to the end as it is delivered.
    let mut watch = campaigns
        .watch_campaign_progress(signed(
            &key,
            proto::WatchCampaignProgressRequest { campaign_id: id.clone(), interval_ms: 100 },
        ))
        .await
        .expect("watch")
        .into_inner();
    let started = campaigns
        .execute_campaign(signed(&key, proto::ExecuteCampaignRequest { campaign_id: id.clone() }))
        .await
        .expect("executed");
    assert_eq!(started.get_ref().campaign.as_ref().unwrap().status, "running");
    let mut seen = Vec::new();
    let last = tokio::time::timeout(std::time::Duration::from_secs(60), async {
        loop {
            let update = watch.message().await.expect("stream").expect("the stream ends with finished = true");
            seen.push(update.progress.clone().unwrap());
            if update.finished {
                return update.progress.unwrap();
            }
        }
    })
    .await
    .expect("the campaign finished within a minute");
    assert_eq!((last.status.as_str(), last.total, last.sent), ("completed", 12, 12), "{seen:?}");
    assert!(seen.len() >= 2, "updates as it went: {seen:?}");
    assert!(watch.message().await.unwrap().is_none(), "the stream ends after the last update");
    let status = campaigns
        .get_campaign_status(signed(&key, proto::GetCampaignStatusRequest { campaign_id: id.clone() }))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(status.progress.unwrap().sent, 12);

    // Analytics: the same figures as REST.
    let figures = analytics
        .get_campaign_analytics(signed(&key, proto::GetCampaignAnalyticsRequest { campaign_id: id.clone() }))
        .await
        .unwrap()
        .into_inner();
    let rest = app.get_ok(&format!("/api/analytics/campaign/{id}")).await;
    assert_eq!(
        (figures.sent, figures.delivered),
        (rest["sent"].as_i64().unwrap(), rest["delivered"].as_i64().unwrap())
    );
    assert_eq!(figures.sent, 12);
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    let range = Some(DayRange { from: today.clone(), to: today.clone() });
    let people = analytics
        .get_contact_analytics(signed(&key, proto::GetContactAnalyticsRequest { range: range.clone() }))
        .await
        .unwrap()
        .into_inner();
    let rest = app.get_ok(&format!("/api/analytics/contacts?from={today}&to={today}")).await;
    assert_eq!(people.total, rest["total"].as_i64().unwrap());
    assert!(people.total >= 12);
    let funnel = analytics
        .get_funnel_analytics(signed(&key, proto::GetFunnelAnalyticsRequest { range }))
        .await
        .unwrap()
        .into_inner();
    let rest = app.get_ok(&format!("/api/analytics/funnel?from={today}&to={today}")).await;
    assert_eq!(funnel.stages.len(), rest["stages"].as_array().unwrap().len());
    let backwards = analytics
        .get_funnel_analytics(signed(
            &key,
            proto::GetFunnelAnalyticsRequest {
                range: Some(DayRange { from: "2026-02-01".into(), to: "2026-01-01".into() }),
            },
        ))
        .await
        .unwrap_err();
    assert_eq!(backwards.get_details_bad_request().unwrap().field_violations[0].field, "to");

    // An activity tracked onto a contact's timeline.
    let contact = app.rows("SELECT key FROM contact WHERE email = 'grpcrun0@example.com'").await[0]["key"]
        .as_str()
        .unwrap()
        .to_string();
    let tracked = analytics
        .track_event(signed(
            &key,
            proto::TrackEventRequest {
                contact_id: contact.clone(),
                kind: "call".into(),
                body: "Called about the workshop".into(),
                at: String::new(),
            },
        ))
        .await
        .expect("tracked")
        .into_inner();
    assert_eq!(tracked.kind, "call");
    let timeline = app.get_ok(&format!("/api/contacts/{contact}/timeline?kind=call")).await;
    assert_eq!(timeline["data"][0]["body"], "Called about the workshop");
    let wrong = analytics
        .track_event(signed(
            &key,
            proto::TrackEventRequest {
                contact_id: contact,
                kind: "telegram".into(),
                body: "x".into(),
                at: String::new(),
            },
        ))
        .await
        .unwrap_err();
    assert_eq!(wrong.code(), Code::InvalidArgument);
    assert_eq!(wrong.get_details_bad_request().unwrap().field_violations[0].field, "kind");
}

#[tokio::test]
async fn emails_pushes_and_webhooks_go_through_the_same_transports_and_rules() {
    use crm::grpc::proto::notification_service_client::NotificationServiceClient;
    use std::sync::{Arc, Mutex};
    let sink = crm::smtp_sink::SmtpSink::start(true).await.unwrap();
    let (push_url, pushes) = crate::helpers::receiver(Arc::new(Mutex::new(200))).await;
    let (hook_url, hooks) = crate::helpers::receiver(Arc::new(Mutex::new(200))).await;
    let port = crate::ports::free_port();
    let app = crate::deliveries::app_with_sink(&sink, move |s| {
        s.grpc.port = port;
        s.notifications.push_url = push_url;
        s.notifications.provider_secret = crm::config::Secret::new("provider-secret");
        s.webhooks.allow_private_targets = true;
    })
    .await;
    let channel = Channel::from_shared(format!("http://127.0.0.1:{port}")).unwrap().connect().await.unwrap();
    let mut client = NotificationServiceClient::new(channel);
    let member = app.state.auth.create_key("member".into(), crm::domain::auth::Role::Member, "system").await.unwrap().1;
    let admin = app.state.auth.create_key("admin".into(), crm::domain::auth::Role::Admin, "system").await.unwrap().1;
    let people = crate::deliveries::contacts(&app, "grpcmail", 2, false).await;
    let blocked = crate::deliveries::contacts(&app, "grpcblocked", 1, true).await;

    // One email: through the SMTP sink, on the timeline.
    let email = |contact: &str, subject: &str| proto::SendEmailRequest {
        contact_id: contact.to_string(),
        subject: subject.to_string(),
        text: "Hello <there>,\nsee you Thursday.".into(),
    };
    let sent = client.send_email(signed(&member, email(&people[0].0, "Thursday"))).await.expect("sent").into_inner();
    assert_eq!(sent.status, "sent");
    let mail = sink.received();
    assert_eq!(mail.len(), 1);
    assert_eq!(mail[0].to, [people[0].1.clone()]);
    assert!(mail[0].data.contains("Subject: Thursday"));
    assert!(mail[0].data.contains(&sent.message_id), "{}", mail[0].data);
    assert!(mail[0].data.contains("&lt;there&gt;"), "the HTML part is escaped");
    let timeline = app.get_ok(&format!("/api/contacts/{}/timeline?kind=email", people[0].0)).await;
    assert_eq!(timeline["data"][0]["body"], "Email sent: Thursday");
    let refused = client.send_email(signed(&member, email(&blocked[0].0, "No"))).await.unwrap_err();
    assert_eq!(refused.code(), Code::FailedPrecondition);
    assert_eq!(refused.metadata().get("x-crm-code").unwrap(), "not_emailable");
    let empty = client.send_email(signed(&member, email(&people[1].0, " "))).await.unwrap_err();
    assert_eq!(empty.get_details_bad_request().unwrap().field_violations[0].field, "subject");

    // A batch: each its own result.
    let batch = proto::SendBatchEmailsRequest {
        emails: vec![email(&people[1].0, "Batch"), email(&blocked[0].0, "Batch"), email("nope", "Batch")],
    };
    let results = client.send_batch_emails(signed(&member, batch)).await.expect("batch").into_inner().results;
    let statuses: Vec<&str> = results.iter().map(|r| r.status.as_str()).collect();
    assert_eq!(statuses, ["sent", "refused", "refused"]);
    assert!(results[1].reason.contains("not to be emailed"), "{:?}", results[1]);
    assert_eq!(sink.received().len(), 2);

    // A push to a user: in-app, and to the provider with the user's devices.
    let token = app.user_token("nina@example.com", "member").await;
    let nina = crate::helpers::client_with(&token);
    let me: Value = nina.get(app.url("/api/auth/me")).send().await.unwrap().json().await.unwrap();
    let device = json!({"token": "ExponentPushToken[nina]", "platform": "android"});
    assert_eq!(nina.post(app.url("/api/push-devices")).json(&device).send().await.unwrap().status(), 200);
    let push = proto::SendPushNotificationRequest {
        user_id: me["id"].as_str().unwrap().into(),
        title: "Your client is in the lobby".into(),
        link: "/contacts".into(),
    };
    client.send_push_notification(signed(&member, push)).await.expect("pushed");
    for _ in 0..100 {
        if !pushes.lock().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let body: Value = serde_json::from_str(&pushes.lock().unwrap()[0].1).unwrap();
    assert_eq!((body["channel"].as_str(), body["kind"].as_str()), (Some("push"), Some("message")));
    assert_eq!(body["devices"][0]["token"], "ExponentPushToken[nina]");
    let list: Value = nina.get(app.url("/api/notifications")).send().await.unwrap().json().await.unwrap();
    assert_eq!(list["data"][0]["title"], "Your client is in the lobby");
    let nobody = proto::SendPushNotificationRequest {
        user_id: uuid::Uuid::now_v7().to_string(),
        title: "x".into(),
        link: String::new(),
    };
    assert_eq!(client.send_push_notification(signed(&member, nobody)).await.unwrap_err().code(), Code::NotFound);

    // A custom event to the subscriptions that take it; an admin's call.
    let res = app.post_json("/api/webhooks", &json!({"url": hook_url, "events": ["custom.*"]})).await;
    assert_eq!(res.status(), 201);
    let hook =
        proto::SendWebhookRequest { event: "custom.order_shipped".into(), payload_json: r#"{"order":42}"#.into() };
    let denied = client.send_webhook(signed(&member, hook.clone())).await.unwrap_err();
    assert_eq!(denied.code(), Code::PermissionDenied);
    let queued = client.send_webhook(signed(&admin, hook)).await.expect("queued").into_inner();
    assert_eq!(queued.queued, 1);
    for _ in 0..100 {
        if !hooks.lock().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let (headers, body) = hooks.lock().unwrap()[0].clone();
    assert_eq!(crate::helpers::header(&headers, "x-crm-event"), "custom.order_shipped");
    let body: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(body["payload"], json!({"order": 42}));
    let bad = proto::SendWebhookRequest { event: "contact.created".into(), payload_json: "{}".into() };
    let bad = client.send_webhook(signed(&admin, bad)).await.unwrap_err();
    assert_eq!(bad.get_details_bad_request().unwrap().field_violations[0].field, "event");
}

/// Contacts made private: totals over them are for admins, over gRPC as over HTTP.
#[tokio::test]
async fn contact_totals_are_refused_to_members_when_contacts_are_private() {
    let (app, channel) = app().await;
    let mut analytics = AnalyticsServiceClient::new(channel.clone());
    let mut campaigns = CampaignServiceClient::new(channel);
    let member = app.user_token("m@example.com", "member").await;
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    let ask = || proto::GetContactAnalyticsRequest { range: Some(DayRange { from: today.clone(), to: today.clone() }) };
    assert!(analytics.get_contact_analytics(signed(&member, ask())).await.is_ok());
    crate::security::secure(&app, "contact", &json!({"sharing": "private"})).await;
    let refused = analytics.get_contact_analytics(signed(&member, ask())).await.unwrap_err();
    assert_eq!(refused.code(), Code::PermissionDenied, "{refused:?}");
    let funnel = proto::GetFunnelAnalyticsRequest { range: ask().range };
    assert_eq!(
        analytics.get_funnel_analytics(signed(&member, funnel)).await.unwrap_err().code(),
        Code::PermissionDenied
    );
    // A campaign's progress and analytics count its contacts too (checked before the campaign is looked up).
    let id = "01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c".to_string();
    let status =
        campaigns.get_campaign_status(signed(&member, proto::GetCampaignStatusRequest { campaign_id: id.clone() }));
    assert_eq!(status.await.unwrap_err().code(), Code::PermissionDenied);
    let per_campaign = proto::GetCampaignAnalyticsRequest { campaign_id: id.clone() };
    assert_eq!(
        analytics.get_campaign_analytics(signed(&member, per_campaign)).await.unwrap_err().code(),
        Code::PermissionDenied
    );
    let (_, key) = app.state.auth.create_key("admin".into(), crm::domain::auth::Role::Admin, "system").await.unwrap();
    assert!(analytics.get_contact_analytics(signed(&key, ask())).await.is_ok());
    let status = campaigns.get_campaign_status(signed(&key, proto::GetCampaignStatusRequest { campaign_id: id }));
    assert_eq!(status.await.unwrap_err().code(), Code::NotFound, "admins get on to the look-up");
}
