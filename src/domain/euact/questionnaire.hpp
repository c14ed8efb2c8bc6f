// The EU AI Act classification questionnaire: every question with its type, options and the
// condition under which it is asked (which questions follow which answers), built from the data
// files. One instance is built at start-up and shared; immutable, so thread-safe.
//
// Conditions are JSON, evaluated the same way by the server (here) and the web UI:
//   null                                   always
//   {"answer": ID, "is": V}                the answer to ID equals V (true/false or an option)
//   {"answer": ID, "includes": V}          the multi-choice answer to ID contains V
//   {"answer": ID, "includes_any": [V…]}   … contains one of them
//   {"all": [C…]}, {"any": [C…]}, {"not": C}, {"condition": NAME} (a named condition)
// A question's condition only refers to questions before it; answers to questions that are not
// asked count as missing.
#pragma once
#include <boost/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/euact/eu_data.hpp"

namespace aims::euact {

enum class QuestionType { yes_no, single_choice, multi_choice };

struct Option {
  std::string value, label, description;
};

struct Question {
  std::string id;
  std::string step;     // the wizard page it is shown on
  QuestionType type = QuestionType::yes_no;
  std::string text, help, article;
  std::vector<Option> options;  // choice questions
  int min_items = 0;            // multi-choice: fewest options to pick
  boost::json::value show_if;   // null: always asked
  std::string source;           // the data item the question comes from, if any
};

struct Step {
  std::string id, title, description;
};

class Questionnaire {
 public:
  explicit Questionnaire(const Data& data);

  const std::vector<Question>& questions() const { return questions_; }
  const std::vector<Step>& steps() const { return steps_; }
  const Question* find(std::string_view id) const;
  const Data& data() const { return data_; }

  /// The questions asked for these answers, in order. `effective` (if given) receives the answers
  /// to those questions only.
  std::vector<const Question*> asked(const boost::json::object& answers, boost::json::object* effective = nullptr) const;
  /// Evaluates a condition against answers (of asked questions only).
  bool holds(const boost::json::value& condition, const boost::json::object& answers) const;
  /// Evaluates a named condition ("out_of_scope", "prohibited", "annex3_use", "annex3_high_risk",
  /// "annex3_beyond_point_2", "high_risk").
  bool holds(std::string_view name, const boost::json::object& answers) const;

  /// The questionnaire as served by GET /api/v1/eu-ai-act/questionnaire.
  const std::string& json_text() const { return json_; }
  const std::string& version() const { return version_; }

  /// The text of an answer for people: yes/no, or the options' labels.
  std::string answer_text(const Question& q, const boost::json::value& v) const;

 private:
  void add(Question q) { questions_.push_back(std::move(q)); }
  const Data& data_;
  std::vector<Question> questions_;
  std::vector<Step> steps_;
  boost::json::object conditions_;
  std::string version_;
  std::string json_;
};

/// Checks submitted answers against the questionnaire: unknown questions and values of the wrong
/// type are errors, answers to questions not asked are dropped, and every question asked must be
/// answered. Returns the answers kept, or errc::validation with one field error per problem
/// (field "answers.<question id>").
result<boost::json::object> check_answers(const Questionnaire& q, const boost::json::value& answers);

}  // namespace aims::euact
