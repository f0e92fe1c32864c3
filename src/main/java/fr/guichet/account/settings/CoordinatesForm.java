package fr.guichet.account.settings;

import fr.guichet.account.Civility;
import fr.guichet.account.Coordinates;
import fr.guichet.account.InterestDomain;
import fr.guichet.account.registration.DetailsForm;
import fr.guichet.shared.PersonName;
import fr.guichet.shared.Phone;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** "Mes coordonnées" of "Mon compte", fax included. */
record CoordinatesForm(
        @NotNull(message = "{validation.required}") Civility civility,

        @NotBlank(message = "{validation.required}") @PersonName
        String lastName,

        @NotBlank(message = "{validation.required}") @PersonName
        String firstName,

        @Phone String landline,
        @Phone String mobile,
        @Phone String fax,
        @Size(max = 150, message = "{validation.too-long}") String jobTitle,
        InterestDomain professionalDomain,
        @Size(max = 150, message = "{validation.too-long}") String placeOfAttachment) {

    static CoordinatesForm of(Coordinates c) {
        InterestDomain domain = null;
        if (c.professionalDomain() != null) {
            try {
                domain = InterestDomain.valueOf(c.professionalDomain());
            } catch (IllegalArgumentException unknown) {
                domain = null;
            }
        }
        return new CoordinatesForm(
                c.civility(),
                c.lastName(),
                c.firstName(),
                c.landline(),
                c.mobile(),
                c.fax(),
                c.jobTitle(),
                domain,
                c.placeOfAttachment());
    }

    Coordinates coordinates() {
        return new Coordinates(
                civility,
                lastName.strip(),
                firstName.strip(),
                DetailsForm.blankToNull(landline),
                DetailsForm.blankToNull(mobile),
                DetailsForm.blankToNull(fax),
                DetailsForm.blankToNull(jobTitle),
                professionalDomain == null ? null : professionalDomain.name(),
                DetailsForm.blankToNull(placeOfAttachment));
    }
}
