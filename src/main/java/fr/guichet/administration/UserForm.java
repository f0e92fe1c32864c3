package fr.guichet.administration;

import fr.guichet.account.Civility;
import fr.guichet.account.NewPerson;
import fr.guichet.account.PostalAddress;
import fr.guichet.shared.PersonName;
import fr.guichet.shared.Phone;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** "Créer un utilisateur": no password here, the person chooses his own. */
record UserForm(
        @NotNull(message = "{validation.required}") Civility civility,

        @NotBlank(message = "{validation.required}") @PersonName
        String lastName,

        @NotBlank(message = "{validation.required}") @PersonName
        String firstName,

        @Size(max = 150, message = "{validation.too-long}") String jobTitle,

        @NotBlank(message = "{validation.required}")
        @Email(message = "{validation.email}")
        @Size(max = 254, message = "{validation.email}")
        String email,

        @Phone String phone,
        @Phone String fax,
        @Phone String mobile,
        @Size(max = 255, message = "{validation.too-long}") String address,
        @Size(max = 255, message = "{validation.too-long}") String addressComplement,

        @Pattern(regexp = "^$|^[0-9]{5}$", message = "{validation.postal-code}")
        String postalCode,

        @Size(max = 100, message = "{validation.too-long}") String city) {

    static UserForm empty() {
        return new UserForm(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    NewPerson person() {
        return new NewPerson(
                email.strip(),
                civility,
                lastName.strip(),
                firstName.strip(),
                blank(jobTitle),
                blank(phone),
                blank(fax),
                blank(mobile),
                new PostalAddress(blank(address), blank(addressComplement), blank(postalCode), blank(city)));
    }

    static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
