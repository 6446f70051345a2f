#pragma once

#include "HttpClient.h"
#include "SyncSource.h"

namespace workbench {
class Database;
}

namespace workbench::sync {

// The workspace's signed audit head as a checkpoint for the server
// (docs/sync-api.md, section 7): {seq, hash, signature, public_key, at}.
// Empty (seq 0) when the head was never signed.
QJsonObject signedCheckpoint(const Database& db);

// Sends the signed head to the source after a sync (REST: POST
// /audit-checkpoints; PostgREST: POST /audit_checkpoints), so that a later
// copy of the workspace whose log was cut short or rewritten can be told
// from the one the server saw. Nothing is sent when the head was never
// signed. A server that holds a later checkpoint of this key (409) is
// reported: the log here went back.
Status pushCheckpoint(const Database& db, const Endpoint& endpoint, HttpClient& http);

} // namespace workbench::sync
