package fr.guichet.access;

import fr.guichet.account.InterestDomain;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a platform admin says of a service, from the page or the API. */
public record ServiceDefinition(
        @NotBlank(message = "{validation.required}")
        @Size(max = 30, message = "{validation.too-long}")
        @Pattern(regexp = "^$|^[A-Za-z0-9_-]+$", message = "{service.code.invalid}")
        String code,

        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.too-long}")
        String name,

        @Size(max = 2000, message = "{validation.too-long}") String description,
        @NotNull(message = "{validation.required}") InterestDomain domain,
        @NotNull(message = "{validation.required}") DecidedBy decidedBy,
        Boolean active) {}
