#pragma once
// Draft invitation emails in the languages the seeds came in (product workflow 13).
#include <string>

namespace csphub::domain {

struct DraftEmail {
  std::string locale;  // the locale actually used: "en-US", "ru-RU" or "zh-TW"
  std::string subject;
  std::string body;
};

// `locale` is matched loosely ("ru", "ru-RU", "zh-Hant", "zh-TW"); anything else is English.
std::string NormalizeLocale(const std::string& locale);

// A provider asks a reseller to partner with it.
DraftEmail PartnershipInvitationEmail(const std::string& locale, const std::string& provider_name,
                                      const std::string& url);

}  // namespace csphub::domain
