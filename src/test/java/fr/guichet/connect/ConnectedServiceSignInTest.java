package fr.guichet.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import fr.guichet.access.ServiceCatalogue;
import fr.guichet.account.Accounts;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.Organizations;
import fr.guichet.support.HttpVisitor;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
import java.net.URI;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Guichet as the OpenID Connect provider of a connected service, against a real relying party: the
 * Nimbus OAuth 2.0 / OIDC SDK (the library under Spring Security's own client), over real HTTP to
 * the server on its random port, discovering it as a service would. What is asserted is what the
 * service checks: the ID token's signature, issuer, audience and nonce, and the claims it reads.
 */
@ServerTest
class ConnectedServiceSignInTest {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Delegation delegation;

    @Autowired
    ServiceCatalogue catalogue;

    @Autowired
    org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService authorizations;

    @Autowired
    ExpiredAuthorizations expired;

    @Autowired
    fr.guichet.support.TestClock clock;

    ConnectedWorld world;
    OIDCProviderMetadata provider;

    @BeforeEach
    void aConnectedServiceAndItsPeople() throws Exception {
        world = new ConnectedWorld(mvc, accounts).build(organizations, delegation, catalogue, "");
        provider = OIDCProviderMetadata.resolve(new Issuer("http://localhost:" + port));
    }

    @Test
    void aMemberWithAGrantSignsInWithPkceAndTheServiceLearnsHisOrganisationRolesAndGrant() throws Exception {
        var browser = new HttpVisitor(port);
        var verifier = new CodeVerifier();
        var nonce = new Nonce();
        var state = new State();
        var authorize = authenticationRequest(verifier, nonce, state);

        var first = browser.get(pathOf(authorize.toURI()));
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/connexion");
        var signedIn = browser.signIn(world.granted, People.GOOD_PASSWORD);
        var back = signedIn.headers().firstValue("Location").orElseThrow();
        assertThat(back).as("back to the authorization step").contains("/oauth2/authorize");
        var answer = browser.get(pathOf(URI.create(back)));
        var redirect = URI.create(answer.headers().firstValue("Location").orElseThrow());
        assertThat(redirect.toString()).startsWith(ConnectedWorld.REDIRECT);
        var parameters = UriComponentsBuilder.fromUri(redirect).build().getQueryParams();
        assertThat(parameters.getFirst("state")).isEqualTo(state.getValue());
        var code = new AuthorizationCode(parameters.getFirst("code"));

        var tokens = tokens(new AuthorizationCodeGrant(code, URI.create(ConnectedWorld.REDIRECT), verifier));
        var claims = validate(tokens.getOIDCTokens().getIDToken(), nonce);
        assertThat(claims.getSubject().getValue()).isEqualTo(String.valueOf(world.grantedId.value()));
        assertThat(claims.getClaim("organization"))
                .isEqualTo(Map.of("id", String.valueOf(world.establishment.value()), "name", world.establishmentName));
        assertThat(claims.getStringListClaim("roles")).containsExactly("BUYER");
        assertThat(claims.getJSONObjectClaim("grant")).containsKeys("id", "since");

        var userInfo = UserInfoResponse.parse(new UserInfoRequest(
                                provider.getUserInfoEndpointURI(),
                                tokens.getOIDCTokens().getBearerAccessToken())
                        .toHTTPRequest()
                        .send())
                .toSuccessResponse()
                .getUserInfo();
        assertThat(userInfo.getSubject()).isEqualTo(claims.getSubject());
        assertThat(userInfo.getEmailAddress()).isEqualTo(world.granted);
        assertThat(userInfo.getStringListClaim("roles")).containsExactly("BUYER");
        assertThat(userInfo.getClaim("organization")).isEqualTo(claims.getClaim("organization"));

        // his super admin gives him a second role: the next refresh says so
        world.setRoles(java.util.Set.of("BUYER", "PCAO"));
        var refreshed = tokens(new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken()));
        var again = validateRefreshed(refreshed.getOIDCTokens().getIDToken());
        assertThat(again.getStringListClaim("roles")).containsExactlyInAnyOrder("BUYER", "PCAO");
        assertThat(refreshed.getOIDCTokens().getRefreshToken())
                .as("refresh tokens are not reused")
                .isNotEqualTo(tokens.getOIDCTokens().getRefreshToken());

        // RP-initiated logout ends his session at Guichet too, and comes back to the service
        var logout = new LogoutRequest(
                provider.getEndSessionEndpointURI(),
                refreshed.getOIDCTokens().getIDToken(),
                URI.create(ConnectedWorld.AFTER_LOGOUT),
                new State("bye"));
        var loggedOut = browser.get(pathOf(logout.toURI()));
        assertThat(loggedOut.statusCode()).isEqualTo(302);
        assertThat(loggedOut.headers().firstValue("Location").orElseThrow())
                .isEqualTo(ConnectedWorld.AFTER_LOGOUT + "?state=bye");
        var account = browser.get("/compte");
        assertThat(account.headers().firstValue("Location").orElseThrow()).endsWith("/connexion");
    }

    @Test
    void aMemberWithoutAGrantIsToldSoWithTheCatalogueLinkToAskForIt() throws Exception {
        var browser = new HttpVisitor(port);
        browser.signIn(world.notGranted, People.GOOD_PASSWORD);
        var answer = browser.get(pathOf(authenticationRequest(new CodeVerifier(), new Nonce(), new State())
                .toURI()));
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        var page = Jsoup.parse(answer.body());
        assertThat(page.selectFirst("[data-testid=refused]").text()).contains("Salle " + world.suffix);
        assertThat(page.selectFirst("[data-testid=ask-access]").attr("href"))
                .isEqualTo("/services?domaines=tous#service-" + world.service.value());
    }

    @Test
    void aRevokedGrantEndsTheRefreshes() throws Exception {
        var browser = new HttpVisitor(port);
        browser.signIn(world.granted, People.GOOD_PASSWORD);
        var verifier = new CodeVerifier();
        var nonce = new Nonce();
        var answer = browser.get(
                pathOf(authenticationRequest(verifier, nonce, new State()).toURI()));
        var code = UriComponentsBuilder.fromUri(
                        URI.create(answer.headers().firstValue("Location").orElseThrow()))
                .build()
                .getQueryParams()
                .getFirst("code");
        var tokens = tokens(
                new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create(ConnectedWorld.REDIRECT), verifier));
        var grant = validate(tokens.getOIDCTokens().getIDToken(), nonce).getJSONObjectClaim("grant");

        world.revokeGrant(Long.parseLong((String) grant.get("id")));

        var refused = send(new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken()));
        assertThat(refused.indicatesSuccess()).isFalse();
        assertThat(((TokenErrorResponse) refused).getErrorObject().getCode()).isEqualTo("invalid_grant");
    }

    @Test
    void aSessionPastItsAbsoluteEndGetsNoCode() throws Exception {
        var browser = new HttpVisitor(port);
        browser.signIn(world.granted, People.GOOD_PASSWORD);
        clock.advance(java.time.Duration.ofHours(13));
        try {
            var answer = browser.get(pathOf(authenticationRequest(new CodeVerifier(), new Nonce(), new State())
                    .toURI()));

            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElseThrow())
                    .as("sent to sign in again, no code")
                    .endsWith("/connexion")
                    .doesNotContain("code=");
        } finally {
            clock.reset();
        }
    }

    @Test
    void withoutTheVerifierTheCodeIsWorthNothing() throws Exception {
        var browser = new HttpVisitor(port);
        browser.signIn(world.granted, People.GOOD_PASSWORD);
        var verifier = new CodeVerifier();
        var answer = browser.get(
                pathOf(authenticationRequest(verifier, new Nonce(), new State()).toURI()));
        var code = UriComponentsBuilder.fromUri(
                        URI.create(answer.headers().firstValue("Location").orElseThrow()))
                .build()
                .getQueryParams()
                .getFirst("code");
        var refused = send(new AuthorizationCodeGrant(
                new AuthorizationCode(code), URI.create(ConnectedWorld.REDIRECT), new CodeVerifier()));
        assertThat(refused.indicatesSuccess()).isFalse();
    }

    @Test
    void theServiceItselfGetsATokenWithItsCredentialsAndAWrongSecretGetsNone() throws Exception {
        var granted = send(new ClientCredentialsGrant());
        assertThat(granted.indicatesSuccess()).isTrue();
        assertThat(granted.toSuccessResponse().getTokens().getAccessToken().getValue())
                .isNotBlank();

        var wrong = TokenResponse.parse(new TokenRequest(
                        provider.getTokenEndpointURI(),
                        new ClientSecretBasic(new ClientID(world.clientId), new Secret("not-the-secret")),
                        new ClientCredentialsGrant())
                .toHTTPRequest()
                .send());
        assertThat(wrong.indicatesSuccess()).isFalse();
        assertThat(wrong.toErrorResponse().getErrorObject().getHTTPStatusCode()).isEqualTo(401);
    }

    @Test
    void anAuthorizationIsForgottenAnHourAfterItsLastTokenExpired() throws Exception {
        var granted = send(new ClientCredentialsGrant());
        var token = granted.toSuccessResponse().getTokens().getAccessToken().getValue();
        assertThat(authorizations.findByToken(token, null)).isNotNull();
        clock.advance(ConnectedServices.ACCESS_TOKEN_LIFETIME
                .plus(ExpiredAuthorizations.KEPT_AFTER_EXPIRY)
                .plusMinutes(1));
        try {
            assertThat(expired.removeExpired()).isPositive();
        } finally {
            clock.reset();
        }
        assertThat(authorizations.findByToken(token, null)).isNull();
    }

    @Test
    void theDiscoveryDocumentAnnouncesCodeWithPkceAndTheSigningKeyIsTheStoredOne() throws Exception {
        assertThat(provider.getCodeChallengeMethods()).contains(CodeChallengeMethod.S256);
        assertThat(provider.getEndSessionEndpointURI()).isNotNull();
        var keys = com.nimbusds.jose.jwk.JWKSet.load(provider.getJWKSetURI().toURL());
        assertThat(keys.getKeys())
                .singleElement()
                .satisfies(k -> assertThat(k.getKeyID()).isEqualTo(SigningKeys.KEY_ID));
    }

    private AuthenticationRequest authenticationRequest(CodeVerifier verifier, Nonce nonce, State state) {
        return new AuthenticationRequest.Builder(
                        new ResponseType("code"),
                        new Scope("openid", "profile", "email"),
                        new ClientID(world.clientId),
                        URI.create(ConnectedWorld.REDIRECT))
                .endpointURI(provider.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
    }

    private TokenResponse send(com.nimbusds.oauth2.sdk.AuthorizationGrant grant) throws Exception {
        var request = new TokenRequest(
                provider.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(world.clientId), new Secret(world.clientSecret)),
                grant);
        return OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
    }

    private OIDCTokenResponse tokens(com.nimbusds.oauth2.sdk.AuthorizationGrant grant) throws Exception {
        var response = send(grant);
        assertThat(response.indicatesSuccess())
                .as(
                        "token response: %s",
                        response.indicatesSuccess()
                                ? ""
                                : response.toErrorResponse().toJSONObject())
                .isTrue();
        return (OIDCTokenResponse) response.toSuccessResponse();
    }

    private IDTokenClaimsSet validate(JWT idToken, Nonce nonce) throws Exception {
        return validator().validate(idToken, nonce);
    }

    /** A refreshed ID token carries no nonce (OIDC Core 12.2): checked for all the rest. */
    private IDTokenClaimsSet validateRefreshed(JWT idToken) throws Exception {
        return validator().validate(idToken, null);
    }

    private IDTokenValidator validator() throws Exception {
        return new IDTokenValidator(
                provider.getIssuer(),
                new ClientID(world.clientId),
                JWSAlgorithm.RS256,
                provider.getJWKSetURI().toURL());
    }

    private static String pathOf(URI uri) {
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
