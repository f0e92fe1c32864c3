package fr.guichet.account.settings;

import fr.guichet.account.CurrentPerson;
import fr.guichet.account.places.Places;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Account")
class MeApi {

    private final AccountSettings settings;
    private final Organizations organizations;
    private final Places places;

    MeApi(AccountSettings settings, Organizations organizations, Places places) {
        this.settings = settings;
        this.organizations = organizations;
        this.places = places;
    }

    /** A chosen place: its code ({@code R-44}, {@code D-67}, {@code C-DE}) and how it reads. */
    record PlaceDto(String code, String label) {}

    record MembershipDto(long organizationId, String organization, String status) {}

    record MeDto(
            long id,
            String email,
            String civility,
            String lastName,
            String firstName,
            String language,
            List<MembershipDto> memberships,
            List<PlaceDto> places) {}

    @GetMapping("/me")
    @Operation(summary = "The person the token belongs to", security = @SecurityRequirement(name = "bearer"))
    MeDto me() {
        var account = settings.get(CurrentPerson.id());
        var c = account.coordinates();
        var names = organizations.findAll(account.memberships().stream()
                .map(m -> new OrganizationId(m.organizationId()))
                .toList());
        var memberships = account.memberships().stream()
                .map(m -> new MembershipDto(
                        m.organizationId(),
                        names.stream()
                                .filter(o -> o.id().value() == m.organizationId())
                                .findFirst()
                                .map(o -> o.label())
                                .orElse(null),
                        m.status().name()))
                .toList();
        return new MeDto(
                account.id().value(),
                account.email().value(),
                c.civility().name(),
                c.lastName(),
                c.firstName(),
                account.locale().getLanguage(),
                memberships,
                places.chosenBy(account.id()).stream()
                        .map(p -> new PlaceDto(p.code(), p.label(account.locale())))
                        .sorted(Comparator.comparing(PlaceDto::code))
                        .toList());
    }
}
