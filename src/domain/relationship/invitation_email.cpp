#include "domain/relationship/invitation_email.hpp"

#include "common/ids.hpp"

namespace csphub::domain {
namespace {

std::string Fill(std::string text, const std::string& name, const std::string& url) {
  for (auto [key, value] :
       {std::pair<std::string, std::string>{"{partner}", name}, {"{url}", url}}) {
    for (size_t at = text.find(key); at != std::string::npos;
         at = text.find(key, at + value.size())) {
      text.replace(at, key.size(), value);
    }
  }
  return text;
}

}  // namespace

std::string NormalizeLocale(const std::string& locale) {
  const std::string l = ToLower(locale);
  if (l.rfind("ru", 0) == 0) return "ru-RU";
  if (l == "zh-tw" || l == "zh-hant" || l.rfind("zh-hant", 0) == 0 || l == "zh") return "zh-TW";
  return "en-US";
}

DraftEmail PartnershipInvitationEmail(const std::string& locale, const std::string& provider_name,
                                      const std::string& url) {
  DraftEmail e;
  e.locale = NormalizeLocale(locale);
  if (e.locale == "ru-RU") {
    e.subject = "{partner} приглашает вас стать непрямым реселлером";
    e.body =
        "Здравствуйте!\n\n{partner} приглашает вашу организацию стать непрямым реселлером. "
        "После того как вы примете приглашение, {partner} сможет добавлять клиентов от вашего "
        "имени, размещать заказы для ваших клиентов и указывать вас как реселлера подписок.\n\n"
        "Чтобы принять приглашение, войдите как глобальный администратор или агент "
        "администратора и откройте ссылку:\n{url}\n\nС уважением,\n{partner}";
  } else if (e.locale == "zh-TW") {
    e.subject = "{partner} 邀請您成為間接轉銷商";
    e.body =
        "您好：\n\n{partner} 邀請貴組織成為間接轉銷商。接受邀請後，{partner} "
        "即可代表您新增客戶、為您的客戶下訂單，並將您指定為訂用帳戶的轉銷商。\n\n"
        "請以全域管理員或管理員代理人身分登入，然後開啟以下連結以接受邀請：\n{url}\n\n"
        "{partner} 敬上";
  } else {
    e.subject = "{partner} invites you to become an indirect reseller";
    e.body =
        "Hello,\n\n{partner} invites your organization to partner with it as an indirect "
        "reseller. Once you accept, {partner} can add customers on your behalf, place orders "
        "for your customers and record you as the reseller on their subscriptions.\n\n"
        "To accept, sign in as a Global admin or Admin agent and open this link:\n{url}\n\n"
        "Regards,\n{partner}";
  }
  e.subject = Fill(e.subject, provider_name, url);
  e.body = Fill(e.body, provider_name, url);
  return e;
}

}  // namespace csphub::domain
