package fr.guichet.administration;

import fr.guichet.account.AccountId;
import fr.guichet.account.Civility;
import fr.guichet.account.NewPerson;
import fr.guichet.account.PersonView;
import fr.guichet.account.PostalAddress;
import fr.guichet.account.SignedInPerson;
import fr.guichet.organization.OrganizationDetails;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationTypeView;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import fr.guichet.organization.RoleView;
import fr.guichet.shared.ClientAddress;
import fr.guichet.shared.PersonName;
import fr.guichet.shared.Phone;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The administration pages' operations for programs, under exactly the same rules. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Organisations")
@SecurityRequirement(name = "bearer")
class OrganizationApi {

    private final Administration administration;
    private final Organizations organizations;

    OrganizationApi(Administration administration, Organizations organizations) {
        this.administration = administration;
        this.organizations = organizations;
    }

    record OrganizationDto(
            long id,
            Long parentId,
            String name,
            String acronym,
            String type,
            String address,
            String postalCode,
            String city,
            String phone,
            String fax) {

        static OrganizationDto of(OrganizationView o) {
            var d = o.details();
            return new OrganizationDto(
                    o.id().value(),
                    o.parent() == null ? null : o.parent().value(),
                    o.name(),
                    o.acronym(),
                    o.typeCode(),
                    d.address(),
                    d.postalCode(),
                    d.city(),
                    d.phone(),
                    d.fax());
        }
    }

    record OrganizationInput(
            @NotBlank @Size(max = 255) String name,
            @Size(max = 255) String address,

            @Pattern(regexp = "^$|^[0-9]{5}$", message = "{validation.postal-code}")
            String postalCode,

            @Size(max = 100) String city,
            @Phone String phone,
            @Phone String fax,
            String type,

            @Schema(
                    description =
                            "On creation: true to encrypt with the parent's certificates; false or absent, the sub-organisation needs a certificate request of its own before rights are granted in it")
            Boolean inheritCertificate) {

        OrganizationDetails details(String website) {
            return new OrganizationForm(name, address, postalCode, city, phone, fax, type, null).details(website);
        }
    }

    record PersonDto(
            long id,
            String email,
            String civility,
            String lastName,
            String firstName,
            String jobTitle,
            boolean active) {

        static PersonDto of(PersonView p) {
            return new PersonDto(
                    p.id().value(),
                    p.email(),
                    p.civility() == null ? null : p.civility().name(),
                    p.lastName(),
                    p.firstName(),
                    p.jobTitle(),
                    p.active());
        }
    }

    record UserInput(
            @NotNull Civility civility,
            @NotBlank @PersonName String lastName,
            @NotBlank @PersonName String firstName,
            @Size(max = 150) String jobTitle,
            @NotBlank @Email @Size(max = 254) String email,
            @Phone String phone,
            @Phone String fax,
            @Phone String mobile,
            @Size(max = 255) String address,
            @Size(max = 255) String addressComplement,

            @Pattern(regexp = "^$|^[0-9]{5}$", message = "{validation.postal-code}")
            String postalCode,

            @Size(max = 100) String city) {

        NewPerson person() {
            return new NewPerson(
                    email.strip(),
                    civility,
                    lastName.strip(),
                    firstName.strip(),
                    UserForm.blank(jobTitle),
                    UserForm.blank(phone),
                    UserForm.blank(fax),
                    UserForm.blank(mobile),
                    new PostalAddress(
                            UserForm.blank(address),
                            UserForm.blank(addressComplement),
                            UserForm.blank(postalCode),
                            UserForm.blank(city)));
        }
    }

    /** {@code invited} is always true: an invitation went out, whether the address had an account or not. */
    record UserAdded(String email, boolean invited) {}

    @GetMapping("/organization-types")
    @Operation(summary = "Types of organisation and the roles each allows")
    List<OrganizationTypeView> types(Locale locale) {
        return organizations.types(locale);
    }

    @GetMapping("/organizations")
    @Operation(summary = "The organisations the caller administers, parents before children")
    List<OrganizationDto> tree(@AuthenticationPrincipal SignedInPerson person) {
        return administration.administeredTree(person.accountId()).stream()
                .map(OrganizationDto::of)
                .toList();
    }

    @GetMapping("/organizations/{id}")
    OrganizationDto organization(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id) {
        return OrganizationDto.of(administration
                .administered(person.accountId(), new OrganizationId(id))
                .organization());
    }

    @PostMapping("/organizations/{id}/sub-organizations")
    @Operation(summary = "Create a sub-organisation; its type is fixed for life")
    ResponseEntity<OrganizationDto> createSubOrganization(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @Valid @RequestBody OrganizationInput input,
            HttpServletRequest request) {
        administration.require(
                person.accountId(), new OrganizationId(id), Administration.Capability.CREATE_SUB_ORGANIZATIONS);
        if (input.type() == null
                || organizations.type(input.type(), Locale.FRENCH).isEmpty()) {
            throw new AdministrationRefusal("organization.type.required");
        }
        var created = administration.createSubOrganization(
                person.accountId(),
                new OrganizationId(id),
                input.type(),
                input.details(null),
                Boolean.TRUE.equals(input.inheritCertificate()),
                ClientAddress.of(request));
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + created.value()))
                .body(OrganizationDto.of(organizations.find(created).orElseThrow()));
    }

    @PutMapping("/organizations/{id}")
    OrganizationDto change(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @Valid @RequestBody OrganizationInput input,
            HttpServletRequest request) {
        var organization = administration
                .require(person.accountId(), new OrganizationId(id), Administration.Capability.CHANGE)
                .organization();
        administration.change(
                person.accountId(),
                organization.id(),
                input.details(organization.details().website()),
                ClientAddress.of(request));
        return OrganizationDto.of(organizations.find(organization.id()).orElseThrow());
    }

    @DeleteMapping("/organizations/{id}")
    ResponseEntity<Void> delete(
            @AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, HttpServletRequest request) {
        administration.delete(person.accountId(), new OrganizationId(id), ClientAddress.of(request));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/organizations/{id}/users")
    List<PersonDto> users(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id) {
        return administration.users(person.accountId(), new OrganizationId(id)).stream()
                .map(PersonDto::of)
                .toList();
    }

    @PostMapping("/organizations/{id}/users")
    @Operation(
            summary = "Invite a person: to create his account, or, if the address has one, to accept joining "
                    + "(the answer is the same either way)")
    ResponseEntity<UserAdded> addUser(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @Valid @RequestBody UserInput input,
            Locale locale,
            HttpServletRequest request) {
        administration.addUser(
                person.accountId(), new OrganizationId(id), input.person(), locale, ClientAddress.of(request));
        return ResponseEntity.status(201)
                .body(new UserAdded(input.email().strip().toLowerCase(Locale.ROOT), true));
    }

    @DeleteMapping("/organizations/{id}/users/{accountId}")
    ResponseEntity<Void> removeUser(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("accountId") long accountId,
            HttpServletRequest request) {
        administration.removeUsers(
                person.accountId(),
                new OrganizationId(id),
                Set.of(new AccountId(accountId)),
                ClientAddress.of(request));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/organizations/{id}/roles")
    @Operation(summary = "Roles of the members in a role-bearing service, by account id")
    Map<Long, Set<String>> roles(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "service", defaultValue = RoleView.PROCUREMENT_ROOM) String service) {
        administration.require(person.accountId(), new OrganizationId(id), Administration.Capability.MANAGE_USERS);
        return byId(administration.roles(person.accountId(), new OrganizationId(id), service));
    }

    @PutMapping("/organizations/{id}/roles")
    @Operation(summary = "Set the roles of the members listed (the others keep theirs), all or nothing")
    ResponseEntity<Void> setRoles(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "service", defaultValue = RoleView.PROCUREMENT_ROOM) String service,
            @RequestBody Map<Long, Set<String>> matrix,
            HttpServletRequest request) {
        administration.saveMatrix(
                person.accountId(),
                new OrganizationId(id),
                Grant.Kind.ROLE,
                service,
                byAccount(matrix),
                ClientAddress.of(request));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/organizations/{id}/admin-rights")
    Map<Long, Set<String>> adminRights(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id) {
        administration.require(person.accountId(), new OrganizationId(id), Administration.Capability.NAME_ADMINS);
        return byId(administration.rights(person.accountId(), new OrganizationId(id), Grant.Kind.ADMIN));
    }

    @PutMapping("/organizations/{id}/admin-rights")
    @Operation(summary = "Set the admin rights of the members listed; only rights the caller holds can change")
    ResponseEntity<Void> setAdminRights(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestBody Map<Long, Set<String>> matrix,
            HttpServletRequest request) {
        administration.saveMatrix(
                person.accountId(),
                new OrganizationId(id),
                Grant.Kind.ADMIN,
                Grant.NO_SERVICE,
                byAccount(matrix),
                ClientAddress.of(request));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/organizations/{id}/supervision-rights")
    Map<Long, Set<String>> supervisionRights(
            @AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id) {
        administration.require(person.accountId(), new OrganizationId(id), Administration.Capability.MANAGE_USERS);
        return byId(administration.rights(person.accountId(), new OrganizationId(id), Grant.Kind.SUPERVISION));
    }

    @PutMapping("/organizations/{id}/supervision-rights")
    ResponseEntity<Void> setSupervisionRights(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestBody Map<Long, Set<String>> matrix,
            HttpServletRequest request) {
        administration.saveMatrix(
                person.accountId(),
                new OrganizationId(id),
                Grant.Kind.SUPERVISION,
                Grant.NO_SERVICE,
                byAccount(matrix),
                ClientAddress.of(request));
        return ResponseEntity.noContent().build();
    }

    private static Map<Long, Set<String>> byId(Map<AccountId, Set<String>> matrix) {
        return matrix.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().value(), Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    private static Map<AccountId, Set<String>> byAccount(Map<Long, Set<String>> matrix) {
        return matrix.entrySet().stream()
                .collect(Collectors.toMap(
                        e -> new AccountId(e.getKey()), e -> e.getValue() == null ? Set.of() : e.getValue()));
    }
}
