package fr.guichet.organization;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Platform admins extend the organisation types and their roles (the security chain allows only them). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Organisations")
@SecurityRequirement(name = "bearer")
class OrganizationTypeApi {

    private final Organizations organizations;

    OrganizationTypeApi(Organizations organizations) {
        this.organizations = organizations;
    }

    record RoleInput(
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}")
            String service,

            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}")
            String code,

            @NotBlank @Size(max = 100) String labelFr,
            @NotBlank @Size(max = 100) String labelEn,
            @NotBlank @Size(max = 500) String descriptionFr,
            @NotBlank @Size(max = 500) String descriptionEn) {}

    record TypeInput(
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}")
            String code,

            @NotBlank @Size(max = 100) String labelFr,
            @NotBlank @Size(max = 100) String labelEn,
            @NotEmpty List<@Valid RoleInput> roles) {}

    @PostMapping("/organization-types")
    @Operation(summary = "Define a new type of organisation and its roles (platform admins)")
    ResponseEntity<OrganizationTypeView> define(@Valid @RequestBody TypeInput input, Locale locale) {
        if (organizations.typeExists(input.code())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        organizations.defineType(
                input.code(),
                input.labelFr(),
                input.labelEn(),
                input.roles().stream()
                        .map(r -> new NewRole(
                                r.service(), r.code(), r.labelFr(), r.labelEn(), r.descriptionFr(), r.descriptionEn()))
                        .toList());
        return ResponseEntity.created(URI.create("/api/v1/organization-types"))
                .body(organizations.type(input.code(), locale).orElseThrow());
    }
}
