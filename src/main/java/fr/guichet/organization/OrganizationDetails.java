package fr.guichet.organization;

/** The coordinates of an organisation (address, postal code, city, phone, fax). */
public record OrganizationDetails(
        String name, String address, String postalCode, String city, String phone, String fax, String website) {}
