package fr.guichet.audit;

import static java.util.Map.entry;

import fr.guichet.access.AccessAccepted;
import fr.guichet.access.AccessConfirmed;
import fr.guichet.access.AccessRefused;
import fr.guichet.access.AccessRequested;
import fr.guichet.access.AccessRevoked;
import fr.guichet.account.AccountAnonymised;
import fr.guichet.account.events.AccountActivated;
import fr.guichet.account.events.AccountRegistered;
import fr.guichet.account.events.ApiTokenCreated;
import fr.guichet.account.events.ApiTokenRevoked;
import fr.guichet.account.events.CertificateSignInFailed;
import fr.guichet.account.events.CoordinatesChanged;
import fr.guichet.account.events.EmailChanged;
import fr.guichet.account.events.MembershipLeft;
import fr.guichet.account.events.MembershipRequested;
import fr.guichet.account.events.PasswordChanged;
import fr.guichet.account.events.PasswordReset;
import fr.guichet.account.events.PersonalDataExported;
import fr.guichet.account.events.SignInFailed;
import fr.guichet.account.events.SignInSucceeded;
import fr.guichet.administration.AuthenticationChanged;
import fr.guichet.administration.MembershipConfirmed;
import fr.guichet.administration.MembershipRefused;
import fr.guichet.administration.OrganizationChanged;
import fr.guichet.administration.OrganizationDeleted;
import fr.guichet.administration.RightGranted;
import fr.guichet.administration.RightRevoked;
import fr.guichet.administration.SubOrganizationCreated;
import fr.guichet.administration.SuperAdminNamed;
import fr.guichet.administration.SuperAdminRemoved;
import fr.guichet.administration.UserAdded;
import fr.guichet.administration.UserRemoved;
import fr.guichet.branding.BrandingPublished;
import fr.guichet.branding.BrandingReset;
import fr.guichet.certificates.CertificateAdded;
import fr.guichet.certificates.CertificateRemoved;
import fr.guichet.certificates.CertificateRequestMoved;
import fr.guichet.certificates.CertificateRequested;
import fr.guichet.changes.ChangeRefused;
import fr.guichet.changes.ChangeRequested;
import fr.guichet.changes.ChangeValidated;
import fr.guichet.connect.ConnectedServiceDisabled;
import fr.guichet.connect.ConnectedServiceRegistered;
import fr.guichet.connect.ConnectedServiceSecretsRotated;
import fr.guichet.credits.CreditMovementCorrected;
import fr.guichet.credits.CreditTreeChosen;
import fr.guichet.credits.CreditsCredited;
import fr.guichet.events.AttendanceRecorded;
import fr.guichet.events.EventChanged;
import fr.guichet.events.EventPublished;
import fr.guichet.events.RegistrationMoved;
import fr.guichet.federation.IdentityLinked;
import fr.guichet.federation.IdentityUnlinked;
import fr.guichet.federation.ProviderSaved;
import fr.guichet.federation.ProviderSwitched;
import fr.guichet.news.AnnouncementPublished;
import fr.guichet.news.AnnouncementWithdrawn;
import fr.guichet.releases.ProjectAddressChanged;
import fr.guichet.releases.ReleaseCreated;
import fr.guichet.releases.ReleasePublished;
import fr.guichet.statistics.CountsPushed;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.springframework.core.io.ClassPathResource;

/**
 * The action under which the trail stores each audited event, written out once: the trail keeps
 * these words for years, so renaming an event's class must not change them. (They read like the
 * class names because they were once derived from them.)
 */
final class AuditActions {

    private static final Map<Class<?>, String> ACTIONS = Map.ofEntries(
            entry(AccountActivated.class, "ACCOUNT_ACTIVATED"),
            entry(AccountRegistered.class, "ACCOUNT_REGISTERED"),
            entry(ApiTokenCreated.class, "API_TOKEN_CREATED"),
            entry(ApiTokenRevoked.class, "API_TOKEN_REVOKED"),
            entry(CoordinatesChanged.class, "COORDINATES_CHANGED"),
            entry(EmailChanged.class, "EMAIL_CHANGED"),
            entry(PasswordChanged.class, "PASSWORD_CHANGED"),
            entry(PasswordReset.class, "PASSWORD_RESET"),
            entry(PersonalDataExported.class, "PERSONAL_DATA_EXPORTED"),
            entry(SignInFailed.class, "SIGN_IN_FAILED"),
            entry(SignInSucceeded.class, "SIGN_IN_SUCCEEDED"),
            entry(CertificateSignInFailed.class, "CERTIFICATE_SIGN_IN_FAILED"),
            entry(AccessAccepted.class, "ACCESS_ACCEPTED"),
            entry(AccessConfirmed.class, "ACCESS_CONFIRMED"),
            entry(AccessRefused.class, "ACCESS_REFUSED"),
            entry(AccessRequested.class, "ACCESS_REQUESTED"),
            entry(AccessRevoked.class, "ACCESS_REVOKED"),
            entry(OrganizationChanged.class, "ORGANIZATION_CHANGED"),
            entry(OrganizationDeleted.class, "ORGANIZATION_DELETED"),
            entry(RightGranted.class, "RIGHT_GRANTED"),
            entry(RightRevoked.class, "RIGHT_REVOKED"),
            entry(SubOrganizationCreated.class, "SUB_ORGANIZATION_CREATED"),
            entry(SuperAdminNamed.class, "SUPER_ADMIN_NAMED"),
            entry(SuperAdminRemoved.class, "SUPER_ADMIN_REMOVED"),
            entry(UserAdded.class, "USER_ADDED"),
            entry(UserRemoved.class, "USER_REMOVED"),
            entry(AuthenticationChanged.class, "AUTHENTICATION_CHANGED"),
            entry(ChangeRequested.class, "CHANGE_REQUESTED"),
            entry(ChangeValidated.class, "CHANGE_VALIDATED"),
            entry(ChangeRefused.class, "CHANGE_REFUSED"),
            entry(MembershipConfirmed.class, "MEMBERSHIP_CONFIRMED"),
            entry(MembershipRefused.class, "MEMBERSHIP_REFUSED"),
            entry(ReleaseCreated.class, "RELEASE_CREATED"),
            entry(ReleasePublished.class, "RELEASE_PUBLISHED"),
            entry(ProjectAddressChanged.class, "PROJECT_ADDRESS_CHANGED"),
            entry(ProviderSaved.class, "IDENTITY_PROVIDER_SAVED"),
            entry(ProviderSwitched.class, "IDENTITY_PROVIDER_SWITCHED"),
            entry(IdentityLinked.class, "FEDERATED_IDENTITY_LINKED"),
            entry(IdentityUnlinked.class, "FEDERATED_IDENTITY_UNLINKED"),
            entry(ConnectedServiceRegistered.class, "CONNECTED_SERVICE_REGISTERED"),
            entry(ConnectedServiceSecretsRotated.class, "CONNECTED_SERVICE_SECRETS_ROTATED"),
            entry(ConnectedServiceDisabled.class, "CONNECTED_SERVICE_DISABLED"),
            entry(MembershipRequested.class, "MEMBERSHIP_REQUESTED"),
            entry(MembershipLeft.class, "MEMBERSHIP_LEFT"),
            entry(AnnouncementPublished.class, "ANNOUNCEMENT_PUBLISHED"),
            entry(AnnouncementWithdrawn.class, "ANNOUNCEMENT_WITHDRAWN"),
            entry(CreditsCredited.class, "CREDITS_CREDITED"),
            entry(CreditMovementCorrected.class, "CREDIT_MOVEMENT_CORRECTED"),
            entry(CreditTreeChosen.class, "CREDIT_TREE_CHOSEN"),
            entry(BrandingPublished.class, "BRANDING_PUBLISHED"),
            entry(BrandingReset.class, "BRANDING_RESET"),
            entry(CountsPushed.class, "STATISTICS_COUNTS_PUSHED"),
            entry(CertificateRequested.class, "CERTIFICATE_REQUESTED"),
            entry(CertificateRequestMoved.class, "CERTIFICATE_REQUEST_MOVED"),
            entry(CertificateAdded.class, "CERTIFICATE_ADDED"),
            entry(CertificateRemoved.class, "CERTIFICATE_REMOVED"),
            entry(EventPublished.class, "EVENT_PUBLISHED"),
            entry(EventChanged.class, "EVENT_CHANGED"),
            entry(RegistrationMoved.class, "EVENT_REGISTRATION_MOVED"),
            entry(AttendanceRecorded.class, "EVENT_ATTENDANCE_RECORDED"),
            entry(AccountAnonymised.class, "ACCOUNT_ANONYMISED"));

    private AuditActions() {}

    static String of(Object event) {
        var action = ACTIONS.get(event.getClass());
        if (action == null) {
            throw new IllegalStateException(
                    "No audit action for " + event.getClass().getName() + ": name one in AuditActions");
        }
        return action;
    }

    static Map<Class<?>, String> all() {
        return ACTIONS;
    }

    /**
     * Every action the journal can show, its events' and those a listener composes (a reference's or
     * an article's change, a document's act, a cancelled event): each has its words under
     * {@code journal.action.}, which the search form lists.
     */
    static List<String> shown() {
        return SHOWN;
    }

    private static final List<String> SHOWN = readShown();

    private static List<String> readShown() {
        var words = new Properties();
        try (var in = new ClassPathResource("messages.properties").getInputStream()) {
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var prefix = "journal.action.";
        return words.stringPropertyNames().stream()
                .filter(k -> k.startsWith(prefix))
                .map(k -> k.substring(prefix.length()))
                .sorted()
                .toList();
    }
}
