#include "auth/token_service.hpp"

#include <gtest/gtest.h>

#include "auth/sodium_credentials.hpp"

namespace csphub::auth {
namespace {

const std::string kKey = "0123456789abcdef0123456789abcdef-test-key";
const std::string kOtherKey = "fedcba9876543210fedcba9876543210-other-key";

std::string B64Url(const std::string& in) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(in[i]) << 16) |
                       (static_cast<unsigned char>(in[i + 1]) << 8) |
                       static_cast<unsigned char>(in[i + 2]);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  if (i + 1 == in.size()) {
    const unsigned v = static_cast<unsigned char>(in[i]) << 16;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
  } else if (i + 2 == in.size()) {
    const unsigned v =
        (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
  }
  return out;
}

class TokenServiceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(InitSodium()); }

  TokenServiceTest() : clock_(FromUnixMillis(1795244340000)), tokens_(kKey, 3600, clock_) {}

  static domain::SignedIn User() {
    domain::SignedIn who{};
    who.kind = domain::PrincipalKind::kPartnerUser;
    who.tenant_id = "11111111-1111-1111-1111-111111111111";
    who.subject_id = "22222222-2222-2222-2222-222222222222";
    who.user_principal_name = "admin@contoso.onmicrosoft.com";
    who.roles = domain::RoleSet{domain::Role::kAdminAgent, domain::Role::kBillingAdmin};
    who.must_change_password = true;
    return who;
  }

  void ExpectUnauthenticated(const std::string& token) {
    auto r = tokens_.Verify(token);
    EXPECT_FALSE(r.ok()) << token;
    EXPECT_EQ(r.status().code(), StatusCode::kUnauthenticated) << token;
  }

  ManualClock clock_;
  TokenService tokens_;
};

TEST_F(TokenServiceTest, RoundTrip) {
  auto token = tokens_.Issue(User());
  ASSERT_TRUE(token.ok()) << token.status().detail();
  auto claims = tokens_.Verify(*token);
  ASSERT_TRUE(claims.ok()) << claims.status().description();
  EXPECT_EQ(claims->kind, domain::PrincipalKind::kPartnerUser);
  EXPECT_EQ(claims->tenant_id, User().tenant_id);
  EXPECT_EQ(claims->subject_id, User().subject_id);
  EXPECT_EQ(claims->user_principal_name, User().user_principal_name);
  EXPECT_EQ(claims->roles, User().roles);
  EXPECT_TRUE(claims->must_change_password);
  EXPECT_EQ(claims->expires_at, clock_.NowUnix() + 3600);
}

TEST_F(TokenServiceTest, CustomerUsersCarryTheirGlobalAdminRoleAndOthersNever) {
  domain::SignedIn customer{};
  customer.kind = domain::PrincipalKind::kCustomerUser;
  customer.tenant_id = "33333333-3333-3333-3333-333333333333";
  customer.subject_id = "44444444-4444-4444-4444-444444444444";
  customer.user_principal_name = "admin@acme.onmicrosoft.com";
  customer.application_id = domain::kPortalClientId;
  for (bool admin : {true, false}) {
    customer.customer_global_admin = admin;
    auto claims = tokens_.Verify(*tokens_.Issue(customer));
    ASSERT_TRUE(claims.ok()) << claims.status().description();
    EXPECT_EQ(claims->kind, domain::PrincipalKind::kCustomerUser);
    EXPECT_EQ(claims->tenant_id, customer.tenant_id);
    EXPECT_EQ(claims->customer_global_admin, admin);
  }
  // The flag means nothing on a partner's token, even if set.
  domain::SignedIn partner = User();
  partner.customer_global_admin = true;
  auto claims = tokens_.Verify(*tokens_.Issue(partner));
  ASSERT_TRUE(claims.ok());
  EXPECT_FALSE(claims->customer_global_admin);
}

TEST_F(TokenServiceTest, RoundTripAppAndOperator) {
  domain::SignedIn app{};
  app.kind = domain::PrincipalKind::kApp;
  app.tenant_id = "t";
  app.subject_id = "client";
  app.application_id = "client";
  app.roles = domain::RoleSet{domain::Role::kGlobalAdmin};
  auto token = tokens_.Issue(app);
  ASSERT_TRUE(token.ok());
  auto claims = tokens_.Verify(*token);
  ASSERT_TRUE(claims.ok());
  EXPECT_EQ(claims->kind, domain::PrincipalKind::kApp);
  EXPECT_EQ(claims->application_id, "client");
  EXPECT_FALSE(claims->must_change_password);
  EXPECT_EQ(claims->roles, app.roles);

  domain::SignedIn op{};
  op.kind = domain::PrincipalKind::kOperator;
  op.subject_id = "operator";
  auto op_token = tokens_.Issue(op);
  ASSERT_TRUE(op_token.ok());
  auto op_claims = tokens_.Verify(*op_token);
  ASSERT_TRUE(op_claims.ok());
  EXPECT_EQ(op_claims->kind, domain::PrincipalKind::kOperator);
  EXPECT_TRUE(op_claims->tenant_id.empty());
  EXPECT_TRUE(op_claims->roles.empty());
}

TEST_F(TokenServiceTest, Expired) {
  auto token = tokens_.Issue(User());
  ASSERT_TRUE(token.ok());
  clock_.Advance(std::chrono::seconds(3599));
  EXPECT_TRUE(tokens_.Verify(*token).ok());
  clock_.Advance(std::chrono::seconds(2));
  ExpectUnauthenticated(*token);
}

// Verify() remembers good tokens; a remembered token must still expire, and a token differing
// from it in any byte is checked from scratch.
TEST_F(TokenServiceTest, RememberedTokensStillExpireAndNeighboursAreChecked) {
  auto token = tokens_.Issue(User());
  ASSERT_TRUE(token.ok());
  for (int i = 0; i < 3; ++i) {
    auto claims = tokens_.Verify(*token);
    ASSERT_TRUE(claims.ok()) << i;
    EXPECT_EQ(claims->subject_id, User().subject_id);
  }
  std::string flipped = *token;  // a signature byte (not the last character's padding bits)
  char& c = flipped[flipped.size() - 10];
  c = c == 'A' ? 'B' : 'A';
  ExpectUnauthenticated(flipped);
  ExpectUnauthenticated(*token + "x");
  clock_.Advance(std::chrono::seconds(3601));
  ExpectUnauthenticated(*token);
  ExpectUnauthenticated(*token);  // and stays so once forgotten
}

TEST_F(TokenServiceTest, OtherKey) {
  TokenService other(kOtherKey, 3600, clock_);
  auto token = other.Issue(User());
  ASSERT_TRUE(token.ok());
  ASSERT_TRUE(other.Verify(*token).ok());
  ExpectUnauthenticated(*token);
}

TEST_F(TokenServiceTest, TamperedPayload) {
  auto token = tokens_.Issue(User());
  ASSERT_TRUE(token.ok());
  const std::string& t = *token;
  const size_t dot1 = t.find('.');
  const size_t dot2 = t.find('.', dot1 + 1);
  ASSERT_NE(dot2, std::string::npos);
  // Replace the payload with one claiming every role, keeping the original signature.
  const std::string payload =
      R"({"iss":"csphub","kind":"user","sub":"x","tid":"t","rol":63,"pwdchg":false,"iat":1795244340,"exp":1895244340})";
  ExpectUnauthenticated(t.substr(0, dot1 + 1) + B64Url(payload) + t.substr(dot2));
  // Flip one character of the original payload.
  std::string flipped = t;
  flipped[dot1 + 5] = flipped[dot1 + 5] == 'A' ? 'B' : 'A';
  ExpectUnauthenticated(flipped);
  // Truncated signature.
  ExpectUnauthenticated(t.substr(0, t.size() - 2));
}

TEST_F(TokenServiceTest, Garbage) {
  ExpectUnauthenticated("");
  ExpectUnauthenticated("garbage");
  ExpectUnauthenticated("a.b.c");
  ExpectUnauthenticated("...");
}

TEST_F(TokenServiceTest, AlgNoneRejected) {
  auto token = tokens_.Issue(User());
  ASSERT_TRUE(token.ok());
  const std::string& t = *token;
  const size_t dot1 = t.find('.');
  const size_t dot2 = t.find('.', dot1 + 1);
  const std::string header = B64Url(R"({"alg":"none","typ":"JWT"})");
  // The genuine payload, unsigned.
  ExpectUnauthenticated(header + "." + t.substr(dot1 + 1, dot2 - dot1 - 1) + ".");
  const std::string payload = B64Url(
      R"({"iss":"csphub","kind":"operator","sub":"operator","rol":63,"pwdchg":false,"iat":1795244340,"exp":1895244340})");
  ExpectUnauthenticated(header + "." + payload + ".");
  ExpectUnauthenticated(header + "." + payload);
}

}  // namespace
}  // namespace csphub::auth
