// Generated from the crm OpenAPI document by scripts/generate-api.mjs. Do not edit:
// run `npm run api:generate` after an API change.

export interface paths {
    "/api/{collection}/{id}/share": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Share a record with a user (`read` or `write`); sharing again changes the access. The
         *     record's owner, those it is shared with for writing, and admins share it.
         */
        post: operations["share_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/{collection}/{id}/shares": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who a record is shared with. */
        get: operations["list_shares"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/{collection}/{id}/shares/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Stop sharing a record with a user. */
        delete: operations["unshare_record"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/backup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a consistent backup of the whole database (admin).
         * @description A SurrealQL export taken in one read transaction while the server keeps serving, streamed as
         *     it is read. Load it with `crm restore FILE` into an empty database.
         */
        get: operations["get_backup"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Timeline entries (notes, calls, meetings, changes, ...) in the range, by kind and per day. */
        get: operations["activity_analytics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/campaign/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the campaign's messages did: sends, deliveries, opens, clicks, unsubscribes, bounces,
         *     conversions, with rates. A conversion is a deal won whose contacts were sent this campaign's
         *     email last, within 30 days before the win, or a form submitted on one of its landing pages.
         */
        get: operations["campaign_analytics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Contacts created in the range (that still exist) by status, source, tag and company, and new
         *     contacts per day.
         */
        get: operations["contact_analytics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/funnel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The funnel: for each status, the contacts that entered it in the range (from the change
         *     history) and the share of them that moved on to a later stage.
         */
        get: operations["funnel_analytics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/pipeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Deals created in the range by stage; deals won and lost in it, the win rate and the average
         *     days to close.
         */
        get: operations["pipeline_analytics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API keys (admin); secrets are never shown again. */
        get: operations["list_api_keys"];
        put?: never;
        /** Create an API key (admin); `key` in the answer is the secret, shown this once. */
        post: operations["create_api_key"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key at once (admin). */
        delete: operations["delete_api_key"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password. */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: the token stops working at once. */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is calling: the signed-in user or the API key. */
        get: operations["me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List campaigns, newest first (`status` filters). */
        get: operations["list_campaigns"];
        put?: never;
        /** Create a campaign (a draft). */
        post: operations["create_campaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a campaign, now or as it was at `as_of`. */
        get: operations["get_campaign"];
        put?: never;
        post?: never;
        /** Delete a campaign that is not under way (409 `campaign_active` when scheduled, running or paused). */
        delete: operations["delete_campaign"];
        options?: never;
        head?: never;
        /**
         * Update a campaign or move its status. Content changes only while it is a draft (409
         *     `campaign_not_editable`); a move the status machine forbids is 409 (`invalid_status_transition`,
         *     `campaign_finished`); scheduling needs an approved asset for each channel (409
         *     `assets_not_approved`).
         */
        patch: operations["update_campaign"];
        trace?: never;
    };
    "/api/campaigns/{id}/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The campaign's assets, oldest first. */
        get: operations["list_assets"];
        put?: never;
        /**
         * Write one draft asset per kind from the campaign's brief (a draft campaign only). With
         *     `stream=true` the answer is `text/event-stream`: `partial` events (`{"kind", "text"}`) as
         *     each asset is written, an `asset` event per stored asset, then `result` (`{"data": [...]}`)
         *     or `error` (problem+json).
         */
        post: operations["generate_assets"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/assets/{asset_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One asset. */
        get: operations["get_asset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit an asset: the content fields given replace the current ones; the result is checked
         *     like a generated asset (email HTML sanitised, 422 naming an unknown merge field). A change
         *     is a new version and makes the asset a draft again. A draft campaign's assets only.
         */
        patch: operations["update_asset"];
        trace?: never;
    };
    "/api/campaigns/{id}/assets/{asset_id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve an asset as it is (an approved one is answered as it is). */
        post: operations["approve_asset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/assets/{asset_id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The change events of an asset, oldest first (each edit's `changes` is its diff). */
        get: operations["list_asset_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/audience": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the campaign would reach if executed now: its segment's members, less those left out. */
        get: operations["campaign_audience"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a campaign, mid-delivery too: what is still queued is never sent. */
        post: operations["cancel_campaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/execute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start sending a campaign (202): its audience is resolved now, less those who unsubscribed,
         *     withdrew consent, bounced or are `do_not_contact`, and queued in the background; a campaign
         *     with a later `scheduled_at` is scheduled and starts by itself. Executing a running or paused
         *     campaign again changes nothing. The webhook channel POSTs one signed `campaign.message` per
         *     member (`{id, event, campaign: {id, name}, contact: {id, email, fields}, at}`; only
         *     `do_not_contact` keeps a member out) to the subscriptions naming that event.
         */
        post: operations["execute_campaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The change events of a campaign, oldest first. */
        get: operations["list_campaign_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The campaign's messages, in id order (`status` filters): attempts, last error, opens, clicks. */
        get: operations["campaign_messages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause a running campaign: nothing more is claimed; messages being sent finish. */
        post: operations["pause_campaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the campaign's delivery stands (all zero before it starts). */
        get: operations["campaign_progress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a paused campaign. */
        post: operations["resume_campaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List cases (keyset-paginated, filterable; newest first by default). */
        get: operations["list_cases"];
        put?: never;
        /** Open a case. */
        post: operations["open_case"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a case, now or as it was at `as_of`. */
        get: operations["get_case"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update some fields of a case. */
        patch: operations["update_case"];
        trace?: never;
    };
    "/api/cases/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a case, with an optional resolution. A closed case cannot be closed again (409 `case_closed`). */
        post: operations["close_case"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The change events of a case, oldest first. */
        get: operations["list_case_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/interactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The interactions of a case, oldest first. */
        get: operations["list_interactions"];
        put?: never;
        /** Add a note, call, email or meeting to an open case (409 `case_closed` on a closed one). */
        post: operations["add_interaction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen a closed case (409 `case_open` when it is open). */
        post: operations["reopen_case"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The open queue: open cases, oldest first (optionally of one company). */
        get: operations["open_queue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every change event of every entity (or of one, with `entity`), in commit order: each event
         *     carries a `cursor`; pass the last one you processed as `after` to continue. Events written
         *     while you read get later cursors, so following the feed misses and repeats nothing, whichever
         *     replica wrote them. Events appear once committed and numbered (within ~0.1 s). Users' events
         *     are shown to admins only.
         */
        get: operations["list_changes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/changes/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The change feed live, as Server-Sent Events: one `change` event per change event (`id`: its
         *     cursor, `data`: the event as in `GET /api/changes`), and a comment every 15 s to keep the
         *     connection open. A client that reconnects with `Last-Event-ID` continues exactly after the
         *     last event it received.
         */
        get: operations["stream_changes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/companies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List companies (keyset-paginated, filterable). */
        get: operations["list_companies"];
        put?: never;
        /** Create a company. */
        post: operations["create_company"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/companies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a company, now or as it was at `as_of`. */
        get: operations["get_company"];
        put?: never;
        post?: never;
        /**
         * Delete a company. Refused (409 `company_has_contacts`) while contacts belong to it:
         *     move or unlink them first, so no contact is left pointing at nothing.
         */
        delete: operations["delete_company"];
        options?: never;
        head?: never;
        /** Update some fields of a company. */
        patch: operations["update_company"];
        trace?: never;
    };
    "/api/companies/{id}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The contacts of a company (same parameters as `GET /api/contacts`). */
        get: operations["list_company_contacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/companies/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The change events of a company, oldest first (also after it was deleted). */
        get: operations["list_company_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/companies/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export the companies a list selects, as CSV or NDJSON, streamed. */
        get: operations["export_companies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List contacts (keyset-paginated, filterable). */
        get: operations["list_contacts"];
        put?: never;
        /** Create a contact. */
        post: operations["create_contact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a contact, now or as it was at `as_of`. */
        get: operations["get_contact"];
        put?: never;
        post?: never;
        /** Delete a contact (its history stays readable). */
        delete: operations["delete_contact"];
        options?: never;
        head?: never;
        /** Update some fields of a contact. */
        patch: operations["update_contact"];
        trace?: never;
    };
    "/api/contacts/{id}/briefing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A briefing on the contact from their recent timeline, open deals and cases. It is reused
         *     until any of that (or the contact) changes; `refresh=true` writes a new one.
         */
        get: operations["contact_briefing"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The contact's consent ledger, newest recorded first, with its state now (the latest entry
         *     per channel and purpose).
         */
        get: operations["list_consents"];
        put?: never;
        /**
         * Record that the contact granted or withdrew consent (append-only; the entry is kept as
         *     evidence, with the wording shown, the source and the address).
         */
        post: operations["record_consent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Erase a contact's personal data (admin): from the record, every past change event and its
         *     timeline. Status, tags, company and dates stay for anonymous counts; the erasure is recorded.
         */
        post: operations["erase_contact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything held about a contact: record, timeline and history (data-subject access). */
        get: operations["export_contact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The change events of a contact, oldest first (also after it was deleted). */
        get: operations["list_contact_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge another contact into this one: this contact takes the fields chosen as `theirs`, both
         *     contacts' tags, the other's timeline and every deal, case and task naming it; the other is
         *     retired (its GET answers 410 with `merged_into`). Both histories record the merge (kinds
         *     `merged` and `merged_into`, `source: merge`, `trace_id`: the merge id).
         */
        post: operations["merge_contact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}/score": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The contact's engagement score now: points per activity (configurable weights), halved every
         *     `engagement.half_life_days`, with every part that adds up to it.
         */
        get: operations["contact_score"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A contact's timeline, newest first: logged entries and the contact's own changes. */
        get: operations["list_contact_timeline"];
        put?: never;
        /** Log a note, call, meeting or email on a contact's timeline. */
        post: operations["create_timeline_entry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}/unmerge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Undo a merge: both contacts as they were before it, and every deal, case, task and timeline
         *     entry it moved back where it was. Refused (409) once any of them changed after the merge.
         */
        post: operations["unmerge_contact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pairs of contacts that look like one person, each with the strongest `reason`, checked
         *     against the contacts as they are now. A background scan finds them: it reads every contact
         *     once (see `GET /api/contacts/duplicates/scan` for its progress), then each contact written
         *     since, within about a second.
         */
        get: operations["list_duplicates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/duplicates/scan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the duplicate scan stands. */
        get: operations["scan_progress"];
        put?: never;
        /** Scan every contact again from the start (in the background; follow the progress with GET). */
        post: operations["rescan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the contacts a list selects (its filters; its sort, newest first by default), or a
         *     segment's members now, as CSV or NDJSON, streamed: memory stays constant whatever the size.
         */
        get: operations["export_contacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List deals (keyset-paginated, filterable). */
        get: operations["list_deals"];
        put?: never;
        /** Create a deal. */
        post: operations["create_deal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a deal, now or as it was at `as_of`. */
        get: operations["get_deal"];
        put?: never;
        post?: never;
        /** Delete a deal (its history stays readable). */
        delete: operations["delete_deal"];
        options?: never;
        head?: never;
        /** Update a deal: fields, stage moves (to `lost` with a `lost_reason`), reopening. */
        patch: operations["update_deal"];
        trace?: never;
    };
    "/api/deals/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The change events of a deal, oldest first (also after it was deleted). */
        get: operations["list_deal_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deals/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export the deals a list selects, as CSV or NDJSON, streamed. */
        get: operations["export_deals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deals/pipeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The pipeline: count, amount and weighted amount per stage and currency; win rate and
         *     average days to close.
         */
        get: operations["pipeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List events: by start (default), `upcoming=true` for those not over yet, a start range, a
         *     name search, or any field (built-in or custom) through `filter`. Each comes with its guest
         *     counts.
         */
        get: operations["list_events"];
        put?: never;
        /** Create an event. */
        post: operations["create_event"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an event with its guest counts, now (or as it was at `as_of`, with today's counts). */
        get: operations["get_event"];
        put?: never;
        post?: never;
        /** Delete an event that has no invitations. */
        delete: operations["delete_event"];
        options?: never;
        head?: never;
        /**
         * Update an event. A capacity below the confirmed guests is 409 `capacity_below_confirmed`; a
         *     larger one seats waitlisted guests in order.
         */
        patch: operations["update_event"];
        trace?: never;
    };
    "/api/events/{id}/check-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a guest in by code, by contact, or as a walk-in (a new invitation, confirmed and
         *     checked in; a walk-in's contact is found by email or created). Once only: a second time is
         *     409 `already_checked_in` with `checked_in_at`.
         */
        post: operations["check_in"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The change events of an event, oldest first. */
        get: operations["list_event_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events/{id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The guest list, by status; `status=waitlisted` lists the waitlist in its order. */
        get: operations["list_invitations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events/{id}/invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Invite contacts (answered at once) or a segment's members (a background job, 202): one
         *     invitation each; inviting someone twice does not duplicate.
         */
        post: operations["invite_guests"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events/{id}/invite-jobs/{job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An invite job: how far the invitations of a segment's members have come. */
        get: operations["get_invite_job"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events/{id}/rsvp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a guest's answer. A yes takes a free seat (`confirmed`) or the next waitlist place
         *     (`waitlisted`); a confirmed guest saying no or maybe frees the seat for the first in the
         *     waitlist. Answers are decided one at a time: the event is never overbooked.
         */
        post: operations["rsvp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List import jobs, newest first. */
        get: operations["list_imports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An import job: its status, counts and first row errors. */
        get: operations["get_import"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a queued or running import (rows already written stay). */
        post: operations["cancel_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import contacts from CSV (`text/csv`: a header row, `,` or `;` between fields, UTF-8 with
         *     or without BOM) or NDJSON (`application/x-ndjson`), streamed to disk as it arrives. Answers
         *     202 with the queued job once the file is stored and its header checked; follow it with
         *     `GET /api/imports/{id}`. Rows with errors are reported (line, field, message) and never stop
         *     the others; each contact written gets its change event (`source: import`, `trace_id`: the
         *     job id). Importing the same file again creates nothing new.
         */
        post: operations["import_contacts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/landing-pages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List landing pages, newest first. */
        get: operations["list_landing_pages"];
        put?: never;
        /** Create a landing page by hand (a draft). */
        post: operations["create_landing_page"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/landing-pages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a landing page, now or as it was at `as_of`. */
        get: operations["get_landing_page"];
        put?: never;
        post?: never;
        /** Delete a landing page. */
        delete: operations["delete_landing_page"];
        options?: never;
        head?: never;
        /** Edit a landing page (a published page shows the edit at once). */
        patch: operations["update_landing_page"];
        trace?: never;
    };
    "/api/landing-pages/{id}/analytics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Views, distinct visitors, submissions and the conversion rate of a page, per day and per UTM
         *     source, over a range of days (UTC, both ends included).
         */
        get: operations["landing_page_analytics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/landing-pages/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The change events of a landing page, oldest first. */
        get: operations["landing_page_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/landing-pages/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The page's HTML as it would be served, for a preview (drafts too). */
        get: operations["preview_landing_page"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/landing-pages/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a landing page: served at `/lp/{slug}` (and `/lp/{id}`). */
        post: operations["publish_landing_page"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/landing-pages/{id}/unpublish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unpublish a landing page: `/lp/...` answers 404 again. */
        post: operations["unpublish_landing_page"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/landing-pages/generate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Write a landing page from a brief with the landing page tool (the offline writer unless a
         *     model is configured) and store it as a draft.
         */
        post: operations["generate_landing_page"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/llm-tools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tools, with the JSON Schemas of their input and output, and the writer in use. */
        get: operations["list_tools"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/llm-tools/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Runs a tool. The answer is checked (shape, lengths, merge fields, sources; email HTML
         *     sanitised); an answer that fails is sent back to the model once, a second failure is 422
         *     `llm_invalid_output`. Every run is recorded without its prompt or answer.
         */
        post: operations["run_tool"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/llm-tools/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The recorded tool runs, newest first: tool, provider, model, prompt hash, tokens, latency,
         *     outcome.
         */
        get: operations["list_runs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's notifications, newest first. */
        get: operations["list_notifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one notification read. */
        post: operations["mark_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's channels per kind. */
        get: operations["get_preferences"];
        /** Choose the channels per kind (replaces the choice). */
        put: operations["set_preferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark every notification read. */
        post: operations["mark_all_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many of the signed-in user's notifications are unread. */
        get: operations["unread_count"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/objects/{object}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a custom object's records, newest first in keyset pages, optionally filtered (the
         *     segment grammar over its fields, as `POST /api/query` takes it).
         */
        get: operations["list_records"];
        put?: never;
        /**
         * Create a record of a custom object; its values are checked by the object's fields, rules
         *     and before triggers.
         */
        post: operations["create_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/objects/{object}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a record of a custom object, now or as it was at `as_of`. */
        get: operations["get_record"];
        put?: never;
        post?: never;
        /** Delete a record of a custom object; its history stays readable. */
        delete: operations["delete_record"];
        options?: never;
        head?: never;
        /** Update some fields of a record of a custom object. */
        patch: operations["update_record"];
        trace?: never;
    };
    "/api/objects/{object}/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The change events of a record of a custom object, oldest first. */
        get: operations["list_record_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/objects/{object}/{id}/share": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Share a custom object's record with a user (`read` or `write`). */
        post: operations["share_object_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/objects/{object}/{id}/shares": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who a custom object's record is shared with. */
        get: operations["list_object_shares"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/objects/{object}/{id}/shares/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Stop sharing a custom object's record with a user. */
        delete: operations["unshare_object_record"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/objects/{object}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export a custom object's records (optionally filtered) as CSV or NDJSON, streamed from one
         *     snapshot.
         */
        get: operations["export_records"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/objects/{object}/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import records of a custom object from CSV (`text/csv`: a header row of `id`, `name`,
         *     `owner_id` and the object's fields, bare or as `custom.<name>`) or NDJSON
         *     (`application/x-ndjson`: records as the export writes them), up to the request body limit.
         *     A row whose `id` names a record changes it; any other row creates one. Each row is checked
         *     like any write and recorded with `source: import`; bad rows are reported, never stop the others.
         */
        post: operations["import_records"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/push-devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's push devices. */
        get: operations["list_devices"];
        put?: never;
        /**
         * Register a phone for push notifications (the field app does this after sign-in; again is
         *     a refresh). Pushes for the user reach the push provider with the user's device tokens.
         */
        post: operations["register_device"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/push-devices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Forget a push device (the field app does this on sign-out). */
        delete: operations["remove_device"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/query": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Query any object: a filter in the segment grammar over its built-in, custom and company
         *     fields, the fields to return (`company.name` follows the record's company), newest first
         *     in keyset pages. A read: every role may query.
         */
        post: operations["run_query"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/schema/{object}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The JSON Schema (2020-12) of an object's records: built-in fields and custom fields (under
         *     `custom`), with each custom field's type, choices, default and whether it is required.
         */
        get: operations["get_object_schema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/schema/{object}/fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The custom fields of an object, in form order, with where their indexes stand. */
        get: operations["list_fields"];
        put?: never;
        /**
         * Add a custom field (admin). An indexed field's index is built in the background (`index.status`
         *     says how far); a unique field's index at once, 409 `values_not_unique` when stored records
         *     already share values.
         */
        post: operations["create_field"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/schema/{object}/fields/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One custom field. */
        get: operations["get_field"];
        put?: never;
        post?: never;
        /** Remove a custom field (admin). Values already stored stay in the records and their history. */
        delete: operations["delete_field"];
        options?: never;
        head?: never;
        /**
         * Change a custom field (admin): label, options, required, default, unique, indexed, position,
         *     description. Its name and type never change.
         */
        patch: operations["update_field"];
        trace?: never;
    };
    "/api/schema/{object}/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The validation rules of an object, oldest first. */
        get: operations["list_rules"];
        put?: never;
        /**
         * Add a validation rule (admin): a CEL condition over the record (`deal`) and its previous
         *     version (`old_deal`); every later write for which it is true is refused with 422 and the
         *     rule's message on its field. A condition that does not compile is 422.
         */
        post: operations["create_rule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/schema/{object}/rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One validation rule. */
        get: operations["get_rule"];
        put?: never;
        post?: never;
        /** Remove a validation rule (admin). */
        delete: operations["delete_rule"];
        options?: never;
        head?: never;
        /** Change a validation rule (admin). */
        patch: operations["update_rule"];
        trace?: never;
    };
    "/api/schema/{object}/rules/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Try a condition on a record before saving it as a rule (admin): `result` true means a write
         *     of this record would be refused. A condition that does not compile is 422.
         */
        post: operations["test_rule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/schema/{object}/security": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The sharing model and field permissions of an object (everyone reads them: clients hide
         *     what a role may not see and lock what it may not change).
         */
        get: operations["get_security"];
        /**
         * Set the sharing model and field permissions of an object (admin). `fields` replaces every
         *     permission; each names a field of the object, `member` or `viewer`, and `hidden` or `read_only`.
         */
        put: operations["put_security"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/schema/{object}/triggers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The triggers of an object, in the order they run. */
        get: operations["list_triggers"];
        put?: never;
        /**
         * Add a trigger (admin). `before` triggers run inside every create and update whose record
         *     meets the condition (`set` derives custom fields, `reject` refuses with 422); ones that keep
         *     changing the record are a loop (409 `trigger_loop`, naming the chain). `after` triggers are
         *     queued with the write and run once it is committed; their changes are change events of
         *     their own (`source: trigger`, with the trigger's id).
         */
        post: operations["create_trigger"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/schema/{object}/triggers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One trigger. */
        get: operations["get_trigger"];
        put?: never;
        post?: never;
        /** Remove a trigger (admin); runs already queued fail as `trigger_deleted`, its log stays. */
        delete: operations["delete_trigger"];
        options?: never;
        head?: never;
        /** Change a trigger (admin). */
        patch: operations["update_trigger"];
        trace?: never;
    };
    "/api/schema/{object}/triggers/{id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The recent runs of an after trigger, newest first: what each did, or why it failed. */
        get: operations["list_trigger_runs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/schema/objects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The custom objects, by name, each with its fields. */
        get: operations["list_objects"];
        put?: never;
        /**
         * Define a custom object (admin) with its fields and relationships (reference fields to other
         *     objects). Its records are then served at `/api/objects/{name}`; its fields, rules and
         *     triggers change through `/api/schema/{name}/...` like those of built-in objects.
         */
        post: operations["create_object"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/schema/objects/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One custom object with its fields. */
        get: operations["get_object"];
        put?: never;
        post?: never;
        /**
         * Remove a custom object that has no records (admin), with its fields, rules and triggers;
         *     their history stays. 409 `object_has_records` while it has records.
         */
        delete: operations["delete_object"];
        options?: never;
        head?: never;
        /** Change a custom object's labels or description (admin); its name never changes. */
        patch: operations["update_object"];
        trace?: never;
    };
    "/api/segments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List segments, newest first. */
        get: operations["list_segments"];
        put?: never;
        /**
         * Save a segment. An invalid filter is 422 with `errors[].field` naming the node
         *     (`filter.and[1].op`).
         */
        post: operations["create_segment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/segments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a segment, now or as it was at `as_of`. */
        get: operations["get_segment"];
        put?: never;
        post?: never;
        /** Delete a segment (its contacts are untouched). */
        delete: operations["delete_segment"];
        options?: never;
        head?: never;
        /** Change a segment's name, description or filter. */
        patch: operations["update_segment"];
        trace?: never;
    };
    "/api/segments/{id}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The segment's contacts as they are now (newest first); `count=true` adds the total. */
        get: operations["segment_contacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/segments/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The change events of a segment, oldest first. */
        get: operations["list_segment_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/segments/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** How many contacts an unsaved filter selects now, and the first 10 of them. */
        post: operations["preview_segment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List tasks: open ones by due date (overdue first); `assignee_id=me` for the caller's. */
        get: operations["list_tasks"];
        put?: never;
        /** Create a task (assigned to the caller unless `assignee_id` says otherwise). */
        post: operations["create_task"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a task, now or as it was at `as_of`. */
        get: operations["get_task"];
        put?: never;
        post?: never;
        /** Delete a task. */
        delete: operations["delete_task"];
        options?: never;
        head?: never;
        /** Update a task (`status: done` completes it, `open` reopens it). */
        patch: operations["update_task"];
        trace?: never;
    };
    "/api/tasks/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete a task (a done task is answered as it is). */
        post: operations["complete_task"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The change events of a task, oldest first. */
        get: operations["list_task_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The feed across all contacts, newest first (filters: contact, kind, time). */
        get: operations["list_timeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users (admin). */
        get: operations["list_users"];
        put?: never;
        /** Create a user (admin). Passwords need at least 12 characters. */
        post: operations["create_user"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a user (admin). */
        get: operations["get_user"];
        put?: never;
        post?: never;
        /** Delete a user and revoke their sign-ins (admin). The last admin cannot be deleted. */
        delete: operations["delete_user"];
        options?: never;
        head?: never;
        /** Change a user's email, password or role (admin). The last admin cannot be demoted. */
        patch: operations["update_user"];
        trace?: never;
    };
    "/api/views": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's views and the shared ones, by name. */
        get: operations["list_views"];
        put?: never;
        /**
         * Save a view for yourself (`shared`: for everyone). Its columns and filter are checked
         *     against the object's fields as `POST /api/query` checks them (422 naming `columns[i]` or the
         *     filter's node).
         */
        post: operations["create_view"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/views/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One view: your own or a shared one (404 otherwise). */
        get: operations["get_view"];
        put?: never;
        post?: never;
        /** Remove a view: its owner, or an admin. */
        delete: operations["delete_view"];
        options?: never;
        head?: never;
        /** Change a view: its owner, or an admin (403 for anyone else's shared view). */
        patch: operations["update_view"];
        trace?: never;
    };
    "/api/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every subscription (without secrets). */
        get: operations["list_webhooks"];
        put?: never;
        /**
         * Subscribe a URL to change events. The answer holds the signing secret, once: every delivery
         *     carries `X-CRM-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">` made with it.
         */
        post: operations["create_webhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One subscription (without its secret). */
        get: operations["get_webhook"];
        put?: never;
        post?: never;
        /** End a subscription; its queued deliveries are not sent. */
        delete: operations["delete_webhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The subscription's deliveries, newest first: status, attempts, the target's answer, the body. */
        get: operations["list_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/deliveries/{delivery_id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again now, with a full set of attempts. */
        post: operations["redeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/confirm/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The double opt-in link a visitor was emailed after submitting a page's form with consent:
         *     records the consent (the wording they saw, the time and address of this confirmation) and
         *     shows that it is done; following it again records nothing more. An altered or unknown link
         *     is an HTML 404.
         */
        get: operations["confirm_consent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and database check. */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness probe: 200 while the process runs (no database call). */
        get: operations["health_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness probe: 200 when the database answers and the data migrations are done, else 503
         *     with what is missing (`migrating` with progress, or `unavailable`).
         */
        get: operations["health_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/lp/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A page's form (form-urlencoded or JSON): the contact upserted by email, consent recorded,
         *     the submission on the contact's timeline, the event registration made; the thank-you page
         *     (or a 303 to the page's redirect). Bad input shows the form again with the reasons (400 or
         *     422); too many forms from one address is 429.
         */
        post: operations["submit_form"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/lp/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A published landing page (by id or slug), with its form; unknown or unpublished pages are 404. */
        get: operations["public_page"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rsvp/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A guest's RSVP page; `?response=` records the answer first. */
        get: operations["rsvp_page"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/t/c/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A tracked link: records the click and redirects to the link the message contained (only
         *     there: a token for any other URL does not exist).
         */
        get: operations["tracked_click"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/t/o/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The open pixel: records the message's open, answers a transparent GIF (for any token). */
        get: operations["open_pixel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/u/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The unsubscribe page: one button unsubscribes (a GET changes nothing, so link scanners
         *     cannot unsubscribe anyone).
         */
        get: operations["unsubscribe_page"];
        put?: never;
        /**
         * One-click unsubscribe (RFC 8058: mail clients POST `List-Unsubscribe=One-Click` here; so does
         *     the page's button). Doing it twice changes nothing.
         */
        post: operations["unsubscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/bounce": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A bounce from an email provider, signed with `email.bounce_secret`
         *     (`X-CRM-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">`); a hard bounce suppresses the
         *     address for every later campaign.
         */
        post: operations["report_bounce"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Timeline entries in the range, by kind and per day. */
        ActivityAnalytics: {
            /** @description Kinds, most entries first. */
            by_kind: components["schemas"]["KeyCount"][];
            /** @description First day covered, if bounded. */
            from?: string | null;
            /** @description Every day of the range (zeros included). */
            per_day: components["schemas"]["ActivityDay"][];
            /** @description Last day covered, if bounded. */
            to?: string | null;
        };
        /** @description One day of activity. */
        ActivityDay: {
            /** @description Entries that day by kind. */
            by_kind: {
                [key: string]: number;
            };
            /** @description UTC day. */
            day: string;
            /**
             * Format: int64
             * @description Entries that day.
             */
            total: number;
        };
        /** @description A number or decimal string with at most 2 decimals, such as "1250.50" */
        AmountDto: number | string;
        /** @description Every API key. */
        ApiKeyList: {
            /** @description Keys, newest first. */
            data: components["schemas"]["ApiKeyResponse"][];
            /** @description Always `null`. */
            next_cursor?: string | null;
        };
        /** @description An API key (without its secret). */
        ApiKeyResponse: {
            /** @description Created. */
            created_at: string;
            /** @description Who created it. */
            created_by: string;
            /** @description Id. */
            id: string;
            /** @description Last use. */
            last_used_at?: string | null;
            /** @description Name. */
            name: string;
            /** @description First characters of the key. */
            prefix: string;
            /** @description Revocation time, if revoked. */
            revoked_at?: string | null;
            /** @description Role. */
            role: string;
        };
        /** @description An asset's content, by kind. */
        AssetContentDto: components["schemas"]["EmailDraft"] | components["schemas"]["SocialPost"] | components["schemas"]["LandingPage"];
        /**
         * @description What an asset is.
         * @enum {string}
         */
        AssetKindDto: "email" | "social_post" | "landing_page";
        /** @description A campaign's assets. */
        AssetList: {
            /** @description Oldest first. */
            data: components["schemas"]["AssetResponse"][];
        };
        /** @description An asset written for a campaign. */
        AssetResponse: {
            /** @description When. */
            approved_at?: string | null;
            /** @description Who approved it. */
            approved_by?: string | null;
            /** @description The campaign. */
            campaign_id: string;
            /** @description Its content. */
            content: components["schemas"]["AssetContentDto"];
            /** @description Creation time. */
            created_at: string;
            /** @description Id. */
            id: string;
            /** @description What it is. */
            kind: components["schemas"]["AssetKindDto"];
            /** @description The LLM run that wrote it. */
            llm_run_id: string;
            /** @description The model. */
            model: string;
            /** @description Who wrote the first version: `offline` or `openai`. */
            provider: string;
            /**
             * @description `draft` or `approved`.
             * @example draft
             */
            status: string;
            /** @description Last change. */
            updated_at: string;
            /**
             * Format: int64
             * @description 1 on create, +1 per change; also sent as `ETag`.
             */
            version: number;
        };
        /** @description Who a campaign would reach if executed now. */
        AudienceResponse: {
            /**
             * Format: int64
             * @description Members of its segment.
             */
            members: number;
            /**
             * Format: int64
             * @description Members a message would go to.
             */
            recipients: number;
            /** @description Members left out, by reason. */
            skipped: components["schemas"]["SkippedCounts"];
        };
        /** @description A bounce reported by an email provider. */
        BounceRequest: {
            /**
             * Format: email
             * @description The address that bounced.
             */
            email: string;
            /** @description The bounced message's `Message-ID`, when the provider passes it on. */
            message_id?: string | null;
            /** @description The provider's diagnostic (not stored). */
            reason?: string | null;
            /** @description `hard` (permanent: the address is never mailed again) or `soft`. */
            type: string;
        };
        /** @description What a bounce report did. */
        BounceResponse: {
            /** @description Whether the address is newly suppressed. */
            suppressed: boolean;
        };
        /**
         * @description Input of `contact_briefing`.
         * @example {
         *       "contact_id": "0190f0a4-7c1e-7000-8000-000000000001"
         *     }
         */
        BriefingInput: {
            /** @description The contact. */
            contact_id: string;
        };
        /** @description A briefing on a contact. */
        BriefingResponse: {
            /** @description Whether it was reused because the contact's data has not changed since. */
            cached: boolean;
            /** @description When it was written. */
            generated_at: string;
            /** @description The run that wrote it. */
            llm_run_id: string;
            /** @description The model. */
            model: string;
            /** @description What to do next. */
            next_steps: string[];
            /** @description Who wrote it. */
            provider: string;
            /**
             * @description `positive`, `neutral` or `negative`.
             * @example neutral
             */
            sentiment: string;
            /** @description Ids of the timeline entries, deals and cases it used. */
            sources: string[];
            /** @description Who they are and where things stand. */
            summary: string;
            /** @description What to bring up. */
            talking_points: string[];
        };
        /** @description What a campaign's messages did, from the recorded events. */
        CampaignAnalytics: {
            /**
             * Format: int64
             * @description Messages that hard-bounced.
             */
            bounced: number;
            /** @description The campaign. */
            campaign_id: string;
            /**
             * Format: int64
             * @description Clicks, every one.
             */
            clicked: number;
            /**
             * Format: int64
             * @description Conversions: deals won attributed to the campaign (its email reached one of the deal's
             *     contacts last in the 30 days before the win) and forms submitted on its landing pages.
             */
            conversions: number;
            /**
             * Format: int64
             * @description Sent and not bounced.
             */
            delivered: number;
            /**
             * Format: int64
             * @description Emails refused for good or out of attempts.
             */
            failed: number;
            /**
             * Format: int64
             * @description Forms submitted on the campaign's landing pages (counted in `conversions`).
             */
            form_submissions: number;
            /**
             * Format: int64
             * @description Opens, every one.
             */
            opened: number;
            /** @description Rates. */
            rates: components["schemas"]["CampaignRates"];
            /**
             * Format: int64
             * @description Emails accepted by the receiving servers.
             */
            sent: number;
            /**
             * Format: int64
             * @description Messages clicked.
             */
            unique_clicks: number;
            /**
             * Format: int64
             * @description Messages opened.
             */
            unique_opens: number;
            /**
             * Format: int64
             * @description Recipients who unsubscribed through it.
             */
            unsubscribed: number;
            /**
             * Format: int64
             * @description The webhook channel's posts refused for good or out of attempts.
             */
            webhooks_failed: number;
            /**
             * Format: int64
             * @description The webhook channel's posts accepted (a 2xx from every subscription).
             */
            webhooks_sent: number;
        };
        /** @description A page of campaigns, newest first. */
        CampaignList: {
            /** @description The page of results. */
            data: components["schemas"]["CampaignResponse"][];
            /** @description Pass as `cursor` to get the next page; `null` on the last page. */
            next_cursor?: string | null;
            /**
             * Format: int64
             * @description Total number of matches; only present with `?count=true`.
             */
            total?: number | null;
        };
        /** @description Rates, each a share of the messages sent (0 to 1; 0 when none was sent). */
        CampaignRates: {
            /**
             * Format: double
             * @description bounced / sent.
             */
            bounce: number;
            /**
             * Format: double
             * @description unique_clicks / delivered.
             */
            click: number;
            /**
             * Format: double
             * @description unique_clicks / unique_opens.
             */
            click_to_open: number;
            /**
             * Format: double
             * @description conversions / delivered.
             */
            conversion: number;
            /**
             * Format: double
             * @description delivered / sent.
             */
            delivery: number;
            /**
             * Format: double
             * @description unique_opens / delivered.
             */
            open: number;
            /**
             * Format: double
             * @description unsubscribed / delivered.
             */
            unsubscribe: number;
        };
        /** @description A campaign. */
        CampaignResponse: {
            /** @description Brief. */
            brief: string;
            /** @description Channels. */
            channels: components["schemas"]["ChannelDto"][];
            /** @description Creation time. */
            created_at: string;
            /** @description Event. */
            event_id?: string | null;
            /** @description Goal. */
            goal?: string | null;
            /** @description Id. */
            id: string;
            /** @description Landing page. */
            landing_page_id?: string | null;
            /** @description Name. */
            name: string;
            /** @description The statuses it can move to now. */
            next_statuses: components["schemas"]["CampaignStatusDto"][];
            /** @description Start. */
            scheduled_at?: string | null;
            /** @description Audience. */
            segment_id?: string | null;
            /** @description Status. */
            status: components["schemas"]["CampaignStatusDto"];
            /** @description Last change. */
            updated_at: string;
            /**
             * Format: int64
             * @description 1 on create, +1 per change; also sent as `ETag`.
             */
            version: number;
        };
        /**
         * @description Where a campaign stands.
         * @enum {string}
         */
        CampaignStatusDto: "draft" | "scheduled" | "running" | "paused" | "completed" | "cancelled";
        /** @description A page of cases. */
        CaseList: {
            /** @description The page of results. */
            data: components["schemas"]["CaseResponse"][];
            /** @description Pass as `cursor` to get the next page; `null` on the last page. */
            next_cursor?: string | null;
            /**
             * Format: int64
             * @description Total number of matches; only present with `?count=true`.
             */
            total?: number | null;
        };
        /** @description A case. */
        CaseResponse: {
            /** @description When it was closed. */
            closed_at?: string | null;
            /** @description Company. */
            company_id: string;
            /** @description Contact. */
            contact_id?: string | null;
            /** @description When it was opened. */
            created_at: string;
            /** @description Custom field values by name. */
            custom: {
                [key: string]: unknown;
            };
            /** @description Description. */
            description?: string | null;
            /** @description Id. */
            id: string;
            /** @description Owner. */
            owner_id?: string | null;
            /** @description Priority. */
            priority: components["schemas"]["PriorityDto"];
            /** @description Resolution (closed cases). */
            resolution?: string | null;
            /** @description `open` or `closed`. */
            status: components["schemas"]["CaseStatusDto"];
            /** @description Subject. */
            subject: string;
            /** @description Last change. */
            updated_at: string;
            /**
             * Format: int64
             * @description 1 on create, +1 per change; also sent as `ETag`.
             */
            version: number;
        };
        /**
         * @description Whether a case is open.
         * @enum {string}
         */
        CaseStatusDto: "open" | "closed";
        /** @description An immutable record of one change. */
        ChangeEventResponse: {
            /** @description Who made it: `user:<id>` or `api_key:<id>`. */
            actor: string;
            /**
             * @description Who that is: the user's email or the API key's name (`null` when not resolved, e.g. a
             *     deleted user, or in an export).
             */
            actor_name?: string | null;
            /** @description When (RFC 3339 UTC). */
            at: string;
            /** @description Changed fields. */
            changes: {
                [key: string]: components["schemas"]["FieldChangeResponse"];
            };
            /** @description The changed record's kind: `contact`, `company`, `deal`, `support_case`, `task`, ... */
            entity: string;
            /** @description Id of the changed record. */
            entity_id: string;
            /** @description Event id. */
            id: string;
            /** @description `created`, `updated`, `deleted`. */
            kind: string;
            /** @description Through what (`api`, `import`, `seed`, ...). */
            source: string;
            /** @description Trace id of the request. */
            trace_id: string;
            /** @description The trigger that made the change, when `source` is `trigger`. */
            trigger_id?: string | null;
            /**
             * Format: int64
             * @description Version of the record after this change.
             */
            version: number;
        };
        /** @description One change event and its place in the feed. */
        ChangeFeedEntry: components["schemas"]["ChangeEventResponse"] & {
            /**
             * @description This event's position: pass it as `after` (or, in the stream, it is the SSE `id`) to
             *     continue after it.
             */
            cursor: string;
        };
        /** @description A page of the change feed, in commit order. */
        ChangeFeedPage: {
            /** @description The events after `after`, oldest first. */
            data: components["schemas"]["ChangeFeedEntry"][];
            /**
             * @description The last entry's cursor: pass it as `after` for the events that follow; `null` when this
             *     page is empty (nothing after `after` yet: ask again later with the same `after`).
             */
            next_cursor?: string | null;
        };
        /**
         * @description A channel.
         * @enum {string}
         */
        ChannelDto: "email" | "social" | "webhook";
        /**
         * @description Whom to check in: exactly one of `code`, `contact_id` or `walk_in`.
         * @example {
         *       "code": "K7QX-M2PA"
         *     }
         */
        CheckInRequest: {
            /** @description The code of the guest's invitation (case, spaces and dashes do not matter). */
            code?: string;
            /**
             * Format: uuid
             * @description The guest; without an invitation they are a walk-in.
             */
            contact_id?: string;
            /** @description A walk-in not yet in the CRM. */
            walk_in?: components["schemas"]["WalkInRequest"];
        };
        /**
         * @description Closing a case.
         * @example {
         *       "resolution": "Credit note sent."
         *     }
         */
        CloseCaseRequest: {
            /** @description How it was resolved. */
            resolution?: string | null;
        };
        /** @description A company and how many contacts it has. */
        CompanyCount: {
            /** @description Company id; null for contacts without a company. */
            company_id?: string | null;
            /**
             * Format: int64
             * @description How many contacts.
             */
            count: number;
            /** @description Its name, when it still exists. */
            name?: string | null;
        };
        /** @description A page of companies. */
        CompanyList: {
            /** @description The page of results. */
            data: components["schemas"]["CompanyResponse"][];
            /** @description Pass as `cursor` to get the next page; `null` on the last page. */
            next_cursor?: string | null;
            /**
             * Format: int64
             * @description Total number of matches; only present with `?count=true`.
             */
            total?: number | null;
        };
        /** @description A company. */
        CompanyResponse: {
            /** @description Creation time. */
            created_at: string;
            /** @description Custom field values by name. */
            custom: {
                [key: string]: unknown;
            };
            /** @description Domain. */
            domain?: string | null;
            /** @description Id. */
            id: string;
            /** @description Industry. */
            industry?: string | null;
            /** @description Name. */
            name: string;
            /** @description The owning user's id (under a `private` sharing model members see the companies they own). */
            owner_id?: string | null;
            size?: null | components["schemas"]["CompanySizeDto"];
            /** @description Last change. */
            updated_at: string;
            /**
             * Format: int64
             * @description 1 on create, +1 per change; also sent as `ETag`.
             */
            version: number;
            /** @description Website. */
            website?: string | null;
        };
        /** @description Company size: a head count (`250`) or a band (`"51-200"`). */
        CompanySizeDto: number | string;
        /** @description A page of a contact's ledger, and its state now. */
        ConsentLedger: {
            /** @description Entries, newest recorded first. */
            data: components["schemas"]["ConsentResponse"][];
            /** @description Pass as `cursor` for the next page; `null` on the last. */
            next_cursor?: string | null;
            /** @description The latest entry per channel and purpose (by `at`): the contact's consent now. */
            state: components["schemas"]["ConsentResponse"][];
        };
        /** @description One entry of the ledger. */
        ConsentResponse: {
            /** @description When it was given. */
            at: string;
            /** @description Channel. */
            channel: string;
            /** @description The contact. */
            contact_id: string;
            /** @description When it was recorded. */
            created_at: string;
            /** @description Id. */
            id: string;
            /** @description The address it came from. */
            ip?: string | null;
            /** @description Purpose. */
            purpose: string;
            /** @description Who recorded it. */
            recorded_by: string;
            /** @description Where it was given. */
            source: string;
            /** @description Granted or withdrawn. */
            status: components["schemas"]["ConsentStatusDto"];
            /** @description The wording. */
            text?: string | null;
        };
        /**
         * @description Granted or withdrawn.
         * @enum {string}
         */
        ConsentStatusDto: "granted" | "withdrawn";
        /** @description Contacts created in the range, by status, source, tag and company, and per day. */
        ContactAnalytics: {
            /** @description Companies with the most contacts now, whatever the range (at most 20). */
            by_company: components["schemas"]["CompanyCount"][];
            /** @description Sources, most contacts first (at most 50). */
            by_source: components["schemas"]["KeyCount"][];
            /** @description Every status, in funnel order. */
            by_status: components["schemas"]["KeyCount"][];
            /** @description Tags, most contacts first (at most 50). */
            by_tag: components["schemas"]["KeyCount"][];
            /** @description First day covered, if bounded. */
            from?: string | null;
            /** @description New contacts per day, every day of the range (zeros included). */
            new_per_day: components["schemas"]["DayCount"][];
            /** @description Last day covered, if bounded. */
            to?: string | null;
            /**
             * Format: int64
             * @description Contacts created in the range that still exist.
             */
            total: number;
        };
        /** @description A briefing on a contact. */
        ContactBriefing: {
            /** @description What to do next. */
            next_steps: string[];
            /** @description Their mood lately. */
            sentiment: components["schemas"]["Sentiment"];
            /** @description Ids of the timeline entries, deals and cases the briefing used. */
            sources: string[];
            /** @description Who they are and where things stand, in a few sentences. */
            summary: string;
            /** @description What to bring up. */
            talking_points: string[];
        };
        /** @description Everything held about one contact (a data-subject access export). */
        ContactExportResponse: {
            /** @description The record now. */
            contact: components["schemas"]["ContactResponse"];
            /** @description When this export was made. */
            exported_at: string;
            /** @description Every change event, oldest first. */
            history: components["schemas"]["ChangeEventResponse"][];
            /** @description Every timeline entry, newest first. */
            timeline: components["schemas"]["TimelineEntryResponse"][];
        };
        /** @description A page of contacts. */
        ContactList: {
            /** @description The page of results. */
            data: components["schemas"]["ContactResponse"][];
            /** @description Pass as `cursor` to get the next page; `null` on the last page. */
            next_cursor?: string | null;
            /**
             * Format: int64
             * @description Total number of matches; only present with `?count=true`.
             */
            total?: number | null;
        };
        /** @description A contact. */
        ContactResponse: {
            /** @description Company id. */
            company_id?: string | null;
            /** @description Creation time (RFC 3339 UTC). */
            created_at: string;
            /** @description Custom field values by name. */
            custom: {
                [key: string]: unknown;
            };
            /** @description Never sent campaigns (an unsubscribe or a bounce is shown by the consent ledger). */
            do_not_contact: boolean;
            /** @description Lower-cased email. */
            email: string;
            /** @description Given name. */
            first_name?: string | null;
            /**
             * @description Id.
             * @example 01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c
             */
            id: string;
            /** @description Family name. */
            last_name?: string | null;
            /** @description The owning user's id (under a `private` sharing model members see the contacts they own). */
            owner_id?: string | null;
            /** @description Phone. */
            phone?: string | null;
            /**
             * Format: double
             * @description Engagement score (2 decimals) as last refreshed: when an activity lands and by the hourly
             *     decay; `GET /api/contacts/{id}/score` computes it now, with its parts.
             */
            score: number;
            /** @description Origin. */
            source?: string | null;
            /** @description Funnel status. */
            status: components["schemas"]["ContactStatus"];
            /** @description Tags. */
            tags: string[];
            /** @description Title. */
            title?: string | null;
            /** @description Last change (RFC 3339 UTC). */
            updated_at: string;
            /**
             * Format: int64
             * @description 1 on create, +1 per change; also sent as `ETag`.
             */
            version: number;
        };
        /**
         * @description Funnel status: `lead -> mql -> sql -> opportunity -> customer`, and `churned`.
         *
         *     Before `customer` a contact may move forward any number of stages or back one;
         *     a customer may only churn; a churned contact may return to `lead`, `opportunity` or `customer`.
         * @enum {string}
         */
        ContactStatus: "lead" | "mql" | "sql" | "opportunity" | "customer" | "churned";
        /**
         * @description A new API key.
         * @example {
         *       "name": "website forms",
         *       "role": "member"
         *     }
         */
        CreateApiKeyRequest: {
            /** @description What the key is for. */
            name: string;
            /** @description `admin`, `member` or `viewer`. */
            role: string;
        };
        /**
         * @description A new campaign (always a draft).
         * @example {
         *       "brief": "Invite our customers to the spring summit in Lisbon. We will show the new reporting and three clients share their stories.",
         *       "channels": [
         *         "email",
         *         "social"
         *       ],
         *       "goal": "registrations",
         *       "name": "Spring Summit"
         *     }
         */
        CreateCampaignRequest: {
            /** @description What it is about; assets are written from it. */
            brief: string;
            /** @description Channels (default `["email"]`). */
            channels?: components["schemas"]["ChannelDto"][];
            /**
             * Format: uuid
             * @description The event it invites to.
             */
            event_id?: string | null;
            /** @description What a recipient should do. */
            goal?: string | null;
            /**
             * Format: uuid
             * @description The landing page it links to.
             */
            landing_page_id?: string | null;
            /** @description Name. */
            name: string;
            /**
             * Format: date-time
             * @description When it should start (RFC 3339).
             */
            scheduled_at?: string | null;
            /**
             * Format: uuid
             * @description The audience.
             */
            segment_id?: string | null;
            /** @description Only `draft`. */
            status?: components["schemas"]["CampaignStatusDto"];
        };
        /**
         * @description A new case.
         * @example {
         *       "company_id": "0193a3f0-6c1e-7c4a-9a57-3f1d2e4b5a60",
         *       "description": "Billed twice for March.",
         *       "priority": "high",
         *       "subject": "Invoice 1042 is wrong"
         *     }
         */
        CreateCaseRequest: {
            /**
             * Format: uuid
             * @description The customer company (must exist).
             */
            company_id: string;
            /**
             * Format: uuid
             * @description The person who raised it (must exist).
             */
            contact_id?: string | null;
            /** @description Custom field values by name (`GET /api/schema/case/fields`), checked by type. */
            custom?: {
                [key: string]: unknown;
            } | null;
            /** @description Description. */
            description?: string | null;
            /**
             * Format: uuid
             * @description Owner (a user id); default the signed-in caller.
             */
            owner_id?: string | null;
            priority?: null | components["schemas"]["PriorityDto"];
            /** @description Subject. */
            subject: string;
        };
        /**
         * @description A new company. Only `name` is required.
         * @example {
         *       "domain": "acme.example",
         *       "industry": "Consulting",
         *       "name": "Acme Consulting",
         *       "size": 120,
         *       "website": "https://acme.example"
         *     }
         */
        CreateCompanyRequest: {
            /** @description Custom field values by name (`GET /api/schema/company/fields`), checked by type. */
            custom?: {
                [key: string]: unknown;
            } | null;
            /** @description Web domain, e.g. `acme.com` (lower-cased). */
            domain?: string | null;
            /** @description Industry. */
            industry?: string | null;
            /** @description Name. */
            name: string;
            /**
             * Format: uuid
             * @description The owning user's id; default: the caller (none for an API key).
             */
            owner_id?: string | null;
            size?: null | components["schemas"]["CompanySizeDto"];
            /** @description Website URL. */
            website?: string | null;
        };
        /**
         * @description A new entry on a contact's consent ledger.
         * @example {
         *       "channel": "email",
         *       "ip": "203.0.113.7",
         *       "purpose": "newsletter",
         *       "source": "form",
         *       "status": "granted",
         *       "text": "Yes, send me the monthly newsletter. I can unsubscribe at any time."
         *     }
         */
        CreateConsentRequest: {
            /**
             * Format: date-time
             * @description When it was given (RFC 3339, not in the future; default now).
             */
            at?: string | null;
            /**
             * @description `email`, `sms`, `phone`, `push`, `post` or `whatsapp`.
             * @example email
             */
            channel: string;
            /** @description The address it came from. */
            ip?: string | null;
            /** @description What for (default `marketing`). */
            purpose?: string | null;
            /** @description Where it was given (default `api`). */
            source?: string | null;
            /** @description `granted` or `withdrawn`. */
            status: components["schemas"]["ConsentStatusDto"];
            /** @description The exact wording the contact saw (required when granted). */
            text?: string | null;
        };
        /**
         * @description A new contact. Only `email` is required.
         * @example {
         *       "email": "ada@example.com",
         *       "first_name": "Ada",
         *       "last_name": "Lovelace",
         *       "status": "lead",
         *       "tags": [
         *         "vip"
         *       ],
         *       "title": "CTO"
         *     }
         */
        CreateContactRequest: {
            /**
             * Format: uuid
             * @description Id of an existing company.
             */
            company_id?: string | null;
            /**
             * @description Custom field values by name (`GET /api/schema/contact/fields`), checked by type.
             * @example {
             *       "industry_code": "K70"
             *     }
             */
            custom?: {
                [key: string]: unknown;
            } | null;
            /** @description Never send this contact campaigns (default false). */
            do_not_contact?: boolean | null;
            /**
             * Format: email
             * @description Email; trimmed, lower-cased, unique across contacts.
             */
            email: string;
            /** @description Given name. */
            first_name?: string | null;
            /** @description Family name. */
            last_name?: string | null;
            /**
             * Format: uuid
             * @description The owning user's id; default: the caller (none for an API key).
             */
            owner_id?: string | null;
            /** @description Phone number. */
            phone?: string | null;
            /** @description Where the contact came from (`web`, `referral`, `event`, ...). */
            source?: string | null;
            status?: null | components["schemas"]["ContactStatus"];
            /** @description Labels; lower-cased and de-duplicated. At most 50. */
            tags?: string[] | null;
            /** @description Job title. */
            title?: string | null;
        };
        /** @description A key just created: the only time its secret is shown. */
        CreatedApiKeyResponse: components["schemas"]["ApiKeyResponse"] & {
            /** @description The secret: send as `Authorization: Bearer <key>`. Shown once. */
            key: string;
        };
        /**
         * @description A new deal. Only `name` is required.
         * @example {
         *       "amount": "48000.00",
         *       "currency": "EUR",
         *       "expected_close": "2026-03-31",
         *       "name": "Website relaunch",
         *       "stage": "proposal"
         *     }
         */
        CreateDealRequest: {
            amount?: null | components["schemas"]["AmountDto"];
            /**
             * Format: uuid
             * @description The customer company.
             */
            company_id?: string | null;
            /** @description Contacts involved (each must exist). */
            contact_ids?: string[] | null;
            /** @description ISO 4217 code; default `crm.default_currency` (EUR). */
            currency?: string | null;
            /** @description Custom field values by name (`GET /api/schema/deal/fields`), checked by type. */
            custom?: {
                [key: string]: unknown;
            } | null;
            /**
             * Format: date
             * @description Expected close date, `YYYY-MM-DD`.
             */
            expected_close?: string | null;
            /** @description Why it was lost (required with stage `lost`). */
            lost_reason?: string | null;
            /** @description Name. */
            name: string;
            /**
             * Format: uuid
             * @description Owner (a user id); default the signed-in caller.
             */
            owner_id?: string | null;
            /**
             * Format: int64
             * @description Chance of winning, 0-100; default per stage (10, 40, 70; won 100, lost 0).
             */
            probability?: number | null;
            stage?: null | components["schemas"]["StageDto"];
        };
        /**
         * @description A new event. `name`, `starts_at` and `ends_at` are required.
         * @example {
         *       "capacity": 40,
         *       "ends_at": "2026-03-12T12:00:00+01:00",
         *       "location": "Paris office",
         *       "name": "Cloud cost workshop",
         *       "starts_at": "2026-03-12T09:00:00+01:00",
         *       "timezone": "Europe/Paris"
         *     }
         */
        CreateEventRequest: {
            /**
             * Format: int64
             * @description Seats; omitted or null for no limit.
             */
            capacity?: number | null;
            /** @description Custom field values by name (`GET /api/schema/event/fields`), checked by type. */
            custom?: {
                [key: string]: unknown;
            } | null;
            /** @description What it is about. */
            description?: string | null;
            /**
             * Format: date-time
             * @description End (RFC 3339), after the start.
             */
            ends_at: string;
            /** @description Where it is held. */
            location?: string | null;
            /** @description Name. */
            name: string;
            /** @description Where to join online (http or https). */
            online_url?: string | null;
            /**
             * Format: uuid
             * @description The owning user's id; default: the caller (none for an API key).
             */
            owner_id?: string | null;
            /**
             * Format: date-time
             * @description Start (RFC 3339).
             */
            starts_at: string;
            /**
             * @description IANA time zone it is held in (default `UTC`).
             * @example Europe/Paris
             */
            timezone?: string;
        };
        /**
         * @description A new custom field. `name` and `type` never change afterwards.
         * @example {
         *       "indexed": true,
         *       "label": "Industry code",
         *       "name": "industry_code",
         *       "type": "text"
         *     }
         */
        CreateFieldRequest: {
            /** @description Set on new records without a value (of the field's type). */
            default?: Record<string, never> | null;
            /** @description Help text. */
            description?: string | null;
            /** @description Filterable and sortable fast: an index, built in the background (default false). */
            indexed?: boolean | null;
            /** @description Label shown in forms; default from the name. */
            label?: string | null;
            /** @description Key under `custom` (snake_case, not a built-in field's name). */
            name: string;
            /** @description Choices of a select or multi_select. */
            options?: string[] | null;
            /**
             * Format: int64
             * @description Position in forms (ascending); default last.
             */
            position?: number | null;
            reference?: null | components["schemas"]["ObjectDto"];
            /** @description A record must have a value (default false). */
            required?: boolean | null;
            /** @description What it holds. */
            type: components["schemas"]["FieldTypeDto"];
            /** @description No two records may share a value (default false; checked against stored values). */
            unique?: boolean | null;
        };
        /**
         * @description A new interaction on a case.
         * @example {
         *       "body": "Called back; credit note on its way.",
         *       "kind": "call"
         *     }
         */
        CreateInteractionRequest: {
            /** @description Text. */
            body: string;
            /** @description `note`, `call`, `email` or `meeting`. */
            kind: string;
        };
        /** @description A page written by hand. */
        CreateLandingPageRequest: {
            /**
             * Format: uuid
             * @description The campaign its leads are attributed to.
             */
            campaign_id?: string | null;
            /** @description The consent checkbox's wording. */
            consent_text?: string | null;
            /**
             * @description Double opt-in: a ticked consent box is recorded only once the visitor follows the link
             *     emailed to them (default false).
             */
            double_opt_in?: boolean | null;
            /**
             * Format: uuid
             * @description The event a submission registers for.
             */
            event_id?: string | null;
            /** @description The form's inputs besides `email`. */
            fields?: string[] | null;
            /** @description A path of this site to send visitors to after submitting. */
            redirect_url?: string | null;
            /** @description Sections, top to bottom. */
            sections?: components["schemas"]["Section"][] | null;
            /** @description Readable address (default: from the title). */
            slug?: string | null;
            /** @description Title. */
            title: string;
        };
        /**
         * @description A new custom object.
         * @example {
         *       "fields": [
         *         {
         *           "name": "value",
         *           "required": true,
         *           "type": "currency"
         *         },
         *         {
         *           "indexed": true,
         *           "name": "signed_on",
         *           "type": "date"
         *         }
         *       ],
         *       "label": "Contract",
         *       "name": "contract",
         *       "relationships": [
         *         {
         *           "name": "company_id",
         *           "object": "company",
         *           "required": true
         *         },
         *         {
         *           "name": "deal_id",
         *           "object": "deal"
         *         }
         *       ]
         *     }
         */
        CreateObjectRequest: {
            /** @description What it is for. */
            description?: string | null;
            /** @description Its fields (as `POST /api/schema/{object}/fields` takes them). */
            fields?: components["schemas"]["CreateFieldRequest"][];
            /** @description What one is called; default from the name. */
            label?: string | null;
            /**
             * @description Key: the records' path `/api/objects/<name>` and the rules' binding (snake_case, at
             *     most 40 characters, not a built-in object's name). Never changes.
             */
            name: string;
            /** @description What several are called; default the label with an `s`. */
            plural_label?: string | null;
            /** @description Its references to other objects. */
            relationships?: components["schemas"]["RelationshipRequest"][];
        };
        /**
         * @description A new record of a custom object.
         * @example {
         *       "custom": {
         *         "company_id": "0193a3f0-6c1e-7c4a-9a57-3f1d2e4b5a60",
         *         "value": 12000
         *       },
         *       "name": "Acme support 2027"
         *     }
         */
        CreateRecordRequest: {
            /** @description Values of the object's fields by name (`GET /api/schema/objects/{name}`), checked by type. */
            custom?: {
                [key: string]: unknown;
            } | null;
            /** @description What lists and links show. */
            name: string;
            /**
             * Format: uuid
             * @description Owner (a user id); default the signed-in caller.
             */
            owner_id?: string | null;
        };
        /**
         * @description A new validation rule.
         * @example {
         *       "condition": "deal.stage == 'won' && (deal.amount == null || deal.amount <= 0)",
         *       "field": "amount",
         *       "message": "A won deal needs an amount",
         *       "name": "won_needs_amount"
         *     }
         */
        CreateRuleRequest: {
            /** @description Checked on writes (default true). */
            active?: boolean | null;
            /**
             * @description CEL condition over the record (bound by its object's name, `deal`) and its previous
             *     version (`old_deal`, null on create); true rejects the write.
             */
            condition: string;
            /** @description The field the error names (`amount`, `custom.industry_code`); default the object. */
            field?: string | null;
            /** @description The error shown when the condition holds. */
            message: string;
            /** @description A short name, unique per object. */
            name: string;
        };
        /**
         * @description A new segment.
         * @example {
         *       "filter": {
         *         "and": [
         *           {
         *             "field": "status",
         *             "op": "eq",
         *             "value": "lead"
         *           },
         *           {
         *             "field": "tags",
         *             "op": "contains",
         *             "value": "vip"
         *           }
         *         ]
         *       },
         *       "name": "Warm leads"
         *     }
         */
        CreateSegmentRequest: {
            /** @description Description. */
            description?: string | null;
            /** @description The filter. */
            filter: components["schemas"]["FilterDto"];
            /** @description Name. */
            name: string;
        };
        /**
         * @description A new task. Only `title` is required.
         * @example {
         *       "due_at": "2026-03-31T16:00:00Z",
         *       "title": "Send the revised proposal"
         *     }
         */
        CreateTaskRequest: {
            /**
             * Format: uuid
             * @description Who does it (a user id); default the signed-in caller.
             */
            assignee_id?: string | null;
            /**
             * Format: uuid
             * @description About this case.
             */
            case_id?: string | null;
            /**
             * Format: uuid
             * @description About this company.
             */
            company_id?: string | null;
            /**
             * Format: uuid
             * @description About this contact.
             */
            contact_id?: string | null;
            /**
             * Format: uuid
             * @description About this deal.
             */
            deal_id?: string | null;
            /**
             * Format: date-time
             * @description When it is due (RFC 3339).
             */
            due_at?: string | null;
            /** @description What to do. */
            title: string;
        };
        /**
         * @description A note, call, meeting or email to log on a contact's timeline.
         * @example {
         *       "body": "Discussed the Q3 proposal; follow up Friday.",
         *       "kind": "call"
         *     }
         */
        CreateTimelineEntryRequest: {
            /**
             * Format: date-time
             * @description When it happened (RFC 3339); default now.
             */
            at?: string;
            /** @description Text, up to 20,000 characters. */
            body: string;
            /**
             * @description `note`, `call`, `meeting` or `email`.
             * @example note
             */
            kind: string;
        };
        /**
         * @description A new trigger.
         * @example {
         *       "action": {
         *         "due_in_days": 2,
         *         "title": "Kick off {{deal.name}}",
         *         "type": "create_task"
         *       },
         *       "condition": "deal.stage == 'won' && (old_deal == null || old_deal.stage != 'won')",
         *       "name": "won_kickoff",
         *       "timing": "after"
         *     }
         */
        CreateTriggerRequest: {
            /** @description What it does. */
            action: components["schemas"]["TriggerActionDto"];
            /** @description Fires (default true). */
            active?: boolean | null;
            /**
             * @description CEL condition over the record (`deal`) and its previous version (`old_deal`, null on
             *     create); empty: every create and update.
             */
            condition?: string | null;
            /** @description A short name, unique per object. */
            name: string;
            /**
             * Format: int64
             * @description Order among the object's triggers (default: last).
             */
            position?: number | null;
            /** @description `before` or `after` the write. */
            timing: components["schemas"]["TriggerTimingDto"];
        };
        /**
         * @description A new user.
         * @example {
         *       "email": "sam@example.com",
         *       "password": "a long passphrase",
         *       "role": "member"
         *     }
         */
        CreateUserRequest: {
            /**
             * Format: email
             * @description Email (unique).
             */
            email: string;
            /** @description Password, at least 12 characters. */
            password: string;
            /** @description `admin`, `member` (default) or `viewer`. */
            role?: string;
        };
        /**
         * @description A new saved view.
         * @example {
         *       "columns": [
         *         "name",
         *         "stage",
         *         "amount",
         *         "company.name"
         *       ],
         *       "filter": {
         *         "and": [
         *           {
         *             "field": "amount",
         *             "op": "gte",
         *             "value": 10000
         *           },
         *           {
         *             "field": "stage",
         *             "op": "not_in",
         *             "value": [
         *               "won",
         *               "lost"
         *             ]
         *           }
         *         ]
         *       },
         *       "name": "Big open deals",
         *       "object": "deal",
         *       "shared": true
         *     }
         */
        CreateViewRequest: {
            /**
             * @description Field paths shown, in order: built-in, `custom.<name>`, `company.<field>` (as
             *     `POST /api/query` takes them).
             */
            columns: string[];
            /** @description Filter in the segment grammar over the object's fields; absent: every record. */
            filter?: Record<string, never> | null;
            /** @description Name. */
            name: string;
            /** @description The records it shows: contact, company, deal, case or event. */
            object: components["schemas"]["ObjectDto"];
            /** @description Everyone sees it (default: only its owner). */
            shared?: boolean | null;
            /** @description Order: `-created_at` (newest first; the only one offered yet). */
            sort?: string | null;
        };
        /**
         * @description A new subscription.
         * @example {
         *       "events": [
         *         "contact.created",
         *         "deal.updated"
         *       ],
         *       "url": "https://hooks.example.com/crm"
         *     }
         */
        CreateWebhookRequest: {
            /**
             * @description Event patterns: `<entity>.<kind>` with entity one of contact, company, deal, case, task,
             *     campaign, segment, consent and kind one of created, updated, deleted; either may be `*`.
             */
            events?: string[] | null;
            /**
             * @description Where deliveries go: an `http` or `https` URL (private and loopback addresses are
             *     refused at delivery time unless `webhooks.allow_private_targets` is on).
             */
            url?: string | null;
        };
        /** @description A day and a count. */
        DayCount: {
            /**
             * Format: int64
             * @description How many.
             */
            count: number;
            /** @description UTC day, `YYYY-MM-DD`. */
            day: string;
        };
        /** @description A page of deals. */
        DealList: {
            /** @description The page of results. */
            data: components["schemas"]["DealResponse"][];
            /** @description Pass as `cursor` to get the next page; `null` on the last page. */
            next_cursor?: string | null;
            /**
             * Format: int64
             * @description Total number of matches; only present with `?count=true`.
             */
            total?: number | null;
        };
        /** @description A deal. */
        DealResponse: {
            /** @description Amount as a decimal string with 2 decimals (`"48000.00"`). */
            amount?: string | null;
            /** @description When it was won or lost. */
            closed_at?: string | null;
            /** @description Company. */
            company_id?: string | null;
            /** @description Contacts. */
            contact_ids: string[];
            /** @description Creation time. */
            created_at: string;
            /** @description ISO 4217 currency. */
            currency: string;
            /** @description Custom field values by name. */
            custom: {
                [key: string]: unknown;
            };
            /** @description Expected close date. */
            expected_close?: string | null;
            /** @description Id. */
            id: string;
            /** @description Why it was lost. */
            lost_reason?: string | null;
            /** @description Name. */
            name: string;
            /** @description Owner. */
            owner_id?: string | null;
            /**
             * Format: int64
             * @description Chance of winning, percent.
             */
            probability: number;
            /** @description Stage. */
            stage: components["schemas"]["StageDto"];
            /** @description Last change. */
            updated_at: string;
            /**
             * Format: int64
             * @description 1 on create, +1 per change; also sent as `ETag`.
             */
            version: number;
        };
        /** @description A page of deliveries, newest first. */
        DeliveryList: {
            /** @description The deliveries. */
            data: components["schemas"]["DeliveryResponse"][];
            /** @description Pass as `cursor` for the next page; absent on the last. */
            next_cursor?: string | null;
        };
        /** @description One delivery. */
        DeliveryResponse: {
            /**
             * Format: int32
             * @description Attempts made.
             */
            attempts: number;
            /** @description The body sent (JSON text). */
            body: string;
            /** @description When it was queued. */
            created_at: string;
            /** @description When the target took it. */
            delivered_at?: string | null;
            /** @description The last error. */
            error?: string | null;
            /** @description `contact.created`, ... */
            event: string;
            /** @description Id (the `X-CRM-Delivery` header). */
            id: string;
            /**
             * Format: int64
             * @description The change event's number in the feed.
             */
            number: number;
            /**
             * Format: int32
             * @description The target's last HTTP status.
             */
            response_status?: number | null;
            /** @description Where it stands. */
            status: components["schemas"]["WebhookDeliveryStatus"];
        };
        /** @description The signed-in user's push devices. */
        DeviceList: {
            /** @description Most recently registered first. */
            data: components["schemas"]["DeviceResponse"][];
        };
        /** @description A registered push device. */
        DeviceResponse: {
            /** @description Id (a hash of the token): `DELETE /api/push-devices/{id}` forgets it. */
            id: string;
            /** @description `ios`, `android` or `web`. */
            platform: string;
            /** @description The push token. */
            token: string;
            /** @description When it was last registered. */
            updated_at: string;
        };
        /** @description A page of duplicate pairs. */
        DuplicateList: {
            /** @description The page of results. */
            data: components["schemas"]["DuplicatePairResponse"][];
            /** @description Pass as `cursor` to get the next page; `null` on the last page. */
            next_cursor?: string | null;
            /**
             * Format: int64
             * @description Total number of matches; only present with `?count=true`.
             */
            total?: number | null;
        };
        /** @description Two contacts that look like one person. */
        DuplicatePairResponse: {
            /** @description The two contacts, as they are now. */
            contacts: components["schemas"]["ContactResponse"][];
            /** @description Pair id (the two contact ids). */
            id: string;
            /**
             * @description Why: `same_email` (ignoring case, `+tags` and, for Gmail, dots), `same_phone` (E.164),
             *     `same_name_same_company`, `similar_name_same_company` (Jaro-Winkler >= 0.92).
             */
            reason: string;
        };
        /** @description An email draft. */
        EmailDraft: {
            /** @description HTML body (sanitised). */
            html: string;
            /** @description The preview text inboxes show after the subject (at most 200 characters). */
            preheader: string;
            /** @description Subject line (at most 150 characters). */
            subject: string;
            /** @description Plain-text body. */
            text: string;
        };
        /**
         * @description Input of `email_generator`.
         * @example {
         *       "brief": "Invite our customers to the spring summit. We will show the new reporting and share three client stories.",
         *       "campaign_name": "Spring Summit",
         *       "event": {
         *         "location": "Lisbon",
         *         "name": "Spring Summit",
         *         "starts_at": "2026-05-12T18:00:00Z"
         *       },
         *       "goal": "registrations"
         *     }
         */
        EmailInput: {
            /** @description What the email is about, in your words. */
            brief: string;
            /** @description The campaign's name. */
            campaign_name?: string | null;
            /** @description Write to this contact (their name, title and company); without one, merge fields. */
            contact_id?: string | null;
            /** @description Where the call to action links. */
            cta_url?: string | null;
            event?: null | components["schemas"]["EventInfo"];
            /** @description What a reader should do (`registrations`, `meetings`, `awareness`, ...). */
            goal?: string | null;
            tone?: null | components["schemas"]["Tone"];
        };
        /** @description How many guests stand where. */
        EventCounts: {
            /**
             * Format: int64
             * @description Checked in.
             */
            attended: number;
            /**
             * Format: int64
             * @description With a seat.
             */
            confirmed: number;
            /**
             * Format: int64
             * @description Said no.
             */
            declined: number;
            /**
             * Format: int64
             * @description Invitations in all.
             */
            invited: number;
            /**
             * Format: int64
             * @description Said maybe.
             */
            maybe: number;
            /**
             * Format: int64
             * @description Waiting for a seat.
             */
            waitlisted: number;
        };
        /** @description An event a text invites to. */
        EventInfo: {
            /** @description Place or URL. */
            location?: string | null;
            /** @description Name, e.g. `Spring Summit`. */
            name: string;
            /**
             * @description Start, RFC 3339.
             * @example 2026-05-12T18:00:00Z
             */
            starts_at: string;
        };
        /** @description A page of events. */
        EventList: {
            /** @description The page of results. */
            data: components["schemas"]["EventResponse"][];
            /** @description Pass as `cursor` to get the next page; `null` on the last page. */
            next_cursor?: string | null;
            /**
             * Format: int64
             * @description Total number of matches; only present with `?count=true`.
             */
            total?: number | null;
        };
        /** @description An event with its guest counts. */
        EventResponse: {
            /**
             * Format: int64
             * @description Seats; null for no limit.
             */
            capacity?: number | null;
            /** @description Guests by where they stand. */
            counts: components["schemas"]["EventCounts"];
            /** @description Creation time. */
            created_at: string;
            /** @description Custom field values by name. */
            custom: {
                [key: string]: unknown;
            };
            /** @description What it is about. */
            description?: string | null;
            /** @description End (UTC). */
            ends_at: string;
            /** @description Id. */
            id: string;
            /** @description Where it is held. */
            location?: string | null;
            /** @description Name. */
            name: string;
            /** @description Where to join online. */
            online_url?: string | null;
            /** @description The owning user's id (under a `private` sharing model members see the events they own). */
            owner_id?: string | null;
            /** @description Start (UTC). */
            starts_at: string;
            /** @description IANA time zone it is held in. */
            timezone: string;
            /** @description Last change. */
            updated_at: string;
            /**
             * Format: int64
             * @description 1 on create, +1 per change; also sent as `ETag`.
             */
            version: number;
        };
        /** @description One field's value before and after a change (`null` = absent). */
        FieldChangeResponse: {
            /** @description After. */
            new: unknown;
            /** @description Before. */
            old: unknown;
        };
        /** @description One invalid field of a request. */
        FieldError: {
            /**
             * @description Field path, e.g. `email` or `tags[2]`.
             * @example email
             */
            field: string;
            /**
             * @description What is wrong with it.
             * @example is not a valid email address
             */
            message: string;
        };
        /** @description The custom fields of an object, in form order. */
        FieldList: {
            /** @description Fields. */
            items: components["schemas"]["FieldResponse"][];
        };
        /** @description One role's access to one field. */
        FieldPermissionDto: {
            /**
             * @description `hidden` (never served, not filterable) or `read_only` (served, a write setting it is 403).
             * @example hidden
             */
            access: string;
            /**
             * @description A built-in field (`amount`) or `custom.<name>`.
             * @example custom.salary
             */
            field: string;
            /**
             * @description `member` or `viewer` (admins see and change every field).
             * @example viewer
             */
            role: string;
        };
        /** @description A custom field. */
        FieldResponse: {
            /** @description Creation time. */
            created_at: string;
            /** @description Set on new records without a value. */
            default?: Record<string, never> | null;
            /** @description Help text. */
            description?: string | null;
            /** @description Id. */
            id: string;
            index?: null | components["schemas"]["IndexStatus"];
            /** @description Has an index for fast filters and sorts. */
            indexed: boolean;
            /** @description Label. */
            label: string;
            /** @description Key under `custom`. */
            name: string;
            /** @description The object it belongs to. */
            object: components["schemas"]["ObjectDto"];
            /** @description Choices of a select. */
            options: string[];
            /**
             * Format: int64
             * @description Position in forms.
             */
            position: number;
            reference?: null | components["schemas"]["ObjectDto"];
            /** @description A record must have a value. */
            required: boolean;
            /** @description What it holds. */
            type: components["schemas"]["FieldTypeDto"];
            /** @description No two records share a value. */
            unique: boolean;
            /** @description Last change. */
            updated_at: string;
            /**
             * Format: int64
             * @description 1 on create, +1 per change; also sent as `ETag`.
             */
            version: number;
        };
        /**
         * @description What a custom field holds.
         * @enum {string}
         */
        FieldTypeDto: "text" | "long_text" | "number" | "decimal" | "currency" | "date" | "datetime" | "boolean" | "select" | "multi_select" | "url" | "email" | "phone" | "reference";
        /**
         * @description A filter tree: {"and": [...]}, {"or": [...]}, {"not": {...}} or {"field", "op", "value"}
         * @example {
         *       "and": [
         *         {
         *           "field": "status",
         *           "op": "in",
         *           "value": [
         *             "lead",
         *             "mql"
         *           ]
         *         },
         *         {
         *           "field": "activity.call",
         *           "op": "within_last",
         *           "value": "30d"
         *         }
         *       ]
         *     }
         */
        FilterDto: {
            [key: string]: unknown;
        };
        /** @description The contact funnel in the range, from the change history. */
        FunnelAnalytics: {
            /** @description First day covered, if bounded. */
            from?: string | null;
            /** @description Every status, in funnel order (`churned` last). */
            stages: components["schemas"]["FunnelStageResponse"][];
            /** @description Last day covered, if bounded. */
            to?: string | null;
        };
        /** @description One status of the funnel. */
        FunnelStageResponse: {
            /**
             * Format: int64
             * @description Contacts that moved on from it to a later stage in the range.
             */
            advanced: number;
            /**
             * Format: double
             * @description `advanced / entered` (4 decimals); null when nobody entered or no stage follows.
             */
            conversion_rate?: number | null;
            /**
             * Format: int64
             * @description Contacts that entered it in the range (created in it or moved to it).
             */
            entered: number;
            /** @description Status. */
            status: string;
        };
        /**
         * @description What to generate.
         * @example {
         *       "kinds": [
         *         "email",
         *         "social_post",
         *         "landing_page"
         *       ]
         *     }
         */
        GenerateAssetsRequest: {
            /** @description One asset is written per kind, in this order (1 to 10 kinds). */
            kinds: components["schemas"]["AssetKindDto"][];
        };
        /**
         * @description A page written by the landing page tool from a brief.
         * @example {
         *       "brief": "Invite CFOs to our cloud cost workshop in Paris.",
         *       "fields": [
         *         "first_name",
         *         "last_name",
         *         "company"
         *       ],
         *       "title": "Cloud cost workshop"
         *     }
         */
        GenerateLandingPageRequest: {
            /** @description What the page is for, in your words. */
            brief: string;
            /**
             * Format: uuid
             * @description The campaign its leads are attributed to.
             */
            campaign_id?: string | null;
            /**
             * @description Double opt-in: a ticked consent box is recorded only once the visitor follows the link
             *     emailed to them (default false).
             */
            double_opt_in?: boolean | null;
            /**
             * Format: uuid
             * @description The event a submission registers for.
             */
            event_id?: string | null;
            /** @description The form's inputs besides `email`: `first_name`, `last_name`, `company`, `phone`, `title`. */
            fields?: string[] | null;
            /** @description Readable address (default: from the title). */
            slug?: string | null;
            /** @description Title (default: the one the writer proposes). */
            title?: string | null;
        };
        /** @description Who a guest is. */
        Guest: {
            /** @description Email. */
            email: string;
            /** @description Given and family name, or the email when there is no name. */
            name: string;
        };
        /** @description Health report. */
        HealthResponse: {
            /**
             * @description `ok` when the database answered a query.
             * @example ok
             */
            database: string;
            /**
             * @description `ok`.
             * @example ok
             */
            status: string;
            /**
             * @description Server version.
             * @example 0.1.0
             */
            version: string;
        };
        /** @description A page of change events, oldest first. */
        HistoryList: {
            /** @description The page of results. */
            data: components["schemas"]["ChangeEventResponse"][];
            /** @description Pass as `cursor` to get the next page; `null` on the last page. */
            next_cursor?: string | null;
            /**
             * Format: int64
             * @description Total number of matches; only present with `?count=true`.
             */
            total?: number | null;
        };
        /** @description A page of import jobs. */
        ImportList: {
            /** @description The page of results. */
            data: components["schemas"]["ImportResponse"][];
            /** @description Pass as `cursor` to get the next page; `null` on the last page. */
            next_cursor?: string | null;
            /**
             * Format: int64
             * @description Total number of matches; only present with `?count=true`.
             */
            total?: number | null;
        };
        /** @description An import job. */
        ImportResponse: {
            /**
             * Format: int64
             * @description Size of the uploaded file.
             */
            bytes: number;
            /** @description The field each column fills, in column order (`null`: not imported). */
            columns: (string | null)[];
            /** @description Upload time. */
            created_at: string;
            /** @description Checked only, nothing written. */
            dry_run: boolean;
            /**
             * Format: int64
             * @description All row errors.
             */
            error_count: number;
            /** @description The first 1,000 row errors. */
            errors: components["schemas"]["ImportRowError"][];
            /** @description Why the job failed. */
            failure?: string | null;
            /** @description End. */
            finished_at?: string | null;
            /** @description `csv` or `ndjson`. */
            format: string;
            /** @description Id. */
            id: string;
            /**
             * Format: int64
             * @description Contacts created (with `dry_run`: that would be).
             */
            imported: number;
            /** @description `upsert` or `create_only`. */
            mode: string;
            /**
             * Format: int64
             * @description Rows handled so far.
             */
            processed: number;
            /** @description Start. */
            started_at?: string | null;
            /** @description `queued`, `running`, `completed`, `failed` or `cancelled`. */
            status: string;
            /**
             * Format: int64
             * @description Data rows in the file (known once it has been read to the end).
             */
            total?: number | null;
            /**
             * Format: int64
             * @description Rows that changed nothing.
             */
            unchanged: number;
            /** @description Headers that match no field (their cells are not imported). */
            unmapped_columns: string[];
            /**
             * Format: int64
             * @description Contacts changed.
             */
            updated: number;
        };
        /** @description A row that was not imported, and why. */
        ImportRowError: {
            /** @description The field at fault, or `row` for the whole row. */
            field: string;
            /** @description What is wrong. */
            message: string;
            /**
             * Format: int64
             * @description Line in the file (the header is line 1; NDJSON: the object's line).
             */
            row: number;
        };
        /** @description Where a field's database index stands. */
        IndexStatus: {
            /** @description Why the build failed. */
            error?: string | null;
            /**
             * Format: int64
             * @description Rows indexed so far, while building.
             */
            indexed_rows?: number | null;
            /**
             * @description `ready`, `building` (in the background; filters on it are slower until then), `failed`
             *     or `missing`.
             */
            status: string;
        };
        /** @description A page of interactions, oldest first. */
        InteractionList: {
            /** @description The page of results. */
            data: components["schemas"]["InteractionResponse"][];
            /** @description Pass as `cursor` to get the next page; `null` on the last page. */
            next_cursor?: string | null;
            /**
             * Format: int64
             * @description Total number of matches; only present with `?count=true`.
             */
            total?: number | null;
        };
        /** @description One interaction on a case. */
        InteractionResponse: {
            /** @description Who wrote it (`user:<id>` or `api_key:<id>`). */
            actor: string;
            /** @description Text. */
            body: string;
            /** @description The case. */
            case_id: string;
            /** @description When. */
            created_at: string;
            /** @description Id. */
            id: string;
            /** @description `note`, `call`, `email`, `meeting`. */
            kind: string;
        };
        /** @description A page of invitations. */
        InvitationList: {
            /** @description The page of results. */
            data: components["schemas"]["InvitationResponse"][];
            /** @description Pass as `cursor` to get the next page; `null` on the last page. */
            next_cursor?: string | null;
            /**
             * Format: int64
             * @description Total number of matches; only present with `?count=true`.
             */
            total?: number | null;
        };
        /** @description One guest's invitation. */
        InvitationResponse: {
            /** @description When the guest was checked in. */
            checked_in_at?: string | null;
            /** @description The code to show at the door. */
            checkin_code: string;
            /** @description The guest. */
            contact_id: string;
            /** @description Creation time. */
            created_at: string;
            /** @description The event. */
            event_id: string;
            guest?: null | components["schemas"]["Guest"];
            /** @description Id. */
            id: string;
            /** @description When the guest last answered. */
            responded_at?: string | null;
            /**
             * @description The guest's personal RSVP page (`/rsvp/<token>`; `?response=yes|no|maybe` records an
             *     answer), the link their emails carry.
             */
            rsvp_path: string;
            /** @description Where the guest stands. */
            status: components["schemas"]["InvitationStatusDto"];
            /** @description Last change. */
            updated_at: string;
            /**
             * Format: int64
             * @description 1 on create, +1 per change.
             */
            version: number;
            /**
             * Format: int64
             * @description Waitlist order (lower goes first), while waitlisted.
             */
            wait_seq?: number | null;
            /** @description Added at the door without an invitation. */
            walk_in: boolean;
        };
        /**
         * @description Where a guest stands.
         * @enum {string}
         */
        InvitationStatusDto: "invited" | "confirmed" | "waitlisted" | "declined" | "maybe";
        /** @description A job inviting a segment's members. */
        InviteJobResponse: {
            /**
             * Format: int64
             * @description Members who already had one.
             */
            already_invited: number;
            /** @description Creation time. */
            created_at: string;
            /** @description Why it failed. */
            error?: string | null;
            /** @description The event. */
            event_id: string;
            /** @description Id. */
            id: string;
            /**
             * Format: int64
             * @description New invitations so far.
             */
            invited: number;
            /** @description The segment. */
            segment_id: string;
            /** @description Where it stands. */
            status: components["schemas"]["InviteJobStatusDto"];
            /** @description Last step. */
            updated_at: string;
        };
        /**
         * @description Where an invite job stands.
         * @enum {string}
         */
        InviteJobStatusDto: "queued" | "running" | "completed" | "failed";
        /**
         * @description Whom to invite: contacts by id (at most 1,000 per request, answered at once), or the members
         *     of a segment (a background job, answered 202). Exactly one of the two.
         * @example {
         *       "contact_ids": [
         *         "0194f1c2-7a4e-7b1a-9c3d-2f1e0a9b8c7d"
         *       ]
         *     }
         */
        InviteRequest: {
            /** @description Contact ids; those already invited are not invited twice. */
            contact_ids?: string[];
            /**
             * Format: uuid
             * @description A segment: its members as they are while the job runs.
             */
            segment_id?: string;
        };
        /** @description What an invite did. */
        InviteResponse: {
            /** @description Named contacts who already had one. */
            already_invited: number;
            /** @description New invitations. */
            invited: number;
        };
        /** @description A value and how many have it. */
        KeyCount: {
            /**
             * Format: int64
             * @description How many.
             */
            count: number;
            /** @description The value (a status, source, tag, kind or stage; `(none)` for no source). */
            key: string;
        };
        /** @description A landing page draft. */
        LandingPage: {
            /** @description Sections, top to bottom. */
            sections: components["schemas"]["Section"][];
            /** @description Page title. */
            title: string;
        };
        /** @description A page's audience and results over a range of days. */
        LandingPageAnalytics: {
            /** @description Per day, oldest first. */
            by_day: components["schemas"]["LandingPageFigures"][];
            /** @description Per UTM source. */
            by_source: components["schemas"]["LandingPageFigures"][];
            /**
             * Format: double
             * @description Submissions per distinct visitor (0 without visitors).
             */
            conversion_rate: number;
            /** @description First day counted. */
            from: string;
            /**
             * Format: int64
             * @description Forms submitted.
             */
            submissions: number;
            /** @description Last day counted. */
            to: string;
            /**
             * Format: int64
             * @description Distinct visitors (summed over days).
             */
            unique_visitors: number;
            /**
             * Format: int64
             * @description Page views.
             */
            views: number;
        };
        /** @description One day of a page, or one UTM source. */
        LandingPageFigures: {
            /** @description The day (`YYYY-MM-DD`) or the UTM source (`""`: none). */
            key: string;
            /**
             * Format: int64
             * @description Forms submitted.
             */
            submissions: number;
            /**
             * Format: int64
             * @description Page views.
             */
            views: number;
            /**
             * Format: int64
             * @description Distinct visitors (per day).
             */
            visitors: number;
        };
        /**
         * @description Input of `landing_page_generator`.
         * @example {
         *       "brief": "A page where customers register for the spring summit.",
         *       "campaign_name": "Spring Summit",
         *       "goal": "registrations"
         *     }
         */
        LandingPageInput: {
            /** @description What the page is for. */
            brief: string;
            /** @description The campaign's name. */
            campaign_name?: string | null;
            event?: null | components["schemas"]["EventInfo"];
            /** @description What a visitor should do. */
            goal?: string | null;
        };
        /** @description A page of landing pages. */
        LandingPageList: {
            /** @description The page of results. */
            data: components["schemas"]["LandingPageResponse"][];
            /** @description Pass as `cursor` to get the next page; `null` on the last page. */
            next_cursor?: string | null;
            /**
             * Format: int64
             * @description Total number of matches; only present with `?count=true`.
             */
            total?: number | null;
        };
        /** @description How a page reads now, published or not. */
        LandingPagePreview: {
            /** @description The page's HTML as `/lp/{slug}` would serve it (show it in a sandboxed frame). */
            html: string;
        };
        /** @description A landing page. */
        LandingPageResponse: {
            /** @description Campaign. */
            campaign_id?: string | null;
            /** @description Consent wording. */
            consent_text: string;
            /** @description Creation time. */
            created_at: string;
            /** @description Double opt-in: consent is recorded when the visitor follows the emailed link. */
            double_opt_in: boolean;
            /** @description Event. */
            event_id?: string | null;
            /** @description Form inputs (`email` first). */
            fields: string[];
            /** @description Id. */
            id: string;
            /** @description When it was last published. */
            published_at?: string | null;
            /** @description Redirect after submitting. */
            redirect_url?: string | null;
            /** @description Sections. */
            sections: components["schemas"]["Section"][];
            /** @description Readable address: `/lp/{slug}`. */
            slug: string;
            /** @description Draft or published. */
            status: components["schemas"]["PageStatusDto"];
            /** @description Title. */
            title: string;
            /** @description Last change. */
            updated_at: string;
            /** @description Where it is served once published. */
            url: string;
            /**
             * Format: int64
             * @description 1 on create, +1 per change; also sent as `ETag`.
             */
            version: number;
        };
        /** @description Liveness: the process serves requests. */
        LiveResponse: {
            /**
             * @description `ok`.
             * @example ok
             */
            status: string;
        };
        /** @description A page of LLM runs, newest first. */
        LlmRunList: {
            /** @description The page of results. */
            data: components["schemas"]["LlmRunResponse"][];
            /** @description Pass as `cursor` to get the next page; `null` on the last page. */
            next_cursor?: string | null;
            /**
             * Format: int64
             * @description Total number of matches; only present with `?count=true`.
             */
            total?: number | null;
        };
        /** @description A recorded run (no prompt, no answer). */
        LlmRunResponse: {
            /** @description Who ran it. */
            actor: string;
            /**
             * Format: int32
             * @description Requests made.
             */
            attempts: number;
            /** @description When. */
            created_at: string;
            /** @description Id. */
            id: string;
            /**
             * Format: int64
             * @description Milliseconds.
             */
            latency_ms: number;
            /** @description Model. */
            model: string;
            /** @description `ok`, `invalid_output` or `unavailable`. */
            outcome: string;
            /** @description SHA-256 of the prompt as sent. */
            prompt_hash: string;
            /** @description Provider. */
            provider: string;
            /**
             * Format: int64
             * @description Prompt tokens.
             */
            tokens_in: number;
            /**
             * Format: int64
             * @description Answer tokens.
             */
            tokens_out: number;
            /** @description Tool. */
            tool: string;
        };
        /**
         * @description Email and password.
         * @example {
         *       "email": "admin@example.com",
         *       "password": "correct horse battery staple"
         *     }
         */
        LoginRequest: {
            /** @description Email. */
            email: string;
            /** @description Password. */
            password: string;
        };
        /** @description A new sign-in. */
        LoginResponse: {
            /** @description When the token stops working (RFC 3339). */
            expires_at: string;
            /** @description Send as `Authorization: Bearer <token>`. */
            token: string;
            /** @description Always `Bearer`. */
            token_type: string;
            /** @description Who signed in. */
            user: components["schemas"]["UserResponse"];
        };
        /** @description The caller of this request. */
        MeResponse: {
            /** @description The user's email, for users. */
            email?: string | null;
            /** @description User id or key id. */
            id: string;
            /** @description `user` or `api_key`. */
            kind: string;
            /** @description The key's name, for API keys. */
            name?: string | null;
            /** @description Role. */
            role: string;
        };
        /**
         * @description Merge another contact into this one.
         * @example {
         *       "fields": {
         *         "phone": "theirs"
         *       },
         *       "other_id": "01a22dd6-843e-7044-b1d9-e11fb9084e6b"
         *     }
         */
        MergeRequest: {
            /**
             * @description For each field to take from the other contact, `theirs` (`mine` is the default): any of
             *     first_name, last_name, email, phone, title, company_id, status, source. Tags are always
             *     combined.
             */
            fields?: {
                [key: string]: components["schemas"]["SideRequest"];
            };
            /** @description The contact to merge into this one (it is retired; its GET answers 410). */
            other_id: string;
        };
        /** @description The merged contact. */
        MergeResponse: {
            /** @description This contact after the merge. */
            contact: components["schemas"]["ContactResponse"];
            /** @description The merge's id: `POST /api/contacts/{id}/unmerge` with it undoes the merge. */
            merge_id: string;
        };
        /** @description A page of a campaign's messages. */
        MessageList: {
            /** @description The messages, in id order. */
            data: components["schemas"]["MessageResponse"][];
            /** @description Pass as `cursor` for the next page; absent on the last. */
            next_cursor?: string | null;
        };
        /** @description One message of a campaign (its content is the campaign's approved email, filled in). */
        MessageResponse: {
            /**
             * Format: int32
             * @description Attempts made.
             */
            attempts: number;
            /** @description First click. */
            clicked_at?: string | null;
            /** @description The recipient. */
            contact_id: string;
            /** @description When it was queued. */
            created_at: string;
            /** @description The last error. */
            error?: string | null;
            /** @description `<campaign id>_<contact id>`. */
            id: string;
            /** @description Its `Message-ID`. */
            message_id: string;
            /** @description First open. */
            opened_at?: string | null;
            /** @description When it was accepted. */
            sent_at?: string | null;
            /** @description Where it stands. */
            status: components["schemas"]["MessageStatus"];
        };
        /**
         * @description Where a message stands.
         * @enum {string}
         */
        MessageStatus: "queued" | "sending" | "sent" | "failed" | "dead";
        /** @description A snapshot of [`Migrations`] for `/health/ready`. */
        MigrationReport: {
            /** @description Why the last run stopped, when it failed (it is retried at the next start). */
            failed?: string | null;
            /** @description Migrations not yet done, in the order they run. */
            pending: string[];
            /**
             * Format: int64
             * @description Rows it has processed so far.
             */
            rows_done: number;
            /** @description The one running now. */
            running?: string | null;
        };
        /**
         * @description A social network.
         * @enum {string}
         */
        Network: "linkedin" | "x" | "facebook" | "instagram";
        /** @description A page of notifications, newest first. */
        NotificationList: {
            /** @description The notifications. */
            data: components["schemas"]["NotificationResponse"][];
            /** @description Pass as `cursor` for the next page; absent on the last. */
            next_cursor?: string | null;
        };
        /** @description A notification. */
        NotificationResponse: {
            /** @description When it was raised. */
            created_at: string;
            /** @description Id. */
            id: string;
            /**
             * @description `task_assigned`, `task_due`, `case_assigned`, `campaign_finished`, `campaign_failing`,
             *     `import_finished`.
             */
            kind: string;
            /** @description The dashboard page it is about. */
            link: string;
            /** @description When it was read (absent: unread). */
            read_at?: string | null;
            /** @description One line. */
            title: string;
        };
        /**
         * @description An object that carries custom fields: `contact`, `company`, `deal`, `case`, `event`, or the
         *     name of a custom object (`GET /api/schema/objects`).
         * @example deal
         */
        ObjectDto: string;
        /** @description How an import of records went. */
        ObjectImportResponse: {
            /**
             * Format: int64
             * @description How many rows were refused.
             */
            error_count: number;
            /** @description The first 1,000 problems. */
            errors: components["schemas"]["ImportRowError"][];
            /**
             * Format: int64
             * @description Records created.
             */
            imported: number;
            /**
             * Format: int64
             * @description Data rows read.
             */
            processed: number;
            /**
             * Format: int64
             * @description Rows that named a record and would not change it.
             */
            unchanged: number;
            /** @description Columns (CSV) or members (NDJSON) that match no field. */
            unmapped_columns: string[];
            /**
             * Format: int64
             * @description Records changed (rows whose `id` names one).
             */
            updated: number;
        };
        /** @description The custom objects, by name. */
        ObjectList: {
            /** @description Objects. */
            items: components["schemas"]["ObjectResponse"][];
        };
        /** @description A page of a custom object's records, newest first. */
        ObjectRecordList: {
            /** @description The page of results. */
            data: components["schemas"]["ObjectRecordResponse"][];
            /** @description Pass as `cursor` to get the next page; `null` on the last page. */
            next_cursor?: string | null;
            /**
             * Format: int64
             * @description Total number of matches; only present with `?count=true`.
             */
            total?: number | null;
        };
        /** @description A record of a custom object. */
        ObjectRecordResponse: {
            /** @description Created. */
            created_at: string;
            /** @description Values of the object's fields. */
            custom: {
                [key: string]: unknown;
            };
            /** @description Id. */
            id: string;
            /** @description Name. */
            name: string;
            /** @description The object it is a record of. */
            object: components["schemas"]["ObjectDto"];
            /** @description Owner. */
            owner_id?: string | null;
            /** @description Last changed. */
            updated_at: string;
            /**
             * Format: int64
             * @description 1 on create, +1 per change.
             */
            version: number;
        };
        /** @description A custom object. */
        ObjectResponse: {
            /** @description Created. */
            created_at: string;
            /** @description What it is for. */
            description?: string | null;
            /** @description Its fields, relationships included (reference fields), in form order. */
            fields: components["schemas"]["FieldResponse"][];
            /** @description Id. */
            id: string;
            /** @description What one is called. */
            label: string;
            /** @description Key (`contract`). */
            name: string;
            /** @description What several are called. */
            plural_label: string;
            /** @description Where its records are: `/api/objects/<name>`. */
            records_url: string;
            /** @description Last changed. */
            updated_at: string;
            /**
             * Format: int64
             * @description 1 on create, +1 per change.
             */
            version: number;
        };
        /**
         * @description Where a page stands.
         * @enum {string}
         */
        PageStatusDto: "draft" | "published";
        /** @description Deals in the range: created by stage, closed won and lost. */
        PipelineAnalytics: {
            /**
             * Format: double
             * @description Mean days from creation to close of the deals closed in the range (1 decimal).
             */
            average_days_to_close?: number | null;
            /** @description Deals created in the range, by their stage now (every stage). */
            by_stage: components["schemas"]["KeyCount"][];
            /** @description First day covered, if bounded. */
            from?: string | null;
            /**
             * Format: int64
             * @description Deals lost in the range (by close day).
             */
            lost: number;
            /** @description Last day covered, if bounded. */
            to?: string | null;
            /**
             * Format: double
             * @description `won / (won + lost)` (4 decimals); null when none closed.
             */
            win_rate?: number | null;
            /**
             * Format: int64
             * @description Deals won in the range (by close day).
             */
            won: number;
        };
        /** @description The pipeline: every stage in order, with the win rate and days to close of closed deals. */
        PipelineResponse: {
            /**
             * Format: double
             * @description Mean days from creation to close of closed deals; `null` before any closed.
             */
            avg_days_to_close?: number | null;
            /** @description `qualification`, `proposal`, `negotiation`, `won`, `lost`, in that order. */
            stages: components["schemas"]["PipelineStage"][];
            /**
             * Format: double
             * @description Won / (won + lost), 0 to 1; `null` before any deal closed.
             */
            win_rate?: number | null;
        };
        /** @description One stage of the pipeline. */
        PipelineStage: {
            /** @description Sum of amounts by currency, exact decimal strings (`{"EUR": "48000.00"}`). */
            amount: {
                [key: string]: string;
            };
            /**
             * Format: int64
             * @description Deals in it.
             */
            count: number;
            /** @description Stage. */
            stage: components["schemas"]["StageDto"];
            /** @description Sum of amount x probability by currency, rounded to cents. */
            weighted: {
                [key: string]: string;
            };
        };
        /**
         * @description Channels per kind: `{"task_assigned": ["in_app", "email"], "campaign_finished": []}` (a
         *     kind not named goes in-app; an empty list silences it). Channels: `in_app`, `email` (to the
         *     user's sign-in address), `sms` and `push` (through the provider webhook the server is
         *     configured with: `notifications.sms_url`, `notifications.push_url`).
         */
        PreferencesBody: {
            /** @description The channels this server can deliver (read-only; ignored in a PUT). */
            available?: string[];
            /** @description Channels per kind. */
            kinds: {
                [key: string]: string[];
            };
        };
        /** @description An unsaved filter to preview. */
        PreviewRequest: {
            /** @description The filter. */
            filter: components["schemas"]["FilterDto"];
        };
        /** @description How many contacts a filter selects now, and the newest of them. */
        PreviewResponse: {
            /**
             * Format: int64
             * @description Matching contacts; null for a member or viewer when contacts are private (a count over
             *     contacts they may not see would tell how many there are).
             */
            count?: number | null;
            /** @description The first 10, newest first. */
            sample: components["schemas"]["ContactResponse"][];
        };
        /**
         * @description How urgent a case is.
         * @enum {string}
         */
        PriorityDto: "low" | "normal" | "high" | "urgent";
        /** @description The problem+json body every error shares (RFC 9457). */
        Problem: {
            /** @description For 409 `already_checked_in`: when the guest was checked in. */
            checked_in_at?: string | null;
            /**
             * @description Stable machine-readable code.
             * @example validation_failed
             */
            code: string;
            /**
             * @description Human-readable explanation of this occurrence.
             * @example one or more fields are invalid
             */
            detail: string;
            /** @description Invalid fields, for 422 responses. */
            errors?: components["schemas"]["FieldError"][] | null;
            /** @description For 410 `merged`: the id of the record this one was merged into. */
            merged_into?: string | null;
            /**
             * Format: int32
             * @description HTTP status code.
             * @example 422
             */
            status: number;
            /**
             * @description Short summary of the status.
             * @example Unprocessable Entity
             */
            title: string;
            /** @description Trace id of the request, for support. */
            trace_id: string;
            /**
             * @description URI naming the problem type.
             * @example https://crm.local/problems/validation
             */
            type: string;
        };
        /** @description Where a campaign's delivery stands. */
        ProgressResponse: {
            /** @description The campaign. */
            campaign_id: string;
            /**
             * Format: int64
             * @description Out of attempts (the last error is kept on the message).
             */
            dead: number;
            /**
             * Format: int64
             * @description Refused for good.
             */
            failed: number;
            /**
             * Format: int64
             * @description Waiting for their (next) attempt.
             */
            queued: number;
            /** @description Every member of the audience is queued or skipped. */
            queued_all: boolean;
            /**
             * Format: int64
             * @description Being sent.
             */
            sending: number;
            /**
             * Format: int64
             * @description Accepted by the receiving server.
             */
            sent: number;
            /** @description Members left out, by reason. */
            skipped: components["schemas"]["SkippedCounts"];
            /** @description Its status (`running`, `paused`, `completed`, ...). */
            status: string;
            /**
             * Format: int64
             * @description Messages queued in all.
             */
            total: number;
        };
        /** @description The writer in use. */
        ProviderInfo: {
            /**
             * @description The model.
             * @example offline-writer-1
             */
            model: string;
            /**
             * @description `offline` (the built-in writer) or `openai` (a model behind an OpenAI-compatible API).
             * @example offline
             */
            name: string;
        };
        /**
         * @description A query over one object.
         * @example {
         *       "fields": [
         *         "name",
         *         "stage",
         *         "company.name",
         *         "custom.risk"
         *       ],
         *       "filter": {
         *         "and": [
         *           {
         *             "field": "stage",
         *             "op": "in",
         *             "value": [
         *               "proposal",
         *               "negotiation"
         *             ]
         *           },
         *           {
         *             "field": "company.industry",
         *             "op": "eq",
         *             "value": "Consulting"
         *           }
         *         ]
         *       },
         *       "limit": 50,
         *       "object": "deal"
         *     }
         */
        QueryRequest: {
            /** @description `next_cursor` of the previous page. */
            cursor?: string | null;
            /**
             * @description Fields to return beside `id`: built-in, `custom.<name>`, `company.<field>` (also
             *     `company.custom.<name>`), and `<reference>.<field>` through a custom reference field,
             *     named without its `_id` (`partner.name` through `partner_id`). Omitted: the whole record.
             */
            fields?: string[] | null;
            /**
             * @description A filter in the segment grammar over the object's fields: built-in, `custom.<name>`, and
             *     `company.<field>` for contacts, deals and cases (`activity.<kind>` and `email_domain` for
             *     contacts). Omitted: every record.
             */
            filter?: Record<string, never> | null;
            /**
             * Format: int64
             * @description Rows per page, 1 to 200 (default 50).
             */
            limit?: number | null;
            /** @description contact, company, deal, case or event (plural accepted). */
            object: string;
            /** @description `-created_at` (newest first), the only order offered. */
            sort?: string | null;
        };
        /** @description A page of a query. */
        QueryResponse: {
            /** @description Rows, newest first: `id` and the chosen fields (by their path, such as `company.name`). */
            data: {
                [key: string]: unknown;
            }[];
            /** @description Pass back as `cursor` for the next page; null on the last. */
            next_cursor?: string | null;
        };
        /** @description Readiness: the database answers and every data migration is done. */
        ReadyResponse: {
            /**
             * @description `ok` or `unavailable`.
             * @example ok
             */
            database: string;
            /** @description Data migrations still to run, the one running and its progress. */
            migrations: components["schemas"]["MigrationReport"];
            /**
             * @description `ready`, `migrating` or `unavailable`.
             * @example ready
             */
            status: string;
        };
        /**
         * @description A device to take push notifications: the token the platform's push service gave the app
         *     (checked in `Device::parse`).
         */
        RegisterDeviceRequest: {
            /** @description `ios`, `android` or `web`. */
            platform: string;
            /** @description The push token (an Expo push token such as `ExponentPushToken[...]`, or the platform's). */
            token: string;
        };
        /**
         * @description A relationship of a new object: a reference field pointing at another object's records.
         * @example {
         *       "name": "company_id",
         *       "object": "company",
         *       "required": true
         *     }
         */
        RelationshipRequest: {
            /** @description Label; default from the name. */
            label?: string | null;
            /** @description Key of the reference field under `custom` (snake_case). */
            name: string;
            /** @description The object it points to: a built-in one or a custom one (the new object itself too). */
            object: components["schemas"]["ObjectDto"];
            /** @description Every record must name one (default false). */
            required?: boolean | null;
        };
        /**
         * @description An RSVP on a guest's behalf.
         * @example {
         *       "contact_id": "0194f1c2-7a4e-7b1a-9c3d-2f1e0a9b8c7d",
         *       "response": "yes"
         *     }
         */
        RsvpRequest: {
            /**
             * Format: uuid
             * @description The guest (invited now if they were not).
             */
            contact_id: string;
            /** @description `yes`, `no` or `maybe`. */
            response: components["schemas"]["RsvpResponseDto"];
        };
        /**
         * @description A guest's answer.
         * @enum {string}
         */
        RsvpResponseDto: "yes" | "no" | "maybe";
        /** @description The rules of an object, oldest first. */
        RuleList: {
            /** @description Rules. */
            items: components["schemas"]["RuleResponse"][];
        };
        /** @description A validation rule. */
        RuleResponse: {
            /** @description Checked on writes. */
            active: boolean;
            /** @description CEL condition; true rejects the write. */
            condition: string;
            /** @description Creation time. */
            created_at: string;
            /** @description The field the error names (empty: the object). */
            field: string;
            /** @description Id. */
            id: string;
            /** @description Error message. */
            message: string;
            /** @description Name. */
            name: string;
            /** @description The object whose writes it checks. */
            object: components["schemas"]["ObjectDto"];
            /** @description Last change. */
            updated_at: string;
            /**
             * Format: int64
             * @description 1 on create, +1 per change; also sent as `ETag`.
             */
            version: number;
        };
        /**
         * @description A condition to try on a record, before saving it as a rule.
         * @example {
         *       "condition": "deal.stage == 'won' && deal.amount <= 0",
         *       "record": {
         *         "amount": "0",
         *         "stage": "won"
         *       }
         *     }
         */
        RuleTestRequest: {
            /** @description CEL condition. */
            condition: string;
            /** @description Its previous version (`old_<object>`); omitted or null as on create. */
            old_record?: Record<string, never> | null;
            /** @description The record as the API returns it (missing fields are null). */
            record?: Record<string, never> | null;
        };
        /** @description What the condition gave. */
        RuleTestResponse: {
            /** @description Why it could not be decided (a type mismatch, say). */
            error?: string | null;
            /** @description True: a write of this record would be rejected; null when it could not be decided. */
            result?: boolean | null;
        };
        /** @description Where the duplicate scan stands. */
        ScanResponse: {
            /**
             * Format: int64
             * @description Change events read.
             */
            processed: number;
            /**
             * @description `scanning` while it reads changes written before now; `current` once it has read them all
             *     (it then follows new writes within about a second).
             */
            status: string;
            /**
             * Format: int64
             * @description Change events written so far.
             */
            total: number;
        };
        /** @description One activity's share of a score. */
        ScorePart: {
            /** @description When it happened. */
            at: string;
            /** @description What is left of them now (2 decimals, as text); the parts' values add up to `score`. */
            decayed: string;
            /** @description `note`, `call`, `meeting`, `email`, `deal_won`, ... */
            kind: string;
            /** @description Its full points (2 decimals, as text). */
            points: string;
        };
        /** @description An engagement score with its explanation. */
        ScoreResponse: {
            /** @description When it was computed. */
            at: string;
            /** @description The activities that count, newest first. */
            parts: components["schemas"]["ScorePart"][];
            /** @description The score (2 decimals, as text): exactly the sum of the parts' `decayed`. */
            score: string;
        };
        /** @description One section of a landing page. */
        Section: {
            /** @description Body text (plain; pages escape it). */
            body?: string;
            /** @description Button label (hero, form). */
            cta_label?: string | null;
            /** @description Heading. */
            heading: string;
            /** @description List items (benefits). */
            items?: string[];
            /** @description What it is. */
            kind: components["schemas"]["SectionKind"];
        };
        /**
         * @description What a landing page section is.
         * @enum {string}
         */
        SectionKind: "hero" | "text" | "benefits" | "event" | "form";
        /** @description Who sees and changes an object's records and fields. */
        SecurityResponse: {
            /** @description Field permissions per role. */
            fields: components["schemas"]["FieldPermissionDto"][];
            /** @description The object. */
            object: string;
            /**
             * @description `private` (members and viewers see their own records and those shared with them),
             *     `public_read` (everyone reads; owners, write shares and admins change) or
             *     `public_read_write` (the default).
             */
            sharing: string;
            /** @description Last changed (`null` while the defaults apply). */
            updated_at?: string | null;
            /**
             * Format: int64
             * @description 0 while the defaults apply, then +1 per change (the ETag).
             */
            version: number;
        };
        /** @description A page of segments, newest first. */
        SegmentList: {
            /** @description The page of results. */
            data: components["schemas"]["SegmentResponse"][];
            /** @description Pass as `cursor` to get the next page; `null` on the last page. */
            next_cursor?: string | null;
            /**
             * Format: int64
             * @description Total number of matches; only present with `?count=true`.
             */
            total?: number | null;
        };
        /** @description A segment. */
        SegmentResponse: {
            /** @description Creation time. */
            created_at: string;
            /** @description Description. */
            description?: string | null;
            /** @description The filter. */
            filter: components["schemas"]["FilterDto"];
            /** @description Id. */
            id: string;
            /** @description Name. */
            name: string;
            /** @description Last change. */
            updated_at: string;
            /**
             * Format: int64
             * @description 1 on create, +1 per change; also sent as `ETag`.
             */
            version: number;
        };
        /**
         * @description How the contact seems to feel about you lately.
         * @enum {string}
         */
        Sentiment: "positive" | "neutral" | "negative";
        /** @description The shares of a record. */
        ShareList: {
            /** @description By user. */
            items: components["schemas"]["ShareResponse"][];
        };
        /** @description Share a record with a user. */
        ShareRequest: {
            /**
             * @description `read` (the default) or `write`.
             * @example read
             */
            access?: string | null;
            /** @description The user. */
            user_id: string;
        };
        /** @description A record shared with a user. */
        ShareResponse: {
            /** @description `read` or `write`. */
            access: string;
            /** @description Shared at. */
            created_at: string;
            /** @description The record's object. */
            object: string;
            /** @description The record. */
            record_id: string;
            /** @description Last changed. */
            updated_at: string;
            /** @description The user. */
            user_id: string;
        };
        /**
         * @description Which side a merged field comes from.
         * @enum {string}
         */
        SideRequest: "mine" | "theirs";
        /** @description Members left out of a campaign, by reason. */
        SkippedCounts: {
            /**
             * Format: int64
             * @description The address hard-bounced.
             */
            bounced: number;
            /**
             * Format: int64
             * @description Marked `do_not_contact`.
             */
            do_not_contact: number;
            /**
             * Format: int64
             * @description No consent recorded while `campaigns.require_consent` is on.
             */
            no_consent: number;
            /**
             * Format: int64
             * @description Unsubscribed, or withdrew consent for the channel.
             */
            unsubscribed: number;
        };
        /** @description A social media post. */
        SocialPost: {
            /** @description The network it is written for. */
            network: components["schemas"]["Network"];
            /** @description The post, within the network's limit. */
            text: string;
        };
        /**
         * @description Input of `social_post_generator`.
         * @example {
         *       "brief": "Our spring summit is open for registration.",
         *       "network": "linkedin"
         *     }
         */
        SocialPostInput: {
            /** @description What the post is about. */
            brief: string;
            /** @description The campaign's name. */
            campaign_name?: string | null;
            /** @description Link to share. */
            cta_url?: string | null;
            event?: null | components["schemas"]["EventInfo"];
            /** @description What a reader should do. */
            goal?: string | null;
            network?: null | components["schemas"]["Network"];
        };
        /** @description One Server-Sent Event of a streamed answer, as a client reads it. */
        SseEventDto: {
            /**
             * @description The event's JSON document, as text.
             * @example {"text": "Hi Ada, "}
             */
            data: string;
            /**
             * @description `partial` (a piece of the text being written), `asset` (a stored asset), `result` (the
             *     whole answer, as the JSON response would be) or `error` (a problem+json).
             * @example partial
             */
            event: string;
        };
        /**
         * @description A deal's stage.
         * @enum {string}
         */
        StageDto: "qualification" | "proposal" | "negotiation" | "won" | "lost";
        /** @description A page of tasks. */
        TaskList: {
            /** @description The page of results. */
            data: components["schemas"]["TaskResponse"][];
            /** @description Pass as `cursor` to get the next page; `null` on the last page. */
            next_cursor?: string | null;
            /**
             * Format: int64
             * @description Total number of matches; only present with `?count=true`.
             */
            total?: number | null;
        };
        /** @description A task. */
        TaskResponse: {
            /** @description Who does it. */
            assignee_id?: string | null;
            /** @description Case. */
            case_id?: string | null;
            /** @description Company. */
            company_id?: string | null;
            /** @description When it was completed. */
            completed_at?: string | null;
            /** @description Contact. */
            contact_id?: string | null;
            /** @description Creation time. */
            created_at: string;
            /** @description Deal. */
            deal_id?: string | null;
            /** @description When it is due. */
            due_at?: string | null;
            /** @description Id. */
            id: string;
            /** @description Open and past due. */
            overdue: boolean;
            /** @description `open` or `done`. */
            status: components["schemas"]["TaskStatusDto"];
            /** @description What to do. */
            title: string;
            /** @description Last change. */
            updated_at: string;
            /**
             * Format: int64
             * @description 1 on create, +1 per change; also sent as `ETag`.
             */
            version: number;
        };
        /**
         * @description Whether a task is open.
         * @enum {string}
         */
        TaskStatusDto: "open" | "done";
        /** @description One timeline entry. */
        TimelineEntryResponse: {
            /** @description Who logged it. */
            actor: string;
            /** @description When it happened. */
            at: string;
            /** @description Text; for changes a summary naming the changed fields. */
            body: string;
            /** @description For `change` entries: the change event id. */
            change_event_id?: string | null;
            /** @description For `change` entries: `created`, `updated`, `deleted`. */
            change_kind?: string | null;
            /** @description The contact. */
            contact_id: string;
            /** @description When it was recorded. */
            created_at: string;
            /** @description For entries about another record: its table (`deal`, `support_case`, `task`). */
            entity?: string | null;
            /** @description For entries about another record: its id. */
            entity_id?: string | null;
            /** @description For `change` entries: names of the changed fields. */
            fields?: string[] | null;
            /** @description Id. */
            id: string;
            /**
             * @description `note`, `call`, `meeting`, `email`; `change` for the contact's own changes; `deal`, `case`,
             *     `task` for changes to records that name the contact.
             */
            kind: string;
            /** @description Through what. */
            source: string;
            /**
             * Format: int64
             * @description For `change` entries: the version after the change.
             */
            version?: number | null;
        };
        /** @description A page of timeline entries, newest first. */
        TimelineList: {
            /** @description The page of results. */
            data: components["schemas"]["TimelineEntryResponse"][];
            /** @description Pass as `cursor` to get the next page; `null` on the last page. */
            next_cursor?: string | null;
            /**
             * Format: int64
             * @description Total number of matches; only present with `?count=true`.
             */
            total?: number | null;
        };
        /**
         * @description Formal or friendly wording.
         * @enum {string}
         */
        Tone: "friendly" | "formal";
        /** @description One tool. */
        ToolDescriptor: {
            /** @description What it does. */
            description: string;
            /** @description JSON Schema of its input (self-contained: nested types under `$defs`). */
            input_schema: Record<string, never>;
            /**
             * @description Name, for `POST /api/llm-tools/{name}`.
             * @example email_generator
             */
            name: string;
            /** @description JSON Schema of its output. */
            output_schema: Record<string, never>;
        };
        /** @description The input of one tool (see each tool's `input_schema`). */
        ToolInputDto: {
            /** @description `email_generator`. */
            Email: components["schemas"]["EmailInput"];
        } | {
            /** @description `social_post_generator`. */
            Social: components["schemas"]["SocialPostInput"];
        } | {
            /** @description `landing_page_generator`. */
            LandingPage: components["schemas"]["LandingPageInput"];
        } | {
            /** @description `contact_briefing`. */
            Briefing: components["schemas"]["BriefingInput"];
        };
        /** @description The tools and the writer in use. */
        ToolList: {
            /** @description Every tool. */
            data: components["schemas"]["ToolDescriptor"][];
            /** @description Who writes. */
            provider: components["schemas"]["ProviderInfo"];
        };
        /** @description A tool's output. */
        ToolOutputDto: {
            /** @description An email. */
            Email: components["schemas"]["EmailDraft"];
        } | {
            /** @description A post. */
            Social: components["schemas"]["SocialPost"];
        } | {
            /** @description A page. */
            LandingPage: components["schemas"]["LandingPage"];
        } | {
            /** @description A briefing. */
            Briefing: components["schemas"]["ContactBriefing"];
        };
        /** @description A finished run. */
        ToolRunResponse: {
            /** @description The run's record. */
            llm_run_id: string;
            /** @description The model. */
            model: string;
            /** @description The validated output. */
            output: components["schemas"]["ToolOutputDto"];
            /** @description `offline` or `openai`. */
            provider: string;
            /** @description The tool. */
            tool: string;
        };
        /**
         * @description What a trigger does (by `type`). Texts may name the record's values: `{{deal.name}}`,
         *     `{{deal.custom.tier}}`, `{{old_deal.stage}}`.
         */
        TriggerActionDto: {
            /** @enum {string} */
            type: "set";
            /** @description `custom.<name>` -> CEL expression. */
            values: {
                [key: string]: string;
            };
        } | {
            /** @description The field it names (default: the object). */
            field?: string | null;
            /** @description The error. */
            message: string;
            /** @enum {string} */
            type: "reject";
        } | {
            /** @description Assignee. */
            assignee_id?: string | null;
            /**
             * Format: int64
             * @description Days until due (0 to 3650).
             */
            due_in_days?: number | null;
            /** @description Title. */
            title: string;
            /** @enum {string} */
            type: "create_task";
        } | {
            /** @description The note. */
            summary: string;
            /** @enum {string} */
            type: "add_timeline_entry";
        } | {
            /** @enum {string} */
            type: "update_related";
            /** @description `custom.<name>` of the related record -> CEL expression over this record. */
            values: {
                [key: string]: string;
            };
            /** @description The reference field. */
            via: string;
        } | {
            /** @description One line. */
            message: string;
            /** @enum {string} */
            type: "notify";
            /** @description The user. */
            user_id?: string | null;
        } | {
            /** @description The name after `custom.`. */
            event: string;
            /** @enum {string} */
            type: "webhook";
        };
        /** @description The triggers of an object, in order. */
        TriggerList: {
            /** @description Triggers. */
            items: components["schemas"]["TriggerResponse"][];
        };
        /** @description A trigger. */
        TriggerResponse: {
            /** @description What it does. */
            action: components["schemas"]["TriggerActionDto"];
            /** @description Fires. */
            active: boolean;
            /** @description CEL condition (empty: always). */
            condition: string;
            /** @description Creation time. */
            created_at: string;
            /** @description Id. */
            id: string;
            /** @description Name. */
            name: string;
            /** @description The object whose writes fire it. */
            object: components["schemas"]["ObjectDto"];
            /**
             * Format: int64
             * @description Order among the object's triggers.
             */
            position: number;
            /** @description Before or after the write. */
            timing: components["schemas"]["TriggerTimingDto"];
            /** @description Last change. */
            updated_at: string;
            /**
             * Format: int64
             * @description 1 on create, +1 per change; also sent as `ETag`.
             */
            version: number;
        };
        /** @description A page of a trigger's runs, newest first. */
        TriggerRunList: {
            /** @description Runs. */
            data: components["schemas"]["TriggerRunResponse"][];
            /** @description Cursor of the next page; null on the last. */
            next_cursor?: string | null;
        };
        /** @description One run of an after trigger. */
        TriggerRunResponse: {
            /** @description Who made the write that fired it. */
            actor: string;
            /**
             * Format: int32
             * @description Attempts so far.
             */
            attempts: number;
            /** @description The triggers that led to it, this one last. */
            chain: string[];
            /** @description Queued. */
            created_at: string;
            /** @description Why it failed. */
            error?: string | null;
            /** @description The failure's code (`trigger_loop`, `validation_failed`, ...). */
            error_code?: string | null;
            /** @description Finished. */
            finished_at?: string | null;
            /** @description Id. */
            id: string;
            /** @description What the action did (`task 0193...`). */
            outcome?: string | null;
            /** @description The record whose write fired it. */
            record_id: string;
            /**
             * @description `queued`, `running`, `done` or `failed`.
             * @example done
             */
            status: string;
            /** @description The trigger. */
            trigger_id: string;
            /** @description Its name when it fired. */
            trigger_name: string;
        };
        /**
         * @description When a trigger runs.
         * @enum {string}
         */
        TriggerTimingDto: "before" | "after";
        /** @description Undo a merge. */
        UnmergeRequest: {
            /** @description The `merge_id` the merge answered (also the `trace_id` of its history events). */
            merge_id: string;
        };
        /** @description Both contacts as they were before the merge. */
        UnmergeResponse: {
            /** @description This contact. */
            contact: components["schemas"]["ContactResponse"];
            /** @description The contact that had been merged into it, back again. */
            other: components["schemas"]["ContactResponse"];
        };
        /** @description The unread count. */
        UnreadCount: {
            /**
             * Format: int64
             * @description Unread notifications.
             */
            unread: number;
        };
        /**
         * @description An edit of an asset's content: the fields given replace the current ones (e.g.
         *     `{"content": {"subject": "New subject"}}`); the result is checked like a generated asset.
         * @example {
         *       "content": {
         *         "subject": "See you in Lisbon, {{first_name}}"
         *       }
         *     }
         */
        UpdateAssetRequest: {
            /** @description Fields of the content to change. */
            content: Record<string, never>;
        };
        /**
         * @description A partial update: omitted fields are unchanged, `null` clears; `status` moves the campaign
         *     (`draft -> scheduled -> running -> completed`, `draft|scheduled -> cancelled`,
         *     `running -> paused -> running`; other moves are 409). Content changes only while a draft.
         * @example {
         *       "scheduled_at": "2026-05-01T09:00:00Z",
         *       "status": "scheduled"
         *     }
         */
        UpdateCampaignRequest: {
            /** @description Brief (cannot be cleared). */
            brief?: string;
            /** @description Channels (cannot be cleared). */
            channels?: components["schemas"]["ChannelDto"][];
            /**
             * Format: uuid
             * @description Event.
             */
            event_id?: string | null;
            /** @description Goal. */
            goal?: string | null;
            /**
             * Format: uuid
             * @description Landing page.
             */
            landing_page_id?: string | null;
            /** @description Name (cannot be cleared). */
            name?: string;
            /**
             * Format: date-time
             * @description Start.
             */
            scheduled_at?: string | null;
            /**
             * Format: uuid
             * @description Audience.
             */
            segment_id?: string | null;
            /** @description The status to move to. */
            status?: components["schemas"]["CampaignStatusDto"];
        };
        /**
         * @description A partial update: omitted fields are unchanged, `null` clears. Open and close a case with
         *     its `close` and `reopen` actions.
         * @example {
         *       "priority": "urgent"
         *     }
         */
        UpdateCaseRequest: {
            /**
             * Format: uuid
             * @description Company (cannot be cleared).
             */
            company_id?: string;
            /**
             * Format: uuid
             * @description Contact.
             */
            contact_id?: string | null;
            /** @description Custom values to set by name; `null` removes one, names left out are kept. */
            custom?: {
                [key: string]: unknown;
            } | null;
            /** @description Description. */
            description?: string | null;
            /**
             * Format: uuid
             * @description Owner.
             */
            owner_id?: string | null;
            /** @description Priority. */
            priority?: components["schemas"]["PriorityDto"];
            /** @description Subject (cannot be cleared). */
            subject?: string;
        };
        /**
         * @description A partial update: omitted fields are unchanged, `null` clears a field (not `name`).
         * @example {
         *       "industry": "Software",
         *       "size": "51-200"
         *     }
         */
        UpdateCompanyRequest: {
            /** @description Custom values to set by name; `null` removes one, names left out are kept. */
            custom?: {
                [key: string]: unknown;
            } | null;
            /** @description Domain. */
            domain?: string | null;
            /** @description Industry. */
            industry?: string | null;
            /** @description Name (cannot be cleared). */
            name?: string;
            /**
             * Format: uuid
             * @description The owning user's id; `null`: no owner.
             */
            owner_id?: string | null;
            size?: null | components["schemas"]["CompanySizeDto"];
            /** @description Website. */
            website?: string | null;
        };
        /**
         * @description A partial update: omitted fields are unchanged, `null` clears a field.
         * @example {
         *       "status": "mql",
         *       "title": "VP Engineering"
         *     }
         */
        UpdateContactRequest: {
            /** @description Company id; `null` unlinks. */
            company_id?: string | null;
            /** @description Custom values to set by name; `null` removes one, names left out are kept. */
            custom?: {
                [key: string]: unknown;
            } | null;
            /** @description Never send this contact campaigns; `null` is false. */
            do_not_contact?: boolean | null;
            /**
             * Format: email
             * @description Email (cannot be cleared).
             */
            email?: string;
            /** @description Given name. */
            first_name?: string | null;
            /** @description Family name. */
            last_name?: string | null;
            /**
             * Format: uuid
             * @description The owning user's id; `null`: no owner.
             */
            owner_id?: string | null;
            /** @description Phone number. */
            phone?: string | null;
            /** @description Origin. */
            source?: string | null;
            /** @description New status; must be allowed by the funnel (else 422 `invalid_transition`). */
            status?: components["schemas"]["ContactStatus"];
            /** @description Replaces the tag list. */
            tags?: string[] | null;
            /** @description Job title. */
            title?: string | null;
        };
        /**
         * @description A partial update: omitted fields are unchanged, `null` clears. Moving `stage` to `lost`
         *     needs `lost_reason`; moving a closed deal to an open stage reopens it.
         * @example {
         *       "stage": "negotiation"
         *     }
         */
        UpdateDealRequest: {
            amount?: null | components["schemas"]["AmountDto"];
            /**
             * Format: uuid
             * @description Company.
             */
            company_id?: string | null;
            /** @description Contacts (replaces the list). */
            contact_ids?: string[] | null;
            /** @description Currency (cannot be cleared). */
            currency?: string;
            /** @description Custom values to set by name; `null` removes one, names left out are kept. */
            custom?: {
                [key: string]: unknown;
            } | null;
            /**
             * Format: date
             * @description Expected close date.
             */
            expected_close?: string | null;
            /** @description Lost reason. */
            lost_reason?: string | null;
            /** @description Name (cannot be cleared). */
            name?: string;
            /**
             * Format: uuid
             * @description Owner.
             */
            owner_id?: string | null;
            /**
             * Format: int64
             * @description Probability (0-100).
             */
            probability?: number;
            /** @description Stage. */
            stage?: components["schemas"]["StageDto"];
        };
        /**
         * @description A partial update: omitted fields are unchanged, `null` clears (`capacity: null` lifts the
         *     limit). A capacity below the confirmed guests is a 409; a larger one seats the waitlist.
         * @example {
         *       "capacity": 60
         *     }
         */
        UpdateEventRequest: {
            /**
             * Format: int64
             * @description Seats.
             */
            capacity?: number | null;
            /** @description Custom values to set by name; `null` removes one, names left out are kept. */
            custom?: {
                [key: string]: unknown;
            } | null;
            /** @description Description. */
            description?: string | null;
            /**
             * Format: date-time
             * @description End.
             */
            ends_at?: string;
            /** @description Place. */
            location?: string | null;
            /** @description Name. */
            name?: string;
            /** @description Online link. */
            online_url?: string | null;
            /**
             * Format: uuid
             * @description The owning user's id; `null`: no owner.
             */
            owner_id?: string | null;
            /**
             * Format: date-time
             * @description Start.
             */
            starts_at?: string;
            /** @description Time zone. */
            timezone?: string;
        };
        /**
         * @description A change to a custom field: omitted members are unchanged.
         * @example {
         *       "label": "NACE code",
         *       "required": true
         *     }
         */
        UpdateFieldRequest: {
            /** @description Default; `null` removes it. */
            default?: Record<string, never> | null;
            /** @description Help text; `null` removes it. */
            description?: string | null;
            /** @description Indexed. */
            indexed?: boolean | null;
            /** @description Label. */
            label?: string | null;
            /** @description Cannot change (422 if different). */
            name?: string | null;
            /** @description Replaces the options. */
            options?: string[] | null;
            /**
             * Format: int64
             * @description Position.
             */
            position?: number | null;
            reference?: null | components["schemas"]["ObjectDto"];
            /** @description Required. */
            required?: boolean | null;
            type?: null | components["schemas"]["FieldTypeDto"];
            /** @description Unique. */
            unique?: boolean | null;
        };
        /** @description A partial update: omitted fields are unchanged, `null` clears the optional ones. */
        UpdateLandingPageRequest: {
            /**
             * Format: uuid
             * @description Campaign.
             */
            campaign_id?: string | null;
            /** @description Consent wording. */
            consent_text?: string;
            /** @description Double opt-in. */
            double_opt_in?: boolean | null;
            /**
             * Format: uuid
             * @description Event.
             */
            event_id?: string | null;
            /** @description Form inputs. */
            fields?: string[] | null;
            /** @description Redirect. */
            redirect_url?: string | null;
            /** @description Sections. */
            sections?: components["schemas"]["Section"][] | null;
            /** @description Slug. */
            slug?: string;
            /** @description Title. */
            title?: string;
        };
        /**
         * @description A change to a custom object: omitted members are unchanged. Its fields change through
         *     `/api/schema/{object}/fields`.
         * @example {
         *       "label": "Agreement",
         *       "plural_label": "Agreements"
         *     }
         */
        UpdateObjectRequest: {
            /** @description Description; `null` clears it. */
            description?: string | null;
            /** @description Label. */
            label?: string | null;
            /** @description Cannot change (422 if different). */
            name?: string | null;
            /** @description Plural label. */
            plural_label?: string | null;
        };
        /**
         * @description A partial update: omitted members are unchanged; under `custom`, `null` removes a value.
         * @example {
         *       "custom": {
         *         "value": 15000
         *       }
         *     }
         */
        UpdateRecordRequest: {
            /** @description Values to set; `null` removes one. */
            custom?: {
                [key: string]: unknown;
            } | null;
            /** @description Name (cannot be cleared). */
            name?: string;
            /**
             * Format: uuid
             * @description Owner; `null` clears it.
             */
            owner_id?: string | null;
        };
        /** @description A change to a rule: omitted members are unchanged. */
        UpdateRuleRequest: {
            /** @description Active. */
            active?: boolean | null;
            /** @description Condition. */
            condition?: string | null;
            /** @description Field. */
            field?: string | null;
            /** @description Message. */
            message?: string | null;
            /** @description Name. */
            name?: string | null;
        };
        /** @description New settings; what is left out stays. `fields` replaces every field permission. */
        UpdateSecurityRequest: {
            /** @description Every field permission (at most 500). */
            fields?: components["schemas"]["FieldPermissionDto"][] | null;
            /**
             * @description `private`, `public_read` or `public_read_write`.
             * @example private
             */
            sharing?: string | null;
        };
        /**
         * @description A partial update: omitted fields are unchanged, `null` clears the description.
         * @example {
         *       "name": "Warm leads (EU)"
         *     }
         */
        UpdateSegmentRequest: {
            /** @description Description. */
            description?: string | null;
            /** @description The filter (cannot be cleared). */
            filter?: components["schemas"]["FilterDto"];
            /** @description Name (cannot be cleared). */
            name?: string;
        };
        /**
         * @description A partial update: omitted fields are unchanged, `null` clears; `status` completes
         *     (`done`) or reopens (`open`) the task.
         * @example {
         *       "due_at": "2026-04-02T09:00:00Z"
         *     }
         */
        UpdateTaskRequest: {
            /**
             * Format: uuid
             * @description Assignee.
             */
            assignee_id?: string | null;
            /**
             * Format: uuid
             * @description Case.
             */
            case_id?: string | null;
            /**
             * Format: uuid
             * @description Company.
             */
            company_id?: string | null;
            /**
             * Format: uuid
             * @description Contact.
             */
            contact_id?: string | null;
            /**
             * Format: uuid
             * @description Deal.
             */
            deal_id?: string | null;
            /**
             * Format: date-time
             * @description Due time.
             */
            due_at?: string | null;
            /** @description `open` or `done`. */
            status?: components["schemas"]["TaskStatusDto"];
            /** @description Title (cannot be cleared). */
            title?: string;
        };
        /** @description A change to a trigger: omitted members are unchanged. */
        UpdateTriggerRequest: {
            action?: null | components["schemas"]["TriggerActionDto"];
            /** @description Active. */
            active?: boolean | null;
            /** @description Condition. */
            condition?: string | null;
            /** @description Name. */
            name?: string | null;
            /**
             * Format: int64
             * @description Position.
             */
            position?: number | null;
            timing?: null | components["schemas"]["TriggerTimingDto"];
        };
        /** @description Changes to a user. */
        UpdateUserRequest: {
            /**
             * Format: email
             * @description New email.
             */
            email?: string | null;
            /** @description New password, at least 12 characters. */
            password?: string | null;
            /** @description New role. */
            role?: string | null;
        };
        /** @description A change to a view: omitted members are unchanged; `filter: null` clears the filter. */
        UpdateViewRequest: {
            /** @description Columns. */
            columns?: string[] | null;
            /** @description Filter; null clears it. */
            filter?: Record<string, never> | null;
            /** @description Name. */
            name?: string | null;
            /** @description Shared. */
            shared?: boolean | null;
            /** @description Sort. */
            sort?: string | null;
        };
        /** @description Every user. */
        UserList: {
            /** @description Users, oldest first. */
            data: components["schemas"]["UserResponse"][];
            /** @description Always `null`: all users fit one page. */
            next_cursor?: string | null;
        };
        /** @description A user as the API shows it (never the password hash). */
        UserResponse: {
            /** @description Created. */
            created_at: string;
            /** @description Email. */
            email: string;
            /** @description Id. */
            id: string;
            /** @description `admin`, `member` or `viewer`. */
            role: string;
            /** @description Last change. */
            updated_at: string;
            /**
             * Format: int64
             * @description Version.
             */
            version: number;
        };
        /** @description The views the caller sees, by name. */
        ViewList: {
            /** @description Views. */
            items: components["schemas"]["ViewResponse"][];
        };
        /** @description A saved view. */
        ViewResponse: {
            /** @description Field paths shown, in order. */
            columns: string[];
            /** @description Creation time. */
            created_at: string;
            /** @description Filter in the segment grammar; null: every record. */
            filter?: Record<string, never> | null;
            /** @description Id. */
            id: string;
            /** @description The caller made it (and may change it). */
            mine: boolean;
            /** @description Name. */
            name: string;
            /** @description The records it shows. */
            object: components["schemas"]["ObjectDto"];
            /** @description Who made it (`user:<id>` or `api_key:<id>`). */
            owner: string;
            /** @description Everyone sees it. */
            shared: boolean;
            /** @description Order. */
            sort: string;
            /** @description Last change. */
            updated_at: string;
            /**
             * Format: int64
             * @description 1 on create, +1 per change; also sent as `ETag`.
             */
            version: number;
        };
        /** @description A walk-in not yet in the CRM. */
        WalkInRequest: {
            /**
             * Format: email
             * @description Email (finds the contact, or makes a new one).
             */
            email: string;
            /** @description Given name. */
            first_name?: string | null;
            /** @description Family name. */
            last_name?: string | null;
            /** @description Phone. */
            phone?: string | null;
        };
        /**
         * @description Where a delivery stands.
         * @enum {string}
         */
        WebhookDeliveryStatus: "queued" | "sending" | "delivered" | "dead";
        /** @description Every subscription. */
        WebhookList: {
            /** @description The subscriptions, oldest first. */
            data: components["schemas"]["WebhookResponse"][];
        };
        /** @description A subscription. */
        WebhookResponse: {
            /** @description When. */
            created_at: string;
            /** @description Who created it. */
            created_by: string;
            /** @description Event patterns. */
            events: string[];
            /** @description Id. */
            id: string;
            /** @description The signing key: only in the answer to the create, never again. */
            secret?: string | null;
            /** @description Target URL. */
            url: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    share_record: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description contacts, companies, deals, cases or events */
                collection: string;
                /** @description Record id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShareRequest"];
            };
        };
        responses: {
            /** @description The share's access changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareResponse"];
                };
            };
            /** @description Shared */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record (or not yours to see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such user, or a bad access */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_shares: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description contacts, companies, deals, cases or events */
                collection: string;
                /** @description Record id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Shares */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record (or not yours to see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unshare_record: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description contacts, companies, deals, cases or events */
                collection: string;
                /** @description Record id */
                id: string;
                /** @description User id */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No longer shared */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record or share */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_backup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export (SurrealQL text), streamed */
            200: {
                headers: {
                    /** @description attachment; filename=crm-backup-<time>.surql */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/sql": string;
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The export could not start */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    activity_analytics: {
        parameters: {
            query?: {
                /** @description First day: `YYYY-MM-DD` or an RFC 3339 time (its UTC day). */
                from?: string;
                /** @description Last day, included: `YYYY-MM-DD` or an RFC 3339 time (its UTC day). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The activity summary */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityAnalytics"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid range */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The counters are being built */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    campaign_analytics: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Campaign id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Figures */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignAnalytics"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such campaign */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    contact_analytics: {
        parameters: {
            query?: {
                /** @description First day: `YYYY-MM-DD` or an RFC 3339 time (its UTC day). */
                from?: string;
                /** @description Last day, included: `YYYY-MM-DD` or an RFC 3339 time (its UTC day). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The summary */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactAnalytics"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid range */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The counters are being built */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    funnel_analytics: {
        parameters: {
            query?: {
                /** @description First day: `YYYY-MM-DD` or an RFC 3339 time (its UTC day). */
                from?: string;
                /** @description Last day, included: `YYYY-MM-DD` or an RFC 3339 time (its UTC day). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The funnel */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FunnelAnalytics"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid range */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The counters are being built */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    pipeline_analytics: {
        parameters: {
            query?: {
                /** @description First day: `YYYY-MM-DD` or an RFC 3339 time (its UTC day). */
                from?: string;
                /** @description Last day, included: `YYYY-MM-DD` or an RFC 3339 time (its UTC day). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The pipeline summary */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelineAnalytics"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid range */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The counters are being built */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_api_keys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    create_api_key: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKeyResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delete_api_key: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Key id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such live key */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description Signed in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong email or password (the same answer for both) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Called with an API key */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_campaigns: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
                /** @description Only campaigns in this status. */
                status?: components["schemas"]["CampaignStatusDto"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of campaigns */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    create_campaign: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 h */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCampaignRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    /** @description URL of the campaign */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields or unknown ids */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_campaign: {
        parameters: {
            query?: {
                /** @description Rebuild the record as it was at this moment (RFC 3339), from its change events. */
                as_of?: string;
            };
            header?: never;
            path: {
                /** @description Campaign id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The campaign */
            200: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such campaign */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid as_of */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delete_campaign: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the campaign changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description Campaign id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such campaign */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The campaign is under way */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    update_campaign: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the campaign changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description Campaign id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCampaignRequest"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description Malformed JSON or If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such campaign */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A status move or change the campaign's state forbids */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields or unknown ids */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_assets: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Campaign id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Its assets */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such campaign */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    generate_assets: {
        parameters: {
            query?: {
                /**
                 * @description `true`: `text/event-stream` with `partial` events (`{"text"}`: pieces of the answer as
                 *     written), then one `result` event (the response body) or one `error` event (problem+json).
                 */
                stream?: boolean;
            };
            header?: never;
            path: {
                /** @description Campaign id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GenerateAssetsRequest"];
            };
        };
        responses: {
            /** @description With `stream=true`: Server-Sent Events (`partial`, `asset`, then `result` or `error`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["SseEventDto"];
                };
            };
            /** @description The new assets, in the order of `kinds` */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetList"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such campaign */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The campaign is not a draft, or holds too many assets */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid kinds, or the model's answer failed the checks twice */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Today's token budget is spent */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The model could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_asset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Asset id */
                asset_id: string;
                /** @description Campaign id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The asset */
            200: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such campaign or asset */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    update_asset: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the asset changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description Asset id */
                asset_id: string;
                /** @description Campaign id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAssetRequest"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetResponse"];
                };
            };
            /** @description Malformed JSON or If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such campaign or asset */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The campaign is not a draft */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    approve_asset: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the asset changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description Asset id */
                asset_id: string;
                /** @description Campaign id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Approved */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetResponse"];
                };
            };
            /** @description Malformed If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such campaign or asset */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The campaign is not a draft */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_asset_history: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Asset id */
                asset_id: string;
                /** @description Campaign id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Change events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such asset ever existed */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    campaign_audience: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Campaign id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AudienceResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such campaign or segment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancel_campaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Campaign id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancelled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such campaign */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The campaign is finished */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    execute_campaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Campaign id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Started (or scheduled); follow `/progress` */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such campaign */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No approved asset for a channel (`assets_not_approved`), no segment (`campaign_has_no_audience`), a webhook channel and no subscription to `campaign.message` (`campaign_has_no_webhook`), or finished (`campaign_finished`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_campaign_history: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Campaign id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Change events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No campaign with this id ever existed */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    campaign_messages: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
                /** @description Only messages in this status. */
                status?: components["schemas"]["MessageStatus"];
            };
            header?: never;
            path: {
                /** @description Campaign id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of messages */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such campaign */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    pause_campaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Campaign id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Paused */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such campaign */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The campaign is not running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    campaign_progress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Campaign id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such campaign */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resume_campaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Campaign id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Running again */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such campaign */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The campaign is not paused (`campaign_not_paused`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_cases: {
        parameters: {
            query?: {
                /** @description Only this company's cases. */
                company_id?: string;
                /** @description Only cases raised by this contact. */
                contact_id?: string;
                /** @description `true` adds `total`. */
                count?: boolean;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /**
                 * @description A filter in the segment grammar over the records' fields, built-in and custom, as JSON
                 *     (`{"field": "custom.tier", "op": "eq", "value": "gold"}`); `custom.<name>=<value>`
                 *     parameters are equalities. With either, the list is newest first and takes only `limit`
                 *     (at most 200), `cursor` and `count` beside them.
                 */
                filter?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
                /** @description Only this owner's cases. */
                owner_id?: string;
                /** @description Only this priority. */
                priority?: components["schemas"]["PriorityDto"];
                /** @description `created_at` (oldest first) or `-created_at` (default, newest first). */
                sort?: string;
                /** @description `open` or `closed`. */
                status?: components["schemas"]["CaseStatusDto"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of cases */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    open_case: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 h */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCaseRequest"];
            };
        };
        responses: {
            /** @description Opened */
            201: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    /** @description URL of the case */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields or unknown ids */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_case: {
        parameters: {
            query?: {
                /** @description Rebuild the record as it was at this moment (RFC 3339), from its change events. */
                as_of?: string;
            };
            header?: never;
            path: {
                /** @description Case id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The case */
            200: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such case */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid as_of */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    update_case: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the case changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description Case id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCaseRequest"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseResponse"];
                };
            };
            /** @description Malformed JSON or If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such case */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    close_case: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the case changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description Case id */
                id: string;
            };
            cookie?: never;
        };
        /** @description Optional */
        requestBody?: {
            content: {
                "application/json": null | components["schemas"]["CloseCaseRequest"];
            };
        };
        responses: {
            /** @description Closed */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseResponse"];
                };
            };
            /** @description Malformed JSON or If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such case */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Closed already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_case_history: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Case id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Change events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No case with this id ever existed */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_interactions: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Case id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of interactions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InteractionList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such case */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    add_interaction: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 h */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Case id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInteractionRequest"];
            };
        };
        responses: {
            /** @description Added */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InteractionResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such case */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The case is closed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reopen_case: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the case changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description Case id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Reopened */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseResponse"];
                };
            };
            /** @description Malformed If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such case */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The case is open */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    open_queue: {
        parameters: {
            query?: {
                /** @description Only this company's cases. */
                company_id?: string;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of open cases, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_changes: {
        parameters: {
            query?: {
                /**
                 * @description A `cursor` (or `next_cursor`) from an earlier read: the events after it. Absent: from the
                 *     first event.
                 */
                after?: string;
                /** @description Only events of this entity (`contact`, `company`, `deal`, `support_case`, `task`, `segment`, ...). */
                entity?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Change events after `after`, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangeFeedPage"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    stream_changes: {
        parameters: {
            query?: {
                /**
                 * @description Start after this cursor (`Last-Event-ID`, sent by a reconnecting client, wins). Absent:
                 *     only events numbered from now on; `0`: from the first event.
                 */
                after?: string;
                /** @description Only events of this entity. */
                entity?: string;
            };
            header?: {
                /** @description The `id` of the last event received (reconnecting) */
                "Last-Event-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An endless stream of `change` events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_companies: {
        parameters: {
            query?: {
                /** @description `true` adds `total`. */
                count?: boolean;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Only this domain (exact, case-insensitive). */
                domain?: string;
                /**
                 * @description A filter in the segment grammar over the records' fields, built-in and custom, as JSON
                 *     (`{"field": "custom.tier", "op": "eq", "value": "gold"}`); `custom.<name>=<value>`
                 *     parameters are equalities. With either, the list is newest first and takes only `limit`
                 *     (at most 200), `cursor` and `count` beside them.
                 */
                filter?: string;
                /** @description Only this industry (exact). */
                industry?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
                /** @description Search name and domain (words or word prefixes). */
                q?: string;
                /** @description `created_at`, `updated_at`, `name`; prefix `-` for descending. Default `-created_at`. */
                sort?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of companies */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    create_company: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 h */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCompanyRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    /** @description URL of the company */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_company: {
        parameters: {
            query?: {
                /** @description Rebuild the record as it was at this moment (RFC 3339), from its change events. */
                as_of?: string;
            };
            header?: never;
            path: {
                /** @description Company id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The company */
            200: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such company */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid as_of */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delete_company: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the company changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description Company id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such company */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The company still has contacts */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    update_company: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the company changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description Company id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCompanyRequest"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyResponse"];
                };
            };
            /** @description Malformed JSON or If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such company */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_company_contacts: {
        parameters: {
            query?: {
                /** @description Only contacts of this company. */
                company_id?: string;
                /** @description `true` adds `total` (costs a count). */
                count?: boolean;
                /** @description Created at or after this time (RFC 3339). */
                created_after?: string;
                /** @description Created before this time (RFC 3339). */
                created_before?: string;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
                /** @description Search names and email (words or word prefixes). */
                q?: string;
                /**
                 * @description `created_at`, `updated_at`, `name` (last, first), `email`; prefix `-` for descending.
                 *     Default `-created_at` (newest first).
                 */
                sort?: string;
                /** @description Only this status. */
                status?: components["schemas"]["ContactStatus"];
                /** @description Only contacts with this tag. */
                tag?: string;
            };
            header?: never;
            path: {
                /** @description Company id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of contacts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such company */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_company_history: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Company id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Change events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No company with this id ever existed */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    export_companies: {
        parameters: {
            query?: {
                /** @description `true` adds `total`. */
                count?: boolean;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Only this domain (exact, case-insensitive). */
                domain?: string;
                /**
                 * @description `csv` (default; a header row, arrays joined with `;`) or `ndjson` (each record as its GET
                 *     answers it).
                 */
                format?: string;
                /** @description Only this industry (exact). */
                industry?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
                /** @description Search name and domain (words or word prefixes). */
                q?: string;
                /** @description `created_at`, `updated_at`, `name`; prefix `-` for descending. Default `-created_at`. */
                sort?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The companies, as a download */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                    "text/csv": string;
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_contacts: {
        parameters: {
            query?: {
                /** @description Only contacts of this company. */
                company_id?: string;
                /** @description `true` adds `total` (costs a count). */
                count?: boolean;
                /** @description Created at or after this time (RFC 3339). */
                created_after?: string;
                /** @description Created before this time (RFC 3339). */
                created_before?: string;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /**
                 * @description A filter in the segment grammar over the records' fields, built-in and custom, as JSON
                 *     (`{"field": "custom.tier", "op": "eq", "value": "gold"}`); `custom.<name>=<value>`
                 *     parameters are equalities. With either, the list is newest first and takes only `limit`
                 *     (at most 200), `cursor` and `count` beside them.
                 */
                filter?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
                /** @description Search names and email (words or word prefixes). */
                q?: string;
                /**
                 * @description `created_at`, `updated_at`, `name` (last, first), `email`; prefix `-` for descending.
                 *     Default `-created_at` (newest first).
                 */
                sort?: string;
                /** @description Only this status. */
                status?: components["schemas"]["ContactStatus"];
                /** @description Only contacts with this tag. */
                tag?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of contacts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    create_contact: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 h */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateContactRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    /** @description URL of the contact */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Email already taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_contact: {
        parameters: {
            query?: {
                /** @description Rebuild the record as it was at this moment (RFC 3339), from its change events. */
                as_of?: string;
            };
            header?: never;
            path: {
                /** @description Contact id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contact */
            200: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such contact (or it did not exist at as_of) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid as_of */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delete_contact: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the contact changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description Contact id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such contact */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    update_contact: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the contact changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description Contact id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateContactRequest"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactResponse"];
                };
            };
            /** @description Malformed JSON or If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such contact */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Email already taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields or forbidden status change (invalid_transition) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    contact_briefing: {
        parameters: {
            query?: {
                /** @description `true`: write it again. */
                refresh?: boolean;
            };
            header?: never;
            path: {
                /** @description Contact id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The briefing */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BriefingResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such contact */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The contact was merged into another (`merged_into`) */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter, or the model's answer failed the checks twice */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The model could not be reached (`llm_unavailable`) */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_consents: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Contact id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Entries and state */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentLedger"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such contact */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The contact was merged into another */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    record_consent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 h */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Contact id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateConsentRequest"];
            };
        };
        responses: {
            /** @description Recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such contact */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The contact was merged into another */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    erase_contact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Contact id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Erased; the anonymous record */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such contact */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Changed during erasure; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    export_contact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Contact id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactExportResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such contact */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_contact_history: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Contact id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Change events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No contact with this id ever existed */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merge_contact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The contact that stays */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MergeRequest"];
            };
        };
        responses: {
            /** @description Merged */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MergeResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such contact */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The other contact was already merged, or a contact changed meanwhile */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This contact was merged into another */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields, or no other contact with that id */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    contact_score: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Contact id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The score and its parts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScoreResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such contact */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_contact_timeline: {
        parameters: {
            query?: {
                /** @description At or after this time (RFC 3339). */
                after?: string;
                /** @description Before this time (RFC 3339). */
                before?: string;
                /** @description Only this contact (feed only). */
                contact_id?: string;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /**
                 * @description Only this kind: `note`, `call`, `meeting`, `email`, `change`, or `deal`, `case`, `task` (changes
                 *     to records that name the contact).
                 */
                kind?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Contact id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Entries, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimelineList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such contact */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    create_timeline_entry: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 h */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Contact id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTimelineEntryRequest"];
            };
        };
        responses: {
            /** @description Logged */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimelineEntryResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such contact */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unmerge_contact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The contact the merge went into */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UnmergeRequest"];
            };
        };
        responses: {
            /** @description Both contacts restored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnmergeResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such contact */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already undone, or something the merge wrote changed since */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a merge into this contact */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_duplicates: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
                /** @description Only pairs found for this reason. */
                reason?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Duplicate pairs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DuplicateList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    scan_progress: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Progress */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScanResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rescan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Scanning from the start */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScanResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    export_contacts: {
        parameters: {
            query?: {
                /** @description Only contacts of this company. */
                company_id?: string;
                /** @description `true` adds `total` (costs a count). */
                count?: boolean;
                /** @description Created at or after this time (RFC 3339). */
                created_after?: string;
                /** @description Created before this time (RFC 3339). */
                created_before?: string;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /**
                 * @description `csv` (default; a header row, arrays joined with `;`) or `ndjson` (each record as its GET
                 *     answers it).
                 */
                format?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
                /** @description Search names and email (words or word prefixes). */
                q?: string;
                /**
                 * @description Export this segment's members now (newest first) instead of a filtered list; not
                 *     combined with the list filters.
                 */
                segment_id?: string;
                /**
                 * @description `created_at`, `updated_at`, `name` (last, first), `email`; prefix `-` for descending.
                 *     Default `-created_at` (newest first).
                 */
                sort?: string;
                /** @description Only this status. */
                status?: components["schemas"]["ContactStatus"];
                /** @description Only contacts with this tag. */
                tag?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contacts, as a download */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                    "text/csv": string;
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such segment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_deals: {
        parameters: {
            query?: {
                /** @description Only this company's deals. */
                company_id?: string;
                /** @description Only deals naming this contact. */
                contact_id?: string;
                /** @description `true` adds `total`. */
                count?: boolean;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Expected to close on or after this date (`YYYY-MM-DD`). */
                expected_close_after?: string;
                /** @description Expected to close before this date (`YYYY-MM-DD`). */
                expected_close_before?: string;
                /**
                 * @description A filter in the segment grammar over the records' fields, built-in and custom, as JSON
                 *     (`{"field": "custom.tier", "op": "eq", "value": "gold"}`); `custom.<name>=<value>`
                 *     parameters are equalities. With either, the list is newest first and takes only `limit`
                 *     (at most 200), `cursor` and `count` beside them.
                 */
                filter?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
                /** @description `true`: open deals only; `false`: closed (won or lost) only. */
                open?: boolean;
                /** @description Only this owner's deals. */
                owner_id?: string;
                /** @description Search the name (words or word prefixes). */
                q?: string;
                /** @description `created_at`, `name`, `amount`, `expected_close`; prefix `-` for descending. Default `-created_at`. */
                sort?: string;
                /** @description Only this stage. */
                stage?: components["schemas"]["StageDto"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deals */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    create_deal: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 h */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDealRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    /** @description URL of the deal */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields or unknown ids */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_deal: {
        parameters: {
            query?: {
                /** @description Rebuild the record as it was at this moment (RFC 3339), from its change events. */
                as_of?: string;
            };
            header?: never;
            path: {
                /** @description Deal id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deal */
            200: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such deal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid as_of */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delete_deal: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the deal changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description Deal id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such deal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    update_deal: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the deal changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description Deal id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDealRequest"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealResponse"];
                };
            };
            /** @description Malformed JSON or If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such deal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields or a rule of the stages */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_deal_history: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Deal id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Change events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No deal with this id ever existed */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    export_deals: {
        parameters: {
            query?: {
                /** @description Only this company's deals. */
                company_id?: string;
                /** @description Only deals naming this contact. */
                contact_id?: string;
                /** @description `true` adds `total`. */
                count?: boolean;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Expected to close on or after this date (`YYYY-MM-DD`). */
                expected_close_after?: string;
                /** @description Expected to close before this date (`YYYY-MM-DD`). */
                expected_close_before?: string;
                /**
                 * @description `csv` (default; a header row, arrays joined with `;`) or `ndjson` (each record as its GET
                 *     answers it).
                 */
                format?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
                /** @description `true`: open deals only; `false`: closed (won or lost) only. */
                open?: boolean;
                /** @description Only this owner's deals. */
                owner_id?: string;
                /** @description Search the name (words or word prefixes). */
                q?: string;
                /** @description `created_at`, `name`, `amount`, `expected_close`; prefix `-` for descending. Default `-created_at`. */
                sort?: string;
                /** @description Only this stage. */
                stage?: components["schemas"]["StageDto"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deals, as a download */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                    "text/csv": string;
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    pipeline: {
        parameters: {
            query?: {
                /** @description Expected to close on or after this date (`YYYY-MM-DD`). */
                expected_close_after?: string;
                /** @description Expected to close before this date (`YYYY-MM-DD`). */
                expected_close_before?: string;
                /** @description Only this owner's deals. */
                owner_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The pipeline */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelineResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_events: {
        parameters: {
            query?: {
                /** @description `true` adds `total`. */
                count?: boolean;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /**
                 * @description A filter in the segment grammar over the records' fields, built-in and custom, as JSON
                 *     (`{"field": "custom.tier", "op": "eq", "value": "gold"}`); `custom.<name>=<value>`
                 *     parameters are equalities. With either, the list is newest first and takes only `limit`
                 *     (at most 200), `cursor` and `count` beside them.
                 */
                filter?: string;
                /** @description Starting at or after this moment (RFC 3339). */
                from?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
                /** @description Words of the name or place (prefixes match). */
                q?: string;
                /** @description `starts_at` (default) or `created_at`; prefix `-` for descending. Ignored with `upcoming`. */
                sort?: string;
                /** @description Starting before this moment (RFC 3339). */
                to?: string;
                /** @description `true`: only events not over yet, the soonest to end first (an event under way is listed). */
                upcoming?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    create_event: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 h */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateEventRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    /** @description URL of the event */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields (an end before the start, an unknown time zone) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_event: {
        parameters: {
            query?: {
                /** @description Rebuild the record as it was at this moment (RFC 3339), from its change events. */
                as_of?: string;
            };
            header?: never;
            path: {
                /** @description Event id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event */
            200: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such event */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid as_of */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delete_event: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the event changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description Event id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such event */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The event has invitations (`event_has_invitations`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    update_event: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the event changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description Event id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateEventRequest"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventResponse"];
                };
            };
            /** @description Malformed JSON or If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such event */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The capacity is below the confirmed guests */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    check_in: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Event id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckInRequest"];
            };
        };
        responses: {
            /** @description Checked in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such event, or no invitation to it with this code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already checked in (`already_checked_in`, `checked_in_at`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields or unknown contact */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_event_history: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Event id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Change events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No event with this id ever existed */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_invitations: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
                /** @description Only guests with this status; `waitlisted` lists the waitlist in its order. */
                status?: components["schemas"]["InvitationStatusDto"];
            };
            header?: never;
            path: {
                /** @description Event id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of invitations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such event */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    invite_guests: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Event id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InviteRequest"];
            };
        };
        responses: {
            /** @description The contacts are invited */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteResponse"];
                };
            };
            /** @description The segment's members are being invited */
            202: {
                headers: {
                    /** @description URL of the job */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteJobResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such event */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No contacts, too many, or unknown ids (`contact_ids[i]`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_invite_job: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Event id */
                id: string;
                /** @description Job id */
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteJobResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such job for this event */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rsvp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Event id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RsvpRequest"];
            };
        };
        responses: {
            /** @description The guest's invitation after the answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such event */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many answers at once; try again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields or unknown contact */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_imports: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of jobs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_import: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Job id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancel_import: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Job id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancelled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The import had already ended */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    import_contacts: {
        parameters: {
            query?: {
                /**
                 * @description `true` checks every row and counts what would be imported, updated or unchanged,
                 *     writing nothing.
                 */
                dry_run?: boolean;
                /**
                 * @description JSON object: column header -> field (`email`, `first_name`, `last_name`, `phone`,
                 *     `title`, `status`, `source`, `tags` (split on `;`), `company_id`, `company`: an existing
                 *     company's domain or name, `owner_id`: a user's id) or `ignore`. Columns
                 *     not named are matched by their usual spellings (`E-mail`, `Given name`, `Surname`...).
                 */
                mapping?: string;
                /**
                 * @description `upsert` (default: a row whose email a contact has changes that contact with its
                 *     non-empty cells, tags are added) or `create_only` (such a row changes nothing).
                 */
                mode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The file */
        requestBody: {
            content: {
                "application/x-ndjson": string;
                "text/csv": string;
            };
        };
        responses: {
            /** @description Queued */
            202: {
                headers: {
                    /** @description URL of the job */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Larger than `imports.max_bytes` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Neither CSV nor NDJSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter, header or mapping */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_landing_pages: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
                /** @description `draft` or `published`. */
                status?: components["schemas"]["PageStatusDto"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of landing pages */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LandingPageList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    create_landing_page: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateLandingPageRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    /** @description URL of the page */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LandingPageResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The slug is taken (`slug_taken`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields or unknown ids */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_landing_page: {
        parameters: {
            query?: {
                /** @description Rebuild the record as it was at this moment (RFC 3339), from its change events. */
                as_of?: string;
            };
            header?: never;
            path: {
                /** @description Page id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page */
            200: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LandingPageResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such page */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid as_of */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delete_landing_page: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET */
                "If-Match"?: string;
            };
            path: {
                /** @description Page id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such page */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    update_landing_page: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the page changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description Page id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateLandingPageRequest"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LandingPageResponse"];
                };
            };
            /** @description Malformed JSON or If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such page */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The slug is taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    landing_page_analytics: {
        parameters: {
            query?: {
                /** @description First day (default: 29 days before `to`). */
                from?: string;
                /** @description Last day (default: today, UTC). */
                to?: string;
            };
            header?: never;
            path: {
                /** @description Page id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The figures */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LandingPageAnalytics"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such page */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid day */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    landing_page_history: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Page id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Change events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No page with this id ever existed */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    preview_landing_page: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Page id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page's HTML */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LandingPagePreview"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such page */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    publish_landing_page: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Page id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Published */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LandingPageResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such page */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unpublish_landing_page: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Page id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Unpublished */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LandingPageResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such page */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    generate_landing_page: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GenerateLandingPageRequest"];
            };
        };
        responses: {
            /** @description Written and stored */
            201: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    /** @description URL of the page */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LandingPageResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The slug is taken (`slug_taken`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields, unknown campaign or event, or an unusable draft */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The language model is unavailable */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_tools: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every tool */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ToolList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    run_tool: {
        parameters: {
            query?: {
                /**
                 * @description `true`: `text/event-stream` with `partial` events (`{"text"}`: pieces of the answer as
                 *     written), then one `result` event (the response body) or one `error` event (problem+json).
                 */
                stream?: boolean;
            };
            header?: never;
            path: {
                /** @description Tool: email_generator, social_post_generator, landing_page_generator or contact_briefing */
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ToolInputDto"];
            };
        };
        responses: {
            /** @description The tool's output; with `stream=true`, Server-Sent Events (`partial`, then `result` or `error`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ToolRunResponse"];
                    "text/event-stream": components["schemas"]["SseEventDto"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such tool */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input, or the model's answer failed the checks twice (`llm_invalid_output`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Today's token budget is spent (`llm_budget_spent`, `Retry-After`) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The model could not be reached (`llm_unavailable`) */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_runs: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of runs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LlmRunList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_notifications: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
                /** @description `true`: unread ones only. */
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of notifications */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    mark_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Notification id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Read */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such notification of this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_preferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Channels per kind */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreferencesBody"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    set_preferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreferencesBody"];
            };
        };
        responses: {
            /** @description Saved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreferencesBody"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown kinds or channels */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    mark_all_read: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All read */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unread_count: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The count */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCount"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_records: {
        parameters: {
            query?: {
                /** @description `true` adds `total`. */
                count?: boolean;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /**
                 * @description A filter in the segment grammar over the object's fields, as JSON
                 *     (`{"field": "custom.value", "op": "gte", "value": 1000}`); 422 names its bad node.
                 */
                filter?: string;
                /** @description Page size, 1 to 200 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description A custom object's name */
                object: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of records */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectRecordList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter or filter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    create_record: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 h */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description A custom object's name */
                object: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRecordRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    /** @description URL of the record */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectRecordResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A unique value is taken, or triggers loop */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields or unknown references */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_record: {
        parameters: {
            query?: {
                /** @description Rebuild the record as it was at this moment (RFC 3339), from its change events. */
                as_of?: string;
            };
            header?: never;
            path: {
                /** @description Record id */
                id: string;
                /** @description A custom object's name */
                object: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The record */
            200: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectRecordResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object or record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid as_of */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delete_record: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the record changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description Record id */
                id: string;
                /** @description A custom object's name */
                object: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object or record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    update_record: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the record changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description Record id */
                id: string;
                /** @description A custom object's name */
                object: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRecordRequest"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectRecordResponse"];
                };
            };
            /** @description Malformed JSON or If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object or record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A unique value is taken, or triggers loop */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_record_history: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Record id */
                id: string;
                /** @description A custom object's name */
                object: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Change events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object, or no record with this id ever existed */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    share_object_record: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Record id */
                id: string;
                /** @description Custom object name */
                object: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShareRequest"];
            };
        };
        responses: {
            /** @description The share's access changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareResponse"];
                };
            };
            /** @description Shared */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object or record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such user, or a bad access */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_object_shares: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Record id */
                id: string;
                /** @description Custom object name */
                object: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Shares */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object or record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unshare_object_record: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Record id */
                id: string;
                /** @description Custom object name */
                object: string;
                /** @description User id */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No longer shared */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object, record or share */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    export_records: {
        parameters: {
            query?: {
                /** @description `true` adds `total`. */
                count?: boolean;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /**
                 * @description A filter in the segment grammar over the object's fields, as JSON
                 *     (`{"field": "custom.value", "op": "gte", "value": 1000}`); 422 names its bad node.
                 */
                filter?: string;
                /**
                 * @description `csv` (default; a header row, arrays joined with `;`) or `ndjson` (each record as its GET
                 *     answers it).
                 */
                format?: string;
                /** @description Page size, 1 to 200 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description A custom object's name */
                object: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The records, as a download */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                    "text/csv": string;
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    import_records: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A custom object's name */
                object: string;
            };
            cookie?: never;
        };
        /** @description The records */
        requestBody: {
            content: {
                "application/x-ndjson": string;
                "text/csv": string;
            };
        };
        responses: {
            /** @description What the import did */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectImportResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Neither CSV nor NDJSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unreadable header row */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_devices: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The devices */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    register_device: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterDeviceRequest"];
            };
        };
        responses: {
            /** @description Registered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid token or platform */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    remove_device: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Device id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Forgotten */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such device of this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    run_query: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QueryRequest"];
            };
        };
        responses: {
            /** @description A page of rows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueryResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid filter, field, sort, limit or cursor */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_object_schema: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description contact, company, deal, case or event (plural accepted) */
                object: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON Schema */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/schema+json": Record<string, never>;
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_fields: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description contact, company, deal, case or event */
                object: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Fields */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    create_field: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description contact, company, deal, case or event */
                object: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateFieldRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    /** @description URL of the field */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `field_exists`, `values_not_unique` or `too_many_fields` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid definition */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_field: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Field id */
                id: string;
                /** @description contact, company, deal, case or event */
                object: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The field */
            200: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object or field */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delete_field: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the field changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description Field id */
                id: string;
                /** @description contact, company, deal, case or event */
                object: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object or field */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    update_field: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the field changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description Field id */
                id: string;
                /** @description contact, company, deal, case or event */
                object: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateFieldRequest"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldResponse"];
                };
            };
            /** @description Malformed JSON or If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object or field */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `values_not_unique` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid change */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_rules: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description contact, company, deal, case or event */
                object: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Rules */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    create_rule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description contact, company, deal, case or event */
                object: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRuleRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    /** @description URL of the rule */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rule_exists` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid rule, or a condition that does not compile */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_rule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Rule id */
                id: string;
                /** @description contact, company, deal, case or event */
                object: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rule */
            200: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object or rule */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delete_rule: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the rule changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description Rule id */
                id: string;
                /** @description contact, company, deal, case or event */
                object: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object or rule */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    update_rule: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the rule changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description Rule id */
                id: string;
                /** @description contact, company, deal, case or event */
                object: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRuleRequest"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleResponse"];
                };
            };
            /** @description Malformed JSON or If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object or rule */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rule_exists` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid change */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    test_rule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description contact, company, deal, case or event */
                object: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RuleTestRequest"];
            };
        };
        responses: {
            /** @description What the condition gave */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleTestResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The condition does not compile */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_security: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description contact, company, deal, case, event or a custom object */
                object: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings */
            200: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecurityResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    put_security: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the settings changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description contact, company, deal, case, event or a custom object */
                object: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSecurityRequest"];
            };
        };
        responses: {
            /** @description Saved */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecurityResponse"];
                };
            };
            /** @description Malformed JSON or If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Changed by another request at the same moment */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid settings */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_triggers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description contact, company, deal, case or event */
                object: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Triggers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TriggerList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    create_trigger: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description contact, company, deal, case or event */
                object: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTriggerRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    /** @description URL of the trigger */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TriggerResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `trigger_exists` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid trigger: a condition or expression that does not compile, an action that does not suit the timing, a field that does not exist */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_trigger: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Trigger id */
                id: string;
                /** @description contact, company, deal, case or event */
                object: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The trigger */
            200: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TriggerResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object or trigger */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delete_trigger: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the trigger changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description Trigger id */
                id: string;
                /** @description contact, company, deal, case or event */
                object: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object or trigger */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    update_trigger: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the trigger changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description Trigger id */
                id: string;
                /** @description contact, company, deal, case or event */
                object: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTriggerRequest"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TriggerResponse"];
                };
            };
            /** @description Malformed JSON or If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object or trigger */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `trigger_exists` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid change */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_trigger_runs: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Trigger id */
                id: string;
                /** @description contact, company, deal, case or event */
                object: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of runs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TriggerRunList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object or trigger */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_objects: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Objects */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    create_object: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateObjectRequest"];
            };
        };
        responses: {
            /** @description Defined */
            201: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    /** @description URL of the object */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `object_exists` or `too_many_objects` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid name, field or relationship */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_object: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The object's name */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The object */
            200: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delete_object: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the object changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description The object's name */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `object_has_records` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    update_object: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the object changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description The object's name */
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateObjectRequest"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectResponse"];
                };
            };
            /** @description Malformed JSON or If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid change */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_segments: {
        parameters: {
            query?: {
                /** @description `true` adds `total` (a segment's contacts only). */
                count?: boolean;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of segments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    create_segment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 h */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSegmentRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    /** @description URL of the segment */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields or filter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_segment: {
        parameters: {
            query?: {
                /** @description Rebuild the record as it was at this moment (RFC 3339), from its change events. */
                as_of?: string;
            };
            header?: never;
            path: {
                /** @description Segment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The segment */
            200: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such segment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid as_of */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delete_segment: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the segment changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description Segment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such segment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    update_segment: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the segment changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description Segment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSegmentRequest"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentResponse"];
                };
            };
            /** @description Malformed JSON or If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such segment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields or filter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    segment_contacts: {
        parameters: {
            query?: {
                /** @description `true` adds `total` (a segment's contacts only). */
                count?: boolean;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Segment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of contacts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such segment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_segment_history: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Segment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Change events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No segment with this id ever existed */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    preview_segment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreviewRequest"];
            };
        };
        responses: {
            /** @description Count and sample */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreviewResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid filter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_tasks: {
        parameters: {
            query?: {
                /** @description Assigned to this user; `me` for the signed-in caller. */
                assignee_id?: string;
                /** @description About this case. */
                case_id?: string;
                /** @description About this company. */
                company_id?: string;
                /** @description About this contact. */
                contact_id?: string;
                /** @description `true` adds `total`. */
                count?: boolean;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description About this deal. */
                deal_id?: string;
                /** @description Due at or after this moment (RFC 3339). */
                due_after?: string;
                /** @description Due before this moment (RFC 3339). */
                due_before?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
                /**
                 * @description `due_at` (default: soonest due first, so overdue first; undated last) or `created_at`;
                 *     prefix `-` for descending.
                 */
                sort?: string;
                /** @description `open` or `done`. */
                status?: components["schemas"]["TaskStatusDto"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of tasks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    create_task: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 h */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTaskRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    /** @description URL of the task */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields or unknown ids */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_task: {
        parameters: {
            query?: {
                /** @description Rebuild the record as it was at this moment (RFC 3339), from its change events. */
                as_of?: string;
            };
            header?: never;
            path: {
                /** @description Task id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task */
            200: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such task */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid as_of */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delete_task: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the task changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description Task id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such task */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    update_task: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the task changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description Task id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTaskRequest"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskResponse"];
                };
            };
            /** @description Malformed JSON or If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such task */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields or unknown ids */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    complete_task: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the task changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description Task id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskResponse"];
                };
            };
            /** @description Malformed If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such task */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_task_history: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Task id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Change events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No task with this id ever existed */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_timeline: {
        parameters: {
            query?: {
                /** @description At or after this time (RFC 3339). */
                after?: string;
                /** @description Before this time (RFC 3339). */
                before?: string;
                /** @description Only this contact (feed only). */
                contact_id?: string;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /**
                 * @description Only this kind: `note`, `call`, `meeting`, `email`, `change`, or `deal`, `case`, `task` (changes
                 *     to records that name the contact).
                 */
                kind?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Entries, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimelineList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_users: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    create_user: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Email taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields or weak password */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_user: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description User id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delete_user: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description User id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The last admin */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    update_user: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET */
                "If-Match"?: string;
            };
            path: {
                /** @description User id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserRequest"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Email taken, or the last admin */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields or weak password */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_views: {
        parameters: {
            query?: {
                /** @description Only the views of this object (contact, company, deal, case or event). */
                object?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Views */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ViewList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    create_view: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateViewRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    /** @description URL of the view */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ViewResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid view */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_view: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description View id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The view */
            200: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ViewResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such view, or another user's unshared one */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delete_view: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the view changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description View id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user's view */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such view */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    update_view: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from a GET; 412 if the view changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description View id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateViewRequest"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ViewResponse"];
                };
            };
            /** @description Malformed JSON or If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user's view */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such view */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid change */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_webhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Subscriptions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    create_webhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookRequest"];
            };
        };
        responses: {
            /** @description Subscribed; `secret` is shown only now */
            201: {
                headers: {
                    /** @description URL of the subscription */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid URL or event patterns */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_webhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Subscription id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The subscription */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such subscription */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delete_webhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Subscription id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such subscription */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_deliveries: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1 to 500 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Subscription id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryList"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such subscription */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    redeliver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Delivery id */
                delivery_id: string;
                /** @description Subscription id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued again */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryResponse"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such subscription or delivery */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description It is being sent right now (`delivery_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirm_consent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The signed token of the emailed link */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Consent confirmed (now or before) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": unknown;
                };
            };
            /** @description The link is not valid */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": unknown;
                };
            };
        };
    };
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Healthy */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthResponse"];
                };
            };
            /** @description The database does not answer */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    health_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LiveResponse"];
                };
            };
        };
    };
    health_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadyResponse"];
                };
            };
            /** @description Not ready: migrating or the database does not answer */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadyResponse"];
                };
            };
        };
    };
    submit_form: {
        parameters: {
            query?: {
                /** @description `utm_campaign`. */
                utm_campaign?: string;
                /** @description `utm_content`. */
                utm_content?: string;
                /** @description `utm_medium`. */
                utm_medium?: string;
                /** @description `utm_source`. */
                utm_source?: string;
                /** @description `utm_term`. */
                utm_term?: string;
            };
            header?: never;
            path: {
                /** @description Page id */
                id: string;
            };
            cookie?: never;
        };
        /** @description The form's fields */
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": string;
            };
        };
        responses: {
            /** @description Thank you */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": unknown;
                };
            };
            /** @description To the page's redirect */
            303: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The form expired or could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": unknown;
                };
            };
            /** @description No such published page */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": unknown;
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields: the form again with the reasons */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": unknown;
                };
            };
            /** @description Too many forms from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": unknown;
                };
            };
        };
    };
    public_page: {
        parameters: {
            query?: {
                /** @description `utm_campaign`. */
                utm_campaign?: string;
                /** @description `utm_content`. */
                utm_content?: string;
                /** @description `utm_medium`. */
                utm_medium?: string;
                /** @description `utm_source`. */
                utm_source?: string;
                /** @description `utm_term`. */
                utm_term?: string;
            };
            header?: never;
            path: {
                /** @description Page slug or id */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": unknown;
                };
            };
            /** @description No such published page */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": unknown;
                };
            };
        };
    };
    rsvp_page: {
        parameters: {
            query?: {
                /** @description `yes`, `no` or `maybe`: recorded before the page is shown. */
                response?: string;
            };
            header?: never;
            path: {
                /** @description The guest's signed RSVP token */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The guest's page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": unknown;
                };
            };
            /** @description Not a link of ours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An answer other than yes, no or maybe */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    tracked_click: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Signed token of the message and link */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the message's link */
            302: {
                headers: {
                    /** @description The link */
                    Location?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not a link of ours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    open_pixel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Signed token of the message */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A 1x1 GIF */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/gif": unknown;
                };
            };
        };
    };
    unsubscribe_page: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Signed unsubscribe token */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": unknown;
                };
            };
            /** @description Not a link of ours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unsubscribe: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Signed unsubscribe token */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Unsubscribed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": unknown;
                };
            };
            /** @description Not a link of ours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    report_bounce: {
        parameters: {
            query?: never;
            header: {
                /** @description t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body"> */
                "X-CRM-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BounceRequest"];
            };
        };
        responses: {
            /** @description Recorded */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BounceResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, wrong or stale signature */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Bounce reports are off (`email.bounce_secret` is not set) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
