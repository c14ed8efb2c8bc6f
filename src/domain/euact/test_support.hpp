// Shared by the EU AI Act unit tests: the embedded data and questionnaire, and answers that
// default every question asked to "no" so that a test states only the answers it is about.
// Test code only; not thread-safe.
#pragma once
#include <boost/json.hpp>

#include <string>
#include <vector>

#include "domain/euact/eu_data.hpp"
#include "domain/euact/questionnaire.hpp"

namespace aims::euact::testing {

inline const Data& data() {
  static const Data d = Data::load_embedded();
  return d;
}

inline const Questionnaire& questionnaire() {
  static const Questionnaire q(data());
  return q;
}

inline boost::json::array strings(std::initializer_list<const char*> v) {
  boost::json::array a;
  for (auto s : v) a.emplace_back(s);
  return a;
}

/// `given` plus an answer to every other question asked: no, the first option, or none.
inline boost::json::object complete(boost::json::object given) {
  const auto& q = questionnaire();
  for (int round = 0; round < 200; ++round) {
    const Question* missing = nullptr;
    for (const auto* qu : q.asked(given))
      if (!given.contains(qu->id)) {
        missing = qu;
        break;
      }
    if (!missing) break;
    switch (missing->type) {
      case QuestionType::yes_no: given[missing->id] = false; break;
      case QuestionType::single_choice: given[missing->id] = missing->options.front().value; break;
      case QuestionType::multi_choice:
        given[missing->id] = missing->min_items ? boost::json::array{boost::json::value(missing->options.front().value)}
                                                : boost::json::array{};
        break;
    }
  }
  return given;
}

}  // namespace aims::euact::testing
