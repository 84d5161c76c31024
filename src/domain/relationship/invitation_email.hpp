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

// A partner asks customers for a reseller relationship (reference §2.3). `provider_name` is set
// for a reseller's joint invitation (§2.4); `delegated_admin` when the link asks for DAP.
DraftEmail CustomerInvitationEmail(const std::string& locale, const std::string& partner_name,
                                   const std::string& provider_name, const std::string& url,
                                   bool delegated_admin);

}  // namespace csphub::domain
