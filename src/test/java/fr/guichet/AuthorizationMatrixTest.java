package fr.guichet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.Visitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint × every kind of person. A new endpoint without its row here fails the build
 * ({@link #everyEndpointHasItsRow}). Scopes (own / other organisation) join as organisations get
 * administrators.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class AuthorizationMatrixTest {

    /** Who may: everybody, signed-in members, platform admins, nobody (deny by default); the API takes Bearer tokens. */
    public enum Access {
        PUBLIC,
        MEMBER,
        PLATFORM_ADMIN,
        API_MEMBER,
        NOBODY,
        /** Signed-in members only; which organisation, for whom: AdministrationMatrixTest's table. */
        ORGANIZATION_SCOPED,
        /** The same, in the API (Bearer tokens). */
        API_ORGANIZATION_SCOPED,
        /** Signed-in members only; an establishment's super admins alone act there: AccessMatrixTest's table. */
        ESTABLISHMENT_SCOPED,
        /** Platform admins only, in the API. */
        API_PLATFORM_ADMIN,
        /**
         * Signed-in members only; who may, on which organisation, by his supervision rights: each
         * supervision module's own table (credits/CreditsMatrixTest…). An unknown organisation is 404.
         */
        SUPERVISION_SCOPED,
        /** The same, in the API (Bearer tokens). */
        API_SUPERVISION_SCOPED,
        /**
         * Signed-in members only; an organisation's certificates are its administrators' and the agency's
         * agents': certificates/CertificatesMatrixTest's table. An unknown organisation is 404.
         */
        CERTIFICATE_SCOPED,
        /** The same, in the API (Bearer tokens), where connected services with the certificates scope read too. */
        API_CERTIFICATE_SCOPED,
        /**
         * Connected services only, with their own client-credentials token (no person's token, however
         * high his rights): the tests of each such endpoint present one.
         */
        API_SERVICE,
        /**
         * Anybody, never sent to the password form: without a client certificate (as here) the page
         * answers 401 and says none was presented; CertificateSignInTest presents them.
         */
        CERTIFICATE_SIGN_IN
    }

    enum Person {
        ANONYMOUS,
        MEMBER,
        PLATFORM_ADMIN
    }

    public record Row(HttpMethod method, String path, Access access) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    public static final List<Row> MATRIX = List.of(
            new Row(HttpMethod.GET, "/", Access.PUBLIC),
            new Row(HttpMethod.GET, "/connexion", Access.PUBLIC),
            new Row(HttpMethod.GET, "/connexion/certificat", Access.CERTIFICATE_SIGN_IN),
            new Row(HttpMethod.GET, "/inscription", Access.PUBLIC),
            new Row(HttpMethod.POST, "/inscription", Access.PUBLIC),
            new Row(HttpMethod.GET, "/inscription/etablissement", Access.PUBLIC),
            new Row(HttpMethod.POST, "/inscription/etablissement", Access.PUBLIC),
            new Row(HttpMethod.GET, "/inscription/coordonnees", Access.PUBLIC),
            new Row(HttpMethod.POST, "/inscription/coordonnees", Access.PUBLIC),
            new Row(HttpMethod.GET, "/inscription/envoyee", Access.PUBLIC),
            new Row(HttpMethod.GET, "/connexion/etablissement", Access.PUBLIC),
            new Row(HttpMethod.GET, "/connexion/etablissement/{id}", Access.PUBLIC),
            new Row(HttpMethod.GET, "/connexion/etablissement/refus", Access.PUBLIC),
            new Row(HttpMethod.GET, "/connexion/etablissement/completer", Access.PUBLIC),
            new Row(HttpMethod.POST, "/connexion/etablissement/completer", Access.PUBLIC),
            new Row(HttpMethod.POST, "/connexion/saml/acs", Access.PUBLIC),
            new Row(HttpMethod.GET, "/connexion/saml/retour", Access.PUBLIC),
            new Row(HttpMethod.GET, "/connexion/saml/metadata", Access.PUBLIC),
            new Row(HttpMethod.GET, "/connexion/cas/retour/{providerId}", Access.PUBLIC),
            new Row(HttpMethod.GET, "/activation", Access.PUBLIC),
            new Row(HttpMethod.POST, "/activation", Access.PUBLIC),
            new Row(HttpMethod.GET, "/invitations/rejoindre", Access.PUBLIC),
            new Row(HttpMethod.POST, "/invitations/rejoindre", Access.PUBLIC),
            new Row(HttpMethod.GET, "/mot-de-passe-oublie", Access.PUBLIC),
            new Row(HttpMethod.POST, "/mot-de-passe-oublie", Access.PUBLIC),
            new Row(HttpMethod.GET, "/mot-de-passe/nouveau", Access.PUBLIC),
            new Row(HttpMethod.POST, "/mot-de-passe/nouveau", Access.PUBLIC),
            new Row(HttpMethod.GET, "/compte/email/confirmer", Access.PUBLIC),
            new Row(HttpMethod.GET, "/dev/mailbox", Access.PUBLIC),
            new Row(HttpMethod.GET, "/dev/mailbox/pieces-jointes/{id}", Access.PUBLIC),
            new Row(HttpMethod.GET, "/compte", Access.MEMBER),
            new Row(HttpMethod.POST, "/compte", Access.MEMBER),
            new Row(HttpMethod.GET, "/compte/identifiants", Access.MEMBER),
            new Row(HttpMethod.POST, "/compte/email", Access.MEMBER),
            new Row(HttpMethod.POST, "/compte/mot-de-passe", Access.MEMBER),
            new Row(HttpMethod.GET, "/compte/preferences", Access.MEMBER),
            new Row(HttpMethod.POST, "/compte/preferences", Access.MEMBER),
            new Row(HttpMethod.GET, "/compte/lieux", Access.MEMBER),
            new Row(HttpMethod.POST, "/compte/lieux", Access.MEMBER),
            new Row(HttpMethod.GET, "/compte/effacement", Access.MEMBER),
            new Row(HttpMethod.POST, "/compte/effacement", Access.MEMBER),
            new Row(HttpMethod.GET, "/administration/effacements", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/administration/effacements/{id}/executer", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/administration/effacements/{id}/refuser", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/compte/jetons", Access.MEMBER),
            new Row(HttpMethod.POST, "/compte/jetons", Access.MEMBER),
            new Row(HttpMethod.POST, "/compte/jetons/{id}/revocation", Access.MEMBER),
            new Row(HttpMethod.GET, "/compte/identites", Access.MEMBER),
            new Row(HttpMethod.GET, "/compte/alertes", Access.MEMBER),
            new Row(HttpMethod.POST, "/compte/alertes", Access.MEMBER),
            // the signed link is the proof; a mail program's one-click POST carries no session nor CSRF token
            new Row(HttpMethod.GET, "/alertes/desabonnement/{person}/{kind}/{signature}", Access.PUBLIC),
            new Row(HttpMethod.POST, "/alertes/desabonnement/{person}/{kind}/{signature}", Access.PUBLIC),
            new Row(HttpMethod.POST, "/compte/identites/fournisseurs/{providerId}", Access.MEMBER),
            new Row(HttpMethod.POST, "/compte/identites/{id}/suppression", Access.MEMBER),
            new Row(HttpMethod.GET, "/compte/donnees", Access.MEMBER),
            new Row(HttpMethod.POST, "/compte/organisation-active", Access.MEMBER),
            new Row(HttpMethod.GET, "/compte/comptes-associes", Access.MEMBER),
            new Row(HttpMethod.POST, "/compte/comptes-associes/demandes", Access.MEMBER),
            new Row(HttpMethod.POST, "/compte/comptes-associes/{id}/principal", Access.MEMBER),
            new Row(HttpMethod.GET, "/compte/comptes-associes/{id}/depart", Access.MEMBER),
            new Row(HttpMethod.POST, "/compte/comptes-associes/{id}/depart", Access.MEMBER),
            new Row(HttpMethod.GET, "/api/v1/me", Access.API_MEMBER),
            new Row(HttpMethod.GET, "/api/v1/me/preferences", Access.API_MEMBER),
            new Row(HttpMethod.PUT, "/api/v1/me/preferences", Access.API_MEMBER),
            new Row(HttpMethod.GET, "/api/v1/announcements", Access.API_MEMBER),
            new Row(HttpMethod.GET, "/api/v1/announcements/{id}", Access.API_MEMBER),
            new Row(HttpMethod.POST, "/api/v1/announcements", Access.API_PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/api/v1/announcements/reach", Access.API_PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/api/v1/announcements/{id}/withdrawal", Access.API_PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/api/v1/organizations", Access.API_MEMBER),
            new Row(HttpMethod.GET, "/api/v1/organization-types", Access.API_MEMBER),
            new Row(HttpMethod.POST, "/api/v1/organization-types", Access.API_PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/api/v1/organizations/{id}", Access.API_ORGANIZATION_SCOPED),
            new Row(HttpMethod.PUT, "/api/v1/organizations/{id}", Access.API_ORGANIZATION_SCOPED),
            new Row(HttpMethod.DELETE, "/api/v1/organizations/{id}", Access.API_ORGANIZATION_SCOPED),
            new Row(HttpMethod.POST, "/api/v1/organizations/{id}/sub-organizations", Access.API_ORGANIZATION_SCOPED),
            new Row(HttpMethod.GET, "/api/v1/organizations/{id}/users", Access.API_ORGANIZATION_SCOPED),
            new Row(HttpMethod.POST, "/api/v1/organizations/{id}/users", Access.API_ORGANIZATION_SCOPED),
            new Row(HttpMethod.DELETE, "/api/v1/organizations/{id}/users/{accountId}", Access.API_ORGANIZATION_SCOPED),
            new Row(HttpMethod.GET, "/api/v1/organizations/{id}/roles", Access.API_ORGANIZATION_SCOPED),
            new Row(HttpMethod.PUT, "/api/v1/organizations/{id}/roles", Access.API_ORGANIZATION_SCOPED),
            new Row(HttpMethod.GET, "/api/v1/organizations/{id}/admin-rights", Access.API_ORGANIZATION_SCOPED),
            new Row(HttpMethod.PUT, "/api/v1/organizations/{id}/admin-rights", Access.API_ORGANIZATION_SCOPED),
            new Row(HttpMethod.GET, "/api/v1/organizations/{id}/supervision-rights", Access.API_ORGANIZATION_SCOPED),
            new Row(HttpMethod.PUT, "/api/v1/organizations/{id}/supervision-rights", Access.API_ORGANIZATION_SCOPED),
            new Row(HttpMethod.GET, "/mon-etablissement", Access.MEMBER),
            new Row(HttpMethod.GET, "/organisations", Access.MEMBER),
            new Row(HttpMethod.GET, "/organisations/{id}", Access.ORGANIZATION_SCOPED),
            new Row(HttpMethod.GET, "/organisations/{id}/modifier", Access.ORGANIZATION_SCOPED),
            new Row(HttpMethod.POST, "/organisations/{id}/modifier", Access.ORGANIZATION_SCOPED),
            new Row(HttpMethod.GET, "/organisations/{id}/suppression", Access.ORGANIZATION_SCOPED),
            new Row(HttpMethod.POST, "/organisations/{id}/suppression", Access.ORGANIZATION_SCOPED),
            new Row(HttpMethod.GET, "/organisations/{id}/sous-organisations/nouvelle", Access.ORGANIZATION_SCOPED),
            new Row(HttpMethod.POST, "/organisations/{id}/sous-organisations/nouvelle", Access.ORGANIZATION_SCOPED),
            new Row(HttpMethod.GET, "/organisations/{id}/utilisateurs", Access.ORGANIZATION_SCOPED),
            new Row(HttpMethod.GET, "/organisations/{id}/journal", Access.ORGANIZATION_SCOPED),
            new Row(HttpMethod.GET, "/organisations/{id}/journal.csv", Access.ORGANIZATION_SCOPED),
            new Row(HttpMethod.GET, "/agence/journal", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/journal.csv", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/organisations/{id}/utilisateurs/nouveau", Access.ORGANIZATION_SCOPED),
            new Row(HttpMethod.POST, "/organisations/{id}/utilisateurs/nouveau", Access.ORGANIZATION_SCOPED),
            new Row(HttpMethod.POST, "/organisations/{id}/utilisateurs/retrait", Access.ORGANIZATION_SCOPED),
            new Row(
                    HttpMethod.POST,
                    "/organisations/{id}/utilisateurs/retrait/confirmation",
                    Access.ORGANIZATION_SCOPED),
            new Row(HttpMethod.GET, "/organisations/{id}/utilisateurs/declarations", Access.ORGANIZATION_SCOPED),
            new Row(
                    HttpMethod.POST,
                    "/organisations/{id}/utilisateurs/declarations/{declaration}/confirmation",
                    Access.ORGANIZATION_SCOPED),
            new Row(
                    HttpMethod.POST,
                    "/organisations/{id}/utilisateurs/declarations/{declaration}/refus",
                    Access.ORGANIZATION_SCOPED),
            new Row(
                    HttpMethod.GET,
                    "/organisations/{id}/utilisateurs/{accountId}/authentification",
                    Access.ORGANIZATION_SCOPED),
            new Row(
                    HttpMethod.POST,
                    "/organisations/{id}/utilisateurs/{accountId}/authentification",
                    Access.ORGANIZATION_SCOPED),
            new Row(HttpMethod.GET, "/organisations/{id}/utilisateurs/import", Access.ORGANIZATION_SCOPED),
            new Row(HttpMethod.POST, "/organisations/{id}/utilisateurs/import", Access.ORGANIZATION_SCOPED),
            new Row(HttpMethod.GET, "/organisations/{id}/utilisateurs/import/{importId}", Access.ORGANIZATION_SCOPED),
            new Row(HttpMethod.GET, "/organisations/{id}/intervenants", Access.ORGANIZATION_SCOPED),
            new Row(HttpMethod.POST, "/organisations/{id}/intervenants", Access.ORGANIZATION_SCOPED),
            new Row(HttpMethod.GET, "/organisations/{id}/administrateurs", Access.ORGANIZATION_SCOPED),
            new Row(HttpMethod.POST, "/organisations/{id}/administrateurs", Access.ORGANIZATION_SCOPED),
            new Row(HttpMethod.GET, "/organisations/{id}/super-admins", Access.ORGANIZATION_SCOPED),
            new Row(HttpMethod.POST, "/organisations/{id}/super-admins", Access.ORGANIZATION_SCOPED),
            new Row(
                    HttpMethod.POST,
                    "/organisations/{id}/super-admins/{accountId}/retrait",
                    Access.ORGANIZATION_SCOPED),
            new Row(HttpMethod.GET, "/services", Access.MEMBER),
            new Row(HttpMethod.POST, "/services/{id}/demande", Access.MEMBER),
            new Row(HttpMethod.POST, "/services/{id}/favori", Access.MEMBER),
            new Row(HttpMethod.GET, "/mes-services", Access.MEMBER),
            new Row(HttpMethod.GET, "/organisations/{id}/demandes-acces", Access.ESTABLISHMENT_SCOPED),
            new Row(HttpMethod.POST, "/organisations/{id}/demandes-acces/{requestId}", Access.ESTABLISHMENT_SCOPED),
            new Row(HttpMethod.GET, "/organisations/{id}/habilitations", Access.ESTABLISHMENT_SCOPED),
            new Row(HttpMethod.POST, "/organisations/{id}/habilitations", Access.ESTABLISHMENT_SCOPED),
            new Row(HttpMethod.GET, "/organisations/{id}/services", Access.ESTABLISHMENT_SCOPED),
            new Row(HttpMethod.POST, "/organisations/{id}/services/{serviceId}/masquage", Access.ESTABLISHMENT_SCOPED),
            new Row(HttpMethod.POST, "/organisations/{id}/outils", Access.ESTABLISHMENT_SCOPED),
            new Row(HttpMethod.POST, "/organisations/{id}/outils/{toolId}/suppression", Access.ESTABLISHMENT_SCOPED),
            // branding: the public home page for suppliers and its images; its management, for those holding
            // MANAGE_BRANDING there (per organisation: branding.BrandingAccessTest)
            new Row(HttpMethod.GET, "/collectivites/{id}", Access.PUBLIC),
            new Row(HttpMethod.GET, "/collectivites/{id}/bandeau", Access.PUBLIC),
            new Row(HttpMethod.GET, "/collectivites/{id}/logo", Access.PUBLIC),
            new Row(HttpMethod.GET, "/organisations/{id}/gestion-graphique", Access.SUPERVISION_SCOPED),
            new Row(HttpMethod.POST, "/organisations/{id}/gestion-graphique", Access.SUPERVISION_SCOPED),
            new Row(HttpMethod.GET, "/organisations/{id}/gestion-graphique/apercu", Access.SUPERVISION_SCOPED),
            new Row(HttpMethod.GET, "/organisations/{id}/gestion-graphique/apercu/bandeau", Access.SUPERVISION_SCOPED),
            new Row(HttpMethod.GET, "/organisations/{id}/gestion-graphique/apercu/logo", Access.SUPERVISION_SCOPED),
            new Row(HttpMethod.POST, "/organisations/{id}/gestion-graphique/validation", Access.SUPERVISION_SCOPED),
            new Row(HttpMethod.POST, "/organisations/{id}/gestion-graphique/annulation", Access.SUPERVISION_SCOPED),
            new Row(
                    HttpMethod.GET,
                    "/organisations/{id}/gestion-graphique/reinitialisation",
                    Access.SUPERVISION_SCOPED),
            new Row(
                    HttpMethod.POST,
                    "/organisations/{id}/gestion-graphique/reinitialisation",
                    Access.SUPERVISION_SCOPED),
            // a correspondent's change requests: which establishment and product, for whom: ChangesMatrixTest
            new Row(HttpMethod.GET, "/espace-correspondant", Access.MEMBER),
            new Row(HttpMethod.GET, "/espace-correspondant/version", Access.MEMBER),
            new Row(HttpMethod.POST, "/espace-correspondant/version", Access.MEMBER),
            new Row(HttpMethod.GET, "/espace-correspondant/coordonnees", Access.MEMBER),
            new Row(HttpMethod.POST, "/espace-correspondant/coordonnees", Access.MEMBER),
            new Row(HttpMethod.GET, "/espace-correspondant/etablissement", Access.MEMBER),
            new Row(HttpMethod.POST, "/espace-correspondant/etablissement", Access.MEMBER),
            new Row(HttpMethod.GET, "/espace-correspondant/correspondants", Access.MEMBER),
            new Row(HttpMethod.POST, "/espace-correspondant/correspondants/depart", Access.MEMBER),
            new Row(HttpMethod.POST, "/espace-correspondant/correspondants/arrivee", Access.MEMBER),
            new Row(HttpMethod.GET, "/espace-correspondant/serveurs", Access.MEMBER),
            new Row(HttpMethod.POST, "/espace-correspondant/serveurs", Access.MEMBER),
            new Row(HttpMethod.GET, "/espace-correspondant/demandes/{id}", Access.MEMBER),
            new Row(HttpMethod.GET, "/espace-correspondant/demandes/{id}/fichier", Access.MEMBER),
            new Row(HttpMethod.GET, "/agence/modifications", Access.PLATFORM_ADMIN),
            // news: a member reads what is aimed at him (another's is not found); the agency's staff write
            new Row(HttpMethod.GET, "/actualites", Access.MEMBER),
            new Row(HttpMethod.GET, "/actualites/{id}", Access.MEMBER),
            new Row(HttpMethod.GET, "/actualites/{id}/piece-jointe", Access.MEMBER),
            new Row(HttpMethod.GET, "/agence/annonces", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/points", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/organisations/{id}/points", Access.SUPERVISION_SCOPED),
            new Row(HttpMethod.GET, "/organisations/{id}/points.csv", Access.SUPERVISION_SCOPED),
            new Row(HttpMethod.GET, "/organisations/{id}/points/impression", Access.SUPERVISION_SCOPED),
            new Row(HttpMethod.POST, "/organisations/{id}/points/releve", Access.SUPERVISION_SCOPED),
            new Row(HttpMethod.POST, "/organisations/{id}/points/credit", Access.SUPERVISION_SCOPED),
            new Row(HttpMethod.POST, "/organisations/{id}/points/arbre", Access.SUPERVISION_SCOPED),
            new Row(
                    HttpMethod.POST,
                    "/organisations/{id}/points/mouvements/{movement}/correction",
                    Access.SUPERVISION_SCOPED),
            new Row(HttpMethod.GET, "/api/v1/organizations/{id}/credits", Access.API_SUPERVISION_SCOPED),
            new Row(HttpMethod.POST, "/api/v1/organizations/{id}/credits", Access.API_SERVICE),
            // certificates: an organisation's are its administrators' and the agents'; the queue is the agents'
            new Row(HttpMethod.GET, "/organisations/{id}/certificats", Access.CERTIFICATE_SCOPED),
            new Row(HttpMethod.POST, "/organisations/{id}/certificats", Access.CERTIFICATE_SCOPED),
            new Row(HttpMethod.GET, "/organisations/{id}/certificats/{certificate}.pem", Access.CERTIFICATE_SCOPED),
            new Row(
                    HttpMethod.POST,
                    "/organisations/{id}/certificats/{certificate}/retrait",
                    Access.CERTIFICATE_SCOPED),
            new Row(HttpMethod.GET, "/organisations/{id}/certificats/demande", Access.CERTIFICATE_SCOPED),
            new Row(HttpMethod.POST, "/organisations/{id}/certificats/demande", Access.CERTIFICATE_SCOPED),
            new Row(
                    HttpMethod.POST,
                    "/organisations/{id}/certificats/demandes/{request}/annulation",
                    Access.CERTIFICATE_SCOPED),
            new Row(
                    HttpMethod.GET,
                    "/api/v1/organizations/{id}/encryption-certificates",
                    Access.API_CERTIFICATE_SCOPED),
            new Row(HttpMethod.GET, "/agence/certificats", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/certificats/demandes/{request}", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/certificats/demandes/{request}", Access.PLATFORM_ADMIN),
            // events: members see what is aimed at them, the agency's agents organise (events/EventsMatrixTest)
            new Row(HttpMethod.GET, "/evenements", Access.MEMBER),
            new Row(HttpMethod.GET, "/evenements/{id}", Access.MEMBER),
            new Row(HttpMethod.POST, "/evenements/{id}/inscription", Access.MEMBER),
            new Row(HttpMethod.GET, "/evenements/{id}/sessions/{session}/participants", Access.MEMBER),
            new Row(HttpMethod.GET, "/mes-inscriptions", Access.MEMBER),
            new Row(HttpMethod.POST, "/mes-inscriptions/{registration}/annulation", Access.MEMBER),
            new Row(HttpMethod.GET, "/mes-inscriptions/{registration}/convocation.pdf", Access.MEMBER),
            new Row(HttpMethod.GET, "/mes-inscriptions/{registration}/invitation.ics", Access.MEMBER),
            new Row(HttpMethod.GET, "/mes-inscriptions/evenements/{event}/attestation.pdf", Access.MEMBER),
            new Row(HttpMethod.GET, "/attestations/verification", Access.PUBLIC),
            new Row(HttpMethod.GET, "/agence/evenements", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/evenements/nouveau", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/evenements/nouveau", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/evenements/{id}", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/evenements/{id}/modification", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/evenements/{id}/modification", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/evenements/{id}/annulation", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/evenements/{id}/inscriptions", Access.PLATFORM_ADMIN),
            new Row(
                    HttpMethod.POST,
                    "/agence/evenements/{id}/inscriptions/{registration}/annulation",
                    Access.PLATFORM_ADMIN),
            new Row(
                    HttpMethod.GET,
                    "/agence/evenements/{id}/sessions/{session}/participants.csv",
                    Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/evenements/{id}/sessions/{session}/presences", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/evenements/{id}/sessions/{session}/presences", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/evenements/{id}/import", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/evenements/{id}/import", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/evenements/{id}/import/{importId}", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/evenements/statistiques", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/evenements/statistiques.csv", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/organisations/{id}/inscriptions-evenements", Access.ESTABLISHMENT_SCOPED),
            new Row(
                    HttpMethod.POST,
                    "/organisations/{id}/inscriptions-evenements/{registration}/accord",
                    Access.ESTABLISHMENT_SCOPED),
            new Row(
                    HttpMethod.POST,
                    "/organisations/{id}/inscriptions-evenements/{registration}/refus",
                    Access.ESTABLISHMENT_SCOPED),
            new Row(HttpMethod.GET, "/organisations/{id}/statistiques-evenements", Access.SUPERVISION_SCOPED),
            new Row(HttpMethod.GET, "/organisations/{id}/statistiques-evenements.csv", Access.SUPERVISION_SCOPED),
            new Row(HttpMethod.GET, "/agence/annonces/nouvelle", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/annonces/nouvelle", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/annonces/{id}", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/annonces/{id}/progression", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/annonces/{id}/retrait", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/modifications/{id}/validation", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/modifications/{id}/refus", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/api/v1/change-requests", Access.API_MEMBER),
            new Row(HttpMethod.POST, "/api/v1/change-requests", Access.API_MEMBER),
            new Row(HttpMethod.GET, "/api/v1/change-requests/queue", Access.API_PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/api/v1/change-requests/sites", Access.API_MEMBER),
            new Row(HttpMethod.GET, "/api/v1/change-requests/{id}", Access.API_MEMBER),
            new Row(HttpMethod.POST, "/api/v1/change-requests/{id}/decision", Access.API_MEMBER),
            new Row(HttpMethod.GET, "/agence/demandes-acces", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/demandes-acces/{requestId}", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/administration/services", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/administration/services/nouveau", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/administration/services/nouveau", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/administration/services/{id}", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/administration/services/{id}", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/administration/fournisseurs-identite", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/administration/fournisseurs-identite/nouveau", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/administration/fournisseurs-identite/nouveau", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/administration/fournisseurs-identite/{id}", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/administration/fournisseurs-identite/{id}", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/administration/fournisseurs-identite/{id}/activation", Access.PLATFORM_ADMIN),
            // connected services: their registration by platform admins; the refusal page is reached only
            // by a forward from the authorization endpoint (not found otherwise). The authorization
            // server's own endpoints: connect.AuthorizationServerMatrixTest
            new Row(HttpMethod.GET, "/administration/services-connectes", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/administration/services-connectes/{serviceId}", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/administration/services-connectes/{serviceId}", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/administration/services-connectes/{serviceId}/secrets", Access.PLATFORM_ADMIN),
            new Row(
                    HttpMethod.POST,
                    "/administration/services-connectes/{serviceId}/desactivation",
                    Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/services-connectes/refus", Access.MEMBER),
            new Row(HttpMethod.POST, "/services-connectes/refus", Access.MEMBER),
            // the helpdesk's reference data: the agency's staff (agents too; closure periods: platform admins only)
            new Row(HttpMethod.GET, "/agence/referentiel", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/referentiel/produits", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/referentiel/produits/nouveau", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/referentiel/produits/nouveau", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/referentiel/produits/{id}", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/referentiel/produits/{id}", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/referentiel/produits/{id}/versions", Access.PLATFORM_ADMIN),
            new Row(
                    HttpMethod.POST,
                    "/agence/referentiel/produits/{id}/versions/{versionId}/maintenance",
                    Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/referentiel/produits/{id}/domaines", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/referentiel/produits/{id}/domaines/{domainId}", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/referentiel/produits/{id}/domaines/{domainId}", Access.PLATFORM_ADMIN),
            new Row(
                    HttpMethod.POST,
                    "/agence/referentiel/produits/{id}/domaines/{domainId}/suppression",
                    Access.PLATFORM_ADMIN),
            new Row(
                    HttpMethod.GET,
                    "/agence/referentiel/produits/{id}/etablissements/{establishmentId}",
                    Access.PLATFORM_ADMIN),
            new Row(
                    HttpMethod.POST,
                    "/agence/referentiel/produits/{id}/etablissements/{establishmentId}/correspondants",
                    Access.PLATFORM_ADMIN),
            new Row(
                    HttpMethod.POST,
                    "/agence/referentiel/produits/{id}/etablissements/{establishmentId}/correspondants/{correspondentId}/retrait",
                    Access.PLATFORM_ADMIN),
            new Row(
                    HttpMethod.POST,
                    "/agence/referentiel/produits/{id}/etablissements/{establishmentId}/version-installee",
                    Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/referentiel/categories", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/referentiel/categories/nouvelle", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/referentiel/categories/nouvelle", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/referentiel/categories/{id}", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/referentiel/categories/{id}", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/referentiel/equipes", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/referentiel/equipes", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/referentiel/equipes/{id}", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/referentiel/equipes/{id}", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/referentiel/equipes/{id}/membres", Access.PLATFORM_ADMIN),
            new Row(
                    HttpMethod.POST,
                    "/agence/referentiel/equipes/{id}/membres/{accountId}/retrait",
                    Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/referentiel/prestataires", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/referentiel/prestataires", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/referentiel/prestataires/{id}", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/referentiel/prestataires/{id}", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/referentiel/prestataires/{id}/agents", Access.PLATFORM_ADMIN),
            new Row(
                    HttpMethod.POST,
                    "/agence/referentiel/prestataires/{id}/agents/{accountId}/retrait",
                    Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/referentiel/engagements", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/referentiel/engagements", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/referentiel/fermetures", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/referentiel/fermetures", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/referentiel/fermetures/{id}/suppression", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/api/v1/services", Access.API_MEMBER),
            new Row(HttpMethod.GET, "/api/v1/services/{id}", Access.API_MEMBER),
            new Row(HttpMethod.POST, "/api/v1/services", Access.API_PLATFORM_ADMIN),
            new Row(HttpMethod.PUT, "/api/v1/services/{id}", Access.API_PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/api/v1/access-requests", Access.API_MEMBER),
            new Row(HttpMethod.POST, "/api/v1/access-requests", Access.API_MEMBER),
            new Row(HttpMethod.POST, "/api/v1/access-requests/{id}/decision", Access.API_MEMBER),
            new Row(HttpMethod.POST, "/api/v1/access-requests/{id}/revocation", Access.API_MEMBER),
            // every kind's document space, under its section (services, produits: tried here as services;
            // a product's readers and writers: ReleasesMatrixTest)
            new Row(HttpMethod.GET, "/{section}/{id}/documents", Access.MEMBER),
            new Row(HttpMethod.GET, "/{section}/{id}/documents/{documentId}", Access.MEMBER),
            new Row(HttpMethod.POST, "/{section}/{id}/documents", Access.MEMBER),
            new Row(HttpMethod.POST, "/{section}/{id}/documents/{documentId}/versions", Access.MEMBER),
            new Row(HttpMethod.POST, "/{section}/{id}/documents/{documentId}/suppression", Access.MEMBER),
            new Row(HttpMethod.POST, "/{section}/{id}/documents/abonnement", Access.MEMBER),
            // a product's releases and project addresses: who, for which product and establishment: ReleasesMatrixTest
            new Row(HttpMethod.GET, "/produits/{id}/livraisons", Access.MEMBER),
            new Row(HttpMethod.POST, "/produits/{id}/livraisons", Access.MEMBER),
            new Row(HttpMethod.GET, "/produits/{id}/livraisons/{releaseId}", Access.MEMBER),
            new Row(HttpMethod.POST, "/produits/{id}/livraisons/{releaseId}/publication", Access.MEMBER),
            new Row(HttpMethod.GET, "/produits/{id}/livraisons/{releaseId}/fichiers/{number}", Access.MEMBER),
            new Row(HttpMethod.GET, "/produits/{id}/adresse-projet", Access.MEMBER),
            new Row(HttpMethod.POST, "/produits/{id}/adresse-projet", Access.MEMBER),
            new Row(HttpMethod.POST, "/produits/{id}/adresse-projet/suppression", Access.MEMBER),
            new Row(HttpMethod.GET, "/api/v1/products/{id}/releases", Access.API_MEMBER),
            new Row(HttpMethod.POST, "/api/v1/products/{id}/releases", Access.API_MEMBER),
            new Row(HttpMethod.GET, "/api/v1/products/{id}/releases/{releaseId}", Access.API_MEMBER),
            new Row(HttpMethod.POST, "/api/v1/products/{id}/releases/{releaseId}/publication", Access.API_MEMBER),
            new Row(HttpMethod.GET, "/api/v1/products/{id}/releases/{releaseId}/files/{number}", Access.API_MEMBER),
            new Row(HttpMethod.GET, "/api/v1/services/{id}/documents", Access.API_MEMBER),
            new Row(HttpMethod.GET, "/api/v1/services/{id}/documents/{documentId}/content", Access.API_MEMBER),
            new Row(HttpMethod.POST, "/api/v1/services/{id}/documents", Access.API_MEMBER),
            new Row(HttpMethod.GET, "/demandes", Access.MEMBER),
            new Row(HttpMethod.GET, "/demandes/recherche", Access.MEMBER),
            new Row(HttpMethod.GET, "/demandes/etablissement", Access.MEMBER),
            new Row(HttpMethod.GET, "/demandes/signets", Access.MEMBER),
            new Row(HttpMethod.POST, "/demandes/{id}/signet", Access.MEMBER),
            new Row(HttpMethod.GET, "/agence/demandes", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/demandes/nouvelle", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/demandes/nouvelle/{category}", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/demandes/nouvelle/{category}", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/demandes/nouvelle", Access.MEMBER),
            new Row(HttpMethod.GET, "/demandes/nouvelle/{category}", Access.MEMBER),
            new Row(HttpMethod.POST, "/demandes/nouvelle/{category}", Access.MEMBER),
            new Row(HttpMethod.POST, "/demandes/nouvelle/{category}/conseils", Access.MEMBER),
            new Row(HttpMethod.GET, "/demandes/{id}", Access.MEMBER),
            new Row(HttpMethod.POST, "/demandes/{id}/actions", Access.MEMBER),
            new Row(HttpMethod.POST, "/demandes/{id}/complements", Access.MEMBER),
            new Row(HttpMethod.POST, "/demandes/{id}/requalification", Access.MEMBER),
            new Row(HttpMethod.POST, "/demandes/{id}/liens", Access.MEMBER),
            new Row(HttpMethod.POST, "/demandes/{id}/echeances", Access.MEMBER),
            new Row(HttpMethod.POST, "/demandes/{id}/pieces", Access.MEMBER),
            new Row(HttpMethod.GET, "/demandes/{id}/pieces/{attachment}", Access.MEMBER),
            new Row(HttpMethod.GET, "/api/v1/tickets", Access.API_MEMBER),
            new Row(HttpMethod.POST, "/api/v1/tickets", Access.API_MEMBER),
            new Row(HttpMethod.GET, "/api/v1/tickets/{number}", Access.API_MEMBER),
            new Row(HttpMethod.POST, "/api/v1/tickets/{number}/transitions", Access.API_MEMBER),
            new Row(HttpMethod.GET, "/api/v1/tickets/{number}/attachments", Access.API_MEMBER),
            new Row(HttpMethod.POST, "/api/v1/tickets/{number}/attachments", Access.API_MEMBER),
            new Row(HttpMethod.GET, "/api/v1/tickets/{number}/attachments/{attachment}", Access.API_MEMBER),
            // the public knowledge base and FAQ: anyone; their editing: the agency's staff
            new Row(HttpMethod.GET, "/connaissance", Access.PUBLIC),
            new Row(HttpMethod.GET, "/connaissance/{number}", Access.PUBLIC),
            new Row(HttpMethod.GET, "/connaissance/similaires", Access.PUBLIC),
            new Row(HttpMethod.GET, "/faq", Access.PUBLIC),
            new Row(HttpMethod.GET, "/faq/categorie-de-demande/{category}", Access.PUBLIC),
            new Row(HttpMethod.GET, "/api/v1/kb/search", Access.PUBLIC),
            new Row(HttpMethod.GET, "/api/v1/kb/{number}", Access.PUBLIC),
            new Row(HttpMethod.GET, "/agence/connaissance/{number}", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/connaissance/{number}", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/connaissance/{number}/retrait", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/faq", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/faq/rubriques", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/faq/questions/{id}", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/faq/questions", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/faq/questions/{id}", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/agence/faq/questions/{id}/suppression", Access.PLATFORM_ADMIN),
            // statistics: an organisation's for its supervisors and the staff, the agency's for the staff
            new Row(HttpMethod.GET, "/organisations/{id}/statistiques", Access.SUPERVISION_SCOPED),
            new Row(HttpMethod.GET, "/organisations/{id}/statistiques.csv", Access.SUPERVISION_SCOPED),
            new Row(HttpMethod.GET, "/agence/statistiques", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/agence/statistiques.csv", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.POST, "/api/v1/organizations/{id}/statistics", Access.API_SERVICE),
            new Row(HttpMethod.GET, "/actuator/health", Access.PUBLIC),
            new Row(HttpMethod.GET, "/actuator/prometheus", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/actuator/sbom/application", Access.PLATFORM_ADMIN),
            new Row(HttpMethod.GET, "/v3/api-docs", Access.PUBLIC),
            new Row(HttpMethod.GET, "/unknown/page", Access.NOBODY));

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Map<Person, Visitor> visitors;
    Map<Person, String> tokens;

    @BeforeAll
    void people() throws Exception {
        var password = People.GOOD_PASSWORD;
        var member = People.uniqueEmail();
        var admin = People.uniqueEmail();
        accounts.createVerified(member, Civility.MADAME, "Membre", "Marie", null, false, password);
        accounts.createVerified(admin, Civility.MONSIEUR, "Admin", "Alain", null, true, password);
        visitors = Map.of(
                Person.ANONYMOUS,
                new Visitor(mvc),
                Person.MEMBER,
                Visitor.signedIn(mvc, member),
                Person.PLATFORM_ADMIN,
                Visitor.signedIn(mvc, admin));
        tokens = Map.of(
                Person.MEMBER,
                visitors.get(Person.MEMBER).apiToken(),
                Person.PLATFORM_ADMIN,
                visitors.get(Person.PLATFORM_ADMIN).apiToken());
    }

    Stream<Arguments> cells() {
        return MATRIX.stream().flatMap(row -> Stream.of(Person.values()).map(person -> Arguments.of(row, person)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cells")
    void eachPersonGetsWhatTheMatrixSays(Row row, Person person) throws Exception {
        var response = perform(row, person);
        var status = response.getStatus();
        var location = response.getRedirectedUrl();
        var sentToSignIn = status == 302 && location != null && location.endsWith("/connexion");

        var allowed = switch (row.access()) {
            case PUBLIC -> true;
            case MEMBER, API_MEMBER -> person != Person.ANONYMOUS;
            case PLATFORM_ADMIN -> person == Person.PLATFORM_ADMIN;
            case NOBODY -> false;
            case ORGANIZATION_SCOPED,
                    API_ORGANIZATION_SCOPED,
                    ESTABLISHMENT_SCOPED,
                    SUPERVISION_SCOPED,
                    API_SUPERVISION_SCOPED,
                    CERTIFICATE_SCOPED,
                    API_CERTIFICATE_SCOPED -> person != Person.ANONYMOUS;
            case API_PLATFORM_ADMIN -> person == Person.PLATFORM_ADMIN;
            case API_SERVICE -> false;
            case CERTIFICATE_SIGN_IN -> true;
        };
        if (row.access() == Access.CERTIFICATE_SIGN_IN) {
            assertThat(status).as("%s as %s", row, person).isEqualTo(401);
            assertThat(response.getContentAsString())
                    .as("%s as %s", row, person)
                    .doesNotContain("Exception");
            return;
        }
        if ((row.access() == Access.API_ORGANIZATION_SCOPED
                        || row.access() == Access.API_SUPERVISION_SCOPED
                        || row.access() == Access.API_CERTIFICATE_SCOPED)
                && allowed) {
            // no such organisation; a write without a body is refused as malformed before that
            assertThat(status).as("%s as %s", row, person).isIn(400, 404);
            return;
        }
        if ((row.access() == Access.ORGANIZATION_SCOPED
                        || row.access() == Access.ESTABLISHMENT_SCOPED
                        || row.access() == Access.SUPERVISION_SCOPED
                        || row.access() == Access.CERTIFICATE_SCOPED)
                && allowed) {
            // an organisation that does not exist: nobody learns more than "not found"
            assertThat(status).as("%s as %s", row, person).isEqualTo(404);
            return;
        }
        if (allowed) {
            assertThat(status).as("%s as %s", row, person).isNotIn(401, 403).isLessThan(500);
            assertThat(sentToSignIn).as("%s as %s sent to sign-in", row, person).isFalse();
        } else if (api(row) && person == Person.ANONYMOUS) {
            assertThat(status).as("%s as %s", row, person).isEqualTo(401);
        } else if (person == Person.ANONYMOUS) {
            assertThat(sentToSignIn)
                    .as("%s as %s sent to sign-in (status %s)", row, person, status)
                    .isTrue();
        } else {
            assertThat(status).as("%s as %s", row, person).isEqualTo(403);
        }
    }

    @Test
    void everyEndpointHasItsRow() {
        var declared = new TreeSet<String>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!ours(handler) || info.getPathPatternsCondition() == null) {
                return;
            }
            for (var pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (pattern.equals("/error")) {
                    continue;
                }
                var methods = info.getMethodsCondition().getMethods();
                for (var method : methods) {
                    declared.add(method.name() + " " + pattern);
                }
                if (methods.isEmpty()) {
                    declared.add("ANY " + pattern);
                }
            }
        });
        var covered = new TreeSet<String>();
        MATRIX.forEach(row -> covered.add(row.toString()));
        var missing = new ArrayList<>(declared);
        missing.removeAll(covered);
        assertThat(missing)
                .as("endpoints without a row in the authorization matrix")
                .isEmpty();
    }

    private static boolean api(Row row) {
        return row.path().startsWith("/api/");
    }

    private static boolean ours(HandlerMethod handler) {
        return handler.getBeanType().getPackageName().startsWith("fr.guichet");
    }

    private MockHttpServletResponse perform(Row row, Person person) throws Exception {
        var path = row.path()
                .replace("{section}", "services")
                .replace("{id}", "999999999")
                .replace("{accountId}", "999999999")
                .replace("{importId}", "999999999")
                .replace("{requestId}", "999999999")
                .replace("{serviceId}", "999999999")
                .replace("{toolId}", "999999999")
                .replace("{category}", "999999999")
                .replace("{attachment}", "999999999")
                .replace("{number}", "999999999")
                .replace("{documentId}", "999999999");
        // any other path variable ({versionId}, {domainId}…): an id nothing has
        MockHttpServletRequestBuilder request = request(row.method(), path.replaceAll("\\{\\w+}", "999999999"));
        if (row.method() == HttpMethod.POST) {
            request.with(csrf());
        }
        if (api(row)) {
            if (person != Person.ANONYMOUS) {
                request.header("Authorization", "Bearer " + tokens.get(person));
            }
            return mvc.perform(request).andReturn().getResponse();
        }
        return visitors.get(person).perform(request).andReturn().getResponse();
    }
}
