package fr.guichet.audit;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.access.AccessAccepted;
import fr.guichet.access.AccessConfirmed;
import fr.guichet.access.AccessEvent;
import fr.guichet.access.AccessRefused;
import fr.guichet.access.AccessRequested;
import fr.guichet.access.AccessRevoked;
import fr.guichet.account.AccountAnonymised;
import fr.guichet.account.events.AccountActivated;
import fr.guichet.account.events.AccountEvent;
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
import fr.guichet.administration.AdministrationEvent;
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
import fr.guichet.changes.ChangeEvent;
import fr.guichet.changes.ChangeRefused;
import fr.guichet.changes.ChangeRequested;
import fr.guichet.changes.ChangeValidated;
import fr.guichet.connect.ConnectedServiceDisabled;
import fr.guichet.connect.ConnectedServiceEvent;
import fr.guichet.connect.ConnectedServiceRegistered;
import fr.guichet.connect.ConnectedServiceSecretsRotated;
import fr.guichet.credits.CreditMovementCorrected;
import fr.guichet.credits.CreditTreeChosen;
import fr.guichet.credits.CreditsCredited;
import fr.guichet.events.AttendanceRecorded;
import fr.guichet.events.EventChanged;
import fr.guichet.events.EventPublished;
import fr.guichet.events.RegistrationMoved;
import fr.guichet.federation.FederationEvent;
import fr.guichet.federation.IdentityLinked;
import fr.guichet.federation.IdentityUnlinked;
import fr.guichet.federation.ProviderSaved;
import fr.guichet.federation.ProviderSwitched;
import fr.guichet.news.AnnouncementPublished;
import fr.guichet.news.AnnouncementWithdrawn;
import fr.guichet.releases.ProjectAddressChanged;
import fr.guichet.releases.ReleaseCreated;
import fr.guichet.releases.ReleaseEvent;
import fr.guichet.releases.ReleasePublished;
import fr.guichet.statistics.CountsPushed;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/** The words the trail already holds stay what they are, one per event, whatever the classes are called. */
class AuditActionsTest {

    /** As stored in audit_entry.action today: change none of them (add new ones below). */
    private static final Map<Class<?>, String> STORED = Map.ofEntries(
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
            entry(ChangeRequested.class, "CHANGE_REQUESTED"),
            entry(ChangeValidated.class, "CHANGE_VALIDATED"),
            entry(ChangeRefused.class, "CHANGE_REFUSED"),
            entry(MembershipConfirmed.class, "MEMBERSHIP_CONFIRMED"),
            entry(MembershipRefused.class, "MEMBERSHIP_REFUSED"),
            entry(ReleaseCreated.class, "RELEASE_CREATED"),
            entry(ReleasePublished.class, "RELEASE_PUBLISHED"),
            entry(ProjectAddressChanged.class, "PROJECT_ADDRESS_CHANGED"),
            entry(CertificateSignInFailed.class, "CERTIFICATE_SIGN_IN_FAILED"),
            entry(AuthenticationChanged.class, "AUTHENTICATION_CHANGED"),
            entry(ConnectedServiceRegistered.class, "CONNECTED_SERVICE_REGISTERED"),
            entry(ConnectedServiceSecretsRotated.class, "CONNECTED_SERVICE_SECRETS_ROTATED"),
            entry(ConnectedServiceDisabled.class, "CONNECTED_SERVICE_DISABLED"),
            entry(ProviderSaved.class, "IDENTITY_PROVIDER_SAVED"),
            entry(ProviderSwitched.class, "IDENTITY_PROVIDER_SWITCHED"),
            entry(IdentityLinked.class, "FEDERATED_IDENTITY_LINKED"),
            entry(IdentityUnlinked.class, "FEDERATED_IDENTITY_UNLINKED"),
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

    @Test
    void everyEventKeepsTheActionTheTrailAlreadyHolds() {
        assertThat(AuditActions.all()).containsExactlyInAnyOrderEntriesOf(STORED);
    }

    @Test
    void noTwoEventsShareAnAction() {
        assertThat(new HashSet<>(AuditActions.all().values()))
                .hasSameSizeAs(AuditActions.all().values())
                .doesNotContain("DOCUMENT_ADDED", "DOCUMENT_REPLACED", "DOCUMENT_REMOVED");
    }

    @Test
    void everyAuditedEventHasItsAction() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(AccountEvent.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(AccessEvent.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(AdministrationEvent.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(ChangeEvent.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(ReleaseEvent.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(FederationEvent.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(ConnectedServiceEvent.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(AnnouncementPublished.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(AnnouncementWithdrawn.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(CreditsCredited.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(CreditMovementCorrected.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(CreditTreeChosen.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(BrandingPublished.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(BrandingReset.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(CountsPushed.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(CertificateRequested.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(CertificateRequestMoved.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(CertificateAdded.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(CertificateRemoved.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(EventPublished.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(EventChanged.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(RegistrationMoved.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(AttendanceRecorded.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(AccountAnonymised.class));

        var audited = scanner.findCandidateComponents("fr.guichet").stream()
                .map(d -> d.getBeanClassName())
                .collect(Collectors.toSet());

        assertThat(audited)
                .isNotEmpty()
                .isEqualTo(
                        AuditActions.all().keySet().stream().map(Class::getName).collect(Collectors.toSet()));
    }

    @Test
    void everyActionHasItsWordsInTheJournalInBothLanguages() throws Exception {
        for (var bundle : List.of("/messages.properties", "/messages_en.properties")) {
            var words = new Properties();
            try (var in = AuditActionsTest.class.getResourceAsStream(bundle)) {
                words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(AuditActions.all().values())
                    .as(bundle)
                    .allSatisfy(action -> assertThat(words.getProperty("journal.action." + action))
                            .as("journal.action.%s in %s", action, bundle)
                            .isNotBlank());
        }
    }
}
