// Maps expected errors to RFC 9457 problem+json responses. Pure functions; thread-safe.
#pragma once
#include "core/error.hpp"
#include "http/message.hpp"

namespace aims::http {

int status_of(errc code);
Response problem(const Error& e, const std::string& instance = {});
Response problem(errc code, std::string detail, const std::string& instance = {});
/// 431 Request Header Fields Too Large: answered by the server itself, before any route sees the request.
Response header_fields_too_large(std::string detail);

}  // namespace aims::http
