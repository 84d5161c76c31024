#pragma once
// MS-RequestId idempotency for every write (reference §4.1; product: "MS-RequestId idempotency
// on every write"). A POST, PATCH or PUT sent with an MS-RequestId runs inside one store
// transaction together with the record of its answer:
//  - a retry with the same request ID and the same request gets the first answer again
//    (same status, headers and body, plus `Idempotent-Replayed: true`), and changes nothing;
//  - the same request ID with a different request is refused with 422 (code 700422);
//  - answers are kept for `ttl`, sealed (auth/response_sealer.hpp), then purged.
// 5xx and 429 answers are not kept: the client should retry those.
#include <chrono>

#include "auth/response_sealer.hpp"
#include "common/clock.hpp"
#include "domain/store.hpp"
#include "http/message.hpp"

namespace csphub::api {

http::Middleware Idempotency(domain::Store& store, const auth::ResponseSealer& sealer, Clock& clock,
                             std::chrono::seconds ttl);

}  // namespace csphub::api
