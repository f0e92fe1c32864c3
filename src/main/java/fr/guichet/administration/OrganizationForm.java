package fr.guichet.administration;

import fr.guichet.organization.OrganizationDetails;
import fr.guichet.shared.Phone;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A sub-organisation's coordinates (name up to 255 characters, address, phones), type and certificate. */
record OrganizationForm(
        @NotBlank(message = "{validation.required}") @Size(max = 255, message = "{validation.too-long}")
        String name,

        @Size(max = 255, message = "{validation.too-long}") String address,

        @Pattern(regexp = "^$|^[0-9]{5}$", message = "{validation.postal-code}")
        String postalCode,

        @Size(max = 100, message = "{validation.too-long}") String city,
        @Phone String phone,
        @Phone String fax,
        String typeCode,
        /* on creation: INHERIT (the parent's encryption certificates) or REQUEST (its own, asked for) */
        String certificate) {

    static final String INHERIT = "INHERIT";
    static final String REQUEST = "REQUEST";

    static OrganizationForm of(OrganizationDetails details) {
        return new OrganizationForm(
                details.name(),
                details.address(),
                details.postalCode(),
                details.city(),
                details.phone(),
                details.fax(),
                null,
                null);
    }

    OrganizationDetails details(String website) {
        return new OrganizationDetails(
                name.strip(), blank(address), blank(postalCode), blank(city), blank(phone), blank(fax), website);
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
