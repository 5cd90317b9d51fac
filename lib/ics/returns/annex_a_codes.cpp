#include <ics/model/code_lists.hpp>
#include <ics/returns/annex_a_codes.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace ics::returns {

namespace {

using Labels = std::vector<std::pair<std::string_view, std::string_view>>;

// Sex as the child record holds it (M, F, U); Annex A's d) Neither has no code in icsctl.
const Labels k_gender = {{"M", "a) Male"}, {"F", "b) Female"}, {"U", "c) Not stated/recorded"}};

// The census ethnicity codes in the census's order, a) to t) (SSD extract; REFU and NOBT apart).
const Labels k_ethnicity = {
    {"WBRI", "a) WBRI"}, {"WIRI", "b) WIRI"}, {"WIRT", "c) WIRT"}, {"WOTH", "d) WOTH"}, {"WROM", "e) WROM"},
    {"MWBC", "f) MWBC"}, {"MWBA", "g) MWBA"}, {"MWAS", "h) MWAS"}, {"MOTH", "i) MOTH"}, {"AIND", "j) AIND"},
    {"APKN", "k) APKN"}, {"ABAN", "l) ABAN"}, {"AOTH", "m) AOTH"}, {"BCRB", "n) BCRB"}, {"BAFR", "o) BAFR"},
    {"BOTH", "p) BOTH"}, {"CHNE", "q) CHNE"}, {"OOTH", "r) OOTH"}, {"REFU", "s) REFU"}, {"NOBT", "t) NOBT"}};

const Labels k_yes_no = {{"yes", "a) Yes"}, {"no", "b) No"}, {"unknown", "c) Unknown"}};

const Labels k_category = {{"NEG", "a) Neglect"},
                           {"PHY", "b) Physical abuse"},
                           {"SAB", "c) Sexual abuse"},
                           {"EMO", "d) Emotional abuse"},
                           {"MUL", "e) Multiple/not recommended"}};

// The census referral sources with Annex A's letters and group names; 5D (early help, added to the
// census after the sample's list) is p1), between 5C and 6, as the SSD extract writes it.
const Labels k_referral_source = {{"1A", "a) 1A: Individual"},
                                  {"1B", "b) 1B: Individual"},
                                  {"1C", "c) 1C: Individual"},
                                  {"1D", "d) 1D: Individual"},
                                  {"2A", "e) 2A: Schools"},
                                  {"2B", "f) 2B: Education services"},
                                  {"3A", "g) 3A: Health services"},
                                  {"3B", "h) 3B: Health services"},
                                  {"3C", "i) 3C: Health services"},
                                  {"3D", "j) 3D: Health services"},
                                  {"3E", "k) 3E: Health services"},
                                  {"3F", "l) 3F: Health services"},
                                  {"4", "m) 4: Housing"},
                                  {"5A", "n) 5A: LA services"},
                                  {"5B", "o) 5B: LA services"},
                                  {"5C", "p) 5C: LA services"},
                                  {"5D", "p1) 5D: LA services"},
                                  {"6", "q) 6: Police"},
                                  {"7", "r) 7: Other legal agency"},
                                  {"8", "s) 8: Other"},
                                  {"9", "t) 9: Anonymous"},
                                  {"10", "u) 10: Unknown"}};

// A child's status on the extract date, as the list 6 query names it.
const Labels k_case_status = {{"looked-after", "a) Looked after child"},
                              {"cp-plan", "b) Child Protection plan"},
                              {"cin-plan", "c) Child in need plan"},
                              {"open-assessment", "d) Open assessment"},
                              {"closed", "e) Closed episode"}};

const Labels* labels_of(std::string_view coding) {
  if (coding == "gender") return &k_gender;
  if (coding == "ethnicity") return &k_ethnicity;
  if (coding == "yes_no") return &k_yes_no;
  if (coding == "category") return &k_category;
  if (coding == "referral_source") return &k_referral_source;
  if (coding == "case_status") return &k_case_status;
  return nullptr;
}

// "N1 - Abuse or neglect", "RC1 - Adopted": the code and its meaning in the census code list.
std::string code_and_meaning(std::string_view list, std::string_view value) {
  const auto* code = model::code_list(list).find(value);
  return code ? fmt::format("{} - {}", code->code, code->meaning) : std::string(value);
}

}  // namespace

const std::vector<std::string_view>& annex_a_codings() {
  static const std::vector<std::string_view> k_codings = {"gender",         "ethnicity",       "yes_no",
                                                          "category",       "referral_source", "primary_need",
                                                          "closure_reason", "case_status"};
  return k_codings;
}

bool is_annex_a_coding(std::string_view coding) {
  const auto& all = annex_a_codings();
  return std::find(all.begin(), all.end(), coding) != all.end();
}

std::string annex_a_label(std::string_view coding, std::string_view value) {
  if (coding == "primary_need") return code_and_meaning("primary-need", value);
  if (coding == "closure_reason") return code_and_meaning("closure-reason", value);
  if (const auto* labels = labels_of(coding))
    for (const auto& [code, label] : *labels)
      if (code == value) return std::string(label);
  return std::string(value);
}

}  // namespace ics::returns
