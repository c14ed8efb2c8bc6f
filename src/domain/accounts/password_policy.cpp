#include "domain/accounts/password_policy.hpp"

#include <array>
#include <set>
#include <unordered_set>
#include <vector>

#include "core/text.hpp"

namespace aims::accounts {

extern const std::string_view kCommonPasswords;

namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string keep(std::string_view s, bool (*pred)(char)) {
  std::string out;
  for (char c : s)
    if (pred(c)) out += c;
  return out;
}

bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }

/// Drops digits, spaces and symbols at both ends, then reads look-alike digits as letters.
std::string core_word(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && !is_alpha(s[b])) ++b;
  while (e > b && !is_alpha(s[e - 1])) --e;
  std::string out;
  for (char c : s.substr(b, e - b)) {
    switch (c) {
      case '0': c = 'o'; break;
      case '1': case '!': c = 'i'; break;
      case '3': c = 'e'; break;
      case '4': case '@': c = 'a'; break;
      case '5': case '$': c = 's'; break;
      case '7': c = 't'; break;
      default: break;
    }
    if (is_alpha(c)) out += c;
  }
  return out;
}

const std::unordered_set<std::string_view>& common() {
  static const auto set = [] {
    std::unordered_set<std::string_view> s;
    std::string_view all = kCommonPasswords;
    while (!all.empty()) {
      auto nl = all.find('\n');
      auto line = all.substr(0, nl);
      if (!line.empty()) s.insert(line);
      if (nl == std::string_view::npos) break;
      all.remove_prefix(nl + 1);
    }
    return s;
  }();
  return set;
}

/// True if s is one unit repeated (the last repetition may be cut short), e.g. "abcabcabca".
bool repeats(std::string_view s) {
  for (std::size_t unit = 1; unit * 2 <= s.size(); ++unit) {
    bool same = true;
    for (std::size_t i = unit; i < s.size() && same; ++i) same = s[i] == s[i - unit];
    if (same) return true;
  }
  return false;
}

// Keyboard rows and columns, and the alphabet: a walk is made of runs along these, either way.
constexpr std::array<std::string_view, 16> kLines{
    "1234567890-=", "!@#$%^&*()_+", "qwertyuiop[]", "asdfghjkl;'", "zxcvbnm,./", "qwertzuiop", "azertyuiop",
    "abcdefghijklmnopqrstuvwxyz", "1qaz", "2wsx", "3edc", "4rfv", "5tgb", "6yhn", "7ujm", "8ik,9ol.0p;/"};

bool on_a_line(std::string_view run) {
  for (auto line : kLines) {
    if (line.find(run) != std::string_view::npos) return true;
    std::string rev(run.rbegin(), run.rend());
    if (line.find(rev) != std::string_view::npos) return true;
  }
  return false;
}

/// True if s splits into runs of 3 or more characters that each follow a keyboard line or the
/// alphabet (forwards or backwards): qwertyuiop, 1qaz2wsx3edc, abcd1234, 9876543210.
bool keyboard_walk(std::string_view s) {
  if (s.size() < 3) return false;
  std::vector<bool> reach(s.size() + 1, false);
  reach[0] = true;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!reach[i]) continue;
    for (std::size_t j = i + 3; j <= s.size(); ++j) {
      if (!on_a_line(s.substr(i, j - i))) break;
      reach[j] = true;
    }
  }
  return reach[s.size()];
}

/// True if the characters climb or fall by one all the way (digits wrap: 7890123456).
bool sequence(std::string_view s) {
  if (s.size() < 3) return false;
  for (int step : {1, -1}) {
    bool all = true;
    for (std::size_t i = 1; i < s.size() && all; ++i) {
      int d = s[i] - s[i - 1];
      bool wrap = is_digit(s[i]) && is_digit(s[i - 1]) && (d == -9 * step);
      all = d == step || wrap;
    }
    if (all) return true;
  }
  return false;
}

Error refuse(std::string message) {
  return make_error(errc::validation, "The password is too easy to guess: " + message + ".",
                    {{"password", 0, std::move(message)}});
}

}  // namespace

status check_password_policy(std::string_view password, const PasswordContext& ctx) {
  if (text::utf8_length(std::string(password)) < 10)
    return make_error(errc::validation, "The password must have at least 10 characters.",
                      {{"password", 0, "at least 10 characters"}});
  if (password.size() > 1024)
    return make_error(errc::validation, "The password is too long (at most 1024 bytes).",
                      {{"password", 0, "at most 1024 bytes"}});
  auto lower = lower_ascii(password);
  auto no_space = lower;
  std::erase_if(no_space, [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
  if (no_space.empty()) return refuse("it is only spaces");
  if (std::set<char>(no_space.begin(), no_space.end()).size() < 4)
    return refuse("it uses fewer than 4 different characters");
  if (repeats(no_space)) return refuse("it repeats the same few characters");
  if (sequence(no_space)) return refuse("it is a sequence such as 0123456789 or abcdefghij");
  auto trimmed = no_space;
  while (!trimmed.empty() && !is_alnum(trimmed.back())) trimmed.pop_back();
  if (keyboard_walk(no_space) || keyboard_walk(trimmed)) return refuse("it is a walk along the keyboard");
  const auto& list = common();
  auto letters = keep(lower, is_alpha);
  auto core = core_word(lower);
  if (list.contains(lower) || list.contains(no_space) || (!letters.empty() && list.contains(letters)) ||
      (!core.empty() && list.contains(core)))
    return refuse("it is one of the most common passwords, perhaps with digits or symbols added");
  // The user's or organization's own names with little added.
  auto alnum = keep(lower, is_alnum);
  std::vector<std::string> words;
  if (!ctx.email.empty()) {
    words.push_back(keep(lower_ascii(ctx.email), is_alnum));
    words.push_back(keep(lower_ascii(ctx.email.substr(0, ctx.email.find('@'))), is_alnum));
  }
  words.push_back(keep(lower_ascii(ctx.user_name), is_alnum));
  words.push_back(keep(lower_ascii(ctx.org_name), is_alnum));
  for (const auto& w : words) {
    if (w.size() < 3) continue;
    auto rest = alnum;
    for (auto at = rest.find(w); at != std::string::npos; at = rest.find(w)) rest.erase(at, w.size());
    if (rest.size() != alnum.size() && rest.size() < 6)
      return refuse("it is mostly your email, your name or the organization's name");
  }
  return ok();
}

}  // namespace aims::accounts
