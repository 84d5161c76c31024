#include "domain/relationship/invitation_email.hpp"

#include "common/ids.hpp"

namespace csphub::domain {
namespace {

using Substitutions = std::initializer_list<std::pair<std::string, std::string>>;

std::string Fill(std::string text, Substitutions values) {
  for (const auto& [key, value] : values) {
    for (size_t at = text.find(key); at != std::string::npos;
         at = text.find(key, at + value.size())) {
      text.replace(at, key.size(), value);
    }
  }
  return text;
}

std::string Fill(std::string text, const std::string& name, const std::string& url) {
  return Fill(std::move(text), {{"{partner}", name}, {"{url}", url}});
}

// The customer invitation's text per locale; {joint} and {dap} are sentences of their own.
struct CustomerTexts {
  const char* subject;
  const char* body;
  const char* joint;  // the provider comes too
  const char* dap;    // delegated admin is asked for
  const char* and_;   // "A and B"
};

const CustomerTexts& CustomerTextsFor(const std::string& locale) {
  static const CustomerTexts kEn{
      "{partner} invites you to a reseller relationship",
      "Hello,\n\n{partner} would like to become your organization's cloud solution provider. "
      "Once you accept, {partner} can sell you cloud subscriptions and manage them for you."
      "{joint}{dap}\n\nTo accept, sign in as a Global Administrator of your organization and "
      "open this link:\n{url}\n\nIf your organization has no account yet, the same link lets "
      "you create one.\n\nRegards,\n{partner}",
      " {provider}, the indirect provider {partner} works with, will have a reseller "
      "relationship with you too and can place orders for your organization.",
      " The invitation includes delegated administration privileges: {admins} will be able to "
      "administer your users, licenses and services. You can remove them at any time.",
      " and "};
  static const CustomerTexts kRu{
      "{partner} приглашает вас установить отношения с реселлером",
      "Здравствуйте!\n\n{partner} предлагает стать поставщиком облачных решений для вашей "
      "организации. После того как вы примете приглашение, {partner} сможет продавать вам "
      "облачные подписки и управлять ими.{joint}{dap}\n\nЧтобы принять приглашение, войдите как "
      "глобальный администратор вашей организации и откройте ссылку:\n{url}\n\nЕсли у вашей "
      "организации еще нет учетной записи, по этой же ссылке ее можно создать.\n\n"
      "С уважением,\n{partner}",
      " Отношения с вами установит и {provider}, непрямой поставщик, с которым работает "
      "{partner}: он сможет размещать заказы для вашей организации.",
      " Приглашение включает делегированные права администратора: {admins} смогут управлять "
      "вашими пользователями, лицензиями и службами. Вы можете отозвать эти права в любое "
      "время.",
      " и "};
  static const CustomerTexts kZh{
      "{partner} 邀請您建立轉銷商關係",
      "您好：\n\n{partner} 希望成為貴組織的雲端解決方案提供者。接受邀請後，{partner} "
      "即可向您銷售雲端訂用帳戶並代為管理。{joint}{dap}\n\n請以貴組織的全域管理員身分登入，"
      "然後開啟以下連結以接受邀請：\n{url}\n\n如果貴組織尚未擁有帳戶，也可以透過此連結建立"
      "帳戶。\n\n{partner} 敬上",
      "{partner} 合作的間接提供者 {provider} 也將與您建立轉銷商關係，並可為貴組織下訂單。",
      "此邀請包含委派系統管理權限：{admins} 將能管理您的使用者、授權和服務。您可以隨時移除這些"
      "權限。",
      " 和 "};
  if (locale == "ru-RU") return kRu;
  if (locale == "zh-TW") return kZh;
  return kEn;
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

DraftEmail CustomerInvitationEmail(const std::string& locale, const std::string& partner_name,
                                   const std::string& provider_name, const std::string& url,
                                   bool delegated_admin) {
  DraftEmail e;
  e.locale = NormalizeLocale(locale);
  const CustomerTexts& t = CustomerTextsFor(e.locale);
  const bool joint = !provider_name.empty();
  // The sentences go in first, so that the names inside them are filled with the rest.
  std::string body =
      Fill(t.body, {{"{joint}", joint ? t.joint : ""}, {"{dap}", delegated_admin ? t.dap : ""}});
  const std::string admins = joint ? partner_name + t.and_ + provider_name : partner_name;
  const Substitutions names = {
      {"{partner}", partner_name}, {"{provider}", provider_name}, {"{admins}", admins}};
  e.subject = Fill(t.subject, names);
  e.body = Fill(Fill(std::move(body), names), {{"{url}", url}});
  return e;
}

}  // namespace csphub::domain
