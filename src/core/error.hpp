// Expected errors of aims: a code, a client-facing detail and optional field/row errors.
// Values only; thread-safe as values are.
#pragma once
#include <boost/system/result.hpp>
#include <boost/assert/source_location.hpp>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace aims {

enum class errc {
  bad_request,            // malformed request (syntax, unknown parameter value)
  validation,             // well-formed but invalid content; carries field errors
  unauthenticated,        // no or bad credentials
  forbidden,              // authenticated but the role does not allow it
  not_found,              // no such record in the caller's organization
  conflict,               // duplicate or state conflict
  precondition_failed,    // If-Match did not match the current version
  precondition_required,  // If-Match missing where it is required
  unsupported_media_type, // wrong Content-Type
  payload_too_large,      // body over the limit
  too_many_requests,      // throttled
  method_not_allowed,     // route exists, method does not
  unavailable,            // store or dependency down
  internal,               // a bug or an unexpected failure
};

/// A field (or CSV row) error inside a validation problem.
struct FieldError {
  std::string field;   // JSON field name or CSV column; may be empty
  int row = 0;         // CSV row number (header is row 1); 0 when not a CSV error
  std::string message; // client-facing
};

/// An expected failure. `detail` is safe to show to the client.
struct Error {
  errc code = errc::internal;
  std::string detail;
  std::vector<FieldError> errors;
};

inline Error make_error(errc c, std::string detail, std::vector<FieldError> errors = {}) {
  return Error{c, std::move(detail), std::move(errors)};
}

/// Thrown only when result<T>::value() is called on an error (a bug at the call site).
class ErrorException : public std::runtime_error {
 public:
  explicit ErrorException(Error e) : std::runtime_error(e.detail), error_(std::move(e)) {}
  const Error& error() const { return error_; }

 private:
  Error error_;
};

[[noreturn]] inline void throw_exception_from_error(const Error& e, const boost::source_location&) {
  throw ErrorException(e);
}

template <class T>
using result = boost::system::result<T, Error>;

using status = result<void>;

inline status ok() { return {}; }

/// A validation error (422) that says what is wrong.
inline Error invalid(std::string detail) { return make_error(errc::validation, std::move(detail)); }

}  // namespace aims
