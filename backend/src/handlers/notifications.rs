//! `/api/notifications`: the signed-in user's notifications, the unread count, marking read,
//! and the channels they want per kind.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::domain::auth::Principal;
use crate::domain::notifications::{Device, Notification, Preferences};
use crate::error::{AppError, AppResult, Problem};
use crate::extract::{ApiQuery, ValidJson};
use crate::services::notifications::NotificationService;
use crate::state::AppState;

/// Routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_notifications))
        .routes(routes!(unread_count))
        .routes(routes!(mark_read))
        .routes(routes!(mark_all_read))
        .routes(routes!(get_preferences, set_preferences))
        .routes(routes!(list_devices, register_device))
        .routes(routes!(remove_device))
}

/// Whose notifications a request reads: the signed-in user's (an API key has its own list,
/// which nothing fills: notifications are raised for users).
fn user(principal: &Principal) -> AppResult<&str> {
    Ok(&principal.id)
}

/// A notification.
#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationResponse {
    /// Id.
    pub id: String,
    /// `task_assigned`, `task_due`, `case_assigned`, `campaign_finished`, `campaign_failing`,
    /// `import_finished`.
    pub kind: String,
    /// One line.
    pub title: String,
    /// The dashboard page it is about.
    pub link: String,
    /// When it was read (absent: unread).
    pub read_at: Option<String>,
    /// When it was raised.
    pub created_at: String,
}

impl From<Notification> for NotificationResponse {
    fn from(n: Notification) -> Self {
        NotificationResponse {
            id: n.id,
            kind: n.kind,
            title: n.title,
            link: n.link,
            read_at: n.read_at,
            created_at: n.created_at,
        }
    }
}

/// A page of notifications, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationList {
    /// The notifications.
    pub data: Vec<NotificationResponse>,
    /// Pass as `cursor` for the next page; absent on the last.
    pub next_cursor: Option<String>,
}

/// Which notifications.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NotificationParams {
    /// `true`: unread ones only.
    #[param(value_type = Option<bool>, nullable = false)]
    pub unread: Option<String>,
    /// Page size, 1 to 500 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500, nullable = false)]
    pub limit: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(nullable = false, pattern = "^[0-9a-f~]*$")]
    pub cursor: Option<String>,
}

/// The unread count.
#[derive(Debug, Serialize, ToSchema)]
pub struct UnreadCount {
    /// Unread notifications.
    pub unread: u64,
}

/// Channels per kind: `{"task_assigned": ["in_app", "email"], "campaign_finished": []}` (a
/// kind not named goes in-app; an empty list silences it). Channels: `in_app`, `email` (to the
/// user's sign-in address), `sms` and `push` (through the provider webhook the server is
/// configured with: `notifications.sms_url`, `notifications.push_url`).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PreferencesBody {
    /// Channels per kind.
    #[schema(value_type = std::collections::BTreeMap<String, Vec<String>>)]
    pub kinds: Preferences,
    /// The channels this server can deliver (read-only; ignored in a PUT).
    #[serde(default)]
    pub available: Vec<String>,
}

impl validator::Validate for PreferencesBody {
    fn validate(&self) -> Result<(), validator::ValidationErrors> {
        Ok(())
    }
}

/// The signed-in user's notifications, newest first.
#[utoipa::path(get, path = "/api/notifications", tag = "notifications", params(NotificationParams),
    responses(
        (status = 200, description = "A page of notifications", body = NotificationList),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_notifications(
    State(notifications): State<Arc<NotificationService>>,
    Extension(principal): Extension<Principal>,
    ApiQuery(params): ApiQuery<NotificationParams>,
) -> AppResult<Json<NotificationList>> {
    let mut errors = crate::models::pagination::ParamErrors::default();
    let unread = errors
        .choice(
            "unread",
            params.unread.as_deref(),
            |r| match r {
                "true" => Some(true),
                "false" => Some(false),
                _ => None,
            },
            "must be true or false",
        )
        .unwrap_or(false);
    let limit = crate::domain::pagination::parse_limit(params.limit.as_deref()).unwrap_or_else(|m| {
        errors.add("limit", m);
        1
    });
    let cursor = params.cursor.filter(|c| !c.is_empty());
    if cursor.as_deref().is_some_and(|c| c.len() > 200 || !c.chars().all(|ch| ch.is_ascii_hexdigit() || ch == '~')) {
        errors.add("cursor", "is not a cursor from this list");
    }
    errors.finish(())?;
    let (rows, next_cursor) = notifications.list(user(&principal)?, unread, cursor.as_deref(), limit).await?;
    Ok(Json(NotificationList { data: rows.into_iter().map(Into::into).collect(), next_cursor }))
}

/// How many of the signed-in user's notifications are unread.
#[utoipa::path(get, path = "/api/notifications/unread-count", tag = "notifications",
    responses(
        (status = 200, description = "The count", body = UnreadCount),
    ))]
pub async fn unread_count(
    State(notifications): State<Arc<NotificationService>>,
    Extension(principal): Extension<Principal>,
) -> AppResult<Json<UnreadCount>> {
    Ok(Json(UnreadCount { unread: notifications.unread(user(&principal)?).await? }))
}

/// Mark one notification read.
#[utoipa::path(post, path = "/api/notifications/{id}/read", tag = "notifications",
    params(("id" = String, Path, description = "Notification id")),
    responses(
        (status = 204, description = "Read"),
        (status = 404, description = "No such notification of this user", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn mark_read(
    State(notifications): State<Arc<NotificationService>>,
    Extension(principal): Extension<Principal>,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    let id = crate::domain::ids::parse_id(&id).ok_or_else(|| AppError::NotFound("notification".into()))?;
    notifications.mark_read(user(&principal)?, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Mark every notification read.
#[utoipa::path(post, path = "/api/notifications/read-all", tag = "notifications",
    responses(
        (status = 204, description = "All read"),
    ))]
pub async fn mark_all_read(
    State(notifications): State<Arc<NotificationService>>,
    Extension(principal): Extension<Principal>,
) -> AppResult<StatusCode> {
    notifications.mark_all_read(user(&principal)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The signed-in user's channels per kind.
#[utoipa::path(get, path = "/api/notifications/preferences", tag = "notifications",
    responses(
        (status = 200, description = "Channels per kind", body = PreferencesBody),
    ))]
pub async fn get_preferences(
    State(notifications): State<Arc<NotificationService>>,
    Extension(principal): Extension<Principal>,
) -> AppResult<Json<PreferencesBody>> {
    let available = notifications.available().into_iter().map(String::from).collect();
    Ok(Json(PreferencesBody { kinds: notifications.preferences(user(&principal)?).await?, available }))
}

/// Choose the channels per kind (replaces the choice).
#[utoipa::path(put, path = "/api/notifications/preferences", tag = "notifications", request_body = PreferencesBody,
    responses(
        (status = 200, description = "Saved", body = PreferencesBody),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Unknown kinds or channels", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn set_preferences(
    State(notifications): State<Arc<NotificationService>>,
    Extension(principal): Extension<Principal>,
    ValidJson(body): ValidJson<PreferencesBody>,
) -> AppResult<Json<PreferencesBody>> {
    let kinds = notifications.set_preferences(user(&principal)?, body.kinds).await?;
    let available = notifications.available().into_iter().map(String::from).collect();
    Ok(Json(PreferencesBody { kinds, available }))
}

/// A device to take push notifications: the token the platform's push service gave the app
/// (checked in `Device::parse`).
#[derive(Debug, Deserialize, validator::Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterDeviceRequest {
    /// The push token (an Expo push token such as `ExponentPushToken[...]`, or the platform's).
    #[schema(required = true, nullable = false, max_length = 500)]
    pub token: Option<String>,
    /// `ios`, `android` or `web`.
    #[schema(required = true, nullable = false, pattern = "^(ios|android|web)$")]
    pub platform: Option<String>,
}

/// A registered push device.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeviceResponse {
    /// Id (a hash of the token): `DELETE /api/push-devices/{id}` forgets it.
    pub id: String,
    /// The push token.
    pub token: String,
    /// `ios`, `android` or `web`.
    pub platform: String,
    /// When it was last registered.
    pub updated_at: String,
}

impl From<Device> for DeviceResponse {
    fn from(d: Device) -> Self {
        DeviceResponse { id: d.id, token: d.token, platform: d.platform, updated_at: d.updated_at }
    }
}

/// The signed-in user's push devices.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeviceList {
    /// Most recently registered first.
    pub data: Vec<DeviceResponse>,
}

/// The signed-in user's push devices.
#[utoipa::path(get, path = "/api/push-devices", tag = "notifications",
    responses(
        (status = 200, description = "The devices", body = DeviceList),
    ))]
pub async fn list_devices(
    State(notifications): State<Arc<NotificationService>>,
    Extension(principal): Extension<Principal>,
) -> AppResult<Json<DeviceList>> {
    let devices = notifications.devices(user(&principal)?).await?;
    Ok(Json(DeviceList { data: devices.into_iter().map(DeviceResponse::from).collect() }))
}

/// Register a phone for push notifications (the field app does this after sign-in; again is
/// a refresh). Pushes for the user reach the push provider with the user's device tokens.
#[utoipa::path(post, path = "/api/push-devices", tag = "notifications", request_body = RegisterDeviceRequest,
    responses(
        (status = 200, description = "Registered", body = DeviceResponse),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid token or platform", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn register_device(
    State(notifications): State<Arc<NotificationService>>,
    Extension(principal): Extension<Principal>,
    ValidJson(body): ValidJson<RegisterDeviceRequest>,
) -> AppResult<Json<DeviceResponse>> {
    let now = crate::domain::ids::format_ts(crate::domain::ids::now());
    let device = Device::parse(user(&principal)?, body.token, body.platform, &now)?;
    Ok(Json(notifications.register_device(device).await?.into()))
}

/// Forget a push device (the field app does this on sign-out).
#[utoipa::path(delete, path = "/api/push-devices/{id}", tag = "notifications",
    params(("id" = String, Path, description = "Device id")),
    responses(
        (status = 204, description = "Forgotten"),
        (status = 404, description = "No such device of this user", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn remove_device(
    State(notifications): State<Arc<NotificationService>>,
    Extension(principal): Extension<Principal>,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    if id.len() != 32 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(AppError::not_found("device", &id));
    }
    notifications.remove_device(user(&principal)?, &id.to_ascii_lowercase()).await?;
    Ok(StatusCode::NO_CONTENT)
}
