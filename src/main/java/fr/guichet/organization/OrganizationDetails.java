package fr.guichet.organization;

/** The coordinates of an organisation (seed 004: address, postal code, city, phone, fax). */
public record OrganizationDetails(String name, String address, String postalCode, String city, String phone, String fax,
        String website) {
}
